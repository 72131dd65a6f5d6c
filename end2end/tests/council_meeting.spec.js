// The council's organisation in a real browser: the organizer chooses to spread initiatives
// among the members of the open campaign's council and sees what is short; the demo secretary
// of Quận 10 records the meeting's vote, is told at the field what is wrong, and sees the
// outcome. Every project records the same values, so projects running side by side agree.
import { test, expect } from '@playwright/test';
import { hydrated, signIn } from './helpers.js';

const SECRETARY = { username: 'hd.thuky', password: 'hoidong-demo-2026' };

test('@forms the organizer spreads the open campaign two members per initiative', async ({ page }, testInfo) => {
  await signIn(page, testInfo);
  const year = new Date().getFullYear();
  await page.getByRole('link', { name: `Phong trào thi đua cải cách hành chính năm ${year}`, exact: true }).click();
  await page.getByRole('link', { name: 'Hội đồng', exact: true }).click();
  await page.getByRole('link', { name: 'Xem và điều chỉnh phân công' }).click();
  await expect(page.getByRole('heading', { name: 'Cách phân công chấm' })).toBeVisible();
  await hydrated(page, testInfo);

  await page.getByLabel('Mỗi sáng kiến một số thành viên, chia đều khối lượng').check();
  await page.getByLabel('Số thành viên chấm mỗi sáng kiến').fill('0');
  await page.getByRole('button', { name: 'Lưu cách phân công' }).click();
  await expect(page.getByText('Nhập số từ 1 đến 50.')).toBeVisible();

  await page.getByLabel('Mỗi sáng kiến một số thành viên, chia đều khối lượng').check();
  await page.getByLabel('Số thành viên chấm mỗi sáng kiến').fill('2');
  await page.getByRole('button', { name: 'Lưu cách phân công' }).click();
  // No member yet: every initiative is short, and the page says how to go on.
  await expect(page.getByRole('status').filter({ hasText: 'chưa đủ người chấm' })).toBeVisible();
  await expect(page.getByText('Hội đồng chưa có thành viên.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Chia đều phần còn thiếu' })).toBeVisible();
});

test('@forms the secretary records the vote and sees who is recognised', async ({ page }, testInfo) => {
  await signIn(page, testInfo, SECRETARY, '/council');
  await page.getByRole('link', { name: /Sáng kiến cải cách hành chính phường/ }).first().click();
  await page.getByRole('link', { name: 'Mở bàn Thư ký' }).click();
  await page.getByRole('link', { name: 'Biên bản họp và biểu quyết công nhận' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Họp Hội đồng/ })).toBeVisible();
  await hydrated(page, testInfo);

  await page.getByLabel('Ngày họp (dd/mm/yyyy)').fill('05/12/2026');
  // Three present (other tests may have seated more members meanwhile); ticked again after a
  // refusal, since a plain form comes back with what is stored.
  const threePresent = async () => {
    const present = page.getByRole('group', { name: 'Thành viên có mặt' }).getByRole('checkbox');
    const count = await present.count();
    for (let i = 0; i < count; i += 1) {
      if (i < 3) await present.nth(i).check(); else await present.nth(i).uncheck();
    }
  };
  await threePresent();
  const first = page.getByLabel(/^Số thành viên đồng ý công nhận/).first();
  await first.fill('9');
  await page.getByRole('button', { name: 'Lưu biên bản họp' }).click();
  await expect(page.getByText('Nhập số từ 0 đến 3.')).toBeVisible();

  await threePresent();
  await page.getByLabel(/^Số thành viên đồng ý công nhận/).first().fill('2');
  await page.getByRole('button', { name: 'Lưu biên bản họp' }).click();
  await expect(page.getByText('Được công nhận (2/3)').first()).toBeVisible();
});
