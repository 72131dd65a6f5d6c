// The reveal ceremony of the demo's Quận 11 2022 campaign, as on the day: the conference screen
// at 1920×1080, a delegate's phone following the board, and the chair's phone as the console. A
// rehearsal leaves the screen alone; the live ceremony reveals from the last place up, stops on
// the award cards, goes back, survives a reload of the screen, and its last step makes the results
// public. Runs once, before every other spec (they read the 2022 results as public).
import { test, expect } from '@playwright/test';
import { hydrated, signIn, watchErrors } from './helpers.js';

const CAMPAIGN = 3; // Quận 11, 2022 (demo): published, held for its ceremony
const CHAIR = { username: 'hd11.chutich', password: 'hoidong-demo-2026' };
const ORGANIZER = { username: 'quan11', password: 'quan11-demo-2026' };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** What the screen shows at most 80 % down, and its rows' and card's sizes against its height. */
async function screenLayout(screen) {
  return screen.evaluate(() => {
    const h = window.innerHeight;
    const boxes = [...document.querySelectorAll('.ceremony-rows li, .ceremony-card p')].map((e) => e.getBoundingClientRect());
    const rows = [...document.querySelectorAll('.ceremony-rows li')].map((e) => e.getBoundingClientRect().height / h);
    const card = [...document.querySelectorAll('.ceremony-card p')].map((e) => parseFloat(getComputedStyle(e).fontSize) / h);
    return { lowest: Math.max(0, ...boxes.map((b) => b.bottom)) / h, rows, card };
  });
}

