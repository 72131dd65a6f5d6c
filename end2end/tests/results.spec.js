// A campaign's results page, as the public reads it once results are released: units by place
// with shared places explained, initiatives filtered and sorted from the address (the filter
// form and the sort links work with scripts off), readable on a phone.
import { test, expect } from '@playwright/test';
import { hydrated, watchErrors } from './helpers.js';

const PUBLISHED_CAMPAIGN = 3; // Quận 11, 2022 (demo): results published and released

test('@forms the units stand by place, equal scores share it and say why', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.goto(`/results/${PUBLISHED_CAMPAIGN}`);
  await hydrated(page, testInfo);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('năm 2022');
  const rows = await page.locator('.results-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [Number(tr.querySelector('.place').textContent), tr.querySelector('.score').textContent]));
  expect(rows.length).toBeGreaterThan(10);
  rows.forEach(([place, score], i) => {
    const expected = i === 0 ? 1 : score === rows[i - 1][1] ? rows[i - 1][0] : i + 1;
    expect(place).toBe(expected);
  });
  await expect(page.locator('.results-table .tie').first()).toContainText('Đồng hạng');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
});

test('@forms the initiatives filter by mark and level and sort by their headings', async ({ page }, testInfo) => {
  await page.goto(`/results/${PUBLISHED_CAMPAIGN}`);
  await hydrated(page, testInfo);
  await page.getByRole('link', { name: 'Theo sáng kiến' }).click();
  await expect(page).toHaveURL(/table=initiatives/);
  // The address changes before the new table is drawn: wait for the initiatives' own heading.
  await expect(page.getByRole('link', { name: 'Sáng kiến', exact: true })).toBeVisible();
  await expect(page.locator('.results-table tbody tr').first()).toBeVisible();
  const all = await page.locator('.results-table tbody tr').count();
  expect(all).toBeGreaterThan(5);
  await page.getByLabel('Chỉ hiện').selectOption({ label: 'Điển hình nhân rộng' });
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(page).toHaveURL(/only=exemplary/);
  const exemplary = page.locator('.results-table tbody tr');
  await expect(exemplary.first()).toBeVisible();
  expect(await exemplary.count()).toBeLessThan(all);
  for (const row of await exemplary.all()) {
    await expect(row.locator('.badge', { hasText: 'Điển hình' })).toBeVisible();
  }
  // The score heading sorts highest first; the title heading by name.
  await page.getByRole('link', { name: 'Sáng kiến', exact: true }).click();
  await expect(page).toHaveURL(/sort=title/);
  await expect(page).toHaveURL(/only=exemplary/);
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('Sáng kiến');
  await page.getByLabel('Tìm theo tên').fill('khong co sang kien nay');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(page.getByText('Không có sáng kiến nào khớp với bộ lọc.')).toBeVisible();
});
