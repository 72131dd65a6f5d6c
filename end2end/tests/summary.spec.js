// The printable summary for the tổng kết conference, read by the public once the ceremony has
// released the 2022 results: key figures, the four server-drawn charts and the award list.
import { expect, test } from '@playwright/test';
import { hydrated } from './helpers.js';

test('the public opens the printable summary from the results page', async ({ page }, testInfo) => {
  await page.goto('/results/3');
  await hydrated(page, testInfo);
  await page.getByRole('link', { name: 'In báo cáo tổng kết (A4)' }).click();
  await expect(page).toHaveURL(/\/results\/3\/summary$/);
  await expect(page.getByRole('heading', { level: 1, name: /năm 2022/ })).toBeVisible();
  await expect(page.locator('.key-figures dt', { hasText: 'Sáng kiến đăng ký' })).toBeVisible();
  for (const title of ['Số sáng kiến theo đơn vị', 'Sáng kiến theo lĩnh vực', 'Phân bố điểm của sáng kiến', 'Xếp hạng đơn vị (15 đơn vị dẫn đầu)']) {
    const chart = page.locator('figure.summary-chart').filter({ has: page.getByRole('heading', { name: title }) });
    await expect(chart.locator('svg')).toBeVisible();
  }
  await expect(page.getByRole('img', { name: /Phường/ }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Khen thưởng' })).toBeVisible();
});
