import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { ContextMenuPage, DialogPage } from './pages/DialogPage';

/** Toolbar, dialogs, context menu and keys: each gesture is a docker line the console echoes. */

test.beforeEach(async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as unknown as { errors: string[] }).errors = errors;
});
test.afterEach(async ({ page }) => {
  expect((page as unknown as { errors: string[] }).errors).toEqual([]);
});

const names = (app: AppPage) => app.api((w) => w.containers().map((c) => c.name));

test('add a container from the toolbar: netshoot first, name, port, network; on the canvas and echoed', async ({
  page,
}) => {
  const app = new AppPage(page);
  const dlg = new DialogPage(page);
  await app.open();
  await app.seed('docker network create mynet');
  await page.getByTestId('tool-add-container').click();
  await dlg.expectOpen('Run a container');
  // the tool-rich image comes first and is the default
  await expect(dlg.field('image').locator('option').first()).toHaveAttribute('value', 'nicolaka/netshoot');
  await expect(dlg.field('image')).toHaveValue('nicolaka/netshoot');
  await expect(dlg.field('image')).toBeFocused();
  await expect(page.getByTestId('image-summary')).toContainText('ping, curl');
  await dlg.type('name', 'tools');
  await dlg.choose('network', 'mynet');
  await dlg.type('ports', '8080:80');
  await expect(dlg.preview).toHaveText('$ docker run -dit --name tools --network mynet -p 8080:80 nicolaka/netshoot');
  await page.keyboard.press('Enter');
  await dlg.expectClosed();
  await expect(app.container('tools')).toContainText('172.18.0.2/16');
  await expect(app.container('tools')).toContainText('0.0.0.0:8080->80/tcp');
  await expect(app.container('tools')).toContainText('nicolaka/netshoot');
  await expect(app.consoleOutput).toContainText(
    'root@docker-host:~# docker run -dit --name tools --network mynet -p 8080:80 nicolaka/netshoot',
  );
  // focus went back to the toolbar button that opened the dialog
  await expect(page.getByTestId('tool-add-container')).toBeFocused();
});

test('add a network with a subnet; an overlapping one shows Docker’s error and changes nothing', async ({ page }) => {
  const app = new AppPage(page);
  const dlg = new DialogPage(page);
  await app.open();
  await page.getByTestId('tool-add-network').click();
  await dlg.expectOpen('Create a network');
  await dlg.type('name', 'backend');
  await dlg.type('subnet', '10.5.0.0/24');
  await expect(dlg.preview).toHaveText('$ docker network create --subnet 10.5.0.0/24 backend');
  await dlg.submit.click();
  await expect(app.network('backend')).toContainText('10.5.0.0/24');
  await expect(app.network('backend')).toContainText('10.5.0.1');
  await expect(app.consoleOutput).toContainText('docker network create --subnet 10.5.0.0/24 backend');

  const before = await app.api((w) => w.networks());
  const history = (await app.api((w) => w.state())).history;
  await page.getByTestId('tool-add-network').click();
  await dlg.type('name', 'clash');
  await dlg.type('subnet', '10.5.0.128/25');
  await page.keyboard.press('Enter');
  await expect(dlg.error).toHaveText(
    'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space',
  );
  await expect(dlg.root).toBeVisible(); // stays open to fix the field
  expect(await app.api((w) => w.networks())).toEqual(before);
  expect((await app.api((w) => w.state())).history).toBe(history);
  await page.keyboard.press('Escape');
  await dlg.expectClosed();
  await expect(app.network('clash')).toHaveCount(0);
});

test('rename refuses an invalid, empty or taken name in Docker’s words and changes nothing', async ({ page }) => {
  const app = new AppPage(page);
  const dlg = new DialogPage(page);
  await app.open();
  await app.seed('docker run -dit --name c1 nicolaka/netshoot', 'docker run -dit --name c2 nicolaka/netshoot');
  const before = await app.api((w) => w.containers());
  await app.container('c2').click();
  await page.getByTestId('tool-rename').click();
  await dlg.expectOpen('Rename');
  await page.keyboard.type('bad name!');
  await page.keyboard.press('Enter');
  await expect(dlg.error).toContainText(
    'Error response from daemon: Invalid container name (bad name!), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed',
  );
  await dlg.field('name').fill('');
  await expect(dlg.preview).toHaveText('$ docker rename c2');
  await page.keyboard.press('Enter');
  await expect(dlg.error).toContainText("'docker rename' requires 2 arguments");
  await dlg.field('name').fill('c1');
  await page.keyboard.press('Enter');
  await expect(dlg.error).toContainText('Conflict. The container name "/c1" is already in use by container');
  await page.keyboard.press('Escape');
  await dlg.expectClosed();
  expect(await app.api((w) => w.containers())).toEqual(before);
});

