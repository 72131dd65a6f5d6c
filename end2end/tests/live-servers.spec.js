// The board across app servers: a second server on the same PostgreSQL (started here, as `./x
// test` describes in SERVER_BIN and APP_DATABASE_URL) shows a registration made through the
// first within a second; killed under an open screen, the screen says it is reconnecting, and
// when the server is back it catches up with what was registered meanwhile.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fillInitiative, hydrated, unitLink } from './helpers.js';

const OPEN_CAMPAIGN = 5;

async function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts another app server on the tests' database; resolves once it answers. */
async function startServer(port) {
  const server = spawn(process.env.SERVER_BIN, [], {
    cwd: '..',
    env: { ...process.env, DATABASE_URL: process.env.APP_DATABASE_URL, PORT: String(port), THIDUA_DEMO: '0' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return server;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  server.kill('SIGKILL');
  throw new Error('the second app server did not start');
}

async function register(browser, testInfo, path, title) {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const form = await phone.newPage();
  await form.goto(path);
  await form.goto(`/unit/${OPEN_CAMPAIGN}/initiatives/new`);
  await hydrated(form, testInfo);
  await fillInitiative(form, title);
  await form.getByRole('button', { name: 'Gửi đăng ký' }).click();
  await expect(form.getByText('Đã gửi thành công!')).toBeVisible();
  await phone.close();
}

test('a screen on another server follows registrations and survives that server restarting', async ({ page, browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop' || !process.env.SERVER_BIN, 'one pair of servers; needs ./x test');
  test.setTimeout(120_000);
  const { unit, path } = await unitLink(browser, testInfo, OPEN_CAMPAIGN, 7);
  const port = await freePort();
  let other = await startServer(port);
  try {
    await page.goto(`http://127.0.0.1:${port}/live/${OPEN_CAMPAIGN}`);
    await hydrated(page, testInfo);
    const row = page.locator('.live-table tbody tr', { has: page.getByRole('rowheader', { name: unit, exact: true }) });
    const count = row.locator('td.count');
    const before = parseInt(await count.textContent(), 10);

    const first = `Qua máy chủ thứ nhất ${Date.now()}`;
    await register(browser, testInfo, path, first);
    await expect(count).toHaveText(new RegExp(`^${before + 1}/`), { timeout: 2_000 });
    await expect(page.locator('.live-latest li').first()).toContainText(first);

    other.kill('SIGKILL');
    await expect(page.getByRole('status')).toHaveText('Đang kết nối lại…');
    const second = `Trong lúc mất kết nối ${Date.now()}`;
    await register(browser, testInfo, path, second);
    other = await startServer(port);
    await expect(page.getByRole('status')).toHaveCount(0, { timeout: 40_000 });
    await expect(count).toHaveText(new RegExp(`^${before + 2}/`));
    await expect(page.locator('.live-latest li').first()).toContainText(second);
  } finally {
    other.kill('SIGKILL');
  }
});
