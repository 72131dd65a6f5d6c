// The public leaderboard: anybody opens it without signing in, on a phone or a desktop; it
// shows registration progress, the standings and the newest registrations, and follows a new
// registration without a reload (pushed by the server).
import { test, expect } from '@playwright/test';
import { fillInitiative, hydrated, jsEnabled, unitLink, watchErrors } from './helpers.js';

const OPEN_CAMPAIGN = 5; // Móng Cái, open now (demo), public

test('@forms the board of an open campaign shows progress, standings and the newest registrations', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.goto(`/live/${OPEN_CAMPAIGN}`);
  await hydrated(page, testInfo);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Phong trào thi đua cải cách hành chính');
  await expect(page.locator('.live-count')).toHaveText(/^\d+\/\d+ (đơn vị|phường|xã) đã đăng ký sáng kiến$/);
  await expect(page.getByRole('progressbar')).toBeVisible();
  // Before results are published: what each unit has done, no places and no podium.
  await expect(page.getByRole('heading', { name: 'Tiến độ tham gia' })).toBeVisible();
  expect(await page.locator('.live-table tbody tr').count()).toBeGreaterThan(3);
  await expect(page.locator('.live-table .place')).toHaveCount(0);
  await expect(page.locator('.live-table tbody tr').first().locator('td.count')).toHaveText(/^\d+\/\d+$/);
  await expect(page.locator('.live-latest li').first()).toBeVisible();
  await expect(page.locator('.live-latest time').first()).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  // Nothing wider than the screen on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
});

test('@forms a published board shares places between equal scores and says why', async ({ page }, testInfo) => {
  await page.goto('/live/3'); // Quận 11, 2022 (demo): published
  await hydrated(page, testInfo);
  await expect(page.getByRole('heading', { name: 'Xếp hạng' })).toBeVisible();
  const rows = await page.locator('.live-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [Number(tr.querySelector('.place').firstChild.textContent), tr.querySelector('.score').textContent]));
  expect(rows.length).toBeGreaterThan(3);
  rows.forEach(([place, score], i) => {
    const expected = i === 0 ? 1 : score === rows[i - 1][1] ? rows[i - 1][0] : i + 1;
    expect(place).toBe(expected);
  });
  expect(rows.some(([place], i) => i > 0 && place === rows[i - 1][0])).toBe(true);
  await expect(page.locator('.live-table .place[title^="Đồng hạng"]').first()).toBeAttached();
  await expect(page.getByText('Bằng điểm thì đồng hạng')).toBeVisible();
  await page.getByRole('link', { name: 'Xem kết quả' }).click();
  await expect(page).toHaveURL(/\/results\/3$/);
});

test('@forms an unknown campaign has no board', async ({ page }) => {
  const answer = await page.goto('/live/987654');
  expect(answer.status()).toBe(404);
  await expect(page.getByText('Không tìm thấy nội dung yêu cầu.')).toBeVisible();
});

test('a new registration reaches an open board without a reload', async ({ page, browser }, testInfo) => {
  test.skip(!jsEnabled(testInfo) || testInfo.project.name !== 'desktop', 'one unit registers once');
  test.setTimeout(90_000);
  const { unit, path } = await unitLink(browser, testInfo, OPEN_CAMPAIGN, 6);
  await page.goto(`/live/${OPEN_CAMPAIGN}`);
  await hydrated(page, testInfo);
  const row = page.locator('.live-table tbody tr', { has: page.getByRole('rowheader', { name: unit, exact: true }) });
  const before = parseInt(await row.locator('td.count').textContent(), 10);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const form = await phone.newPage();
  await form.goto(path);
  await form.goto(`/unit/${OPEN_CAMPAIGN}/initiatives/new`);
  await hydrated(form, testInfo);
  const title = `Bảng trực tiếp ${Date.now()}`;
  await fillInitiative(form, title);
  await form.getByRole('button', { name: 'Gửi đăng ký' }).click();
  await expect(form.getByText('Đã gửi thành công!')).toBeVisible();
  await phone.close();

  await expect(row.locator('td.count')).toHaveText(new RegExp(`^${before + 1}/`), { timeout: 3_000 });
  await expect(page.locator('.live-latest li').first()).toContainText(title);
});

test('@forms a unit follows the standings from its own page', async ({ page, browser }, testInfo) => {
  const { unit, path } = await unitLink(browser, testInfo, OPEN_CAMPAIGN, 6);
  await page.goto(path);
  await expect(page).toHaveURL(new RegExp(`/unit/${OPEN_CAMPAIGN}$`));
  await page.getByRole('link', { name: 'Xem bảng xếp hạng trực tiếp' }).click();
  await expect(page).toHaveURL(new RegExp(`/live/${OPEN_CAMPAIGN}$`));
  await expect(page.getByRole('rowheader', { name: unit, exact: true })).toBeVisible();
});