test('rename, stop and start from the toolbar', async ({ page }) => {
  const app = new AppPage(page);
  const dlg = new DialogPage(page);
  await app.open();
  await app.seed('docker run -dit --name c1 nicolaka/netshoot');
  await app.container('c1').click();
  await page.getByTestId('tool-rename').click();
  await dlg.expectOpen('Rename');
  await expect(dlg.field('name')).toHaveValue('c1');
  await page.keyboard.type('web'); // the old name is selected, typing replaces it
  await page.keyboard.press('Enter');
  await expect(app.container('web')).toBeVisible();
  await expect(app.container('c1')).toHaveCount(0);
  await expect(app.consoleOutput).toContainText('docker rename c1 web');

  await app.container('web').click();
  await page.getByTestId('tool-startstop').click();
  await expect(app.container('web')).toContainText('exited');
  await expect(app.consoleOutput).toContainText('docker stop web');
  await expect(page.getByTestId('tool-startstop')).toContainText('Start');
  await page.getByTestId('tool-startstop').click();
  await expect(app.container('web')).toContainText('running');
  await expect(app.consoleOutput).toContainText('docker start web');
});

test('publish a port: the container is re-created with it; a taken port is refused in Docker’s words', async ({
  page,
}) => {
  const app = new AppPage(page);
  const dlg = new DialogPage(page);
  await app.open();
  await app.seed('docker network create mynet', 'docker run -d --name web --network mynet nginx');
  await app.seed('docker run -d --name other -p 8080:80 nginx');
  await app.container('web').click();
  await page.getByTestId('tool-publish').click();
  await dlg.expectOpen('Publish a port of web');
  // the proposal skips 8080, which other already publishes (issue 11: it proposed a taken port)
  await expect(page.getByTestId('field-port')).toHaveValue('8081:80');
  await dlg.type('port', '8081:80');
  await expect(dlg.preview.locator('div')).toHaveText([
    '$ docker rm -f web',
    '$ docker run -d --name web --network mynet -p 8081:80 nginx',
  ]);
  await page.keyboard.press('Enter');
  await expect(app.container('web')).toContainText('0.0.0.0:8081->80/tcp');
  await expect(app.consoleOutput).toContainText('docker run -d --name web --network mynet -p 8081:80 nginx');

  // the re-created container is still the selection: its new self, not a ghost of the removed one
  await expect(page.getByTestId('insp-head-name')).toHaveText('web');
  await expect(app.inspector).toContainText('0.0.0.0:8081->80/tcp');
  await expect(page.getByTestId('tool-rename')).toBeEnabled();

  const before = await app.api((w) => w.containers());
  await page.getByTestId('tool-publish').click();
  // web now holds 8081 itself: the next proposal is neither -p 8081:80 twice nor other's 8080
  await expect(page.getByTestId('field-port')).toHaveValue('8082:80');
  await dlg.type('port', '8080:80');
  await page.keyboard.press('Enter');
  await expect(dlg.error).toContainText('Bind for 0.0.0.0:8080 failed: port is already allocated');
  // the endpoint's 64-hex ID wraps inside the dialog instead of running past its edge
  expect(await dlg.error.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  // "docker rm -f web" printed "web", yet web is still there: the console says why
  await expect(app.consoleOutput.locator('.log-note').last()).toHaveText(
    'Docker refused a step, so none of these lines took effect: everything is as it was.',
  );
  await dlg.cancel.click();
  expect(await app.api((w) => w.containers())).toEqual(before);
  await expect(app.container('web')).toContainText('0.0.0.0:8081->80/tcp');
});

test('Delete removes the selection; Ctrl+Z brings it back, Ctrl+Shift+Z removes it again', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed('docker run -dit --name c1 nicolaka/netshoot', 'docker network create spare');
  await app.container('c1').click();
  await page.keyboard.press('Delete');
  await expect(app.container('c1')).toHaveCount(0);
  await expect(app.consoleOutput).toContainText('docker rm -f c1');
  await page.keyboard.press('Control+z');
  await expect(app.container('c1')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(app.container('c1')).toHaveCount(0);
  await app.network('spare').click();
  await page.keyboard.press('Delete');
  await expect(app.network('spare')).toHaveCount(0);
  await expect(app.consoleOutput).toContainText('docker network rm spare');
  // a predefined network cannot go: Docker says why, and it stays
  await app.network('bridge').click();
  await page.keyboard.press('Delete');
  await expect(app.consoleOutput).toContainText('bridge is a pre-defined network and cannot be removed');
  await expect(page.getByTestId('notice')).toHaveText(
    /Docker refused: Error response from daemon: bridge is a pre-defined network and cannot be removed/,
  );
  await expect(app.network('bridge')).toBeVisible();
  // so can a network with a container on it, from the toolbar as from the key
  await app.seed('docker network create busy', 'docker run -dit --name c2 --network busy nicolaka/netshoot');
  await app.network('busy').click();
  await page.getByTestId('tool-delete').click();
  await expect(page.getByTestId('notice')).toHaveCount(1);
  await expect(page.getByTestId('notice')).toContainText(
    'error while removing network: network busy has active endpoints (name:"c2"',
  );
  await expect(app.network('busy')).toBeVisible();
});

test('context menu: on a container, on a network, on the empty canvas; arrows and Enter work', async ({ page }) => {
  const app = new AppPage(page);
  const menu = new ContextMenuPage(page);
  const dlg = new DialogPage(page);
  await app.open();
  await app.seed('docker network create mynet', 'docker run -dit --name c1 nicolaka/netshoot');
  await menu.openOn(app.container('c1'));
  await expect(menu.root.getByRole('menuitem')).toHaveText([
    'Stop',
    'Rename',
    'Publish port',
    'Connect to mynet',
    'Disconnect from bridge',
    'Delete',
  ]);
  await expect(menu.item('Stop')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.container('c1')).toContainText('exited');
  await expect(menu.root).toHaveCount(0);

  // the drag gestures from the keyboard: connect a second network, then leave the first
  await menu.openOn(app.container('c1'));
  await page.keyboard.press('ArrowDown'); // Rename
  await page.keyboard.press('ArrowDown'); // Publish port
  await page.keyboard.press('ArrowDown'); // Connect to mynet
  await page.keyboard.press('Enter');
  await expect(app.consoleOutput).toContainText('docker network connect mynet c1');
  await expect(app.container('c1').getByTestId('iface')).toHaveCount(2);
  await menu.openOn(app.container('c1'));
  await expect(menu.root.getByRole('menuitem')).toHaveText([
    'Start',
    'Rename',
    'Publish port',
    'Disconnect from bridge',
    'Disconnect from mynet',
    'Delete',
  ]);
  await menu.item('Disconnect from bridge').click();
  await expect(app.consoleOutput).toContainText('docker network disconnect bridge c1');
  await expect(app.container('c1').getByTestId('iface')).toHaveCount(1);

  await menu.openOn(app.container('c1'));
  await page.keyboard.press('End');
  await expect(menu.item('Delete')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu.root).toHaveCount(0);
  await expect(app.container('c1')).toBeVisible();

  await menu.openOn(app.network('mynet'));
  await menu.item('Run a container here').click();
  await dlg.expectOpen('Run a container');
  await expect(dlg.field('network')).toHaveValue('mynet');
  await page.keyboard.press('Escape');
  await dlg.expectClosed();

  await menu.openOn(page.locator('.react-flow__pane'), { x: 20, y: 20 });
  await menu.item('Network').click();
  await dlg.expectOpen('Create a network');
});

test('keyboard shortcuts: N, Esc, P, `, Shift+F10; dialogs keep Tab inside', async ({ page }) => {
  const app = new AppPage(page);
  const dlg = new DialogPage(page);
  const menu = new ContextMenuPage(page);
  await app.open();
  await app.seed('docker run -dit --name c1 nicolaka/netshoot');
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('n');
  await dlg.expectOpen('Run a container');
  await expect(dlg.field('image')).toBeFocused();
  // Tab cycles inside the dialog, never out to the page behind it
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await dlg.root.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await dlg.root.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await dlg.expectClosed();

  await page.keyboard.press('p');
  await expect(page.getByTestId('exit-presenter')).toBeVisible();
  await expect(page.getByTestId('toolbar')).toHaveCount(0);
  await page.keyboard.press('p');
  await expect(page.getByTestId('toolbar')).toBeVisible();

  await page.keyboard.press('`');
  await expect(app.consoleInput).toBeFocused();
  await page.keyboard.type('docker ps --format {{.Names}}');
  await page.keyboard.press('Enter');
  await expect(app.consoleOutput).toContainText('c1');

  await app.container('c1').click();
  await page.keyboard.press('Shift+F10');
  await expect(menu.item('Stop')).toBeFocused();
  await page.keyboard.press('Escape');
});

test('a duplicate container name is refused with Docker’s Conflict message; nothing is added', async ({ page }) => {
  const app = new AppPage(page);
  const dlg = new DialogPage(page);
  await app.open();
  await app.seed('docker run -dit --name c1 nicolaka/netshoot');
  await page.getByTestId('tool-add-container').click();
  await dlg.type('name', 'c1');
  await page.keyboard.press('Enter');
  await expect(dlg.error).toContainText('Conflict. The container name "/c1" is already in use by container');
  expect(await names(app)).toEqual(['c1']);
});

test('the minimap shows only when part of the graph is off-screen, and never in presenter mode', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const minimap = page.locator('.react-flow__minimap');
  await expect(minimap).toHaveCount(0); // everything fits: it would only cover nodes
  const zoomIn = page.locator('.react-flow__controls-zoomin');
  for (let i = 0; i < 4; i++) await zoomIn.click();
  await expect(minimap).toBeVisible();
  const map = await minimap.boundingBox();
  const canvas = await app.canvas.boundingBox();
  // bottom right of the canvas, small
  expect(map!.x + map!.width).toBeGreaterThan(canvas!.x + canvas!.width - 40);
  expect(map!.y + map!.height).toBeGreaterThan(canvas!.y + canvas!.height - 40);
  expect(map!.width * map!.height).toBeLessThan(140 * 90);
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('f');
  await expect(minimap).toHaveCount(0);
  await page.keyboard.press('p');
  await page.waitForTimeout(500);
  for (let i = 0; i < 4; i++) await zoomIn.click();
  await expect(minimap).toHaveCount(0);
});

