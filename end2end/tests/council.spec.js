// The council's desk in a real browser: a member of Quận 10's council (made for this test, so
// projects running side by side do not share a queue) scores with the keyboard only, moves on
// with "Lưu & tiếp", finds what he typed after a reload, and sees peers only once he submitted.
import { test, expect } from '@playwright/test';
import { hydrated, jsEnabled, signIn } from './helpers.js';

const PASSWORD = 'hoi-dong-thu-2026';

/** A new evaluator of Quận 10 seated in its campaign's council; returns its username and the campaign. */
async function seatMember(page, testInfo) {
  await signIn(page, testInfo);
  const origin = new URL(page.url()).origin;
  const post = (path, form) => page.request.post(path, { headers: { Origin: origin }, form });
  const username = `hd${testInfo.project.name.replace(/[^a-z]/g, '')}${Date.now().toString(36)}`;
  const created = await post('/api/create_account', {
    username, display_name: 'Đỗ Văn Kiểm', password: PASSWORD, role: 'evaluator', unit_code: 'Q10',
  });
  expect(created.ok()).toBeTruthy();
  const campaigns = await (await post('/api/list_campaigns', {})).json();
  const campaign = campaigns.find((c) => c.title.startsWith('Sáng kiến cải cách hành chính phường')).id;
  const accounts = await (await post('/api/list_accounts', {})).json();
  const account = accounts.find((a) => a.username === username).id;
  expect((await post('/api/add_council_member', { id: campaign, account_id: account })).ok()).toBeTruthy();
  await page.context().clearCookies();
  return { username, campaign };
}

test('a council member scores with the keyboard, moves on, and keeps what he typed', async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'the plain-form path is covered by the HTTP tests');
  const { username, campaign } = await seatMember(page, testInfo);
  await signIn(page, testInfo, { username, password: PASSWORD }, '/council');
  await page.getByRole('link', { name: /Sáng kiến cải cách hành chính phường/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'đã chấm' })).toContainText('0 /');
  await page.getByRole('link', { name: 'Bắt đầu chấm' }).click();
  await expect(page.getByRole('heading', { name: 'Phiếu chấm điểm' })).toBeVisible();
  await hydrated(page, testInfo);
  const first = page.url();

  // Typed, then reloaded: kept (in the browser at once, on the server as a draft a moment later).
  const scores = page.locator('input.score-input');
  const count = await scores.count();
  await scores.first().focus();
  await page.keyboard.type('7,5');
  await expect(page.locator('.sheet-total')).toContainText('Tổng: 7,5');
  await page.reload();
  await hydrated(page, testInfo);
  await expect(scores.first()).toHaveValue('7,5');

  // The rest with the keyboard; Enter submits ("Lưu & tiếp" is the form's first button).
  for (let i = 1; i < count; i++) {
    await scores.nth(i).focus();
    await page.keyboard.type('6');
  }
  await scores.first().focus();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(first);
  await expect(page.getByRole('heading', { name: 'Phiếu chấm điểm' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'đã chấm' })).toContainText('1 /');

  // A refused score is shown at its field and nothing moves.
  await hydrated(page, testInfo);
  const second = page.url();
  await scores.first().fill('99');
  await page.getByRole('button', { name: 'Lưu & tiếp' }).click();
  await expect(page.locator('[id="points[0]-msg"]')).toContainText('0 đến');
  await expect(page).toHaveURL(second);

  // Back on the first: his sheet beside the others', none of them before.
  await page.goto(first);
  await expect(page.getByRole('heading', { name: 'Điểm đã nộp' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Bạn' })).toBeVisible();
});