test('the chair rehearses, then runs the ceremony from the last place to the first on every screen', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const screenContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const screen = await screenContext.newPage();
  const errors = watchErrors(screen);
  await screen.goto(`/live/${CAMPAIGN}/screen`);
  await hydrated(screen, testInfo);
  await expect(screen.locator('.screen-kicker')).toHaveText('Bảng xếp hạng trực tiếp');

  // A 4K screen shows the same, in proportion.
  const screen4k = await (await browser.newContext({ viewport: { width: 3840, height: 2160 } })).newPage();
  await screen4k.goto(`/live/${CAMPAIGN}/screen`);
  await hydrated(screen4k, testInfo);

  const delegate = await (await browser.newContext(phone)).newPage();
  await delegate.goto(`/live/${CAMPAIGN}`);
  await hydrated(delegate, testInfo);
  await expect(delegate.locator('.board-ceremony')).toHaveCount(0);

  // The organizer gives the individual's card a photo (drawn here, as a phone's photo would be).
  const organizer = await (await browser.newContext()).newPage();
  await signIn(organizer, testInfo, ORGANIZER, `/admin/campaigns/${CAMPAIGN}/ceremony`);
  const drawn = await organizer.evaluate(() => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 480, height: 360 });
    const g = canvas.getContext('2d');
    g.fillStyle = '#b91c1c'; g.fillRect(0, 0, 480, 360);
    g.fillStyle = '#facc15'; g.font = 'bold 64px sans-serif'; g.fillText('Ảnh', 170, 200);
    return canvas.toDataURL('image/png').split(',')[1];
  });
  const line = organizer.locator('.photo-line').filter({ hasText: 'Nguyễn' }).first();
  await line.getByLabel('Chọn ảnh').setInputFiles({ name: 'anh.png', mimeType: 'image/png', buffer: Buffer.from(drawn, 'base64') });
  await line.getByRole('button', { name: 'Tải ảnh lên' }).click();
  await expect(organizer.getByText('Đã cập nhật ảnh của thẻ xướng danh.')).toBeVisible();
  await expect(organizer.locator('.photo-line').filter({ hasText: 'Nguyễn' }).first()).toContainText('đã có ảnh');

  const chair = await (await browser.newContext(phone)).newPage();
  await signIn(chair, testInfo, CHAIR, `/ceremony/${CAMPAIGN}`);
  await expect(chair.locator('.checklist li.done')).toHaveCount(4);

  // A rehearsal moves the console alone.
  await chair.getByRole('button', { name: 'Tập dượt' }).click();
  await expect(chair.getByText('Tập dượt: màn hình hội nghị không thay đổi')).toBeVisible();
  await chair.getByRole('button', { name: 'Tiếp ▶' }).click();
  await expect(chair.locator('.console-count')).toHaveText(/^Bước 2\//);
  await chair.getByRole('button', { name: 'Tiếp ▶' }).click();
  await expect(chair.locator('.console-count')).toHaveText(/^Bước 3\//);
  await screen.waitForTimeout(1500);
  await expect(screen.locator('.ceremony, .ceremony-card')).toHaveCount(0);
  await chair.getByRole('button', { name: 'Kết thúc tập dượt' }).click();
  // The start panel comes back in place of the rehearsal: ticked before that, its box is redrawn empty.
  await expect(chair.getByText('Tập dượt: màn hình hội nghị không thay đổi')).toHaveCount(0);

  // Live: every screen freezes on the opening; the console shows what comes next. (A tick given
  // as the start panel is drawn again can be lost — 1 run in about 30 — and the browser then asks
  // for it again, as it would a person: so tick and start until the console is live.)
  const startBox = chair.getByLabel(/Tôi bắt đầu lễ công bố/);
  const live = chair.getByText('Trực tiếp: mọi màn hình đang hiện theo bước này');
  await expect(async () => {
    if (await startBox.isVisible()) {
      await startBox.check();
      await chair.getByRole('button', { name: 'Bắt đầu lễ công bố' }).click();
    }
    await expect(live).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  await expect(screen.locator('.ceremony-opening')).toContainText('kết quả sắp được công bố');
  await expect(screen.locator('.screen-kicker')).toHaveText('Lễ công bố kết quả');
  const steps = Number((await chair.locator('.console-count').textContent()).match(/\/(\d+)/)[1]);
  const lastPlace = (await chair.locator('.console-next p').textContent()).match(/: (.+) — /)[1];

  // The space bar is "Tiếp": the last place slides in, on the screen and on the delegate's phone.
  await chair.locator('h1').click();
  await chair.keyboard.press('Space');
  await expect(chair.locator('.console-count')).toHaveText(/^Bước 2\//);
  await expect(screen.locator('.ceremony-rows li')).toHaveCount(1);
  await expect(screen.locator('.ceremony-rows li.just .ceremony-name')).toHaveText(lastPlace);
  await expect(delegate.locator('.board-ceremony .ceremony-rows li')).toHaveCount(1);
  for (let k = 3; k <= 5; k++) {
    await chair.getByRole('button', { name: 'Tiếp ▶' }).click();
    await expect(chair.locator('.console-count')).toHaveText(new RegExp(`^Bước ${k}/`));
  }
  await expect(screen.locator('.ceremony-rows li')).toHaveCount(4);
  await expect(screen4k.locator('.ceremony-rows li')).toHaveCount(4);
  for (const shown of [screen, screen4k]) {
    const layout = await screenLayout(shown);
    expect(Math.min(...layout.rows)).toBeGreaterThanOrEqual(0.06);
    expect(layout.lowest).toBeLessThanOrEqual(0.8);
  }

  // Back one step, then a reload of the screen resumes where the ceremony stands.
  await chair.getByRole('button', { name: '◀ Lùi lại' }).click();
  await expect(chair.locator('.console-count')).toHaveText(/^Bước 4\//);
  await expect(screen.locator('.ceremony-rows li')).toHaveCount(3);
  await screen.reload();
  await hydrated(screen, testInfo);
  await expect(screen.locator('.ceremony-rows li')).toHaveCount(3);

  // Jump to the first award card: large, above the bottom fifth, on every screen.
  const jump = chair.getByLabel('Đến bước');
  const card = await jump.locator('option', { hasText: 'Xướng danh' }).first().getAttribute('value');
  await jump.selectOption(card);
  await chair.getByRole('button', { name: 'Đến', exact: true }).click();
  await expect(screen.locator('.ceremony-card')).toBeVisible();
  await expect(screen.locator('.ceremony-form')).toContainText('Giấy khen');
  await expect(delegate.locator('.board-ceremony .ceremony-card')).toBeVisible();
  // The first card reached is the individual's, with the photo, now served to the screens.
  await expect(screen.locator('.ceremony-photo')).toBeVisible();
  await expect.poll(() => screen.locator('.ceremony-photo').evaluate((img) => img.naturalWidth)).toBe(480);
  await expect(screen4k.locator('.ceremony-card')).toBeVisible();
  for (const shown of [screen, screen4k]) {
    const cardLayout = await screenLayout(shown);
    expect(Math.min(...cardLayout.card)).toBeGreaterThanOrEqual(0.05 - 0.001);
    expect(cardLayout.lowest).toBeLessThanOrEqual(0.8);
  }
  expect(await screen.locator('.screen-panel').textContent()).not.toContain('Kết quả chung cuộc');

  // The last step: final standings and the award list; the results are public from now on.
  await jump.selectOption(String(steps - 1));
  await chair.getByRole('button', { name: 'Đến', exact: true }).click();
  await expect(screen.getByRole('heading', { name: 'Kết quả chung cuộc' })).toBeVisible();
  await expect(screen.locator('.ceremony-rows li').first().locator('.ceremony-place')).toHaveText('1');
  await expect(screen.locator('.ceremony-awards h3').first()).toContainText('Giấy khen');
  await chair.getByRole('button', { name: /Kết thúc lễ/ }).click();
  await expect(chair.getByText('Lễ công bố đã kết thúc')).toBeVisible();
  await expect(screen.locator('.screen-kicker')).toHaveText('Bảng xếp hạng trực tiếp');
  await expect(delegate.getByRole('heading', { name: 'Xếp hạng' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('under reduced motion the revealed rows and cards do not move', async ({ browser }, testInfo) => {
  const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' })).newPage();
  await page.goto(`/live/${CAMPAIGN}/screen`);
  await hydrated(page, testInfo);
  // A row and a card drawn as the ceremony draws them, checked against the page's own styles.
  const animations = await page.evaluate(() => {
    const panel = document.querySelector('.screen-panel');
    panel.insertAdjacentHTML('beforeend',
      '<section class="ceremony"><ol class="ceremony-rows"><li class="just">x</li></ol></section><section class="ceremony-card"><p>y</p></section>');
    return [...panel.querySelectorAll('.ceremony-rows li.just, .ceremony-card')].map((e) => getComputedStyle(e).animationName);
  });
  expect(animations).toEqual(['none', 'none']);
});
