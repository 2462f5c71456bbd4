import { expect, type Locator, type Page, test } from '@playwright/test';
import { sceneById } from '../../src/sim/scenes';
import { AppPage } from './pages/AppPage';
import { LessonPanel } from './pages/LessonPanel';
import { CURL, NAT } from './pages/natCurl';

/**
 * What the screenshots of issues 11 and 12 showed wrong, held by the page's own geometry: the
 * lesson step's question below the dock's fold at 1280x720, the traced command cut to "@pc1 …",
 * Compose names broken mid-word on their cards, the lesson's comments in English in the Korean console.
 */

const PF = sceneById('port-forwarding')!;
const COMPOSE = sceneById('compose-projects')!;
const LOCALHOST = sceneById('mis-localhost')!;

/** Whether `el` shows whole inside the visible box of `frame` (a scrolled panel's fold counts). */
async function wholeIn(el: Locator, frame: Locator): Promise<boolean> {
  const [a, b] = [await el.boundingBox(), await frame.boundingBox()];
  if (!a || !b) return false;
  return (
    a.y >= b.y - 0.5 &&
    a.y + a.height <= b.y + b.height + 0.5 &&
    a.x >= b.x - 0.5 &&
    a.x + a.width <= b.x + b.width + 0.5
  );
}

async function openLesson(page: Page, size: { width: number; height: number }, lang: 'en' | 'ko', id = PF.id) {
  await page.setViewportSize(size);
  const app = new AppPage(page);
  await app.open(`?lang=${lang}`);
  const sim = new LessonPanel(page);
  if (size.width < 900) await page.getByTestId('dock-tab-sim').click();
  const scene = sceneById(id)!;
  await (await sim.sceneItem(scene)).getByRole('button').first().click();
  return { app, sim, scene };
}

for (const lang of ['en', 'ko'] as const)
  test(`1280x720, ${lang}: a loaded lesson's step, its question and first answer are in the dock's view`, async ({
    page,
  }) => {
    const { sim } = await openLesson(page, { width: 1280, height: 720 }, lang);
    const guide = sim.panel.getByTestId('sim-guide');
    await expect(guide.getByTestId('sim-guide-ask')).toBeVisible();
    for (const el of [
      guide.getByTestId('sim-guide-count'),
      guide.getByTestId('sim-guide-say'),
      guide.getByTestId('sim-guide-ask').getByRole('button').first(),
    ])
      await expect.poll(() => wholeIn(el, sim.panel)).toBe(true);
    // the next step too
    await guide.getByTestId('sim-guide-next').click();
    await expect(guide.getByTestId('sim-guide-count')).toContainText('2');
    await expect.poll(() => wholeIn(guide.getByTestId('sim-guide-say'), sim.panel)).toBe(true);
  });

for (const size of [
  { width: 1280, height: 720 },
  { width: 768, height: 1024 },
])
  for (const lang of ['en', 'ko'] as const)
    test(`${size.width}x${size.height}, ${lang}: the traced command reads in full and the predict toggle is not cut`, async ({
      page,
    }) => {
      const { sim, scene } = await openLesson(page, size, lang);
      await sim.clickPacket(scene.packets[0].label[lang]);
      await sim.narration().click();
      await page.keyboard.press('End');
      const command = sim.panel.getByTestId('sim-command');
      await expect(command).toHaveText('@pc1 curl -s http://172.17.0.2/');
      await expect(command).toBeInViewport({ ratio: 1 });
      // no ellipsis: every character is drawn
      expect(await command.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
      const toggle = sim.panel.locator('.sim-predict-toggle');
      expect(await wholeIn(toggle, sim.panel)).toBe(true);
      expect(await toggle.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
    });

/** Where a card's name wraps: the character before each line break (none when on one line). */
async function breaksOf(name: Locator): Promise<string[]> {
  return name.evaluate((el) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const chars: { ch: string; top: number }[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        chars.push({ ch: text[i], top: r.getBoundingClientRect().top });
      }
    }
    for (let i = 1; i < chars.length; i++) if (chars[i].top > chars[i - 1].top + 2) out.push(chars[i - 1].ch);
    return out;
  });
}

for (const presenter of [false, true])
  test(`Compose names wrap after _ or -, never inside a word${presenter ? ', presenter 1920x1080' : ', 1280x720'}`, async ({
    page,
  }) => {
    const { app } = await openLesson(
      page,
      presenter ? { width: 1920, height: 1080 } : { width: 1280, height: 720 },
      'en',
      COMPOSE.id,
    );
    await expect(app.container('gloddy_server_app_1')).toBeVisible();
    if (presenter) await page.keyboard.press('p');
    await app.viewportStill();
    const names = page.locator('.react-flow__node .ctr-name, .react-flow__node .net-name');
    let wrapped = 0;
    for (const name of await names.all()) {
      const breaks = await breaksOf(name);
      wrapped += breaks.length;
      expect(
        breaks.filter((c) => !'_-./'.includes(c)),
        (await name.textContent()) ?? '',
      ).toEqual([]);
    }
    // the long ones do wrap (the check above looked at real breaks)
    expect(wrapped).toBeGreaterThan(0);
  });

test('Korean: a lesson’s script comments echo in Korean in the console', async ({ page }) => {
  const { app } = await openLesson(page, { width: 1280, height: 720 }, 'ko', LOCALHOST.id);
  await expect(app.container('client')).toBeVisible();
  await expect(app.consoleOutput).toContainText('# 8080으로 공개한 web, 그리고 curl이 있는 client 컨테이너');
  await expect(app.consoleOutput).not.toContainText('# web published on 8080');
});

