import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

const ipsOf = (app: AppPage, name: string) =>
  app.api((w) => w.containers()).then((cs) => cs.find((c) => c.name === name)?.ifaces ?? []);

test.beforeEach(async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`unexpected dialog: ${d.message()}`);
    d.dismiss();
  });
  test.info().annotations.push({ type: 'errors', description: '' });
  (page as unknown as { errors: string[] }).errors = errors;
});

test('drag a container from bridge onto a user network: new IP, echoed commands, undo, reload', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed('docker network create mynet', 'docker run -dit --name c1 nicolaka/netshoot');
  await expect(app.container('c1')).toContainText('172.17.0.2/16');

  await app.dragContainerTo('c1', app.network('mynet'));
  await expect(app.container('c1')).toContainText('172.18.0.2/16');
  await expect(app.container('c1')).not.toContainText('172.17.0.2');
  await expect(app.consoleOutput).toContainText('docker network disconnect bridge c1');
  await expect(app.consoleOutput).toContainText('docker network connect mynet c1');
  expect(await ipsOf(app, 'c1')).toEqual([{ network: 'mynet', ifname: 'eth0', ip: '172.18.0.2' }]);

  // undo is one step for the whole drag
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(app.container('c1')).toContainText('172.17.0.2/16');
  await page.keyboard.press('Control+Shift+z');
  await expect(app.container('c1')).toContainText('172.18.0.2/16');

  await page.waitForTimeout(400); // autosave is debounced
  await app.open('', { keepStorage: true });
  await expect(app.container('c1')).toContainText('172.18.0.2/16');
  expect((page as unknown as { errors: string[] }).errors).toEqual([]);
});

test('while a container is dragged, the canvas says what the drop will run', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed('docker network create mynet', 'docker run -dit --name c1 nicolaka/netshoot');
  const hint = page.getByTestId('drag-hint');
  const from = await app.container('c1').boundingBox();
  const to = await app.network('mynet').boundingBox();
  if (!from || !to) throw new Error('not visible');
  const m = page.mouse;
  await m.move(from.x + from.width / 2, from.y + 14);
  await m.down();
  await m.move(from.x + from.width / 2 + 30, from.y + 40, { steps: 4 });
  await expect(hint).toContainText('Drop on a network to move it there');
  await m.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await expect(hint.locator('div')).toHaveText([
    '$ docker network disconnect bridge c1',
    '$ docker network connect mynet c1',
  ]);
  await page.keyboard.down('Shift');
  await m.move(to.x + to.width / 2 + 4, to.y + to.height / 2, { steps: 2 });
  await expect(hint.locator('div')).toHaveText(['$ docker network connect mynet c1']);
  await m.up();
  await page.keyboard.up('Shift');
  await expect(hint).toHaveCount(0);
  await expect(app.container('c1').getByTestId('iface')).toHaveCount(2);
});

test('a drop with a modifier connects a second network: two interfaces', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed('docker network create mynet', 'docker run -dit --name c1 nicolaka/netshoot');
  await app.dragContainerTo('c1', app.network('mynet'), 'Alt');
  await expect(app.container('c1').getByTestId('iface')).toHaveCount(2);
  await expect(app.container('c1')).toContainText('172.17.0.2/16');
  await expect(app.container('c1')).toContainText('172.18.0.2/16');
  await expect(app.consoleOutput).toContainText('docker network connect mynet c1');
  await expect(app.consoleOutput).not.toContainText('docker network disconnect');
});

test('a drop onto a card under a network counts as a drop onto that network; onto a sibling it snaps back', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed(
    'docker network create mynet',
    'docker run -dit --name c1 nicolaka/netshoot',
    'docker run -dit --name c0 nicolaka/netshoot',
    'docker run -dit --name c2 --network mynet nicolaka/netshoot',
  );
  const before = await app.container('c0').boundingBox();
  await app.dragContainerTo('c0', app.container('c1'));
  await page.waitForTimeout(300);
  await expect(app.consoleOutput.locator('.from-gesture')).toHaveCount(0);
  await expect.poll(async () => (await app.container('c0').boundingBox())?.x).toBeCloseTo(before?.x ?? 0, 0);
  await app.dragContainerTo('c1', app.container('c2'));
  await expect(app.consoleOutput).toContainText('docker network disconnect bridge c1');
  await expect(app.consoleOutput).toContainText('docker network connect mynet c1');
  expect(await ipsOf(app, 'c1')).toEqual([{ network: 'mynet', ifname: 'eth0', ip: '172.18.0.3' }]);
});

