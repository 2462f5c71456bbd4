import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

test('the built app loads with no console errors and draws the default world', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new AppPage(page);
  await app.open();
  for (const id of ['pc1', 'pc2', 'router', 'internet', 'remote', 'dns', 'google.com'])
    await expect(page.getByTestId(`machine-${id}`)).toBeVisible();
  await expect(page.getByTestId('segment-lan')).toBeVisible();
  await expect(app.network('bridge')).toContainText('docker0');
  await expect(app.network('bridge')).toContainText('172.17.0.0/16');
  await expect(app.network('host')).toBeVisible();
  await expect(app.network('none')).toBeVisible();
  await expect(page.locator('.react-flow__edge[data-id="if:docker-host:eth0"]')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge[data-id="brhost:docker0"]')).toHaveCount(1);
  // the built page carries a CSP and no inline script
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(errors).toEqual([]);
});

test('the scripts of the first picture carry V8’s compile hint; the chunks loaded later do not', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  // the page as served: the live document gains a modulepreload link for every chunk fetched later
  const { initial, later } = await page.evaluate(async () => {
    const html = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
    const initial = [
      ...[...html.querySelectorAll('script[type="module"][src]')].map((e) => e.getAttribute('src') ?? ''),
      ...[...html.querySelectorAll('link[rel="modulepreload"]')].map((e) => e.getAttribute('href') ?? ''),
    ].map((u) => new URL(u, location.href).href);
    const later = performance
      .getEntriesByType('resource')
      .map((r) => r.name)
      .filter((n) => n.endsWith('.js') && !initial.includes(n));
    return { initial, later };
  });
  expect(initial.length).toBeGreaterThan(1);
  expect(later.length).toBeGreaterThan(0);
  const head = (url: string) => page.evaluate((u) => fetch(u).then((r) => r.text()), url).then((t) => t.split('\n')[0]);
  for (const url of initial) expect(await head(url), url).toBe('//# allFunctionsCalledOnLoad');
  for (const url of later) expect(await head(url), url).not.toContain('allFunctionsCalledOnLoad');
});
