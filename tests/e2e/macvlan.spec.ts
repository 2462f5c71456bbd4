import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { DialogPage } from './pages/DialogPage';

const shots = new URL('../../shots/', import.meta.url).pathname;

async function shot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${shots}${name}.png` });
}

/** Creates a macvlan network in the + Network dialog and runs web on it, as a person would. */
async function macvlanByDialog(page: Page, app: AppPage) {
  const dlg = new DialogPage(page);
  await page.getByTestId('tool-add-network').click();
  // the dialog offers what works here: no host, no null (one each), no overlay outside a swarm
  await dlg.expectOpen(/network|네트워크/);
  await expect(dlg.field('driver').locator('option')).toHaveText(['bridge', 'macvlan', 'ipvlan']);
  await dlg.type('name', 'lan');
  await dlg.choose('driver', 'macvlan');
  // parent and mode appear, the LAN's addresses are filled in
  await expect(dlg.root.getByTestId('field-parent')).toHaveValue('eth0');
  await expect(dlg.root.getByTestId('field-mode')).toHaveValue('bridge');
  await expect(dlg.preview).toHaveText(
    '$ docker network create -d macvlan --subnet 192.168.0.0/24 --gateway 192.168.0.1 --ip-range 192.168.0.64/26 -o parent=eth0 lan',
  );
  await dlg.submit.click();
  await dlg.expectClosed();
  await expect(app.network('lan')).toContainText('192.168.0.0/24');
  await app.type('docker run -d --name web --network lan nginx');
  await expect(app.container('web')).toContainText('192.168.0.64/24');
}

test('macvlan from the + Network dialog: web gets a LAN address, pc1 pings it directly; the host cannot', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new AppPage(page);
  await app.open();
  await macvlanByDialog(page, app);
  // the network's card is wired to the LAN switch through eth0, its container under it
  await expect(page.locator('.react-flow__edge.wire-lower')).toHaveCount(2);
  await app.fit();
  await expect(page.getByTestId('canvas')).not.toHaveAttribute('data-detail', 'none');
  await expect(app.network('lan')).toContainText('eth0');

  await app.type('@pc1 ping -c 1 192.168.0.64');
  await expect(app.consoleOutput).toContainText('64 bytes from 192.168.0.64');
  const panel = page.getByTestId('sim-panel');
  await expect(panel.getByTestId('sim-command')).toHaveText('@pc1 ping -c 1 192.168.0.64');
  // straight over the LAN: no NAT anywhere in the trace
  await expect(panel.locator('.sim-event__action[data-action="dnat"]')).toHaveCount(0);
  await expect(panel.locator('.sim-event__action[data-action="snat"]')).toHaveCount(0);
  await shot(page, 'macvlan-1280-en');

  // the host itself: its eth0 is the parent, the ARP never reaches web
  await app.type('ping -c 1 192.168.0.64');
  await expect(app.consoleOutput).toContainText('Destination Host Unreachable');
  await panel.locator('h2').click();
  await page.keyboard.press('End');
  await expect(panel).toContainText('parent');
  await shot(page, 'macvlan-host-drop-1280-en');
  expect(errors).toEqual([]);
});

test('macvlan in Korean, presenter 1920x1080 and tablet 768x1024: the card and its LAN wire read', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?lang=ko');
  await macvlanByDialog(page, app);
  await app.type('@pc1 ping -c 1 192.168.0.64');
  await expect(app.consoleOutput).toContainText('64 bytes from 192.168.0.64');
  await app.fit();
  await expect(app.network('lan')).toContainText('LAN');
  await shot(page, 'macvlan-1280-ko');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('p');
  await page.waitForTimeout(600);
  await shot(page, 'macvlan-1920-presenter-ko');
  await page.keyboard.press('p');
  await page.setViewportSize({ width: 768, height: 1024 });
  await app.fit();
  await shot(page, 'macvlan-768-ko');
});
