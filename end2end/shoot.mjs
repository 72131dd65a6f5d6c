// Screenshots of every page on a 390×844 phone and a 1920×1080 desktop, for looking at by eye:
// `node shoot.mjs http://127.0.0.1:3000 /tmp/shots`.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const [base = 'http://127.0.0.1:3000', out = 'screenshots'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const sizes = { phone: { width: 390, height: 844 }, desktop: { width: 1920, height: 1080 } };
for (const [size, viewport] of Object.entries(sizes)) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  const shot = async (name, fullPage = true) => page.screenshot({ path: `${out}/${size}-${name}.png`, fullPage });
  await page.goto(`${base}/`); await shot('home');
  await page.goto(`${base}/login`); await shot('login');
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill('sai');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('alert').waitFor(); await shot('login-error');
  await page.getByLabel('Mật khẩu').fill('thidua-demo-2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/admin\/campaigns/); await page.waitForTimeout(500); await shot('campaigns');
  await page.goto(`${base}/admin/campaigns/new`); await shot('campaign-new');
  await page.getByLabel('Ngày kết thúc').fill('31/02/2027');
  await page.locator('main form button[type=submit]').click(); await page.waitForTimeout(800); await shot('campaign-new-errors');
  // Demo ids: 5 = the open Móng Cái campaign, 6 = the Quận 11 draft, 3 = Quận 11 2022 (published).
  for (const [name, path] of [['campaign-open', '/admin/campaigns/5'], ['campaign-draft', '/admin/campaigns/6'],
    ['campaign-general', '/admin/campaigns/6/general'], ['campaign-general-locked', '/admin/campaigns/5/general'],
    ['campaign-units', '/admin/campaigns/6/units'], ['campaign-fields', '/admin/campaigns/6/fields'],
    ['campaign-criteria', '/admin/campaigns/6/criteria'], ['campaign-scoring', '/admin/campaigns/6/scoring'],
    ['campaign-state', '/admin/campaigns/6/state'], ['campaign-extend', '/admin/campaigns/5/extend'],
    ['campaign-copy', '/admin/campaigns/3/copy'], ['campaign-audit', '/admin/campaigns/5/audit']]) {
    await page.goto(`${base}${path}`); await shot(name);
  }
  await page.goto(`${base}/admin/campaigns/6/criteria`);
  await page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached' });
  await page.getByLabel('Điểm tối đa của tiêu chí 1').fill('0');
  await page.getByLabel('Hoàn thành tốt từ').fill('95');
  await page.getByRole('button', { name: 'Lưu tiêu chí và xếp loại' }).click(); await page.waitForTimeout(800);
  await shot('campaign-criteria-errors');
  await page.goto(`${base}/admin/units`); await page.waitForTimeout(500); await shot('units');
  await page.goto(`${base}/admin/units?q=phuong%204`); await page.waitForTimeout(300); await shot('search');
  await page.goto(`${base}/admin/units/new?parent=GV`); await shot('unit-new');
  await page.locator('main form button[type=submit]').click(); await page.waitForTimeout(800); await shot('unit-new-errors');
  await page.goto(`${base}/admin/units?q=go%20vap`);
  await page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached' });
  await page.getByRole('link', { name: 'Quận Gò Vấp', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Quận Gò Vấp' }).waitFor(); await shot('unit-detail');
  await page.goto(page.url() + '?confirm=deactivate'); await shot('unit-confirm');
  await page.goto(`${base}/admin/units/import`); await shot('import');
  await page.getByLabel('Tệp danh sách đơn vị').setInputFiles({ name: 'loi.csv', mimeType: 'text/csv',
    buffer: Buffer.from('code,name,kind,parent code\nA,,phường,\nB,Phường B,hợp tác xã,\nC,Phường C,phường,ZZ\n') });
  await page.getByRole('button', { name: 'Kiểm tra và nhập' }).click();
  await page.getByRole('heading', { name: 'Kết quả nhập tệp' }).waitFor(); await shot('import-report');
  await page.goto(`${base}/admin/accounts`); await shot('accounts');
  await page.close();
}
await browser.close();
