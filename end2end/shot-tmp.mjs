import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3000', out = '/tmp/shots5';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const admin = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
await admin.goto(`${base}/login?next=/admin/campaigns/5/participation`);
await admin.getByLabel('Tên đăng nhập').fill('admin');
await admin.getByLabel('Mật khẩu').fill('thidua-demo-2026');
await admin.getByRole('button', { name: 'Đăng nhập' }).click();
await admin.waitForURL(/participation/);
await admin.waitForTimeout(500);
await admin.screenshot({ path: `${out}/desktop-participation.png`, fullPage: true });
await admin.goto(`${base}/admin/campaigns/5/links`);
const link = await admin.locator('.link-card input[readonly]').nth(3).inputValue();
for (const [name, vp] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1920, height: 1080 }]]) {
  const ctx = await browser.newContext({ viewport: vp, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const p = await ctx.newPage();
  await p.goto(link);
  await p.screenshot({ path: `${out}/${name}-unit-home2.png`, fullPage: true });
  await p.goto(p.url() + '/report');
  await p.screenshot({ path: `${out}/${name}-report.png`, fullPage: true });
  if (name === 'phone') {
    const a = await ctx.newPage();
    const home = p.url().replace('/report', '');
    await p.goto(home);
    await p.locator('.initiative-card a').first().click();
    await p.screenshot({ path: `${out}/${name}-initiative.png`, fullPage: true });
  }
  await ctx.close();
}
const pp = await browser.newPage({ viewport: { width: 390, height: 844 } });
await pp.goto(`${base}/login?next=/admin/campaigns/5/participation`);
await pp.getByLabel('Tên đăng nhập').fill('admin');
await pp.getByLabel('Mật khẩu').fill('thidua-demo-2026');
await pp.getByRole('button', { name: 'Đăng nhập' }).click();
await pp.waitForURL(/participation/);
await pp.screenshot({ path: `${out}/phone-participation.png`, fullPage: true });
await pp.goto(`${base}/admin/campaigns/5/links`);
await pp.screenshot({ path: `${out}/phone-links.png`, fullPage: false });
await browser.close();
