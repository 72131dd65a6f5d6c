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
  await expect(page.getByLabel('Họ và tên')).toHaveValue(displayName);
  await expect(page.getByRole('cell', { name: displayName })).toHaveCount(0);

  const username = `lan${testInfo.project.name.replace(/[^a-z]/g, '')}${Date.now().toString(36)}`;
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu ban đầu').fill('mat-khau-du-dai');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByRole('cell', { name: username })).toBeVisible();
  await expect(page.getByText('Đã tạo tài khoản.')).toBeVisible();
});
