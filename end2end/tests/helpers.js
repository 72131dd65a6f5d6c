// Shared steps: sign in as the demo admin, wait for hydration, collect browser errors.
import { expect } from '@playwright/test';

export const ADMIN = { username: 'admin', password: 'thidua-demo-2026' };

/** A code that no other test (or project) uses. */
export function uniqueCode(prefix, testInfo) {
  const project = testInfo.project.name.replace(/[^a-z]/gi, '').toUpperCase().slice(0, 6);
  return `${prefix}-${project}-${Date.now().toString(36).toUpperCase()}`;
}

export function jsEnabled(testInfo) {
  return testInfo.project.use.javaScriptEnabled !== false;
}

/**
 * Waits until the WebAssembly has hydrated the page (only when scripts run). A load that has not
 * hydrated in 20 s is reloaded once and reported as an annotation: about one load in a few hundred
 * never starts its WebAssembly fetch in Chromium (the server receives no request for it; issue 14
 * notes), and the page then works as without scripts.
 */
export async function hydrated(page, testInfo) {
  if (!jsEnabled(testInfo)) return;
  const marker = page.locator('body[data-hydrated="true"]');
  if (await marker.waitFor({ state: 'attached', timeout: 20_000 }).then(() => true, () => false)) return;
  testInfo.annotations.push({ type: 'slow hydration', description: page.url() });
  testInfo.setTimeout(testInfo.timeout + 60_000);
  await page.reload();
  await marker.waitFor({ state: 'attached', timeout: 30_000 });
}

export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} (on ${page.url()})`);
  });
  return errors;
}

/** Signs in and lands on `to` (the campaign list by default, as after a plain sign-in). */
export async function signIn(page, testInfo, user = ADMIN, to = '/admin/campaigns') {
  await page.goto(to === '/admin/campaigns' ? '/login' : `/login?next=${encodeURIComponent(to)}`);
  await hydrated(page, testInfo);
  await page.getByLabel('Tên đăng nhập').fill(user.username);
  await page.getByLabel('Mật khẩu').fill(user.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(new RegExp(to.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await hydrated(page, testInfo);
}

/** Signs in and opens the unit tree. */
export async function signInToUnits(page, testInfo) {
  await signIn(page, testInfo, ADMIN, '/admin/units');
  await expect(page.getByRole('heading', { level: 1, name: 'Đơn vị' })).toBeVisible();
}

/** The link of one unit, read from the printable QR sheet. `index` counts from the end when negative. */
export async function unitLink(browser, testInfo, campaign, index) {
  const context = await browser.newContext({ javaScriptEnabled: true });
  const page = await context.newPage();
  await signIn(page, testInfo, undefined, `/admin/campaigns/${campaign}/links/print`);
  const cards = page.locator('.qr-card');
  const count = await cards.count();
  const card = cards.nth(index < 0 ? count + index : index);
  const unit = (await card.locator('h2').textContent()).trim();
  const url = (await card.locator('.qr-url').textContent()).trim();
  await expect(card.locator('.qr-code svg')).toBeVisible();
  await context.close();
  return { unit, path: new URL(url).pathname };
}

/** Fills every required field of the initiative form with a valid value. */
export async function fillInitiative(page, title) {
  await page.getByText('Mô hình', { exact: true }).click();
  await page.getByLabel('Lĩnh vực').selectOption({ index: 1 });
  await page.getByLabel('Tên sáng kiến').fill(title);
  await page.getByLabel('Thực trạng').fill('Người dân phải chờ lâu ở bộ phận một cửa.');
  await page.getByLabel('Nội dung giải pháp').fill('Bước 1: lấy số qua Zalo.\n\nBước 2: gọi theo số thứ tự.');
  await page.getByLabel('Hiệu quả, lợi ích dự kiến').fill('Giảm một nửa thời gian chờ.');
  await page.getByLabel('Phạm vi áp dụng').fill('Toàn phường.');
  await page.getByLabel('Ngày áp dụng lần đầu').fill('01/11/2026');
}
