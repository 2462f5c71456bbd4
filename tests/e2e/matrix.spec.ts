import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { sceneById } from '../../src/sim/scenes';
import { AppPage } from './pages/AppPage';

/**
 * Who can talk to whom: on seed 004's port-forwarding World a teacher opens the matrix, reads
 * why pc1 cannot ping 172.17.0.2 (the engine's own reason, in words beside the colour), moves with
 * the keyboard, plays a cell's packet in the simulation panel; hides a network on the canvas and
 * finds it hidden after a reload. Screenshots at the three sizes, en and ko.
 */

const PF = sceneById('port-forwarding')!;
const shots = new URL('../../shots/', import.meta.url).pathname;

async function loadPF(app: AppPage) {
  await app.seed(...PF.script.filter((l) => !l.startsWith('#') && !PF.expectedFailures.includes(l)));
}

test('the matrix answers as the engine does, plays a cell, and is keyboard accessible', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await loadPF(app);
  await page.getByTestId('tool-matrix').click();
  const dlg = page.getByTestId('matrix-dialog');
  await expect(dlg.getByTestId('matrix-status')).toContainText('110 cells', { timeout: 30_000 }); // 110 probes: slow on a loaded machine
  // pc1 cannot ping nginx's bridge address: red, with the reason in words
  const pcNginx = dlg.getByTestId('matrix-cell-pc1-nginx');
  await expect(pcNginx).toHaveAttribute('data-tone', 'fail');
  await expect(pcNginx).toHaveText('✗ no route');
  await expect(dlg.getByTestId('matrix-cell-nginx-nginx2')).toHaveText('✓');
  // HTTP: pc1 loads nginx2 through -p 8001:80, greenColorApp's 8004 goes to a port nobody listens on
  await dlg.getByTestId('matrix-mode-http').check();
  await expect(dlg.getByTestId('matrix-cell-pc1-nginx2')).toHaveText('✓');
  await expect(dlg.getByTestId('matrix-cell-pc1-greenColorApp')).toHaveText('✗ refused');
  await expect(dlg.getByTestId('matrix-cell-nginx-pc1')).toHaveText('—');
  await dlg.getByTestId('matrix-cell-pc1-nginx2').hover();
  await expect(dlg.getByTestId('matrix-details')).toContainText('@pc1 curl -s -m 2 http://192.168.0.10:8001/');
  await page.screenshot({ path: `${shots}matrix-en-1280.png` });
  expect(
    (await new AxeBuilder({ page }).include('[data-testid="matrix-dialog"]').analyze()).violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    ),
  ).toEqual([]);

  // keyboard: one tab stop, arrows move, Enter plays
  await dlg.getByTestId('matrix-mode-ping').check();
  await dlg.getByTestId('matrix-cell-pc1-nginx').focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(':focus')).toHaveAttribute('data-testid', 'matrix-cell-docker-host-nginx');
  await expect(dlg.getByTestId('matrix-details')).toContainText('@docker-host ping -c 1 -W 1 172.17.0.2');
  await page.keyboard.press('ArrowDown');
  await expect(dlg.getByTestId('matrix-details')).toContainText('no route to 172.17.0.2');
  await page.keyboard.press('Enter');
  await expect(dlg).toHaveCount(0);
  await expect(page.getByTestId('sim-command')).toHaveText('@pc1 ping -c 1 -W 1 172.17.0.2');
  // playing a cell changes nothing in the World (no undo step)
  expect((await app.api((w) => w.state())).history).toBe(5);
});

test('networks hide on the canvas, and stay hidden after a reload (a view preference, not the World)', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.seed('docker network create front', 'docker run -d --name web --network front nginx');
  await expect(app.network('front')).toBeVisible();
  await page.getByTestId('tool-matrix').click();
  await page.getByTestId('net-shown-front').uncheck();
  await page.getByTestId('matrix-close').click();
  await expect(app.network('front')).toHaveCount(0);
  await expect(app.container('web')).toBeVisible();
  await expect(app.network('bridge')).toBeVisible();
  const saved = await page.evaluate(() => localStorage.getItem('whalewire.hiddenNetworks'));
  expect(JSON.parse(saved ?? '[]')).toHaveLength(1);
  await app.open('', { keepStorage: true });
  await expect(app.network('front')).toHaveCount(0);
  await page.getByTestId('tool-matrix').click();
  await page.getByTestId('net-shown-front').check();
  await page.getByTestId('matrix-close').click();
  await expect(app.network('front')).toBeVisible();
});

test('presenter mode hides the toolbar, yet the matrix opens by its button and by M (issue 11 review)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const app = new AppPage(page);
  await app.open('?lang=ko');
  await loadPF(app);
  await page.keyboard.press('p');
  await expect(page.getByTestId('tool-matrix')).toHaveCount(0);
  await page.getByTestId('presenter-matrix').click();
  const dlg = page.getByTestId('matrix-dialog');
  await expect(dlg.getByTestId('matrix-cell-pc1-nginx')).toHaveAttribute('data-tone', 'fail');
  await page.keyboard.press('Escape');
  await expect(dlg).toHaveCount(0);
  await page.keyboard.press('m');
  await expect(dlg).toBeVisible();
  // the presenter's screen stays free of axe faults with the new button
  await page.keyboard.press('Escape');
  const a11y = await new AxeBuilder({ page })
    .include('.presenter-actions')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(a11y.violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: `${shots}matrix-presenter-button-ko-1920.png` });
});

for (const lang of ['en', 'ko'] as const)
  for (const [w, h, presenter] of [
    [1280, 720, false],
    [1920, 1080, true],
    [768, 1024, false],
  ] as const)
    test(`screenshot ${lang} ${w}x${h}: the matrix reads at this size`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      const app = new AppPage(page);
      await app.open(`?lang=${lang}`);
      await loadPF(app);
      await page.getByTestId('tool-matrix').click();
      const dlg = page.getByTestId('matrix-dialog');
      await expect(dlg.getByTestId('matrix-cell-pc1-nginx')).toHaveAttribute('data-tone', 'fail');
      await dlg.getByTestId('matrix-cell-pc1-nginx').hover();
      // cells of the grid are never smaller than 13 px type
      const size = await dlg
        .getByTestId('matrix-cell-pc1-nginx')
        .evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
      expect(size).toBeGreaterThanOrEqual(13);
      await page.screenshot({ path: `${shots}matrix-${lang}-${w}.png` });
      if (presenter) {
        await dlg.getByTestId('matrix-cell-pc1-nginx').click();
        await page.keyboard.press('p');
        await page.screenshot({ path: `${shots}matrix-${lang}-${w}-playing.png` });
      }
    });
