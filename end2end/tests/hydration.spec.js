// Every admin page hydrates without a panic, load after load (a hydration mismatch was
// intermittent, so each page is loaded several times).
import { test, expect } from '@playwright/test';
import { jsEnabled, signInToUnits } from './helpers.js';

const PAGES = ['/', '/login', '/admin/units', '/admin/units?q=phuong%204', '/admin/units/new?parent=GV',
  '/admin/units/import', '/admin/accounts', '/admin/campaigns', '/admin/campaigns/new'];
const CAMPAIGN_TABS = ['', '/general', '/units', '/fields', '/criteria', '/scoring', '/state', '/copy', '/audit', '/ceremony'];

test('admin pages hydrate without errors, load after load', async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'hydration needs scripts');
  test.setTimeout(300_000);
  await signInToUnits(page, testInfo);
  const goVap = await page.getByRole('link', { name: 'Quận Gò Vấp', exact: true }).getAttribute('href');
  // A demo campaign no other test changes (the first in the list is the one campaigns.spec is
  // creating at that moment on the other worker; loading it then has hung hydration twice, see
  // the notes of issue 14).
  const campaign = '/admin/campaigns/3';
  const errors = [];
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  page.on('console', (m) => { if (m.text().includes('panicked')) errors.push(`${page.url()}: ${m.text().split('\n')[0]}`); });
  for (const path of [...PAGES, goVap, ...CAMPAIGN_TABS.map((tab) => campaign + tab)]) {
    for (let load = 0; load < 4; load++) {
      await page.goto(path);
      // A load that has not hydrated in 30 s is tried once more and reported (issue 14 notes:
      // since 01/12/2026 one load in a few hundred never hydrates in CI, cause not yet found).
      const hydrated = page.locator('body[data-hydrated="true"]');
      if (!(await hydrated.waitFor({ state: 'attached', timeout: 30_000 }).then(() => true, () => false))) {
        const seen = await page.evaluate(() => ({
          ready: document.readyState,
          resources: performance.getEntriesByType('resource').map((e) =>
            `${e.name} ${Math.round(e.startTime)}–${Math.round(e.responseEnd)} ms ${e.responseStatus} ${e.transferSize} B`),
        }));
        testInfo.annotations.push({ type: 'slow hydration', description: `${path} (load ${load}): ${JSON.stringify(seen)}` });
        console.log(`slow hydration ${path} (load ${load}): ${JSON.stringify(seen)}`);
        await page.reload();
        await hydrated.waitFor({ state: 'attached', timeout: 60_000 });
      }
      await page.waitForTimeout(300);
    }
  }
  expect(errors).toEqual([]);
});

// The body's mark is what every test waits for before it types: it must come once the page's
// own route (loaded as a piece of its own) answers input, not while that piece is still loading
// (typing then was lost: a total that did not follow, once a CI run).
test('the hydrated mark comes once the page answers what is typed', async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'hydration needs scripts');
  await signInToUnits(page, testInfo);
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.body?.dataset.hydrated !== 'true') return;
      observer.disconnect();
      // At the very moment of the mark: a point typed into the last (blank) criterion's cell.
      const cells = document.querySelectorAll("input[name$='[max_points]']");
      cells[cells.length - 1].value = '7';
      cells[cells.length - 1].dispatchEvent(new Event('input', { bubbles: true }));
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-hydrated'] });
  });
  // The demo's draft for next year (5 criteria, 100 points), which no test saves.
  for (let load = 0; load < 3; load++) {
    await page.goto('/admin/campaigns/6/criteria');
    await expect(page.getByText('Tổng điểm tối đa: 107')).toBeVisible();
  }
});
