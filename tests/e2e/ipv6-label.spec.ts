import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

const shots = new URL('../../shots/', import.meta.url).pathname;

test('an IPv6-only network: its card shows the IPv6 subnet, the container its IPv6 address', async ({ page }) => {
  const app = new AppPage(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await app.open();
  await app.type('docker network create --ipv4=false --ipv6 --subnet fd00:9::/64 v6only');
  await app.type('docker run -d --name web --network v6only nginx');
  await expect(app.network('v6only')).toContainText('fd00:9::/64');
  await expect(app.container('web').getByTestId('iface')).toContainText('fd00:9::2');
  await expect(app.container('web')).not.toContainText('no address');
  mkdirSync(shots, { recursive: true });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${shots}ipv6-only-1280-en.png` });
});
