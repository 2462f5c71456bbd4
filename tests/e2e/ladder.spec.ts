import { mkdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { traceLadder } from '../../src/sim/playback/ladder';
import { sceneTrace } from './pages/LessonPanel';
import { CURL, curlFromInternet, NAT } from './pages/natCurl';

/**
 * The ladder diagram of seed 000's port-forwarded curl from the internet: opened from the
 * simulation panel by button and by L, the current hop highlighted, a click seeks, Save SVG writes
 * the picture; readable at 1280x720, presenter 1920x1080 and 768x1024, in English and Korean.
 */
const shots = new URL('../../shots/', import.meta.url).pathname;
test('opened by the button: one arrow a hop, labelled as tcpdump says, NAT marked, the current hop highlighted', async ({
  page,
}) => {
  const { sim } = await curlFromInternet(page);
  const ladder = traceLadder(sceneTrace(NAT, CURL));
  await sim.panel.getByTestId('ladder-open').click();
  const view = page.getByTestId('ladder');
  await expect(view).toBeVisible();
  await expect(view.getByTestId('ladder-column')).toHaveText([
    'remote',
    'internet',
    'router',
    'LAN',
    'docker-host',
    'docker0',
    'web',
  ]);
  const arrows = view.getByTestId('ladder-arrow');
  await expect(arrows).toHaveCount(ladder.arrows.length);
  await expect(arrows.first()).toContainText('ARP who-has 203.0.113.1');
  const syn = arrows.filter({ hasText: 'SYN' }).first();
  await expect(syn).toContainText('203.0.113.50.36774 > 124.111.46.91.80');
  // the router's port forward and Docker's DNAT, on the arrows that leave them
  const dnat = arrows.filter({ hasText: 'DNAT 124.111.46.91:80 → 192.168.0.10:8001' });
  await expect(dnat).toHaveCount(2); // the SYN and the GET
  await expect(arrows.filter({ hasText: 'DNAT 192.168.0.10:8001 → 172.17.0.2:80' })).toHaveCount(2);
  await expect(arrows.filter({ hasText: 'GET / HTTP/1.1' }).first()).toBeVisible();
  // step 1 is before the first hop; step forward onto the wire: the first arrow is current
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(view.locator('[aria-current="step"]')).toHaveAttribute('data-step', String(ladder.arrows[0].step + 1));
});

test('a click on an arrow seeks there; L and Esc open and close it; Save SVG downloads the picture', async ({
  page,
}) => {
  const { sim } = await curlFromInternet(page);
  const trace = sceneTrace(NAT, CURL);
  const ladder = traceLadder(trace);
  const of = trace.steps.length;
  await page.keyboard.press('l');
  const view = page.getByTestId('ladder');
  await expect(view).toBeVisible();
  const k = ladder.arrows.findIndex((a) =>
    a.nat.some((n) => n.action === 'dnat' && n.rewrite.endsWith('172.17.0.2:80')),
  );
  const target = view.getByTestId('ladder-arrow').nth(k);
  await target.click();
  await expect(sim.position()).toHaveText(`Step ${ladder.arrows[k].step + 1} of ${of}`);
  await expect(target).toHaveAttribute('aria-current', 'step');
  // keys still step the trace with the diagram open, and the highlight follows
  await page.keyboard.press('ArrowRight');
  await expect(sim.position()).toHaveText(`Step ${ladder.arrows[k].step + 2} of ${of}`);
  // Enter on a focused arrow seeks as a click does
  await view.getByTestId('ladder-arrow').nth(2).focus();
  await page.keyboard.press('Enter');
  await expect(sim.position()).toHaveText(`Step ${ladder.arrows[2].step + 1} of ${of}`);

  const download = page.waitForEvent('download');
  await view.getByTestId('ladder-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('ladder-remote-curl-s-http-124.111.46.91.svg');
  const svg = readFileSync((await file.path())!, 'utf8');
  expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('DNAT 192.168.0.10:8001 → 172.17.0.2:80');
  expect(svg).toContain('>docker0<');
  expect(svg).not.toContain('tabindex');
  expect(svg).not.toContain('data-highlight');

  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  await expect(sim.panel.getByTestId('ladder-open')).toBeFocused();
  await page.keyboard.press('L');
  await expect(view).toBeVisible();
  await sim.panel.getByTestId('ladder-open').click();
  await expect(view).toHaveCount(0);
});

test('axe finds nothing on the open diagram', async ({ page }) => {
  const { sim } = await curlFromInternet(page);
  await sim.panel.getByTestId('ladder-open').click();
  await expect(page.getByTestId('ladder-arrow').first()).toBeVisible();
  const r = await new AxeBuilder({ page })
    .include('[data-testid="ladder"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
});

for (const lang of ['en', 'ko'] as const)
  test(`screens: 1280x720, presenter 1920x1080 and 768x1024, ${lang}`, async ({ page }) => {
    mkdirSync(shots, { recursive: true });
    const { sim } = await curlFromInternet(page, lang);
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
    await sim.panel.getByTestId('ladder-open').click();
    const view = page.getByTestId('ladder');
    await expect(view.getByTestId('ladder-arrow').first()).toBeVisible();
    await page.screenshot({ path: `${shots}ladder-1280-${lang}.png` });
    // the hops around Docker's DNAT: the rewrite on the arrow and beside it
    await view
      .getByTestId('ladder-arrow')
      .filter({ hasText: 'DNAT 192.168.0.10:8001 → 172.17.0.2:80' })
      .first()
      .click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${shots}ladder-1280-nat-${lang}.png` });
    // readable: no text under 12 px at 1280x720 (the SVG is drawn at 1:1)
    const smallest = async () =>
      Math.min(
        ...(await view
          .locator('svg text')
          .evaluateAll((ts) => ts.map((t) => Number.parseFloat(getComputedStyle(t).fontSize)))),
      );
    expect(await smallest()).toBeGreaterThanOrEqual(12);
    expect(
      await view
        .locator('svg')
        .evaluate((s) => s.getBoundingClientRect().width / (s as unknown as SVGSVGElement).viewBox.baseVal.width),
    ).toBe(1);

    await page.setViewportSize({ width: 768, height: 1024 });
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${shots}ladder-768-${lang}.png` });

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('p');
    await page.waitForTimeout(600);
    await page.keyboard.press('l');
    await expect(view.getByTestId('ladder-arrow').first()).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${shots}ladder-1920-presenter-${lang}.png` });
    // projected, the step numbers and tcpdump's lines are label-sized (19 px) and dark: 16.3 px gray
    // (#57606a) was faint from a classroom's back row
    expect(await smallest()).toBeGreaterThanOrEqual(19);
    const fills = await view
      .locator('svg text')
      .evaluateAll((ts) => [...new Set(ts.map((t) => t.getAttribute('fill')))]);
    expect(fills).not.toContain('#57606a');
  });
