import { mkdirSync, readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

/** Issue 10: import a real machine from `docker network inspect` / `docker inspect` output. */
const shots = new URL('../../shots/', import.meta.url).pathname;
const fixture = (f: string) => readFileSync(new URL(`../fixtures/inspect/${f}`, import.meta.url), 'utf8');

/** Project > Import from Docker…, reached with the keyboard. */
async function openImport(page: Page) {
  await page.getByTestId('tool-project').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('project-import-docker').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('import-text')).toBeVisible();
}

test('pasting the docs tutorial networks draws them, lists what is not modelled, and undo brings the project back', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed('docker run -d --name mine nginx');
  await openImport(page);
  await page.getByTestId('import-text').fill(fixture('docs-standalone-networks.txt'));
  await page.getByTestId('dialog-submit').click();
  await expect(page.getByTestId('import-notes')).toContainText('alpine4: only in network inspect');
  await page.getByTestId('dialog-cancel').click();
  await expect(page.getByTestId('notice')).toContainText('Imported 1 networks and 4 containers');
  await app.fit();
  for (const n of ['alpine1', 'alpine2', 'alpine3', 'alpine4']) await expect(app.container(n)).toBeVisible();
  await expect(app.network('alpine-net')).toContainText('172.18.0.0/16');
  await expect(app.container('alpine4')).toContainText('172.18.0.4');
  await expect(app.container('alpine4')).toContainText('02:42:ac:12:00:04');
  await expect(app.container('mine')).toHaveCount(0);
  const nets = await app.api((w) => w.networks().map((n) => n.name));
  expect(nets).toContain('alpine-net');
  await page.keyboard.press('Control+z');
  await expect(app.container('mine')).toBeVisible();
  await expect(app.container('alpine1')).toHaveCount(0);
});

test('a bad paste changes nothing and names the field; a file drop of several files imports both', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed('docker run -d --name mine nginx');
  const before = await app.api((w) => w.containers());
  await openImport(page);
  const bad = JSON.parse(fixture('real-machine-containers.json'));
  bad[0].NetworkSettings.Networks.bridge.MacAddress = 'not-a-mac';
  await page.getByTestId('import-text').fill(JSON.stringify(bad));
  await page.getByTestId('dialog-submit').click();
  await expect(page.getByTestId('dialog-error')).toHaveText(
    'Nothing was changed. [0].NetworkSettings.Networks.bridge.MacAddress: expected a MAC address here',
  );
  expect(await app.api((w) => w.containers())).toEqual(before);

  await page.getByTestId('import-text').fill('');
  await page.getByTestId('import-files').setInputFiles([
    {
      name: 'containers.json',
      mimeType: 'application/json',
      buffer: Buffer.from(fixture('real-machine-containers.json')),
    },
    { name: 'swarm.txt', mimeType: 'text/plain', buffer: Buffer.from(fixture('swarm-node-networks.txt')) },
  ]);
  await expect(page.getByTestId('import-file-list')).toHaveText('containers.json, swarm.txt');
  await page.getByTestId('dialog-submit').click();
  await expect(page.getByTestId('import-notes')).toContainText('red-overlay: overlay network of a swarm');
  await expect(page.getByTestId('import-notes')).toContainText('gateway_ingress-sbox on docker_gwbridge');
  await page.getByTestId('dialog-cancel').click();
  await app.fit();
  await expect(app.container('containerB')).toContainText('10.0.0.3');
  await expect(app.network('docker_gwbridge')).toBeVisible();
});

test('imported names are inert text', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const evil = '<img src=x onerror="window.__pwned=1">';
  const nets = JSON.parse(fixture('docs-standalone-networks.txt').split('\n]\n[')[1].replace(/^/, '['));
  nets[0].Name = evil;
  await openImport(page);
  await page.getByTestId('import-text').fill(JSON.stringify(nets));
  await page.getByTestId('dialog-submit').click();
  // the import has run once its notes show; closing before that left the dialog to come back over the canvas
  await expect(page.getByTestId('import-notes')).toBeVisible();
  await page.getByTestId('dialog-cancel').click();
  await app.fit();
  await expect(page.getByText(evil).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});

