// Organizers scoped to their part of the unit tree, as a ward organizer and an evaluator use the
// app: only the ward's campaigns and units, 404 for another district's campaign typed by hand,
// accounts only inside the ward; an evaluator lands on the council's page, not on admin pages.
import { test, expect } from '@playwright/test';
import { hydrated, signIn, watchErrors } from './helpers.js';

const WARD = { username: 'nguyencutrinh', password: 'nct-demo-2026' };

test('@forms the ward organizer sees only its ward and creates accounts only inside it', async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await signIn(page, testInfo, WARD);
  await expect(page.getByRole('link', { name: 'Phong trào thi đua cải cách hành chính năm 2021', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Phong trào thi đua cải cách hành chính năm 2022', exact: true })).toHaveCount(0);

  // Quận 11's campaign, typed by hand: not found, as if it did not exist.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, testInfo);
  const href = await adminPage
    .getByRole('link', { name: 'Phong trào thi đua cải cách hành chính năm 2022', exact: true })
    .getAttribute('href');
  await admin.close();
  const answer = await page.goto(href);
  expect(answer.status()).toBe(404);
  await expect(page.getByRole('alert')).toContainText('Không tìm thấy');

  await page.goto('/admin/units');
  await expect(page.getByRole('link', { name: 'Phường Nguyễn Cư Trinh' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Quận 11' })).toHaveCount(0);

  await page.goto('/admin/accounts');
  await hydrated(page, testInfo);
  const username = `cb${testInfo.project.name.replace(/[^a-z]/g, '')}${Date.now().toString(36)}`;
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Họ và tên').fill('Lê Văn Cán Bộ');
  await page.getByLabel('Mật khẩu ban đầu').fill('mat-khau-du-dai');
  await page.getByLabel('Mã đơn vị công tác').fill('Q11');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.locator('#unit_code-msg')).toContainText('Không có đơn vị nào mang mã này.');
  await page.getByLabel('Mật khẩu ban đầu').fill('mat-khau-du-dai');
  await page.getByLabel('Mã đơn vị công tác').fill('Q1-NCT');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByText('Đã tạo tài khoản.')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(username) })).toContainText('Phường Nguyễn Cư Trinh');
  await expect(page.getByRole('cell', { name: 'admin', exact: true })).toHaveCount(0);

  // The new evaluator lands on the council's page.
  const theirs = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled !== false });
  const evaluator = await theirs.newPage();
  await evaluator.goto('/login');
  await hydrated(evaluator, testInfo);
  await evaluator.getByLabel('Tên đăng nhập').fill(username);
  await evaluator.getByLabel('Mật khẩu').fill('mat-khau-du-dai');
  await evaluator.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(evaluator).toHaveURL(/\/council$/);
  await expect(evaluator.getByRole('heading', { level: 1, name: 'Hội đồng chấm điểm' })).toBeVisible();
  await expect(evaluator.getByText('Xin chào Lê Văn Cán Bộ (Phường Nguyễn Cư Trinh).')).toBeVisible();
  // Its password page stays in the council's frame: no admin navigation.
  await evaluator.getByRole('link', { name: 'Đổi mật khẩu' }).click();
  await expect(evaluator).toHaveURL(/\/council\/password$/);
  await hydrated(evaluator, testInfo);
  await expect(evaluator.getByRole('navigation')).toHaveCount(0);
  await evaluator.getByLabel('Mật khẩu hiện tại').fill('mat-khau-du-dai');
  await evaluator.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-moi-cua-hoi-dong');
  await evaluator.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-moi-cua-hoi-dong');
  await evaluator.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(evaluator.getByText('Đã đổi mật khẩu.')).toBeVisible();
  await expect(evaluator).toHaveURL(/\/council\/password\?changed=1$/);
  await theirs.close();
  // The 404 page and the refused account (422) log their status in the console; anything else is a bug.
  expect(errors.filter((e) => !/status of (404|422)/.test(e))).toEqual([]);
});
