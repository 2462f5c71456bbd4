import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { phasesOf } from '../../src/sim/playback/phases';
import { sceneTrace } from './pages/LessonPanel';
import { CURL, curlFromInternet, NAT } from './pages/natCurl';

/**
 * Phases: seed 000's port-forwarded curl from the internet (109 steps) played, skipped and listed
 * phase by phase, with the buttons and the keys a teacher uses, and predicted phase by phase.
 */
const shots = new URL('../../shots/', import.meta.url).pathname;
test('next/previous phase by button and by key; the bar says which phase', async ({ page }) => {
  const { sim } = await curlFromInternet(page);
  expect(phasesOf(sceneTrace(NAT, CURL))).toHaveLength(25);
  const where = sim.panel.getByTestId('sim-phase-position');
  await expect(sim.position()).toHaveText('Step 1 of 109');
  await expect(where).toHaveText('Phase 1 of 25: TCP handshake');
  await expect(sim.panel.getByTestId('sim-phase-prev')).toBeDisabled();

  await sim.panel.getByTestId('sim-phase-next').click();
  await expect(where).toHaveText('Phase 2 of 25: ARP');
  await expect(sim.position()).toHaveText('Step 2 of 109');
  await page.keyboard.press('PageDown');
  await expect(sim.position()).toHaveText('Step 9 of 109');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(where).toHaveText('Phase 6 of 25: NAT');
  await expect(sim.position()).toHaveText('Step 21 of 109');
  // the router's port forward: its header diff is the rewrite
  await sim.expectRewrite('IPv4.dst', '124.111.46.91', '192.168.0.10');
  await sim.expectRewrite('TCP.dport', '80', '8001');
  // ← one step inside the phase, then ⏮ goes back to the phase's start, and again to the one before
  await page.keyboard.press('ArrowRight');
  await expect(sim.position()).toHaveText('Step 22 of 109');
  await page.keyboard.press('PageUp');
  await expect(sim.position()).toHaveText('Step 21 of 109');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(where).toHaveText('Phase 5 of 25: TCP handshake');
  await sim.panel.getByTestId('sim-phase-prev').click();
  await expect(where).toHaveText('Phase 4 of 25: ARP');
  // End, then next phase is disabled
  await page.keyboard.press('End');
  await expect(sim.panel.getByTestId('sim-phase-next')).toBeDisabled();
  await expect(where).toHaveText('Phase 25 of 25: Response');
});

test('the event list groups rows under phase headings that fold and play as a unit', async ({ page }) => {
  const { sim } = await curlFromInternet(page);
  const heads = sim.panel.getByTestId('sim-phase-toggle');
  await expect(heads).toHaveCount(25);
  await expect(sim.panel.getByTestId('sim-event')).toHaveCount(109);
  const nat = sim.panel.getByTestId('sim-phase').nth(5);
  await expect(nat.getByTestId('sim-phase-toggle')).toHaveAccessibleName('Phase 6: NAT, steps 21–23');
  await expect(nat).toContainText('124.111.46.91:80 → 192.168.0.10:8001');
  await expect(nat.getByTestId('sim-event')).toHaveCount(3);

  // fold it: its rows go, the heading stays
  await nat.getByTestId('sim-phase-toggle').click();
  await expect(nat.getByTestId('sim-phase-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect(nat.getByTestId('sim-event')).toHaveCount(0);
  await expect(sim.panel.getByTestId('sim-event')).toHaveCount(106);
  await nat.getByTestId('sim-phase-toggle').press('Enter');
  await expect(nat.getByTestId('sim-event')).toHaveCount(3);

  // fold all: 25 headings, no rows
  await sim.panel.getByTestId('sim-phase-fold-all').click();
  await expect(sim.panel.getByTestId('sim-event')).toHaveCount(0);
  await expect(heads).toHaveCount(25);
  await sim.panel.getByTestId('sim-phase-fold-all').click();
  await expect(sim.panel.getByTestId('sim-event')).toHaveCount(109);

  // play the NAT phase: it runs its three steps and pauses at the last
  await sim.panel.getByLabel('Speed').selectOption('4');
  await nat.getByRole('button', { name: 'Play phase 6: NAT' }).click();
  await expect(sim.position()).toHaveText('Step 23 of 109', { timeout: 10_000 });
  await expect(sim.panel.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.waitForTimeout(800);
  await expect(sim.position()).toHaveText('Step 23 of 109');
  await expect(nat.locator('.sim-phase__head--current')).toHaveCount(1);
});

test('predict mode phase by phase: playback holds at a boundary, asks what happens next, scores the answer', async ({
  page,
}) => {
  const { sim } = await curlFromInternet(page);
  await sim.panel.getByLabel('Predict mode').check();
  await sim.panel.getByTestId('sim-predict-scope').selectOption('phases');
  await expect(sim.panel.getByTestId('sim-predict')).toHaveCount(0);
  await expect(sim.position()).toHaveText('Step 1 of 109');
  // only the phase reached so far is listed
  await expect(sim.panel.getByTestId('sim-phase')).toHaveCount(1);
  await sim.panel.getByLabel('Speed').selectOption('4');
  await sim.panel.getByRole('button', { name: 'Play', exact: true }).click();
  const q = sim.panel.getByTestId('sim-phase-question');
  await expect(q).toBeVisible({ timeout: 10_000 });
  await expect(q).toContainText('What happens next?');
  await expect(sim.position()).toHaveText('Step 1 of 109');
  await q.getByRole('button', { name: 'ARP', exact: true }).click();
  const result = sim.panel.getByTestId('sim-phase-result');
  await expect(result).toContainText('Right!');
  await expect(result).toContainText('1 of 1 predictions right');
  await expect(sim.panel.getByTestId('sim-phase')).toHaveCount(2);
  // the next question (before the second ARP), answered wrong
  await expect(q).toBeVisible({ timeout: 15_000 });
  await q.getByRole('button', { name: 'NAT', exact: true }).click();
  await expect(result).toContainText('Not quite.');
  await expect(result).toContainText('Next: ARP');
  await expect(result).toContainText('1 of 2 predictions right');
});

for (const lang of ['en', 'ko'] as const)
  test(`screens: the phase list at 1280x720 and 768x1024, ${lang}`, async ({ page }) => {
    mkdirSync(shots, { recursive: true });
    const { sim } = await curlFromInternet(page, lang);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect(sim.position()).toContainText('21');
    await page.screenshot({ path: `${shots}phases-1280-${lang}.png` });
    await sim.panel.locator('.sim-events').scrollIntoViewIfNeeded();
    await sim.panel.getByTestId('sim-detail').screenshot({ path: `${shots}phases-list-1280-${lang}.png` });
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByTestId('dock-tab-sim').click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${shots}phases-768-${lang}.png` });
  });