test('a drop on empty canvas disconnects; a drop on a machine outside the host means nothing and snaps back', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed(
    'docker network create mynet',
    'docker run -dit --name c1 nicolaka/netshoot',
    'docker network connect mynet c1',
  );
  const before = await app.container('c1').boundingBox();
  await app.dragContainerTo('c1', page.getByTestId('machine-pc2'));
  await page.waitForTimeout(300);
  await expect(app.consoleOutput.locator('.from-gesture')).toHaveCount(0);
  await expect.poll(async () => (await app.container('c1').boundingBox())?.y).toBeCloseTo(before?.y ?? 0, 0);
  expect((await app.api((w) => w.state())).pinned).toEqual({});
  // empty canvas to the right of the host: leaves the network the drag started nearest (bridge)
  const host = await page.getByTestId('node-docker-host').boundingBox();
  if (!host) throw new Error('no host');
  await app.dragContainerTo('c1', { x: host.x + host.width + 60, y: host.y + host.height - 20 });
  await expect(app.consoleOutput).toContainText('docker network disconnect bridge c1');
  expect(await ipsOf(app, 'c1')).toEqual([{ network: 'mynet', ifname: 'eth1', ip: '172.18.0.2' }]);
});

test('an invalid drop shows Docker’s own error and snaps back', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed('docker run -dit --name c1 nicolaka/netshoot');
  await app.dragContainerTo('c1', app.network('host'));
  await expect(page.getByTestId('notice')).toContainText('cannot connect container to host network');
  await expect(app.container('c1')).toContainText('172.17.0.2/16');
  expect(await ipsOf(app, 'c1')).toEqual([{ network: 'bridge', ifname: 'eth0', ip: '172.17.0.2' }]);
});

test('refused drops replace each other’s notice instead of piling up over the canvas', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed(
    'docker run -dit --name c1 nicolaka/netshoot',
    'docker run -dit --name c2 --network host nicolaka/netshoot',
  );
  await app.dragContainerTo('c1', app.network('host'));
  await expect(page.getByTestId('notice')).toContainText('cannot connect container to host network');
  // (c1 from bridge onto none is allowed since moby#39345: disconnected, it may join none)
  await app.dragContainerTo('c2', app.network('none'));
  await app.dragContainerTo('c2', app.network('bridge'));
  await expect(page.getByTestId('notice')).toHaveCount(1);
  await expect(page.getByTestId('notice')).toContainText(
    'cannot disconnect container from host network - container was created in host network mode',
  );
  // all three refusals stay in the console, in order
  await expect(app.consoleOutput.locator('.log-err')).toHaveCount(3);
  await page.getByTestId('notice-dismiss').click();
  await expect(page.getByTestId('notice')).toHaveCount(0);
});

test('clicking one node after another selects each in turn; the LAN switch shows what is plugged in', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.fit();
  const head = page.getByTestId('insp-head-name');
  for (const [id, name] of [
    ['machine-dns', 'dns.google'],
    ['machine-remote', 'remote'],
    ['machine-google.com', 'google.com'],
    ['machine-internet', 'internet'],
    ['machine-pc2', 'pc2'],
    ['machine-pc1', 'pc1'],
  ]) {
    await page.getByTestId(id).click();
    await expect(head).toHaveText(name);
  }
  await page.getByTestId('segment-lan').click();
  await expect(head).toHaveText('LAN switch');
  const rows = app.inspector.getByTestId('insp-seg-ports').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: 'docker-host' })).toContainText('192.168.0.10/24');
  await expect(rows.filter({ hasText: 'router' })).toContainText('192.168.0.1/24');
  await page.getByTestId('lang-select').selectOption('ko');
  await expect(head).toHaveText('LAN 스위치');
});

