import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

test('an unreadable save is reported, kept aside and offered for download', async ({ page }) => {
  const app = new AppPage(page);
  await page.goto('/');
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem('whalewire.save', '{"format":"whalewire","version":2,"world":{"schema":1, broken');
  });
  await app.open('', { keepStorage: true });
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('could not be restored');
  await expect(notice).toContainText('not valid JSON');
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('whalewire.unreadable.'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual(['{"format":"whalewire","version":2,"world":{"schema":1, broken']);
  const download = page.waitForEvent('download');
  await page.getByTestId('download-unreadable').click();
  expect((await download).suggestedFilename()).toBe('whalewire-unreadable-save.json');
  // the default world is drawn and usable
  await expect(app.network('bridge')).toBeVisible();
});

test('a tampered share link is refused with a message and changes nothing', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed('docker network create keepme');
  await page.waitForTimeout(400);
  await page.goto('/?shared=1#project=eyJmb3JtYXQiOiJ3aGFsZXdpcmUiLCJ2ZXJzaW9uIjoyLCJ3b3JsZCI6e319');
  await app.ready();
  await expect(page.getByTestId('notice')).toContainText('cannot be opened');
  await expect(app.network('keepme')).toBeVisible();
});

const b64url = {
  decode: (s: string) => Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'),
  encode: (s: string) =>
    Buffer.from(s, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
};

test('a share link whose JSON was edited to nonsense is refused by field and the page keeps working', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new AppPage(page);
  await app.open();
  await app.seed('docker run -dit --name c1 nicolaka/netshoot');
  // the app now shares the commands (#c=); a link of the first format (#project=, the project JSON)
  // is made here from the exported file, as old links were
  await page.getByTestId('tool-project').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('project-export').click();
  const json = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  const c1 = Object.values(
    json.world.containers as Record<string, { name: string; endpoints: { ip: unknown }[] }>,
  ).find((c) => c.name === 'c1');
  if (!c1) throw new Error('c1 not in the link');
  c1.endpoints[0].ip = 12345;
  await page.keyboard.press('Escape');
  await app.seed('docker network create keepme');
  await page.waitForTimeout(400);
  await page.goto(`/?t=1#project=${b64url.encode(JSON.stringify(json))}`);
  await app.ready();
  await expect(page.getByTestId('notice')).toContainText(
    'This share link cannot be opened (container c1.endpoints[0].ip should be an IPv4 address). Nothing was changed.',
  );
  await expect(app.network('keepme')).toBeVisible();
  await expect(app.container('c1')).toContainText('172.17.0.2/16');
  expect(errors).toEqual([]);
});

test('Import JSON: a broken file and a tampered file change nothing; an exported file opens', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new AppPage(page);
  await app.open();
  await app.seed('docker network create mynet', 'docker run -dit --name c1 --network mynet nicolaka/netshoot');
  await page.getByTestId('tool-project').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('project-export').click();
  const exported = await (await download).createReadStream().then(async (s) => {
    const chunks: Buffer[] = [];
    for await (const c of s) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  });
  await page.keyboard.press('Escape');
  await page.getByTestId('tool-project').click();
  await page.getByTestId('project-new').click();
  await expect(app.container('c1')).toHaveCount(0);
  await expect(page.getByTestId('notice')).toHaveText(
    /Started a new project\. Undo \(Ctrl\+Z\) brings back the one before\./,
  );
  await page.keyboard.press('Control+z');
  await expect(app.container('c1')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(app.container('c1')).toHaveCount(0);

  const importFile = async (name: string, text: string) => {
    await page.getByTestId('tool-project').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('Import JSON…').click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  };
  await importFile('broken.json', '{"format":"whalewire", oops');
  await expect(page.getByTestId('project-message')).toHaveText(
    'Nothing was changed: this file cannot be opened (not valid JSON).',
  );
  await page.keyboard.press('Escape');
  const tampered = JSON.parse(exported);
  for (const n of Object.values(tampered.world.networks as Record<string, { name: string; ipam: { subnet: string } }>))
    if (n.name === 'mynet') n.ipam.subnet = '10.0.0.0/99';
  await importFile('tampered.json', JSON.stringify(tampered));
  await expect(page.getByTestId('project-message')).toHaveText(
    'Nothing was changed: this file cannot be opened (network mynet.ipam.subnet should be a CIDR block).',
  );
  await page.keyboard.press('Escape');
  await expect(app.network('mynet')).toHaveCount(0);

  await importFile('whalewire-project.json', exported);
  await expect(page.getByTestId('dialog')).toHaveCount(0);
  await expect(app.container('c1')).toContainText('172.18.0.2/16');
  await expect(app.consoleOutput).toContainText('Opened project whalewire-project.json');
  expect(errors).toEqual([]);
});

test('a share link pasted into the tab already showing the app opens (or is refused) without a reload', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new AppPage(page);
  await app.open();
  await app.seed('docker network create shared-net');
  await page.getByTestId('tool-project').click();
  await page.getByTestId('project-share').click();
  const link = await page.getByTestId('share-link').inputValue();
  await page.keyboard.press('Escape');
  await page.getByTestId('tool-project').click();
  await page.getByTestId('project-new').click();
  await page.getByTestId('notice-dismiss').click();
  await app.seed('docker network create mine');
  const booted = await page.evaluate(() => performance.timeOrigin);

  await page.evaluate(() => {
    location.hash = 'project=eyJmb3JtYXQiOiJ3aGFsZXdpcmUiLCJ2ZXJzaW9uIjoyLCJ3b3JsZCI6e319';
  });
  await expect(page.getByTestId('notice')).toContainText(
    'This share link cannot be opened (unknown world schema undefined). Nothing was changed.',
  );
  await expect(app.network('mine')).toBeVisible();

  await page.evaluate((h) => {
    location.hash = h;
  }, link.split('#')[1]);
  await expect(app.network('shared-net')).toBeVisible();
  await expect(app.network('mine')).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('Opened the shared project');
  expect(await page.evaluate(() => location.hash)).toBe('');
  // the same document all along, and the person's own project is one undo away
  expect(await page.evaluate(() => performance.timeOrigin)).toBe(booted);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(app.network('mine')).toBeVisible();
  // an info message leaves by itself after a while; the refusal before it was cleared by the success
  await expect(page.getByTestId('notice')).toHaveCount(0, { timeout: 12_000 });
  expect(errors).toEqual([]);
});

test('in Korean, the reason a save or link is refused is Korean too', async ({ page }) => {
  const app = new AppPage(page);
  await page.goto('/');
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem('whalewire.save', '{"broken');
  });
  await page.goto('/?lang=ko#project=!!!');
  await app.ready();
  const notices = page.getByTestId('notice');
  await expect(notices.nth(0)).toContainText('지난 세션을 복원할 수 없습니다 (올바른 JSON이 아닙니다).');
  await expect(notices.nth(1)).toContainText(
    '이 공유 링크를 열 수 없습니다 (링크가 손상되었습니다 (base64url UTF-8이 아님)). 바뀐 것은 없습니다.',
  );
});

test('a browser that refuses storage is told its work is not being saved', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const app = new AppPage(page);
  await page.goto('/');
  await app.ready();
  await page.getByTestId('tool-add-network').click();
  await page.getByTestId('field-name').fill('mynet');
  await page.keyboard.press('Enter');
  await expect(app.network('mynet')).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('Your work is not being saved');
  await page.getByTestId('notice-dismiss').click();
  await app.seed('docker network create other');
  await page.waitForTimeout(500);
  await expect(page.getByTestId('notice')).toHaveCount(0);
});