for (const lang of ['en', 'ko'] as const)
  test(`1280x720, ${lang}: the matrix dialog's parts stack without overlapping once a cell is chosen`, async ({
    page,
  }) => {
    await openLesson(page, { width: 1280, height: 720 }, lang);
    await page.getByTestId('tool-matrix').click();
    const dlg = page.getByTestId('matrix-dialog');
    await expect(dlg.getByTestId('matrix-status')).toContainText('110', { timeout: 60_000 });
    await dlg.getByTestId('matrix-cell-pc1-nginx2').hover();
    await expect(dlg.getByTestId('matrix-play')).toBeVisible();
    // each part of the dialog below the one before it (the play button sat on the networks' heading)
    const boxes = await dlg.evaluate((d) =>
      [...d.children].map((c) => {
        const r = c.getBoundingClientRect();
        return { cls: c.className, top: r.top, bottom: r.bottom, content: c.scrollHeight - c.clientHeight };
      }),
    );
    for (let i = 1; i < boxes.length; i++)
      expect(boxes[i].top, `${boxes[i].cls} under ${boxes[i - 1].cls}`).toBeGreaterThanOrEqual(
        boxes[i - 1].bottom - 0.5,
      );
    const play = (await dlg.getByTestId('matrix-play').boundingBox())!;
    const nets = (await dlg.getByTestId('matrix-networks').boundingBox())!;
    expect(play.y + play.height).toBeLessThanOrEqual(nets.y + 0.5);
  });

/** How far the matrix's grid scrolls inside its dialog, across and down (0 when it fits whole). */
async function gridOverflow(dlg: Locator) {
  return dlg.locator('.mx-scroll').evaluate((s) => ({
    across: s.scrollWidth - s.clientWidth,
    down: s.scrollHeight - s.clientHeight,
  }));
}

for (const lang of ['en', 'ko'] as const)
  for (const [world, cells] of [
    ['default', '30'],
    [PF.id, '110'],
  ] as const)
    test(`1280x720, ${lang}, the ${world === 'default' ? 'default World' : 'port-forwarding lesson'}: the who-can-talk-to-whom grid fits its dialog whole, ping and HTTP (no scroll inside it)`, async ({
      page,
    }) => {
      if (world === 'default') {
        await page.setViewportSize({ width: 1280, height: 720 });
        await new AppPage(page).open(`?lang=${lang}`);
      } else await openLesson(page, { width: 1280, height: 720 }, lang);
      await page.getByTestId('tool-matrix').click();
      const dlg = page.getByTestId('matrix-dialog');
      await expect(dlg.getByTestId('matrix-status')).toContainText(cells, { timeout: 60_000 });
      await dlg.getByTestId('matrix-cell-pc1-remote').hover();
      await expect(dlg.getByTestId('matrix-play')).toBeVisible();
      // the port-forwarding lesson's 11 × 11 grid scrolled 88 px down and 19 px across
      expect(await gridOverflow(dlg)).toEqual({ across: 0, down: 0 });
      // HTTP: pc1 → nginx2 lists two tries (the container's address, then the published port)
      await dlg.getByTestId('matrix-mode-http').check();
      const two = world === 'default' ? 'matrix-cell-pc1-google.com' : 'matrix-cell-pc1-nginx2';
      await dlg.getByTestId(two).hover();
      await expect(dlg.getByTestId('matrix-play')).toBeVisible({ timeout: 30_000 });
      expect(await gridOverflow(dlg)).toEqual({ across: 0, down: 0 });
      const box = (await dlg.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(720);
    });

test('1280x720: the dock dragged taller and back, the world is fitted to the canvas each time (no blank cards left)', async ({
  page,
}) => {
  const { app } = await openLesson(page, { width: 1280, height: 720 }, 'en');
  await expect(app.container('greenColorApp')).toBeVisible();
  const zoom = () =>
    page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);
  // past the fit that follows a lesson's load
  await page.waitForTimeout(2500);
  await app.viewportStill();
  const first = await zoom();
  const splitter = page.getByTestId('dock-splitter');
  await splitter.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowUp');
  // the whole world would fit only below the compact floor under the tall dock: the fit shows the
  // Docker host instead, smaller than before and still readable (fit.ts fitTarget)
  await expect.poll(zoom).toBeLessThan(first - 0.01);
  await app.viewportStill();
  await expect(page.getByTestId('canvas')).not.toHaveAttribute('data-detail', 'none');
  await page.waitForTimeout(2500);
  await splitter.focus();
  await page.keyboard.press('Home');
  await expect.poll(zoom).toBeGreaterThan(first - 0.01);
  await expect(page.getByTestId('canvas')).not.toHaveAttribute('data-detail', 'none');
});

for (const lang of ['en', 'ko'] as const)
  test(`768x1024, ${lang}: a row of the event list clicked, the step's header diff is in view (the detail column had scrolled it away)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 768, height: 1024 });
    const app = new AppPage(page);
    await app.open(`?lang=${lang}`);
    await app.seed(...NAT.script.filter((l) => !l.startsWith('#')));
    await app.type(CURL);
    await page.getByTestId('dock-tab-sim').click();
    const detail = page.getByTestId('sim-detail');
    // down to the list, as a student scrolls to reach a row
    const row = detail
      .getByTestId('sim-event')
      .filter({ has: page.locator('.sim-event__action[data-action="dnat"]') })
      .first();
    await row.scrollIntoViewIfNeeded();
    const headers = detail.getByTestId('sim-headers');
    expect(await wholeIn(headers.locator('h3'), detail)).toBe(false);
    await row.click();
    const changed = headers.locator('.sim-field--changed').first();
    await expect(changed).toBeVisible();
    // the rewritten destination, before → after, whole in the column's visible part and on screen
    await expect.poll(() => wholeIn(changed, detail)).toBe(true);
    await expect(changed).toBeInViewport({ ratio: 1 });
    await expect(changed).toContainText('→');
  });
