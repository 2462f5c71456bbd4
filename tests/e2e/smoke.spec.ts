import { expect, test } from '@playwright/test';

test('the built app loads with no console errors and shows the default world', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByText('docker-host', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('pc1', { exact: true }).first()).toBeVisible();
  expect(errors).toEqual([]);
});
