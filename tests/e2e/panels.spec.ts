import { expect, type Locator, type Page, test } from '@playwright/test';
import { sceneById } from '../../src/sim/scenes';
import { AppPage } from './pages/AppPage';
import { LessonPanel, sceneTrace } from './pages/LessonPanel';

/**
 * Panels resize and collapse (issue 11), tried as a person does: the Inspector closed and opened
 * again, the dock's splitter dragged with the mouse and moved with the arrow keys, the Inspector's
 * width dragged, each kept after a reload; the lesson's packets listed whole; at 1280x720 the
 * header diff of the current step on screen without scrolling.
 */

const PF = sceneById('port-forwarding')!;

async function box(l: Locator) {
  const b = await l.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

async function loadLesson(page: Page, lang: 'en' | 'ko' = 'en') {
  const app = new AppPage(page);
  await app.open(`?lang=${lang}`);
  const sim = new LessonPanel(page);
  const item = await sim.sceneItem(PF);
  await item.getByRole('button').first().click();
  await expect(app.container('greenColorApp')).toBeVisible();
  return { app, sim };
}

/** Drags from the middle of `l` by (dx, dy) in small steps, as a hand does. */
async function drag(page: Page, l: Locator, dx: number, dy: number) {
  const b = await box(l);
  const x = b.x + b.width / 2;
  const y = b.y + b.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 8 });
  await page.mouse.up();
}

test('closing the Inspector gives its width to the canvas and refits the world; reopened, it is back; kept after a reload', async ({
  page,
}) => {
  const { app } = await loadLesson(page);
  const before = await box(app.canvas);
  const insp = await box(app.inspector);
  expect(insp.width).toBeGreaterThan(300);
  await app.fit();
  await page.waitForTimeout(400);
  const host = page.locator('.react-flow__node[data-id="docker-host"]');
  const x0 = (await box(host)).x;
  await page.getByTestId('insp-close').click();
  await expect(app.inspector).toHaveCount(0);
  const after = await box(app.canvas);
  expect(after.width).toBeCloseTo(before.width + insp.width, -1);
  // refitted: the world moves to the middle of the wider canvas (by about half the width it gained)
  await expect.poll(async () => (await box(host)).x - x0).toBeGreaterThan(insp.width / 2 - 40);

  await page.reload();
  await expect(page.getByTestId('insp-open')).toBeVisible();
  await expect(app.inspector).toHaveCount(0);
  await page.getByTestId('insp-open').click();
  await expect(app.inspector).toBeVisible();
  expect((await box(app.canvas)).width).toBeCloseTo(before.width, -1);
  await expect(page.getByTestId('insp-close')).toBeVisible();
});

test('the dock’s height: dragged with the mouse, moved with the arrow keys, limited, kept after a reload', async ({
  page,
}) => {
  const { app } = await loadLesson(page);
  const dock = page.getByTestId('dock');
  const splitter = page.getByTestId('dock-splitter');
  await expect(splitter).toHaveAttribute('role', 'separator');
  const h0 = (await box(dock)).height;
  const c0 = (await box(app.canvas)).height;
  await drag(page, splitter, 0, -120);
  const h1 = (await box(dock)).height;
  expect(h1).toBeCloseTo(h0 + 120, 0);
  expect((await box(app.canvas)).height).toBeCloseTo(c0 - 120, 0);
  await expect(splitter).toHaveAttribute('aria-valuenow', String(Math.round(h1)));

  // the keyboard: focus, two presses down, 24 px each
  await splitter.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect((await box(dock)).height).toBeCloseTo(h1 - 48, 0);
  await page.keyboard.press('Home');
  expect((await box(dock)).height).toBeCloseTo(140, 0);
  await page.keyboard.press('End');
  // at most 70% of the window: the canvas keeps the rest
  expect((await box(dock)).height).toBeCloseTo(504, 0);
  await page.keyboard.press('ArrowDown');
  const kept = (await box(dock)).height;
  // a drag far past the top stops at the limit too
  await drag(page, splitter, 0, -900);
  expect((await box(dock)).height).toBeCloseTo(504, 0);
  await splitter.focus();
  await page.keyboard.press('ArrowDown');
  expect((await box(dock)).height).toBeCloseTo(kept, 0);

  await page.reload();
  await expect(app.canvas).toBeVisible();
  expect((await box(page.getByTestId('dock'))).height).toBeCloseTo(kept, 0);
});

