// The result report as a unit files it, and the organizer's participation table that follows
// registrations without a reload; receipt codes looked up by the organizer.
import { test, expect } from '@playwright/test';
import { hydrated, jsEnabled, signIn, unitLink } from './helpers.js';

const OPEN_CAMPAIGN = 5;


test('@forms a unit files its report and the organizer sees it, without reloading', async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const index = { desktop: 3, phone: 4, 'phone-nojs': 5 }[testInfo.project.name];
  const { unit, path } = await unitLink(browser, testInfo, OPEN_CAMPAIGN, index);

  // The organizer's table, filtered to this unit, stays open while the unit files its report.
  const organizer = await browser.newContext({ javaScriptEnabled: jsEnabled(testInfo) });
  const table = await organizer.newPage();
  await signIn(table, testInfo, undefined, `/admin/campaigns/${OPEN_CAMPAIGN}/participation`);
  await table.getByLabel('Tìm đơn vị').fill(unit);
  await table.getByRole('button', { name: 'Lọc' }).click();
  const row = table.getByRole('row', { name: new RegExp(unit) });
  await expect(row).toContainText('Chưa nộp');
  await hydrated(table, testInfo);

  await page.goto(path);
  await page.getByRole('link', { name: 'Nộp báo cáo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Báo cáo kết quả thực hiện' })).toBeVisible();
  await hydrated(page, testInfo);
  // A refused send keeps the chosen file: with scripts the page stays as it is; without, the
  // page comes back from the server with the file held (it is not chosen again).
  await page.locator('#attachments').setInputFiles(['fixtures/to-trinh.pdf']);
  await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
  await expect(page.locator('#body-msg')).toContainText('Vui lòng nhập thông tin này.');
  if (jsEnabled(testInfo)) {
    await expect(page.locator('.file-name')).toHaveText('to-trinh.pdf');
    await expect(page.getByRole('alert').getByRole('link', { name: 'Nội dung báo cáo' })).toBeVisible();
    await expect(page.getByLabel('Nội dung báo cáo')).toBeFocused();
    expect(page.url()).not.toContain('refused');
  } else {
    await expect(page.locator('.held-files').getByRole('link', { name: 'to-trinh.pdf' })).toBeVisible();
  }
  await page.getByLabel('Nội dung báo cáo').fill('Đã triển khai mô hình tại bộ phận một cửa.\n\nThời gian chờ giảm 40%.');
  await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
  await expect(page.getByText('Đã lưu báo cáo kết quả.')).toBeVisible();
  await expect(page.getByText(/Đơn vị đã nộp báo cáo lúc \d\d\/\d\d\/\d{4} \d\d:\d\d \(đúng hạn\)/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'to-trinh.pdf' })).toBeVisible();

  if (jsEnabled(testInfo)) {
    await expect(row).toContainText('Đúng hạn', { timeout: 25_000 });
  } else {
    await table.reload();
    await expect(table.getByRole('row', { name: new RegExp(unit) })).toContainText('Đúng hạn');
  }
  // The unit's name opens what it filed.
  await table.getByRole('row', { name: new RegExp(unit) }).getByRole('link', { name: unit, exact: true }).click();
  await expect(table.getByRole('heading', { level: 2, name: unit })).toBeVisible();
  const report = table.getByRole('region', { name: 'Báo cáo kết quả thực hiện' });
  await expect(report).toContainText('Thời gian chờ giảm 40%.');
  await expect(report.getByRole('link', { name: 'to-trinh.pdf' })).toBeVisible();
  await organizer.close();
});

test('@forms the organizer sorts and filters the table and looks up a receipt code', async ({ page }, testInfo) => {
  await signIn(page, testInfo, undefined, `/admin/campaigns/${OPEN_CAMPAIGN}/participation`);
  await expect(page.locator('.stats')).toContainText('Đã ký cam kết');
  await page.getByLabel('Hiển thị').selectOption('not_committed');
  await page.getByRole('button', { name: 'Lọc' }).click();
  const rows = page.locator('table.participation tbody tr');
  // Every unit left is one that has not signed (or none is left, once the other tests signed).
  for (const text of await rows.allTextContents()) expect(text).toMatch(/Chưa ký|Không có đơn vị nào khớp bộ lọc/);
  await page.getByRole('link', { name: 'Sáng kiến (tối thiểu 1)' }).click();
  await expect(page).toHaveURL(/sort=initiatives/);
  await page.goto(`/admin/campaigns/${OPEN_CAMPAIGN}/participation?sort=initiatives`);
  const counts = (await page.locator('table.participation tbody td.num').allTextContents()).map(Number);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));

  await page.getByLabel('Mã biên nhận').fill('0000');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.getByRole('alert')).toContainText('Mã biên nhận gồm 8 ký tự');

  // A unit's name opens what it registered: each initiative, folded under its receipt code.
  await page.goto(`/admin/campaigns/${OPEN_CAMPAIGN}/participation?sort=initiatives`);
  const first = page.locator('table.participation tbody tr').first();
  const name = (await first.locator('th').textContent()).trim();
  await first.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  const listed = page.getByRole('heading', { level: 3, name: /^Sáng kiến đã đăng ký: \d+ \(tối thiểu 1\)$/ });
  const count = Number((await listed.textContent()).match(/\d+/)[0]);
  expect(count).toBeGreaterThan(0);
  const items = page.locator('details.initiative-item');
  await expect(items).toHaveCount(count);
  await expect(items.first().locator('summary .receipt-code')).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  // A lone initiative is shown open; one of several opens from its summary.
  if (count > 1) await items.first().locator('summary').click();
  await expect(items.first().getByRole('heading', { level: 4, name: 'Tác giả' })).toBeVisible();
  await page.getByRole('link', { name: 'Quay lại tình hình đăng ký của các đơn vị' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Tình hình đăng ký của các đơn vị' })).toBeVisible();
});
