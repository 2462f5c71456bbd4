import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { runScript } from '../../src/sim/console';
import { createDefaultWorld } from '../../src/sim/world';
import { AppPage } from './pages/AppPage';

/**
 * Screenshots for looking at the product (not assertions): shots/ (gitignored) and the README's
 * docs/screenshot.png. The scene is seed 004 (Docker's DNS on a user-defined bridge) with a ping
 * from containerA to containerB in flight.
 */
const shots = new URL('../../shots/', import.meta.url).pathname;
const docs = new URL('../../docs/', import.meta.url).pathname;

const seed004 = [
  'docker network create --driver bridge --subnet 10.0.0.0/24 second-bridge',
  'docker run -dit --network second-bridge --name containerA devwikirepo/pingbuntu',
  'docker run -d --network second-bridge --name containerB devwikirepo/pingbuntu',
];

const PING = 'docker exec containerA ping -c 1 containerB';

/** The step (1-based) on which the echo reply leaves containerB, as the engine traces the ping. */
const replyLeaves = (() => {
  const trace = runScript(createDefaultWorld(), [...seed004, PING].join('\n')).results.at(-1)?.trace;
  const keys = (trace?.steps ?? []).map((s) => s.explain.key);
  return keys.indexOf('wire.transmit', keys.indexOf('ip.reply')) + 1;
})();

/**
 * Opens the scene, pings, selects containerB and stops mid-hop on the step where the echo reply leaves
 * containerB on its veth, reading its ARP entry for 10.0.0.2 (which flashes in the Inspector).
 */
async function scene(page: Page, opts: { lang?: 'en' | 'ko'; dark?: boolean; presenter?: boolean }) {
  const app = new AppPage(page);
  await app.open(opts.lang === 'ko' ? '?lang=ko' : '?lang=en');
  await app.seed(...seed004);
  if (opts.dark) await page.getByTestId('tool-theme').click();
  await app.type(PING);
  await app.container('containerB').click();
  // restart, previous phase, step back, play, step forward
  const forward = page.locator('.sim-controls button').nth(4);
  expect(replyLeaves).toBeGreaterThan(2);
  for (let i = 0; i < replyLeaves - 2; i++) await forward.click();
  if (opts.presenter) {
    await page.getByTestId('tool-presenter').click();
    await page.waitForTimeout(900);
  } else await app.fit();
  await forward.click();
  if (!opts.presenter) await expect(page.getByTestId('flash-row')).toContainText('10.0.0.2');
  // mid-hop: the marker is on the cable
  await page.waitForTimeout(300);
}

test.describe.configure({ mode: 'serial' });

for (const lang of ['en', 'ko'] as const) {
  test(`1280x720 light and dark, ${lang}`, async ({ page }) => {
    mkdirSync(shots, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await scene(page, { lang });
    await page.screenshot({ path: `${shots}ui-1280-light-${lang}.png` });
    if (lang === 'en') {
      mkdirSync(docs, { recursive: true });
      await page.screenshot({ path: `${docs}screenshot.png` });
    }
    await scene(page, { lang, dark: true });
    await page.screenshot({ path: `${shots}ui-1280-dark-${lang}.png` });
    await expect(page.getByTestId('container-containerB')).toBeVisible();
  });

  test(`1920x1080 presenter, ${lang}`, async ({ page }) => {
    mkdirSync(shots, { recursive: true });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await scene(page, { lang, presenter: true });
    await page.screenshot({ path: `${shots}ui-1920-presenter-${lang}.png` });
    await scene(page, { lang, presenter: true, dark: true });
    await page.screenshot({ path: `${shots}ui-1920-presenter-dark-${lang}.png` });
  });
}