test('the Inspector’s width: dragged wider with the mouse, narrower with the keys; the canvas gives and takes', async ({
  page,
}) => {
  const { app } = await loadLesson(page);
  const splitter = page.getByTestId('insp-splitter');
  const w0 = (await box(app.inspector)).width;
  const c0 = (await box(app.canvas)).width;
  await drag(page, splitter, -100, 0);
  expect((await box(app.inspector)).width).toBeCloseTo(w0 + 100, 0);
  expect((await box(app.canvas)).width).toBeCloseTo(c0 - 100, 0);
  await splitter.focus();
  await page.keyboard.press('ArrowRight');
  expect((await box(app.inspector)).width).toBeCloseTo(w0 + 76, 0);
  await page.reload();
  await expect(app.inspector).toBeVisible();
  expect((await box(app.inspector)).width).toBeCloseTo(w0 + 76, 0);
});

/** Every label of the lesson's packets is whole: not cut by its button, the list or the window. */
async function expectWhole(page: Page, buttons: Locator) {
  const n = await buttons.count();
  expect(n).toBe(PF.packets.length);
  const vp = page.viewportSize()!;
  for (let i = 0; i < n; i++) {
    const b = buttons.nth(i);
    // the idle panel opens on the lesson's step (screens.spec.ts); the list under it is a scroll away
    await b.scrollIntoViewIfNeeded();
    const r = await box(b);
    expect(r.x).toBeGreaterThanOrEqual(0);
    expect(r.x + r.width).toBeLessThanOrEqual(vp.width);
    expect(r.y).toBeGreaterThanOrEqual(0);
    expect(r.y + r.height).toBeLessThanOrEqual(vp.height);
    expect(await b.evaluate((e) => e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1)).toBe(
      true,
    );
  }
}

for (const size of [
  { name: '1280x720', width: 1280, height: 720 },
  { name: '768x1024', width: 768, height: 1024 },
]) {
  test(`${size.name}: the lesson's packets are listed whole, before and while a packet plays`, async ({ page }) => {
    await page.setViewportSize(size);
    const app = new AppPage(page);
    await app.open('?lang=en');
    if (size.width < 900) await page.getByTestId('dock-tab-sim').click();
    const sim = new LessonPanel(page);
    await sim.panel.getByTestId(`sim-scene-${PF.id}`).getByRole('button').first().click();
    await expect(app.container('greenColorApp')).toBeVisible();
    await expectWhole(page, page.getByTestId('sim-lesson-packet-list').getByRole('button'));
    await sim.clickPacket(PF.packets[1].label.en);
    await expect(sim.panel.getByTestId('sim-command')).toHaveText(sceneTrace(PF, PF.packets[1].line).command);
    const open = sim.panel.getByTestId('sim-lesson-packets-open');
    await open.click();
    await expect(open).toHaveAttribute('aria-expanded', 'true');
    await expectWhole(page, page.locator('#sim-lesson-packet-menu').getByRole('button'));
    await page.keyboard.press('Escape');
    await expect(page.locator('#sim-lesson-packet-menu')).toHaveCount(0);
    await expect(open).toBeFocused();
    // another packet from the list plays at once
    await sim.clickPacket(PF.packets[2].label.en);
    await expect(sim.panel.getByTestId('sim-command')).toHaveText(sceneTrace(PF, PF.packets[2].line).command);
    await expect(page.locator('#sim-lesson-packet-menu')).toHaveCount(0);
  });
}

test('1280x720: at the DNAT step the rewritten destination is on screen without scrolling', async ({ page }) => {
  const { sim } = await loadLesson(page);
  const packet = PF.packets.find((p) => p.id === 'pc1-8001')!;
  const trace = sceneTrace(PF, packet.line);
  await sim.clickPacket(packet.label.en);
  const dnat = trace.steps.findIndex((s) => s.action === 'dnat');
  expect(dnat).toBeGreaterThan(0);
  for (let i = 0; i < dnat; i++) await page.keyboard.press('ArrowRight');
  await sim.expectAt(trace, dnat);
  const changed = sim.panel.locator('.sim-field--changed').first();
  await expect(changed).toBeVisible();
  const r = await box(changed);
  const detail = await box(sim.panel.getByTestId('sim-detail'));
  // inside the panel's own view and the window: nothing to scroll to see it
  expect(r.y).toBeGreaterThanOrEqual(detail.y);
  expect(r.y + r.height).toBeLessThanOrEqual(Math.min(720, detail.y + detail.height));
  expect(await sim.panel.getByTestId('sim-detail').evaluate((e) => e.scrollTop)).toBe(0);
});
