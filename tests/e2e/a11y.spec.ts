import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { sceneById } from '../../src/sim/scenes';
import { AppPage } from './pages/AppPage';
import { LessonPanel } from './pages/LessonPanel';

/**
 * axe-core (WCAG 2.1 A and AA) on the main screen, en and ko (issue 11): the default page, then the
 * port-forwarding lesson with a packet playing, the console overflowing and the packet list open;
 * and the tablet's stacked layout. No serious or critical finding.
 */

const PF = sceneById('port-forwarding')!;

async function serious(page: Page) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.setTimeout(180_000);

for (const lang of ['en', 'ko'] as const) {
  test(`axe, ${lang}, 1280x720: the default page and a lesson playing, nothing serious`, async ({ page }) => {
    const app = new AppPage(page);
    await app.open(`?lang=${lang}`);
    expect(await serious(page)).toEqual([]);

    const sim = new LessonPanel(page);
    const item = sim.panel.getByTestId(`sim-scene-${PF.id}`);
    await item.getByRole('button').first().click();
    await expect(app.container('greenColorApp')).toBeVisible();
    // the lesson's lines overflow the console: its output scrolls
    expect(await app.consoleOutput.evaluate((e) => e.scrollHeight > e.clientHeight)).toBe(true);
    await sim.clickPacket(PF.packets[1].label[lang]);
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    await sim.panel.getByTestId('sim-lesson-packets-open').click();
    expect(await serious(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('insp-close').click();
    expect(await serious(page)).toEqual([]);
  });

  test(`axe, ${lang}, 768x1024: the stacked layout, both tabs, nothing serious`, async ({ page }) => {
    await page.setViewportSize({ width: 768, height: 1024 });
    const app = new AppPage(page);
    await app.open(`?lang=${lang}`);
    expect(await serious(page)).toEqual([]);
    await page.getByTestId('dock-tab-sim').click();
    expect(await serious(page)).toEqual([]);
  });
}

test('axe, the seed 001 swarm fitted (the hosts overview) and zoomed to a host, nothing serious', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?lang=ko');
  const item = await new LessonPanel(page).sceneItem(sceneById('seed001-swarm')!);
  await item.getByRole('button').first().click();
  await expect(page.getByTestId('node-docker-host-3')).toBeVisible();
  await app.fit();
  await expect(page.getByTestId('overview-docker-host-2')).toBeVisible();
  expect(await serious(page)).toEqual([]);
  // the overview's cards and buttons in the dark theme too (its light blue takes dark text)
  await page.getByTestId('tool-theme').click();
  await expect(page.locator(':root[data-theme="dark"]')).toHaveCount(1);
  const dark = await new AxeBuilder({ page })
    .include('[data-testid="hosts-overview"]')
    .withTags(['wcag2a', 'wcag2aa'])
    .analyze();
  expect(dark.violations.map((v) => v.id)).toEqual([]);
  await page.getByTestId('tool-theme').click();
  await page.getByRole('button', { name: 'docker-host-2 호스트 확대' }).click();
  await expect(page.getByTestId('overview-docker-host-2')).toHaveCount(0);
  expect(await serious(page)).toEqual([]);
});

for (const lang of ['en', 'ko'] as const)
  test(`axe, ${lang}: the challenges dialog, a challenge started and checked, nothing serious`, async ({ page }) => {
    const app = new AppPage(page);
    await app.open(`?lang=${lang}`);
    await page.getByTestId('tool-matrix').click();
    await page.getByTestId('classroom-tab-challenges').click();
    const dlg = page.getByTestId('challenges-dialog');
    await expect(dlg).toBeVisible();
    expect(await serious(page)).toEqual([]);
    await dlg.getByTestId('challenge-start-publish-8080').click();
    await dlg.getByTestId('challenge-check').click();
    await expect(dlg.getByTestId('challenge-goal-0')).toHaveAttribute('data-ok', 'false');
    expect(await serious(page)).toEqual([]);
  });

test('axe, the Docker Desktop world: its lesson loaded, a question answered and played, nothing serious', async ({
  page,
}) => {
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await app.open();
  await sim.loadScene(sceneById('desktop-172')!);
  await expect(page.getByText('docker-desktop', { exact: true }).first()).toBeVisible();
  expect(await serious(page)).toEqual([]);
  const guide = sim.panel.getByTestId('sim-guide');
  await guide.getByTestId('sim-guide-ask').getByRole('button').first().click();
  await page.keyboard.press('End');
  await expect(guide.getByTestId('sim-guide-verdict')).toBeVisible();
  expect(await serious(page)).toEqual([]);
});

for (const lang of ['en', 'ko'] as const)
  test(`axe, ${lang}, presenter 1920x1080 (P): a lesson loaded, its packet played, nothing serious`, async ({
    page,
  }) => {
    await new LessonPanel(page).presentLesson(PF, lang);
    expect(await serious(page)).toEqual([]);
    // in presenter mode the guide sits beside the canvas, outside the simulation panel
    const guide = page.getByTestId('sim-guide');
    await guide.getByTestId('sim-guide-ask').getByRole('button').first().click();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    expect(await serious(page)).toEqual([]);
    await page.keyboard.press('End');
    await expect(guide.getByTestId('sim-guide-verdict')).toBeVisible();
    expect(await serious(page)).toEqual([]);
  });

test('axe, ko: a new Docker Desktop project from the Project dialog, nothing serious', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?lang=ko');
  await page.getByTestId('tool-project').click();
  await page.getByTestId('project-new-desktop').click();
  await expect(page.getByText('docker-desktop', { exact: true }).first()).toBeVisible();
  expect(await serious(page)).toEqual([]);
});
