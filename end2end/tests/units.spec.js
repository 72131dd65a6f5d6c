// The unit tree: browsing, Vietnamese search and order, and editing one unit.
import { test, expect } from '@playwright/test';
import { hydrated, jsEnabled, signInToUnits, uniqueCode, watchErrors } from './helpers.js';

/** The disclosure that opens the branch of the unit named `name` (beside its link). */
function branchToggle(tree, page, name) {
  return tree.locator('.tree-label', { has: page.getByRole('link', { name, exact: true }) })
    .locator('xpath=following-sibling::details[1]/summary');
}

test('@forms the tree shows the demo units with their child counts', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await signInToUnits(page, testInfo);
  const tree = page.getByRole('region', { name: 'Cây đơn vị' });
  await expect(tree.getByRole('link', { name: 'Thành phố Hồ Chí Minh' })).toBeVisible();
  await expect(tree.getByRole('link', { name: 'Tỉnh Quảng Ninh' })).toBeVisible();
  // Quận 11 is one no other test adds units to (they run in parallel).
  const q11 = branchToggle(tree, page, 'Quận 11');
  await expect(q11).toContainText('28 đơn vị trực thuộc');
  if (!jsEnabled(testInfo)) {
    // Without scripts a closed branch offers the unit's page, which lists its children.
    await q11.click({ position: { x: 4, y: 10 } });
    const branch = tree.locator('li', { has: page.getByRole('link', { name: 'Quận 11', exact: true }) });
    await branch.getByRole('link', { name: 'Xem danh sách đơn vị trực thuộc' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quận 11');
    await expect(page.getByRole('link', { name: 'Phường 16', exact: true })).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test('opening a branch loads its children in Vietnamese order, numbers as numbers', async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'branches load with scripts');
  await signInToUnits(page, testInfo);
  const tree = page.getByRole('region', { name: 'Cây đơn vị' });
  await branchToggle(tree, page, 'Quận Gò Vấp').click({ position: { x: 4, y: 10 } });
  const children = tree.locator('li', { has: page.getByRole('link', { name: 'Quận Gò Vấp', exact: true }) }).locator('ul a');
  await expect(children.filter({ hasText: /^Phường 17$/ })).toBeVisible();
  const names = await children.allTextContents();
  const wards = names.filter((n) => n.startsWith('Phường '));
  expect(wards.slice(0, 3)).toEqual(['Phường 1', 'Phường 3', 'Phường 4']);
  expect(wards.indexOf('Phường 9')).toBeLessThan(wards.indexOf('Phường 10'));
  expect(names.indexOf('Phòng Văn hóa và Thông tin')).toBeLessThan(names.indexOf('Phòng Y tế'));
});

test('@forms search ignores diacritics and case', async ({ page }, testInfo) => {
  await signInToUnits(page, testInfo);
  for (const query of ['phuong 4', 'PHƯỜNG 4', 'Phuờng 4']) {
    await page.getByLabel('Tìm đơn vị').fill(query);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await expect(page.getByText(`kết quả cho “${query}”`)).toBeVisible();
    await expect(page.locator('.hit a', { hasText: /^Phường 4$/ }).first()).toBeVisible();
  }
  await page.getByLabel('Tìm đơn vị').fill('doan thanh nien');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh phường' })).toBeVisible();
  await page.getByLabel('Tìm đơn vị').fill('khong co don vi nay');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page.getByText('Không tìm thấy đơn vị nào.')).toBeVisible();
});

test('@forms bad unit input is shown at each field and saves nothing', async ({ page }, testInfo) => {
  await signInToUnits(page, testInfo);
  await page.getByRole('link', { name: 'Thêm đơn vị' }).click();
  await expect(page.getByRole('heading', { name: 'Thêm đơn vị' })).toBeVisible();
  await hydrated(page, testInfo);
  await page.getByLabel('Mã đơn vị', { exact: true }).fill('AB CD');
  await page.getByLabel('Tên đơn vị').fill('   ');
  await page.getByLabel('Mã đơn vị cấp trên').fill('KHONG-CO');
  await page.locator('form').getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(page.locator('#code-msg')).toContainText('Mã chỉ gồm chữ, số');
  await expect(page.locator('#name-msg')).toContainText('Vui lòng nhập thông tin này.');
  await expect(page.getByLabel('Mã đơn vị cấp trên')).toHaveValue('KHONG-CO');

  const code = uniqueCode('T', testInfo);
  await page.getByLabel('Mã đơn vị', { exact: true }).fill(code);
  await page.getByLabel('Tên đơn vị').fill('Phường Thử Lỗi');
  await page.locator('form').getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(page.locator('#parent_code-msg')).toContainText('Không có đơn vị nào mang mã này.');
  await page.goto(`/admin/units?q=${code}`);
  await expect(page.getByText('Không tìm thấy đơn vị nào.')).toBeVisible();
});

test('@forms a unit is created, renamed, moved and deactivated', async ({ page }, testInfo) => {
  await signInToUnits(page, testInfo);
  const code = uniqueCode('P', testInfo);
  // Under Quận 1, which no other test picks from: campaigns.spec selects all of Gò Vấp in parallel.
  await page.goto('/admin/units/new?parent=Q1');
  await hydrated(page, testInfo);
  await page.getByLabel('Mã đơn vị', { exact: true }).fill(code);
  await page.getByLabel('Tên đơn vị').fill('  Phường   Thử   Nghiệm ');
  await page.getByLabel('Loại đơn vị').selectOption('ward');
  await page.locator('form').getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(page.getByText('Đã thêm đơn vị.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Phường Thử Nghiệm');
  await expect(page.getByRole('navigation', { name: 'Vị trí trong cây đơn vị' })).toContainText(/Quận 1(?!\d)/);
  await hydrated(page, testInfo);

  await page.getByLabel('Tên đơn vị').fill('Phường Thử Nghiệm Mới');
  await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(page.getByText('Đã lưu tên và loại đơn vị.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Phường Thử Nghiệm Mới');
  await hydrated(page, testInfo);

  await page.getByLabel('Mã đơn vị cấp trên').fill(code);
  await page.getByRole('button', { name: 'Chuyển đơn vị' }).click();
  await expect(page.locator('#parent_code-msg')).toContainText('Không thể chuyển đơn vị vào chính nó');
  await page.getByLabel('Mã đơn vị cấp trên').fill('q10');
  await page.getByRole('button', { name: 'Chuyển đơn vị' }).click();
  await expect(page.getByText('Đã chuyển đơn vị.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Vị trí trong cây đơn vị' })).toContainText('Quận 10');

  await page.getByRole('link', { name: 'Ngừng hoạt động đơn vị…' }).click();
  await expect(page.getByText('Ngừng hoạt động đơn vị này?')).toBeVisible();
  await hydrated(page, testInfo);
  await page.getByRole('button', { name: 'Xác nhận ngừng hoạt động' }).click();
  await expect(page.getByText('Đơn vị đã ngừng hoạt động.')).toBeVisible();
  await expect(page.locator('.meta .badge')).toHaveText('Ngừng hoạt động');
});
