import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { expectInside } from './pages/geometry';

test('add a Docker host by the toolbar, type on it, and play the cross-host trace (both NATs)', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new AppPage(page);
  await app.open();
  await app.toolbar.getByTestId('tool-add-host').click();
  const host2 = page.getByTestId('node-docker-host-2');
  await expect(host2).toBeVisible();
  await expect(host2).toContainText('docker-host-2');
  await expect(host2).toContainText('192.168.0.11/24');
  // each host has its own bridge network on docker0 172.17.0.0/16
  await expect(page.getByTestId('network-bridge')).toHaveCount(2);
  await expect(page.getByTestId('network-bridge').nth(1)).toContainText('172.17.0.0/16');
  await expectInside(page.getByTestId('network-bridge').nth(1), host2);
  await expect(app.consoleOutput).toContainText('# docker-host-2 joins the LAN at 192.168.0.11');

  // typed on host 2 with @, the container appears inside host 2's box, with an address host 1 uses too
  await app.type('@docker-host-2 docker run -d --name web -p 8080:80 nginx');
  await app.type('docker run -dit --name client nicolaka/netshoot');
  await expect(page.getByTestId('container-web')).toContainText('172.17.0.2/16');
  await expect(page.getByTestId('container-client')).toContainText('172.17.0.2/16');
  await expectInside(page.getByTestId('container-web'), host2);
  await expectInside(page.getByTestId('container-client'), page.getByTestId('node-docker-host'));
  // Fit keeps two small hosts readable at 1280x720: names show (host 1 is not stretched to the LAN band)
  await app.fit();
  await expect(page.getByTestId('canvas')).not.toHaveAttribute('data-detail', 'none');
  await expect(page.getByTestId('container-web').getByText('web', { exact: true })).toBeVisible();

  await app.type('docker exec client curl -s 192.168.0.11:8080');
  const panel = page.getByTestId('sim-panel');
  await expect(panel.getByTestId('sim-command')).toHaveText('curl -s 192.168.0.11:8080');
  // the trace names both NATs: MASQUERADE on docker-host, DNAT on docker-host-2
  await expect(panel.locator('.sim-event__action[data-action="snat"]').first()).toBeAttached();
  await expect(panel.locator('.sim-event__action[data-action="dnat"]').first()).toBeAttached();
  // step through to the DNAT: the marker sits on host 2
  await panel.locator('h2').click();
  await page.keyboard.press('End');
  await expect(panel.getByTestId('sim-outcome')).toBeVisible();
  await expect(app.consoleOutput).toContainText('Welcome to nginx!');
  expect(errors).toEqual([]);
});

test('the canvas context menu adds a host from the keyboard, in Korean too; undo removes it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?lang=ko');
  await page.locator('.react-flow__pane').click({ button: 'right', position: { x: 20, y: 20 } });
  const item = page.getByTestId('ctx-add-host');
  await expect(item).toHaveText('도커 호스트');
  await item.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('node-docker-host-2')).toBeVisible();
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-docker-host-2')).toHaveCount(0);
});
