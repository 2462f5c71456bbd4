import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { DialogPage } from './pages/DialogPage';

/**
 * Seed 004 (Docker's embedded DNS on a user-defined bridge), recreated through the UI only: no
 * test API seeding, only the toolbar, dialogs, the canvas and the console, as a student would.
 */
test('seed 004 through the UI: second-bridge, containerA and containerB, ping by name, rm -f, the name is gone', async ({
  page,
}) => {
  const app = new AppPage(page);
  const dlg = new DialogPage(page);
  await app.open();

  await page.getByTestId('tool-add-network').click();
  await dlg.type('name', 'second-bridge');
  await dlg.choose('driver', 'bridge');
  await dlg.type('subnet', '10.0.0.0/24');
  await page.keyboard.press('Enter');
  await expect(app.network('second-bridge')).toContainText('10.0.0.0/24');
  // the full name, not "second-br…"
  await expect(app.network('second-bridge').locator('.net-name')).toHaveText('second-bridge');
  const nameBox = await app
    .network('second-bridge')
    .locator('.net-name')
    .evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
    }));
  expect(nameBox.scroll).toBeLessThanOrEqual(nameBox.client);

  for (const name of ['containerA', 'containerB']) {
    await page.getByTestId('tool-add-container').click();
    await dlg.choose('image', 'devwikirepo/pingbuntu');
    await dlg.type('name', name);
    await dlg.choose('network', 'second-bridge');
    await expect(dlg.preview).toHaveText(
      `$ docker run -dit --name ${name} --network second-bridge devwikirepo/pingbuntu`,
    );
    await dlg.submit.click();
    await dlg.expectClosed();
  }
  await expect(app.container('containerA')).toContainText('10.0.0.2/24');
  await expect(app.container('containerB')).toContainText('10.0.0.3/24');
  await expect(app.consoleOutput).toContainText(
    'docker run -dit --name containerB --network second-bridge devwikirepo/pingbuntu',
  );

  // the network's embedded DNS knows both names
  await app.network('second-bridge').click();
  await expect(app.inspector.getByTestId('insp-dns')).toContainText('containerB10.0.0.3');

  await app.type('docker exec containerA ping -c 1 containerB');
  await expect(app.consoleOutput).toContainText('64 bytes from containerB.second-bridge (10.0.0.3): icmp_seq=1 ttl=64');

  // remove containerB from the canvas: the console echoes docker rm -f
  await app.container('containerB').click();
  await page.keyboard.press('Delete');
  await expect(app.container('containerB')).toHaveCount(0);
  await expect(app.consoleOutput).toContainText('root@docker-host:~# docker rm -f containerB');

  // ↑ recalls the ping; now the name does not resolve (glibc's wording, pingbuntu is Ubuntu)
  await app.consoleInput.click();
  await page.keyboard.press('ArrowUp');
  await expect(app.consoleInput).toHaveValue('docker exec containerA ping -c 1 containerB');
  await page.keyboard.press('Enter');
  await expect(app.consoleOutput.locator('pre').last()).toHaveText('ping: containerB: Name or service not known');
});

test('packet playback: the step’s table change flashes in the Inspector; a touched node is one click away', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed(
    'docker network create --driver bridge --subnet 10.0.0.0/24 second-bridge',
    'docker run -dit --network second-bridge --name containerA devwikirepo/pingbuntu',
    'docker run -d --network second-bridge --name containerB devwikirepo/pingbuntu',
  );
  await app.type('docker exec containerA ping -c 1 containerB');
  await app.container('containerB').click();
  const forward = page.getByRole('button', { name: 'Step forward' });
  const flash = app.inspector.getByTestId('flash-row');
  // step until containerB learns containerA's MAC (the ARP request reaches it)
  for (let i = 0; i < 30 && (await flash.count()) === 0; i++) await forward.click();
  await expect(flash).toHaveCount(1);
  await expect(flash).toContainText('10.0.0.2');
  await expect(flash).toBeInViewport();
  await expect(app.inspector.getByTestId('insp-arp')).toContainText('10.0.0.2');

  // the next step that touches the bridge's FDB: select the bridge from the step, one click
  const touch = app.inspector.getByTestId('step-touch').filter({ hasText: 'second-bridge' });
  for (let i = 0; i < 30 && (await touch.count()) === 0; i++) await forward.click();
  await touch.first().click();
  await expect(app.inspector.locator('.insp-title')).toHaveText('second-bridge');
  await expect(app.inspector.getByTestId('insp-fdb').getByTestId('flash-row')).not.toHaveCount(0);
});
