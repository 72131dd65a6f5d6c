// Signing in and out, wrong passwords, and admin pages without a session.
import { test, expect } from '@playwright/test';
import { ADMIN, hydrated, signIn, watchErrors } from './helpers.js';

test('@forms the demo admin signs in and out', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await signIn(page, testInfo);
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/admin/units');
  await expect(page.getByText('Bạn cần đăng nhập để xem trang này.')).toBeVisible();
  // That page answers 401 by design (the browser logs it); anything else in the console is a bug.
  expect(errors.filter((e) => !e.includes('status of 401'))).toEqual([]);
});

test('@forms a wrong password shows a Vietnamese message and keeps the username', async ({ page }, testInfo) => {
  await page.goto('/login');
  await hydrated(page, testInfo);
  await page.getByLabel('Tên đăng nhập').fill('khong-co-ai');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toContainText('tên đăng nhập hoặc mật khẩu không đúng');
  await expect(page.getByLabel('Tên đăng nhập')).toHaveValue('khong-co-ai');
  await expect(page).toHaveURL(/\/login/);
});

test('@forms admin pages ask for sign-in without a session', async ({ page }) => {
  await page.goto('/admin/accounts');
  await expect(page.getByText('Bạn cần đăng nhập để xem trang này.')).toBeVisible();
  await page.getByRole('link', { name: 'Đăng nhập lại' }).click();
  await expect(page).toHaveURL(/\/login\?next=\/admin\/accounts/);
});

test('after five failed sign-ins the account waits, then the right password still works', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one account, one project');
  await signIn(page, testInfo);
  const username = `cho${Date.now().toString(36)}`;
  await page.goto('/admin/accounts');
  await hydrated(page, testInfo);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Họ và tên').fill('Người Thử Chờ');
  await page.getByLabel('Mật khẩu ban đầu').fill('mat-khau-dung-1');
  await page.getByLabel('Mã đơn vị công tác').fill('Q11');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByRole('cell', { name: username })).toBeVisible();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login/);
  await hydrated(page, testInfo);
  const attempt = async (password) => {
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
  };
  for (let n = 1; n <= 5; n++) {
    await attempt(`sai-${n}`);
    await expect(page.getByRole('alert')).toContainText('đã thử quá nhiều lần');
  }
  // The waits start at one second and double; the right password gets in once the wait is over
  // (a refused attempt does not make it longer): nobody is locked out for good.
  const signedOut = page.getByRole('button', { name: 'Đăng xuất' });
  for (let n = 0; n < 15 && !(await signedOut.isVisible()); n++) {
    await attempt('mat-khau-dung-1');
    await expect(page.getByRole('alert').or(signedOut)).toBeVisible();
    if (!(await signedOut.isVisible())) await page.waitForTimeout(1000);
  }
  await expect(signedOut).toBeVisible();
  void ADMIN;
});
