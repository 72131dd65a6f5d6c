// Importing units from CSV and .xlsx: counts, idempotence, and the problem report.
import { test, expect } from '@playwright/test';
import { hydrated, signInToUnits, uniqueCode } from './helpers.js';
import { fileURLToPath } from 'node:url';

async function upload(page, testInfo, name, buffer) {
  await page.goto('/admin/units/import');
  await hydrated(page, testInfo);
  const file = typeof buffer === 'string' ? buffer : { name, mimeType: 'text/csv', buffer };
  await page.getByLabel('Tệp danh sách đơn vị').setInputFiles(file);
  await page.getByRole('button', { name: 'Kiểm tra và nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Kết quả nhập tệp' })).toBeVisible();
}

test('@forms a CSV imports once; the same file again changes nothing', async ({ page }, testInfo) => {
  await signInToUnits(page, testInfo);
  const q = uniqueCode('Q', testInfo);
  const csv = `\ufeffmã,tên,loại,mã cấp trên\r\n${q}-P1,Phường Bến Thành thử ${q},phường,${q}\r\n${q},Quận Thử Nhập,quận,\r\n${q}-NV,Phòng Nội vụ thử,phòng ban,${q}\r\n`;
  await upload(page, testInfo, 'don-vi.csv', Buffer.from(csv.normalize('NFD')));
  await expect(page.getByText('Đã nhập xong tệp “don-vi.csv”.')).toBeVisible();
  await expect(page.getByTestId('created')).toHaveText('3');
  await upload(page, testInfo, 'don-vi.csv', Buffer.from(csv));
  await expect(page.getByTestId('created')).toHaveText('0');
  await expect(page.getByTestId('updated')).toHaveText('0');
  await expect(page.getByTestId('unchanged')).toHaveText('3');
  await page.goto(`/admin/units?q=${encodeURIComponent(`ben thanh thu ${q.toLowerCase()}`)}`);
  await expect(page.getByRole('link', { name: `Phường Bến Thành thử ${q}` })).toBeVisible();
});

test('@forms a file with bad rows imports nothing and lists each problem by row', async ({ page }, testInfo) => {
  await signInToUnits(page, testInfo);
  const q = uniqueCode('X', testInfo);
  const csv = [
    'code,name,kind,parent code',
    `${q},Quận Không Được Nhập,quận,`,
    `${q}-A,,phường,${q}`,
    `${q}-B,Phường B,hợp tác xã,${q}`,
    `${q}-C,Phường C,phường,KHONG-CO`,
    `${q}-D,Phường D,phường,${q}`,
    `${q}-D,Phường D lặp,phường,${q}`,
    `${q}-E,Phường E,phường,${q}-F`,
    `${q}-F,Phường F,phường,${q}-E`,
  ].join('\n');
  await upload(page, testInfo, 'loi.csv', Buffer.from(csv));
  await expect(page.getByRole('alert')).toContainText('chưa được nhập vì có 6 lỗi');
  const rows = page.locator('table.problems tbody tr');
  await expect(rows).toHaveCount(6);
  await expect(rows.nth(0)).toContainText('3');
  await expect(rows.nth(0)).toContainText('Vui lòng nhập thông tin này.');
  await expect(rows.nth(1)).toContainText('Loại đơn vị không hợp lệ.');
  await expect(rows.nth(2)).toContainText('Không tìm thấy đơn vị cấp trên có mã “KHONG-CO”');
  await expect(rows.nth(3)).toContainText('Mã đơn vị bị trùng với dòng 6.');
  await expect(rows.nth(4)).toContainText('vòng lặp');
  await expect(rows.nth(5)).toContainText('vòng lặp');
  await page.goto(`/admin/units?q=${encodeURIComponent('khong duoc nhap')}`);
  await expect(page.getByText('Không tìm thấy đơn vị nào.')).toBeVisible();
});

test('@forms an .xlsx file imports like a CSV', async ({ page }, testInfo) => {
  await signInToUnits(page, testInfo);
  await upload(page, testInfo, 'don-vi.xlsx', fileURLToPath(new URL('../fixtures/don-vi.xlsx', import.meta.url)));
  await expect(page.getByText('Đã nhập xong tệp “don-vi.xlsx”.')).toBeVisible();
  const counts = await Promise.all(['created', 'updated', 'unchanged'].map((id) => page.getByTestId(id).textContent()));
  expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(3);
  await page.goto(`/admin/units?q=${encodeURIComponent('tan dinh (excel)')}`);
  await expect(page.getByRole('link', { name: 'Phường Tân Định (Excel)' })).toBeVisible();
});
