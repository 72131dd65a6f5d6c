// Page weight and a slow phone, measured in Chromium against a running release server (run by
// `./x bench`, which starts the server on a demo database). Prints one JSON object.
//
//   BASE_URL=http://127.0.0.1:3000 UNIT_LINK=/l/… CAMPAIGN=5 ADMIN_USER=admin ADMIN_PASSWORD=… node page-weight.mjs
//
// Weight: every byte Chromium received (headers and bodies as sent, compressed) for a first
// visit with an empty cache, until the page is hydrated and the network is quiet; also which
// WebAssembly files it fetched. Slow phone: 400 kbit/s both ways, 400 ms round trip, CPU 4×
// slower; the initiative form opened from a cold cache: when it can be typed into and sent
// without scripts (its HTML and stylesheet have arrived), and when it is fully interactive
// (hydrated: drafts and the outbox work).
import { chromium } from '@playwright/test';

const base = process.env.BASE_URL;
const campaign = process.env.CAMPAIGN;
const unitLink = process.env.UNIT_LINK;
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const screen = { viewport: { width: 1920, height: 1080 } };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

/** A context with the unit's cookie (its link opened once), or signed in as the admin. */
async function contextFor(who, device) {
  const context = await browser.newContext({ ...device, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  if (who === 'unit') await page.goto(base + unitLink);
  if (who === 'admin') {
    await page.goto(`${base}/login`);
    await page.fill('input[name=username]', process.env.ADMIN_USER);
    await page.fill('input[name=password]', process.env.ADMIN_PASSWORD);
    await Promise.all([page.waitForURL(/\/admin\//), page.click('button[type=submit]')]);
    // The page signed in to has finished loading, so its pieces are not counted for the next.
    await page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached', timeout: 60_000 });
    await page.waitForLoadState('networkidle');
  }
  return { context, page };
}

/** Bytes received while `page` opens `path` from an empty cache, and the wasm files fetched. */
async function weigh(page, path, hydrates = true) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  const urls = new Map();
  let bytes = 0;
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  const wasm = new Set();
  cdp.on('Network.responseReceived', (e) => {
    if (e.response.url.endsWith('.wasm')) wasm.add(new URL(e.response.url).pathname);
  });
  await page.goto(base + path, { waitUntil: 'load' });
  if (hydrates) await page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached', timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await cdp.detach();
  return { path, bytes, requests: urls.size, wasm: [...wasm].sort() };
}

/** The initiative form on a slow phone: ms until usable without scripts, and until hydrated. */
async function slowPhone() {
  const { context, page } = await contextFor('unit', phone);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const started = Date.now();
  await page.goto(`${base}/unit/${campaign}/initiatives/new`, { waitUntil: 'commit' });
  await page.locator('input[name=title]').waitFor({ state: 'visible', timeout: 60_000 });
  await page.waitForFunction(() => [...document.styleSheets].some((s) => s.cssRules.length > 0), null,
    { timeout: 60_000 });
  const usable = Date.now() - started;
  await page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached', timeout: 120_000 });
  const interactive = Date.now() - started;
  await context.close();
  return { usable_ms: usable, interactive_ms: interactive };
}

const pages = [];
{
  const { context, page } = await contextFor('unit', phone);
  for (const [name, path] of [['unit home', ''], ['commitment', '/commitment'], ['initiative form', '/initiatives/new'],
    ['report', '/report']]) {
    pages.push({ name, who: 'unit', ...(await weigh(page, `/unit/${campaign}${path}`)) });
  }
  await context.close();
}
for (const [name, path, device] of [['front page', '/', phone], ['public board', `/live/${campaign}`, phone],
  ['conference screen', `/live/${campaign}/screen`, screen]]) {
  const { context, page } = await contextFor('public', device);
  pages.push({ name, who: 'public', ...(await weigh(page, path)) });
  await context.close();
}
{
  const { context, page } = await contextFor('admin', screen);
  pages.push({ name: 'campaign list', who: 'admin', ...(await weigh(page, '/admin/campaigns')) });
  pages.push({ name: 'campaign overview', who: 'admin', ...(await weigh(page, `/admin/campaigns/${campaign}`)) });
  await context.close();
}
const slow = await slowPhone();
await browser.close();
console.log(JSON.stringify({ pages, slow }));
