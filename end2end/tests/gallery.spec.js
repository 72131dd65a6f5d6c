// The exemplary gallery as a unit on a phone uses it: find an initiative by typing its title
// without diacritics, record through the unit's link that the unit adopted it (a refused form
// first), and see the count change. Runs after the ceremony project released the 2022 results.
import { expect, test } from '@playwright/test';
import { hydrated, jsEnabled, unitLink, watchErrors } from './helpers.js';

const OPEN_CAMPAIGN = 5; // Móng Cái: its units adopt a Quận 11 initiative
const UNIT = { desktop: 14, phone: 15, 'phone-nojs': 16 };
const TITLE = 'Giải pháp số hóa sổ hộ tịch';

/** The number of units a card or page says adopted it (0 when none). */
async function spread(locator) {
  const text = await locator.textContent();
  const match = text.match(/Đã nhân rộng tại (\d+) đơn vị/);
  return match ? Number(match[1]) : 0;
}

async function search(page, testInfo) {
  await page.goto('/gallery');
  await hydrated(page, testInfo);
  await page.getByLabel('Tìm sáng kiến').fill('so hoa so ho tich');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page).toHaveURL(/q=so\+hoa\+so\+ho\+tich/);
  await expect(page.locator('.gallery-card')).toHaveCount(1);
  const card = page.locator('.gallery-card').filter({ hasText: TITLE });
  await expect(card).toBeVisible();
  return card;
}

test('a unit finds an exemplary initiative without diacritics and records adopting it @forms', async ({ browser, page }, testInfo) => {
  test.slow(); // signs in for the link, then searches, records and searches again
  const errors = watchErrors(page);
  const { unit, path } = await unitLink(browser, testInfo, OPEN_CAMPAIGN, UNIT[testInfo.project.name]);
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const card = await search(page, testInfo);
  const before = await spread(card);
  await card.getByRole('link', { name: new RegExp(TITLE) }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(TITLE) })).toBeVisible();
  await hydrated(page, testInfo);
  const form = page.locator('form.replication-form');
  await expect(form.getByText(unit)).toBeVisible();

  // A day to come is refused at its field; what was typed stays.
  await form.getByLabel('Ngày áp dụng').fill('31/12/2099');
  await form.getByLabel('Cách đơn vị áp dụng').fill('Áp dụng tại bộ phận một cửa, số hóa thêm sổ khai sinh.');
  await form.getByRole('button', { name: 'Ghi nhận nhân rộng' }).click();
  await expect(page.getByText(/Ngày không được sau hôm nay/)).toBeVisible();
  await expect(page.getByLabel('Cách đơn vị áp dụng')).toHaveValue(/số hóa thêm sổ khai sinh/);

  await page.getByLabel('Ngày áp dụng').fill('01/12/2026');
  await page.getByRole('button', { name: 'Ghi nhận nhân rộng' }).click();
  await expect(page).toHaveURL(/recorded=1/);
  await expect(page.getByText('Đã ghi nhận nhân rộng. Cảm ơn đơn vị đã chia sẻ!')).toBeVisible();
  const entry = page.locator('.replication-timeline li').filter({ hasText: unit });
  await expect(entry).toContainText('01/12/2026');
  await expect(entry).toContainText('số hóa thêm sổ khai sinh');
  await expect(page.getByText(`${unit} đã ghi nhận nhân rộng sáng kiến này.`)).toBeVisible();

  const after = await spread(await search(page, testInfo));
  expect(after).toBeGreaterThan(before);
  if (jsEnabled(testInfo)) expect(errors).toEqual([]);
});