/** The named container cards not wholly inside the canvas's visible area. */
async function outside(page: Page, names: string[]): Promise<string[]> {
  const pane = await page.getByTestId('canvas').boundingBox();
  const out: string[] = [];
  for (const n of names) {
    const b = await page.getByTestId(`container-${n}`).boundingBox();
    if (
      !pane ||
      !b ||
      b.x < pane.x ||
      b.y < pane.y ||
      b.x + b.width > pane.x + pane.width ||
      b.y + b.height > pane.y + pane.height
    )
      out.push(n);
  }
  return out;
}

for (const lang of ['en', 'ko'] as const) {
  test(`import dialog and a refusal, looked at (1280 and 1920 presenter, ${lang})`, async ({ page }) => {
    mkdirSync(shots, { recursive: true });
    const app = new AppPage(page);
    await app.open(`?lang=${lang}`);
    await openImport(page);
    await page.getByTestId('import-text').fill('[{"Name": "web", "Driver": "bridge", "Scope": "local", "Id": "xyz"}]');
    await page.getByTestId('dialog-submit').click();
    await expect(page.getByTestId('dialog-error')).toContainText('[0].Id');
    await page.screenshot({ path: `${shots}import-refused-1280-${lang}.png` });
    await page.getByTestId('import-text').fill(fixture('swarm-node-networks.txt'));
    await page.getByTestId('dialog-submit').click();
    await expect(page.getByTestId('import-notes')).toBeVisible();
    await page.screenshot({ path: `${shots}import-notes-1280-${lang}.png` });
    await page.getByTestId('dialog-cancel').click();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openImport(page);
    await page.getByTestId('import-text').fill(fixture('docs-standalone-networks.txt'));
    await page.screenshot({ path: `${shots}import-1920-${lang}.png` });
    await page.getByTestId('dialog-submit').click();
    await page.getByTestId('dialog-cancel').click();
    await page.getByTestId('tool-presenter').click();
    await expect(app.container('alpine4')).toBeVisible();
    // the view fits the imported containers in presenter mode too (every card inside the canvas)
    await expect.poll(() => outside(page, ['alpine1', 'alpine2', 'alpine3', 'alpine4'])).toEqual([]);
    await page.screenshot({ path: `${shots}import-drawn-1920-presenter-${lang}.png` });
  });
}

const shop = readFileSync(new URL('../fixtures/compose/shop.yaml', import.meta.url), 'utf8');

test('a compose file opens as docker compose up -d brings it up; a bad one is refused in Compose words', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed('docker run -d --name mine nginx');
  const before = await app.api((w) => w.containers());
  await openImport(page);
  await page.getByTestId('import-text').fill('services:\n  web:\n    image: nginx\n    portz: [80]\n');
  await page.getByTestId('dialog-submit').click();
  await expect(page.getByTestId('dialog-error')).toContainText('Nothing was changed. docker compose said:');
  await expect(page.getByTestId('dialog-error')).toContainText(
    "validating /root/whalewire/compose.yaml: services.web additional properties 'portz' not allowed",
  );
  expect(await app.api((w) => w.containers())).toEqual(before);
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}import-compose-refused-1280-en.png` });

  await page.getByTestId('import-text').fill('');
  await page
    .getByTestId('import-files')
    .setInputFiles([{ name: 'shop.yaml', mimeType: 'application/yaml', buffer: Buffer.from(shop) }]);
  await page.getByTestId('dialog-submit').click();
  await expect(page.getByTestId('notice')).toContainText('docker compose up brought up project shop');
  await expect(app.container('mine')).toHaveCount(0);
  await app.fit();
  for (const n of ['shop-web-1', 'shop-api-1', 'shop-db-1']) await expect(app.container(n)).toBeVisible();
  await expect(app.network('shop_back')).toContainText('10.20.0.0/24');
  await expect(app.container('shop-api-1')).toContainText('10.20.0.50');
  // the console shows the command and Compose's own lines
  await expect(app.consoleOutput).toContainText('docker compose -f shop.yaml up -d');
  await expect(app.consoleOutput).toContainText('Container shop-web-1  Started');
  await page.keyboard.press('Control+z');
  await expect(app.container('mine')).toBeVisible();
});