test('with a network selected, + Container and N start on that network; a long name never squeezes the panel title', async ({
  page,
}) => {
  const app = new AppPage(page);
  const dlg = new DialogPage(page);
  await app.open('?lang=ko');
  const long = 'a-very-long-network-name-for-the-classroom';
  await app.seed(`docker network create ${long}`);
  await app.network(long).click();
  const title = app.inspector.locator('.panel-head > :first-child');
  await expect(title).toHaveText('속성');
  const box = await title.boundingBox();
  const lineHeight = await title.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight));
  expect(box?.height).toBeLessThan(lineHeight * 1.5);

  await page.getByTestId('tool-add-container').click();
  await expect(page.getByTestId('field-network')).toHaveValue(long);
  await expect(dlg.preview).toHaveText(`$ docker run -dit --network ${long} nicolaka/netshoot`);
  await page.keyboard.press('Escape');
  await app.network(long).click();
  await page.keyboard.press('n');
  await expect(page.getByTestId('field-network')).toHaveValue(long);
  await dlg.submit.click();
  await dlg.expectClosed();
  await expect(app.network(long)).toBeVisible();
  expect((await app.api((w) => w.containers()))[0].ifaces[0].network).toBe(long);
});

test('Delete on the container the console is inside brings the prompt back to the host at once', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.type('docker run -it --name c1 nicolaka/netshoot bash');
  await expect(page.getByTestId('console-prompt')).not.toHaveText('root@docker-host:~#');
  await app.container('c1').click();
  await page.getByTestId('tool-delete').click();
  await expect(page.getByTestId('console-prompt')).toHaveText('root@docker-host:~#');
  await expect(app.consoleOutput.locator('.log-note').last()).toHaveText(
    /^\[[0-9a-f]{12} is removed; back on docker-host\]$/,
  );
  await app.type('hostname');
  await expect(app.consoleOutput.locator('pre').last()).toHaveText('docker-host');
});
