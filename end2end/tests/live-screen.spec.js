// The conference screen at 1920×1080 (and 4K): nothing scrolls, ranking rows are readable from
// the back of the hall (each at least 4 % of the height), panels turn by themselves, a phone's
// registration shows without a reload, and the QR panel leads phones to the public board.
// Organizers find both addresses on the campaign's overview.
import { test, expect } from '@playwright/test';
import { fillInitiative, hydrated, signIn, unitLink, watchErrors } from './helpers.js';

const OPEN_CAMPAIGN = 5; // Móng Cái, open now (demo), public
const PUBLISHED_CAMPAIGN = 3; // Quận 11, 2022 (demo), results published and released
// A unit that signed its commitment but registered nothing (demo data: odd places in name order).
const QUIET_UNIT = 9;

async function expectNoScrolling(page) {
  const overflow = await page.evaluate(() => ({
    x: document.documentElement.scrollWidth - window.innerWidth,
    y: document.documentElement.scrollHeight - window.innerHeight,
  }));
  expect(overflow.x).toBeLessThanOrEqual(0);
  expect(overflow.y).toBeLessThanOrEqual(0);
  const foot = await page.locator('.screen-foot').boundingBox();
  expect(foot.y + foot.height).toBeLessThanOrEqual(page.viewportSize().height + 0.5);
}

async function rowBoxes(page) {
  return page.locator('.screen-ranking tbody tr').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().toJSON()));
}

test('the ranking fills a 1080p or 4K screen without scrolling, in rows of at least 4 % of its height', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.goto(`/live/${PUBLISHED_CAMPAIGN}/screen?panel=ranking`);
  await hydrated(page, testInfo);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Phong trào thi đua cải cách hành chính');
  for (const size of [{ width: 1920, height: 1080 }, { width: 3840, height: 2160 }]) {
    await page.setViewportSize(size);
    const boxes = await rowBoxes(page);
    expect(boxes.length).toBeGreaterThan(3);
    expect(boxes.length).toBeLessThanOrEqual(10);
    for (const box of boxes) {
      expect(box.height).toBeGreaterThanOrEqual(size.height * 0.04);
      expect(box.bottom).toBeLessThanOrEqual(size.height);
    }
    await expectNoScrolling(page);
  }
  // Equal scores share a place (1, 1, 1, 4); the first page starts at place 1.
  const rows = await page.locator('.screen-ranking tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [Number(tr.querySelector('.place').firstChild.textContent), tr.querySelector('.score').textContent]));
  rows.forEach(([place, score], i) => {
    const expected = i === 0 ? 1 : score === rows[i - 1][1] ? rows[i - 1][0] : i + 1;
    expect(place).toBe(expected);
  });
  expect(errors).toEqual([]);
});

test('before results are published the screen shows progress, not a podium', async ({ page }, testInfo) => {
  await page.goto(`/live/${OPEN_CAMPAIGN}/screen?panel=ranking`);
  await hydrated(page, testInfo);
  await expect(page.getByRole('heading', { level: 2 })).toContainText('Tiến độ tham gia');
  await expect(page.locator('.screen-ranking tbody tr').first()).toBeVisible();
  await expect(page.locator('.screen-ranking .place')).toHaveCount(0);
  await expect(page.locator('.screen-ranking .podium')).toHaveCount(0);
  await expect(page.locator('.screen-ranking tbody tr').first().locator('td').first()).toHaveText(/^(Đã ký|Chưa)$/);
});

test('every panel fits the screen and the QR code leads to the public board', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  for (const panel of ['progress', 'latest', 'qr']) {
    await page.goto(`/live/${OPEN_CAMPAIGN}/screen?panel=${panel}`);
    await hydrated(page, testInfo);
    await expectNoScrolling(page);
  }
  await expect(page.locator('.screen-qr-code svg')).toBeVisible();
  const code = await page.locator('.screen-qr-code svg').boundingBox();
  expect(code.height).toBeGreaterThanOrEqual(1080 * 0.5);
  const shortUrl = (await page.locator('.screen-url').textContent()).trim();
  expect(shortUrl).toMatch(new RegExp(`^[^/]+/live/${OPEN_CAMPAIGN}$`));
  await page.goto(`http://${shortUrl}`);
  await expect(page.locator('.live-table')).toBeVisible();
  // Once results are public (the ceremony spec ran first), the award list is a panel of its own.
  await page.goto(`/live/${PUBLISHED_CAMPAIGN}/screen?panel=awards`);
  await hydrated(page, testInfo);
  await expect(page.locator('.screen-awards h3').first()).toContainText('Giấy khen');
  await expectNoScrolling(page);
  expect(errors).toEqual([]);
});

test('panels turn by themselves', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  await page.goto(`/live/${OPEN_CAMPAIGN}/screen`);
  await hydrated(page, testInfo);
  await expect(page.locator('.screen-progress h2')).toHaveText(/^\d+\/\d+ (đơn vị|phường|xã) đã đăng ký$/);
  const dots = await page.locator('.screen-dots span').count();
  expect(dots).toBeGreaterThanOrEqual(4);
  await expect(page.locator('.screen-dots span').nth(0)).toHaveClass(/current/);
  await expect(page.locator('.screen-dots span').nth(1)).toHaveClass(/current/, { timeout: 15_000 });
  await expect(page.locator('.screen-progress, .screen-ranking')).toBeVisible();
});

test("a phone's registration reaches the screen without a reload", async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const { unit, path } = await unitLink(browser, testInfo, OPEN_CAMPAIGN, QUIET_UNIT);
  await page.goto(`/live/${OPEN_CAMPAIGN}/screen?panel=progress`);
  await hydrated(page, testInfo);
  // Pages turn every 12 s: the unit's own bar is on one of them, the headline on all.
  const item = page.locator('.screen-units li', { has: page.locator('.screen-unit', { hasText: unit }) });
  await expect(item.locator('.screen-unit-count')).toHaveText('0', { timeout: 30_000 });
  const headline = async () => Number((await page.locator('.screen-progress h2').textContent()).split('/')[0]);
  const registeredBefore = await headline();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const form = await phone.newPage();
  await form.goto(path);
  await form.goto(`/unit/${OPEN_CAMPAIGN}/initiatives/new`);
  await hydrated(form, testInfo);
  await fillInitiative(form, `Màn hình hội nghị ${Date.now()}`);
  await form.getByRole('button', { name: 'Gửi đăng ký' }).click();
  await expect(form.getByText('Đã gửi thành công!')).toBeVisible();
  await phone.close();

  await expect.poll(headline, { timeout: 3_000 }).toBe(registeredBefore + 1);
  await expect(item.locator('.screen-unit-count')).toHaveText('1', { timeout: 30_000 });
  await expect(item).toHaveClass(/met/);
  expect(errors).toEqual([]);
});

test("the campaign's overview hands out the board and opens the screen", async ({ page }, testInfo) => {
  await signIn(page, testInfo, undefined, `/admin/campaigns/${OPEN_CAMPAIGN}`);
  const card = page.locator('section', { has: page.getByRole('heading', { name: 'Bảng xếp hạng trực tiếp' }) });
  await expect(card.getByLabel('Trang công khai (điện thoại, máy tính)')).toHaveValue(new RegExp(`/live/${OPEN_CAMPAIGN}$`));
  await expect(card.getByRole('link', { name: 'Mở màn hình hội nghị' })).toHaveAttribute('href', `/live/${OPEN_CAMPAIGN}/screen`);
  await page.goto(`/live/${OPEN_CAMPAIGN}/screen`);
  await expect(page.getByRole('button', { name: 'Toàn màn hình' })).toBeVisible();
});
