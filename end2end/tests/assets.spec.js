// The WebAssembly, JS and CSS go out compressed at build time (`./x` writes `.br` and `.gz`
// beside them), never compressed again per request; their names carry a hash of their content,
// so they are cached for a year as immutable.
import { test, expect } from '@playwright/test';
import { hydrated, signIn, unitLink } from './helpers.js';

/** The addresses of the built files the sign-in page loads, by kind. */
async function builtFiles(request) {
  const html = await (await request.get('/login')).text();
  const find = (pattern) => html.match(pattern)?.[1];
  return [
    [find(/href="(\/pkg\/thidua\.[\w-]+\.css)"/), 'text/css'],
    [find(/"(\/pkg\/thidua\.[\w-]+\.js)"/), 'javascript'],
    [find(/"(\/pkg\/thidua\.[\w-]+\.wasm)"/), 'application/wasm'],
  ];
}

test('built files are named by their content and sent precompressed, cached for a year', async ({ request }) => {
  const files = await builtFiles(request);
  for (const [path, type] of files) {
    expect(path, `a hashed ${type} address in the page`).toBeTruthy();
    const plain = await request.get(path, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.status()).toBe(200);
    expect(plain.headers()['content-type']).toContain(type);
    expect(plain.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    const plainLength = Number(plain.headers()['content-length']);
    for (const encoding of ['br', 'gzip']) {
      const packed = await request.get(path, { headers: { 'Accept-Encoding': encoding } });
      expect(packed.headers()['content-encoding']).toBe(encoding);
      expect(packed.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
      // A known length means the file was read as built, not compressed while streaming.
      expect(Number(packed.headers()['content-length'])).toBeLessThan(plainLength / 2);
    }
  }
});

test('pages are not cached as built files are', async ({ request }) => {
  const page = await request.get('/login');
  expect(page.headers()['cache-control'] ?? '').not.toContain('immutable');
  const favicon = await request.get('/favicon.ico');
  expect(favicon.headers()['cache-control']).toBe('public, max-age=86400');
});

/** The split pieces of WebAssembly (`split_<area>`) a page fetched until it was hydrated. */
async function piecesFetched(page, testInfo, path) {
  const pieces = new Set();
  const listen = (response) => {
    const name = new URL(response.url()).pathname.match(/\/pkg\/split_(\w+?)\./)?.[1];
    if (name) pieces.add(name);
  };
  page.on('response', listen);
  await page.goto(path);
  await hydrated(page, testInfo);
  // A piece's response can be reported just after the page says it is hydrated.
  await page.waitForLoadState('networkidle');
  page.off('response', listen);
  return [...pieces].sort();
}

test('each page fetches the WebAssembly of its own area only', async ({ browser, page }, testInfo) => {
  // Every page load goes to the server, so each reports what it needs.
  await (await page.context().newCDPSession(page)).send('Network.setCacheDisabled', { cacheDisabled: true });
  const { path } = await unitLink(browser, testInfo, 5, 0);
  await page.goto(path);
  await hydrated(page, testInfo);
  for (const [address, area] of [['/unit/5', 'unit_pages'], ['/unit/5/initiatives/new', 'unit_pages'],
    ['/unit/5/report', 'unit_pages'], ['/live/5', 'live_pages'], ['/gallery', 'public_pages'],
    ['/login', 'public_pages']]) {
    expect(await piecesFetched(page, testInfo, address), address).toEqual([area]);
  }
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, testInfo);
  await (await admin.context().newCDPSession(admin)).send('Network.setCacheDisabled', { cacheDisabled: true });
  expect(await piecesFetched(admin, testInfo, '/admin/campaigns')).toEqual(['admin_pages']);
});
