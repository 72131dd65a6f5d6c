// Downloads from the pages that show the tables: the organizer's participation table and
// initiatives, the unit list, and the public results once released. Each link downloads a file
// (scripts on or off) whose first row is the table's header; the .xlsx is a real workbook.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { signIn } from './helpers.js';

const PUBLISHED_CAMPAIGN = 3; // Quận 11, 2022 (demo): released by the ceremony project
const QUAN11 = { username: 'quan11', password: 'quan11-demo-2026' };

async function download(page, link) {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

function csvHeader(bytes) {
  const text = bytes.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text.slice(1).split('\r\n')[0];
}

test('@forms the organizer downloads the participation table and the initiatives', async ({ page }, testInfo) => {
  await signIn(page, testInfo, QUAN11, `/admin/campaigns/${PUBLISHED_CAMPAIGN}/participation`);
  const participation = page.locator('.export-links').filter({ hasText: 'tình hình đăng ký' });
  const csv = await download(page, participation.getByRole('link', { name: /^CSV/ }));
  expect(csv.name).toMatch(/^tinh-hinh-dang-ky-3-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csvHeader(csv.bytes)).toMatch(/^Đơn vị,Ký cam kết lúc,Số sáng kiến,Đủ tối thiểu/);
  const rows = csv.bytes.toString('utf8').trim().split('\r\n').length - 1;
  const tableRows = await page.locator('table.participation tbody tr').count();
  expect(rows).toBe(tableRows);

  const initiatives = page.locator('.export-links').filter({ hasText: 'danh sách sáng kiến' });
  const xlsx = await download(page, initiatives.getByRole('link', { name: /^Excel/ }));
  expect(xlsx.name).toMatch(/^sang-kien-3-.*\.xlsx$/);
  expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
  expect(xlsx.bytes.length).toBeGreaterThan(5_000);
});

test('@forms the public downloads the released results as they are filtered on the page', async ({ page }) => {
  await page.goto(`/results/${PUBLISHED_CAMPAIGN}?table=initiatives&only=exemplary`);
  const shown = await page.locator('.results-table tbody tr').count();
  expect(shown).toBeGreaterThan(0);
  const links = page.locator('.export-links').filter({ hasText: 'kết quả theo sáng kiến' });
  const csv = await download(page, links.getByRole('link', { name: /^CSV/ }));
  expect(csv.name).toMatch(/^ket-qua-sang-kien-3-.*\.csv$/);
  expect(csvHeader(csv.bytes)).toMatch(/^Mã biên nhận,Tên sáng kiến/);
  expect(csv.bytes.toString('utf8').trim().split('\r\n').length - 1).toBe(shown);
  const awards = page.locator('.export-links').filter({ hasText: 'khen thưởng' });
  const xlsx = await download(page, awards.getByRole('link', { name: /^Excel/ }));
  expect(xlsx.name).toMatch(/^khen-thuong-3-.*\.xlsx$/);
});

test('@forms a download after the session ended asks to sign in, then returns to the page', async ({ page, context }, testInfo) => {
  await signIn(page, testInfo, QUAN11, '/admin/units');
  await context.clearCookies();
  const units = page.locator('.export-links').filter({ hasText: 'danh sách đơn vị' });
  await units.getByRole('link', { name: /^CSV/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cần đăng nhập');
  await page.getByRole('link', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Funits/);
  await page.getByLabel('Tên đăng nhập').fill(QUAN11.username);
  await page.getByLabel('Mật khẩu').fill(QUAN11.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/admin\/units$/);
  const csv = await download(page, units.getByRole('link', { name: /^CSV/ }));
  expect(csv.name).toMatch(/^don-vi-.*\.csv$/);
  expect(csvHeader(csv.bytes)).toBe('Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên,Trạng thái');
});

test('@forms the organizer downloads the draft award decision from the awards tab', async ({ page }, testInfo) => {
  await signIn(page, testInfo, QUAN11, `/admin/campaigns/${PUBLISHED_CAMPAIGN}/awards`);
  const file = await download(page, page.getByRole('link', { name: /Quyết định khen thưởng/ }));
  expect(file.name).toMatch(/^du-thao-quyet-dinh-khen-thuong-3-\d{4}-\d{2}-\d{2}\.docx$/);
  expect(file.bytes.subarray(0, 2).toString()).toBe('PK');
  expect(file.bytes.length).toBeGreaterThan(5_000);
});
