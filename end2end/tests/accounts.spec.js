// Creating evaluator accounts, with bad input refused at the field.
import { test, expect } from '@playwright/test';
import { hydrated, signIn } from './helpers.js';

test('@forms bad account input is refused at each field and a valid account is listed', async ({ page }, testInfo) => {
  await signIn(page, testInfo);
  const displayName = `Nguyễn Thị Lan ${testInfo.project.name} ${Date.now().toString(36)}`;
  await page.goto('/admin/accounts');
  await hydrated(page, testInfo);
  await page.getByLabel('Tên đăng nhập').fill('Lan Nguyễn');
  await page.getByLabel('Họ và tên').fill(displayName);
  await page.getByLabel('Mật khẩu ban đầu').fill('ngan');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.locator('#username-msg')).toContainText('Tên đăng nhập gồm 3–32 ký tự');
  await expect(page.locator('#password-msg')).toContainText('Mật khẩu cần ít nhất 10 ký tự.');
  await expect(page.locator('#unit_code-msg')).toContainText('Vui lòng nhập thông tin này.');
  // The banner names each field to fix, as a link to it (scripts off too).
  const banner = page.getByRole('alert').filter({ hasText: 'Vui lòng sửa các ô sau' });
  await expect(banner.getByRole('link', { name: 'Tên đăng nhập' })).toHaveAttribute('href', '#username');
  await expect(banner.getByRole('link', { name: 'Mật khẩu ban đầu' })).toHaveAttribute('href', '#password');
  await expect(page.getByLabel('Họ và tên')).toHaveValue(displayName);
  await expect(page.getByRole('cell', { name: displayName })).toHaveCount(0);

  const username = `lan${testInfo.project.name.replace(/[^a-z]/g, '')}${Date.now().toString(36)}`;
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu ban đầu').fill('mat-khau-du-dai');
  await page.getByLabel('Mã đơn vị công tác').fill('KHONG-CO');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.locator('#unit_code-msg')).toContainText('Không có đơn vị nào mang mã này.');
  await page.getByLabel('Mật khẩu ban đầu').fill('mat-khau-du-dai');
  await page.getByLabel('Mã đơn vị công tác').fill('Q11');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByRole('cell', { name: username })).toBeVisible();
  await expect(page.getByText('Đã tạo tài khoản.')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(username) })).toContainText('Quận 11');
});

test('@forms an admin disables an account (the person is signed out at once), enables it, and its owner changes the password', async ({ page, browser }, testInfo) => {
  // Two browsers, a dozen round trips: more than the default 30 s on a busy phone profile.
  test.setTimeout(60_000);
  await signIn(page, testInfo);
  const username = `khoa${testInfo.project.name.replace(/[^a-z]/g, '')}${Date.now().toString(36)}`;
  const displayName = `Trần Văn Khóa ${Date.now().toString(36)}`;
  await page.goto('/admin/accounts');
  await hydrated(page, testInfo);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Họ và tên').fill(displayName);
  await page.getByLabel('Mật khẩu ban đầu').fill('mat-khau-ban-dau');
  await page.getByLabel('Vai trò').selectOption('organizer');
  await page.getByLabel('Mã đơn vị công tác').fill('Q1-NCT');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByRole('cell', { name: username })).toBeVisible();

  const theirs = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled !== false });
  const other = await theirs.newPage();
  await signIn(other, testInfo, { username, password: 'mat-khau-ban-dau' });

  await page.getByRole('link', { name: username }).click();
  await expect(page.getByRole('heading', { level: 1, name: displayName })).toBeVisible();
  await hydrated(page, testInfo);
  await page.getByRole('button', { name: 'Khóa tài khoản' }).click();
  await expect(page.locator('#confirm-msg')).toContainText('Vui lòng đánh dấu xác nhận.');
  await page.getByLabel(`Tôi xác nhận khóa tài khoản của ${displayName}.`).check();
  await page.getByRole('button', { name: 'Khóa tài khoản' }).click();
  await expect(page.getByText('Đã khóa tài khoản. Người dùng đã bị đăng xuất.')).toBeVisible();
  await expect(page.getByText(/Đã khóa lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/)).toBeVisible();

  await other.goto('/admin/accounts');
  await expect(other.getByText('Bạn cần đăng nhập để xem trang này.')).toBeVisible();
  await other.goto('/login');
  await hydrated(other, testInfo);
  await other.getByLabel('Tên đăng nhập').fill(username);
  await other.getByLabel('Mật khẩu').fill('mat-khau-ban-dau');
  await other.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(other.getByRole('alert')).toContainText('Tài khoản này đã bị khóa');

  await page.getByRole('button', { name: 'Mở khóa tài khoản' }).click();
  await expect(page.getByText('Đã mở khóa tài khoản.')).toBeVisible();

  await signIn(other, testInfo, { username, password: 'mat-khau-ban-dau' });
  await other.getByRole('link', { name: 'Đổi mật khẩu' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' })).toBeVisible();
  await hydrated(other, testInfo);
  await other.getByLabel('Mật khẩu hiện tại').fill('doan-sai-mat-khau');
  await other.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-moi-dai');
  await other.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-moi-dai');
  await other.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(other.locator('#current_password-msg')).toContainText('Mật khẩu hiện tại không đúng');
  await other.getByLabel('Mật khẩu hiện tại').fill('mat-khau-ban-dau');
  await other.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-moi-dai');
  await other.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-moi-dai');
  await other.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(other.getByText('Đã đổi mật khẩu.')).toBeVisible();
  await theirs.close();
});
