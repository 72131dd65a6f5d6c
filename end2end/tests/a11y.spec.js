// Every page, as each role it serves, on the desktop and the phone: axe-core finds no serious or
// critical violation, and no English reaches the visible text, the title, aria-* or alt.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { hydrated, signIn, unitLink } from './helpers.js';

// Q11 2022 (results public after the ceremony spec), Q10 (council scoring), Móng Cái (open).
const PUBLISHED = 3;
const SCORING = 4;
const OPEN = 5;
const DRAFT = 6;
const COUNCIL_MEMBER = { username: 'hd.chutich', password: 'hoidong-demo-2026' };
const SECRETARY = { username: 'hd.thuky', password: 'hoidong-demo-2026' };
const WARD_ORGANIZER = { username: 'nguyencutrinh', password: 'nct-demo-2026' };

/**
 * English words a Vietnamese page must never show. Words that are also Vietnamese without
 * diacritics (in, an, ban, con, tin, do, no …) are left out; names (Zalo, QR, PDF, Excel, Word,
 * CSV, Email) are allowed by not being listed.
 */
const ENGLISH = new Set(`
  the and or of with from for this that your you are was were will not but has have
  error errors failed failure invalid required missing unknown internal loading loaded
  submit submitted save saved cancel delete deleted edit update updated create created search
  name date time file files page next previous back home login logout sign password user
  username account unit units campaign campaigns board score scores report reports draft
  settings close open closed yes ok click select choose upload download true false null
  undefined none some nan object array string number success warning info debug view
  title description status state new old add remove list detail details menu link links
  submit_key field_id server client request response forbidden unauthorized found
`.split(/\s+/).filter(Boolean));

/** What a screen reader or a reader meets: visible text, the title, aria-* and alt. */
async function readableText(page) {
  return page.evaluate(() => {
    const parts = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        // aria-* that carry words (the others hold tokens such as "page" or ids).
        if (['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription',
          'aria-placeholder'].includes(attr.name)) {
          parts.push(attr.value);
        }
        if (attr.name === 'alt' || attr.name === 'placeholder' || attr.name === 'title') parts.push(attr.value);
      }
    }
    return parts.join('\n');
  });
}

function englishIn(text) {
  // Addresses, link tokens and receipt codes are identifiers, not prose: a random token such as
  // "…K6OK5R…" must not read as the word "OK".
  const prose = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S*\d\S*/g, ' ')
    .replace(/\b[A-Z2-9]{4}-[A-Z2-9]{4}\b/g, ' ');
  const words = prose.match(/[A-Za-z_]+/g) ?? [];
  return [...new Set(words.filter((w) => ENGLISH.has(w.toLowerCase())))];
}

async function check(page, testInfo, path) {
  await page.goto(path);
  await hydrated(page, testInfo);
  await expect(page.locator('h1').first()).toBeVisible();
  const english = englishIn(await readableText(page));
  expect.soft(english, `English on ${path}`).toEqual([]);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect.soft(serious, `axe on ${path}`).toEqual([]);
}

/** The addresses of the first link matching `selector` on `path` (a real id to visit). */
async function firstLink(page, path, selector) {
  await page.goto(path);
  const href = await page.locator(selector).first().getAttribute('href');
  return new URL(href, page.url()).pathname;
}

test.describe('every page is accessible and Vietnamese', () => {
  test.slow();

  test('public pages', async ({ page }, testInfo) => {
    const pages = ['/', '/login', '/gallery', `/live/${PUBLISHED}`, `/results/${PUBLISHED}`,
      `/results/${PUBLISHED}/summary`, `/live/${OPEN}`];
    if (testInfo.project.name === 'desktop') pages.push(`/live/${OPEN}/screen`);
    for (const path of pages) await check(page, testInfo, path);
    await check(page, testInfo, await firstLink(page, '/gallery', 'a[href^="/gallery/"]'));
  });

  test('a unit on its phone', async ({ browser, page }, testInfo) => {
    const link = await unitLink(browser, testInfo, OPEN, -4);
    await page.goto(link.path);
    for (const path of ['', '/commitment', '/initiatives/new', '/report']) {
      await check(page, testInfo, `/unit/${OPEN}${path}`);
    }
  });

  // The system admin's 29 pages in two tests, each well inside the time limit on a busy machine.
  test('the system admin: the tabs of a campaign', async ({ page }, testInfo) => {
    await signIn(page, testInfo);
    const tabs = ['', '/general', '/units', '/links', '/participation', '/fields', '/criteria', '/scoring',
      '/state', '/council', '/council/assignment', '/audit', '/awards', '/ceremony'];
    for (const tab of tabs) await check(page, testInfo, `/admin/campaigns/${PUBLISHED}${tab}`);
    await check(page, testInfo, await firstLink(page, `/admin/campaigns/${PUBLISHED}/participation`,
      'table.participation tbody a[href*="/participation/"]'));
  });

  test('the system admin: campaigns, units, accounts and replications', async ({ page }, testInfo) => {
    await signIn(page, testInfo);
    const pages = ['/admin/campaigns', '/admin/campaigns/new', `/admin/campaigns/${OPEN}/links/print`,
      `/admin/campaigns/${DRAFT}/general`, '/admin/units', '/admin/units/new', '/admin/units/import',
      '/admin/accounts', '/admin/password', '/admin/replications'];
    for (const path of pages) await check(page, testInfo, path);
    await check(page, testInfo, await firstLink(page, '/admin/units', 'a[href^="/admin/units/"]:not([href$="new"]):not([href$="import"])'));
    await check(page, testInfo, await firstLink(page, '/admin/accounts', 'a[href^="/admin/accounts/"]'));
  });

  test('a ward organizer', async ({ page }, testInfo) => {
    await signIn(page, testInfo, WARD_ORGANIZER);
    for (const path of ['/admin/campaigns', '/admin/units', '/admin/accounts']) await check(page, testInfo, path);
  });

  test('a council member and its secretary', async ({ page }, testInfo) => {
    await signIn(page, testInfo, COUNCIL_MEMBER, '/council');
    for (const path of ['/council', `/council/${SCORING}`, `/council/${SCORING}/chair`]) await check(page, testInfo, path);
    await check(page, testInfo, await firstLink(page, `/council/${SCORING}`, `a[href^="/council/${SCORING}/initiatives/"]`));
    await page.context().clearCookies();
    await signIn(page, testInfo, SECRETARY, '/council');
    await check(page, testInfo, `/council/${SCORING}/meeting`);
  });
});