test('a bad console command shows Docker’s error and changes nothing', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed('docker run -dit --name c1 nicolaka/netshoot');
  const before = await app.api((w) => w.containers());
  const history = (await app.api((w) => w.state())).history;
  await app.type('docker network connect nosuchnet c1');
  await expect(app.consoleOutput).toContainText('Error response from daemon: network nosuchnet not found');
  expect(await app.api((w) => w.containers())).toEqual(before);
  expect((await app.api((w) => w.state())).history).toBe(history);
});

test('console: history with arrows, Tab completes names, prompt names the machine', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed('docker network create mynet', 'docker run -dit --name webapp nicolaka/netshoot');
  await expect(page.getByTestId('console-prompt')).toHaveText('root@docker-host:~#');
  await app.consoleInput.click();
  await page.keyboard.type('docker network inspect my');
  await page.keyboard.press('Tab');
  await expect(app.consoleInput).toHaveValue('docker network inspect mynet ');
  await page.keyboard.press('Enter');
  await app.consoleInput.click();
  await page.keyboard.type('docker exec -it web');
  await page.keyboard.press('Tab');
  await expect(app.consoleInput).toHaveValue('docker exec -it webapp ');
  await app.consoleInput.fill('');
  await page.keyboard.press('ArrowUp');
  await expect(app.consoleInput).toHaveValue('docker network inspect mynet');
});

test('pasting several lines into the console runs each, as a terminal does; the last unfinished one waits', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new AppPage(page);
  await app.open();
  await app.consoleInput.click();
  await page.evaluate(() =>
    navigator.clipboard.writeText(
      'docker network create --subnet 10.0.0.0/24 second-bridge\n\ndocker run -dit --network second-bridge --name containerA devwikirepo/pingbuntu\ndocker ps --format {{.Names}}',
    ),
  );
  await page.keyboard.press('Control+v');
  await expect(app.network('second-bridge')).toBeVisible();
  await expect(app.container('containerA')).toContainText('10.0.0.2/24');
  await expect(app.consoleInput).toHaveValue('docker ps --format {{.Names}}');
  await page.keyboard.press('Enter');
  await expect(app.consoleOutput.locator('pre').last()).toHaveText('containerA');
  // ↑ walks back through each pasted line
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(app.consoleInput).toHaveValue(
    'docker run -dit --network second-bridge --name containerA devwikirepo/pingbuntu',
  );
});

test('the host and none networks list the running containers of their mode, as docker network inspect does', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed(
    'docker run -dit --name hc --network host nicolaka/netshoot',
    'docker run -dit --name nc --network none nicolaka/netshoot',
    'docker run -dit --name hc2 --network host nicolaka/netshoot',
    'docker stop hc2',
  );
  await app.network('host').click();
  const rows = app.inspector.getByTestId('insp-containers').locator('tbody tr');
  await expect(rows).toHaveText(['hc']);
  await app.network('none').click();
  await expect(rows).toHaveText(['nc']);
});

test('an Enter that only ends a Korean IME composition does not run the console line', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?lang=ko');
  await app.consoleInput.click();
  await page.keyboard.type('echo ');
  await page.keyboard.insertText('안녕');
  // what Chrome sends when Enter commits the last syllable: keydown Enter while composing
  await app.consoleInput.dispatchEvent('keydown', { key: 'Enter', code: 'Enter', isComposing: true, bubbles: true });
  await expect(app.consoleInput).toHaveValue('echo 안녕');
  await expect(app.consoleOutput.locator('.log-cmd')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(app.consoleOutput.locator('pre').last()).toHaveText('안녕');
});

test('switch to Korean: Korean labels; ?lang=ko opens in Korean', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByTestId('lang-select').selectOption('ko');
  await expect(app.toolbar).toContainText('컨테이너');
  await expect(page.getByTestId('segment-lan')).toContainText('LAN 스위치');
  await expect(page.getByTestId('node-docker-host')).toContainText('도커 호스트');
  // React Flow's own buttons too
  await expect(page.locator('.react-flow__controls-zoomin')).toHaveAttribute('title', '확대');
  await expect(page.locator('.react-flow__controls-fitview')).toHaveAttribute('aria-label', '화면 맞춤 (F)');
  await app.open('?lang=en');
  await expect(app.toolbar).toContainText('Container');
  await expect(page.locator('.react-flow__controls-zoomin')).toHaveAttribute('title', 'Zoom in');
  await app.open('?lang=ko');
  await expect(app.inspector).toContainText('속성');
});

