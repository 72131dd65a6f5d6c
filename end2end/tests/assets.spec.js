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

/**
 * The WebAssembly a page fetched until it was hydrated: its split pieces (`split_<area>`), the
 * whole app's main piece (`main`) or the islands bundle built for a group of islands
 * (`islands_<group>`).
 */
async function piecesFetched(page, testInfo, path) {
  const pieces = new Set();
  const listen = (response) => {
    const file = new URL(response.url()).pathname;
    const name = file.match(/\/pkg\/split_(\w+?)\./)?.[1]
      ?? file.match(/\/pkg\/thidua_(islands_[a-z]+)\.[^/]*wasm$/)?.[1]
      ?? (/\/pkg\/thidua\.[^/]*wasm$/.test(file) ? 'main' : undefined);
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

test('each page fetches the WebAssembly of its own area only; the unit pages and boards only their islands', async ({ browser, page }, testInfo) => {
  // Every page load goes to the server, so each reports what it needs.
  await (await page.context().newCDPSession(page)).send('Network.setCacheDisabled', { cacheDisabled: true });
  const { path } = await unitLink(browser, testInfo, 5, 0);
  await page.goto(path);
  await hydrated(page, testInfo);
  // Pages served as islands: the islands of their group where there is one, nothing elsewhere.
  for (const [address, pieces] of [['/unit/5', []], ['/unit/5/commitment', []],
    ['/unit/5/initiatives/new', ['islands_forms']], ['/unit/5/report', ['islands_forms']],
    ['/live/5', ['islands_boards']], ['/live/5/screen', ['islands_boards']], ['/gallery', ['main', 'public_pages']],
    ['/login', ['main', 'public_pages']]]) {
    expect(await piecesFetched(page, testInfo, address), address).toEqual(pieces);
  }
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, testInfo);
  await (await admin.context().newCDPSession(admin)).send('Network.setCacheDisabled', { cacheDisabled: true });
  expect(await piecesFetched(admin, testInfo, '/admin/campaigns')).toEqual(['admin_pages', 'main']);
});

test('with scripts off no page fetches a script or any WebAssembly', async ({ browser }, testInfo) => {
  const { path } = await unitLink(browser, testInfo, 5, 1);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (request) => {
    if (/\.(js|wasm)$/.test(new URL(request.url()).pathname)) fetched.push(request.url());
  });
  await page.goto(path);
  for (const address of ['/unit/5/initiatives/new', '/unit/5/report', '/live/5', '/login', '/gallery']) {
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  }
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual([]);
  await context.close();
});

test('a page whose WebAssembly piece is gone (a new deployment) opens the next page afresh', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one browser is enough');
  await page.goto('/results/3');
  await hydrated(page, testInfo);
  // The live board's piece is gone, as an old build's would be, until the board is loaded whole.
  let gone = true;
  let refused = 0;
  page.on('request', (request) => {
    if (request.isNavigationRequest() && new URL(request.url()).pathname === '/live/3') gone = false;
  });
  await page.route(/\/pkg\/split_live_pages\./, (route) => {
    if (!gone) return route.continue();
    refused += 1;
    return route.fulfill({ status: 404, body: '' });
  });
  await page.getByRole('link', { name: 'Xem bảng xếp hạng trực tiếp' }).first().click();
  await expect(page).toHaveURL(/\/live\/3$/);
  await expect(page.locator('.board, .board-empty, h1').first()).toBeVisible();
  await hydrated(page, testInfo);
  expect(refused, 'the old piece was asked for').toBeGreaterThan(0);
  expect(gone, 'the board was loaded whole from the server').toBe(false);
  await expect(page.getByText('Trang đã được cập nhật')).toHaveCount(0);
});
