// The organizer's awards page on the demo's Quận 11 2022 campaign: the giấy khen the demo
// decided by rule, a unit added by hand with its reason and removed again with another, and a
// refused change shown at its field on its own card (with scripts and without).
import { test, expect } from '@playwright/test';
import { hydrated, signIn } from './helpers.js';

const PUBLISHED_CAMPAIGN = 3; // Quận 11, 2022 (demo)
const ORGANIZER = { username: 'quan11', password: 'quan11-demo-2026' };

test('@forms an organizer reviews the giấy khen and adds and removes a recipient with a reason', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'one add-and-remove per run of each profile pair');
  await signIn(page, testInfo, ORGANIZER, `/admin/campaigns/${PUBLISHED_CAMPAIGN}/awards`);
  await hydrated(page, testInfo);
  const units = page.locator('section.award-card').filter({ hasText: 'Tập thể' }).filter({ hasText: 'Giấy khen' });
  await expect(units.locator('.award-list li')).toHaveCount(3);
  await expect(units.getByText('Quyết định số 1250/QĐ-UBND ngày 20/12/2022')).toBeVisible();

  const city = page.locator('section.award-card').filter({ hasText: 'Tập thể' }).filter({ hasText: 'Bằng khen' });
  // Each profile picks its own unit: the profiles run side by side on one database.
  const option = city.getByLabel('Khen cho').locator('option').nth(testInfo.project.name === 'desktop' ? 0 : 1);
  const unit = (await option.textContent()).split(' — ')[0];
  await city.getByLabel('Khen cho').selectOption(await option.getAttribute('value'));
  // Without a reason the hand-picked unit is refused at the reason, on this card only.
  await city.getByRole('button', { name: 'Thêm', exact: true }).click();
  await expect(city.locator('.field-invalid').getByText('Vui lòng nhập thông tin này.')).toBeVisible();
  await expect(units.locator('.field-invalid')).toHaveCount(0);
  await city.getByLabel('Khen cho').selectOption(await option.getAttribute('value'));
  await city.getByLabel('Lý do', { exact: true }).fill(`Thành tích đột xuất ${testInfo.project.name}`);
  await city.getByRole('button', { name: 'Thêm', exact: true }).click();
  const given = city.locator('.award-list li', { hasText: unit });
  await expect(given).toBeVisible();
  await expect(given).toContainText('Thành tích đột xuất');

  await given.getByText('Bỏ khỏi danh sách…').click();
  await given.getByLabel('Lý do bỏ').fill('Nhầm đơn vị');
  await given.getByRole('button', { name: 'Bỏ khen thưởng' }).click();
  await expect(city.locator('.award-list li', { hasText: unit })).toHaveCount(0);
  await expect(city.getByText('Chưa khen ai theo hình thức này.')).toBeVisible();
});