test('values a person typed show as text, never as HTML', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed("docker run -d --name color -e 'COLOR=<img src=x onerror=alert(1)>' devwikirepo/envnodecolorapp");
  await app.container('color').click();
  await expect(app.inspector).toContainText('COLOR=<img src=x onerror=alert(1)>');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect((page as unknown as { errors: string[] }).errors).toEqual([]);
});

test('Arrange lays the host out with elkjs (loaded on demand) as one undo step', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed(
    'docker network create mynet',
    'docker run -dit --name c1 nicolaka/netshoot',
    'docker network connect mynet c1',
  );
  const elk = page.waitForResponse((r) => r.url().includes('elk.bundled'));
  const before = (await app.api((w) => w.state())).history;
  await page.getByTestId('tool-arrange').click();
  await elk;
  await expect.poll(async () => Object.keys((await app.api((w) => w.state())).pinned ?? {}).length).toBeGreaterThan(3);
  expect((await app.api((w) => w.state())).history).toBe(before + 1);
  await expect(app.container('c1').getByTestId('iface')).toHaveCount(2);
});

test('keyboard: Tab goes from the toolbar to the nodes (cables take no stops), Enter selects, Delete removes', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed('docker run -dit --name c1 nicolaka/netshoot');
  await page.getByTestId('lang-select').focus();
  await page.keyboard.press('Tab');
  const focused = () =>
    page.evaluate(() => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id'));
  expect(await focused()).toBe('docker-host');
  let id: string | null | undefined = null;
  for (let i = 0; i < 20 && !id?.startsWith('ctr:'); i++) {
    await page.keyboard.press('Tab');
    id = await focused();
  }
  expect(id).toMatch(/^ctr:/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('insp-head-name')).toHaveText('c1');
  await page.keyboard.press('Delete');
  await expect(app.container('c1')).toHaveCount(0);
  await expect(app.consoleOutput).toContainText('docker rm -f c1');
});

test('docker pause in the console shows the card as paused (its own colour, both themes, ko); unpause, running', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed('docker run -d -p 8080:80 --name web nginx', 'docker run -d --name db redis');
  const card = app.container('web');
  const state = card.locator('.ctr-state');
  const edge = () => card.evaluate((el) => getComputedStyle(el).borderLeftColor);
  const dot = () => card.locator('.dot').evaluate((el) => getComputedStyle(el).backgroundColor);
  await expect(state).toHaveText('running');
  const running = await edge();
  await app.type('docker stop db');
  await expect(app.container('db').locator('.ctr-state')).toHaveText('exited');
  const exited = await app.container('db').evaluate((el) => getComputedStyle(el).borderLeftColor);

  await app.type('docker pause web');
  await expect(state).toHaveText('paused');
  await expect(card).toHaveAttribute('data-state', 'paused');
  // still on the bridge with its address: paused is not stopped
  await expect(card).toContainText('172.17.0.2/16');
  await card.click();
  const inspState = app.inspector.locator('.props > div', { hasText: 'State' }).locator('dd');
  await expect(inspState).toHaveText('paused');
  const paused = await edge();
  expect(paused).not.toBe(running);
  expect(paused).not.toBe(exited);
  expect(await dot()).toBe(paused);
  await page.getByTestId('node-docker-host').screenshot({ path: test.info().outputPath('paused-light.png') });
  await page.getByTestId('tool-theme').click();
  await expect.poll(edge).not.toBe(paused);
  const darkPaused = await edge();
  expect(darkPaused).not.toBe(await app.container('db').evaluate((el) => getComputedStyle(el).borderLeftColor));
  await page.getByTestId('lang-select').selectOption('ko');
  await expect(state).toHaveText('일시 정지됨');
  await page.getByTestId('node-docker-host').screenshot({ path: test.info().outputPath('paused-dark-ko.png') });
  await page.getByTestId('lang-select').selectOption('en');

  await app.type('docker unpause web');
  await expect(state).toHaveText('running');
  await expect(inspState).toHaveText('running');
  await expect(card).toHaveAttribute('data-state', 'running');
  expect((page as unknown as { errors: string[] }).errors).toEqual([]);
});
