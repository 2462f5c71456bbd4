import { expect, type Page, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

/**
 * The canvas's first picture (issue 11): React Flow is handed each card's size and handles and
 * opens at the fitted view, so it draws the world once, already fitted and wired, instead of
 * showing unfitted cards without cables and then moving them.
 */

interface Frame {
  edges: number;
  view: string;
  /** cables whose ends miss the handles of their cards (first frame only) */
  off?: string[];
}

/**
 * Records, from before the app's first script, every animation frame's canvas once cards are on it:
 * cables and view, and in the first such frame, which cables miss their handles. Each cable starts on
 * a handle of its source card and ends on one of its target card (the side's middle React Flow
 * anchors to), in flow coordinates. React Flow re-measures handles after that frame, so the first
 * frame is where handles handed over up front (flow.ts handlesOf) show.
 */
async function recordFrames(page: Page) {
  await page.addInitScript(() => {
    const cablesOff = (): string[] => {
      const vp = document.querySelector<HTMLElement>('.react-flow__viewport');
      const renderer = document.querySelector<HTMLElement>('.react-flow__renderer');
      const m = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)\s*scale\(([\d.]+)\)/.exec(vp?.style.transform ?? '');
      if (!m || !renderer) return ['no viewport'];
      const [tx, ty, z] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const origin = renderer.getBoundingClientRect();
      const anchors = (id: string) =>
        [...document.querySelectorAll<HTMLElement>(`.react-flow__node[data-id="${id}"] .react-flow__handle`)].map(
          (h) => {
            const r = h.getBoundingClientRect();
            const x = (r.left - origin.left - tx) / z;
            const y = (r.top - origin.top - ty) / z;
            const [hw, hh] = [h.offsetWidth, h.offsetHeight];
            const pos = h.dataset.handlepos;
            if (pos === 'top') return [x + hw / 2, y];
            if (pos === 'bottom') return [x + hw / 2, y + hh];
            if (pos === 'left') return [x, y + hh / 2];
            return [x + hw, y + hh / 2];
          },
        );
      const near = (p: number[], list: number[][]) => list.some((a) => Math.hypot(a[0] - p[0], a[1] - p[1]) < 0.75);
      const off: string[] = [];
      for (const e of document.querySelectorAll<SVGGElement>('.react-flow__edge')) {
        const ends = /^Edge from (.+) to (.+)$/.exec(e.getAttribute('aria-label') ?? '');
        const nums = (e.querySelector('path')?.getAttribute('d') ?? '').match(/-?[\d.]+/g)?.map(Number) ?? [];
        if (!ends || nums.length < 4) off.push(`${e.dataset.id}: unreadable`);
        else if (!near(nums.slice(0, 2), anchors(ends[1])) || !near(nums.slice(-2), anchors(ends[2])))
          off.push(`${e.dataset.id}: ${nums.slice(0, 2).join(',')} -> ${nums.slice(-2).join(',')}`);
      }
      return off;
    };
    const w = window as unknown as { __frames: Frame[] };
    w.__frames = [];
    const tick = () => {
      if (document.querySelector('.react-flow__node')) {
        const view = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
        const edges = document.querySelectorAll('.react-flow__edge path').length;
        w.__frames.push(w.__frames.length ? { edges, view } : { edges, view, off: cablesOff() });
      }
      if (w.__frames.length < 400) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * After a load: the first frame with cards had its cables, on their handles, at the view the
 * automatic fit settles on, and no frame showed another view.
 */
async function expectDrawnOnce(page: Page) {
  // the automatic fit has had its chance to move the view (useAutoFit: a few frames, then 300 ms)
  await page.waitForTimeout(1500);
  const frames = await page.evaluate(() => (window as unknown as { __frames: Frame[] }).__frames);
  const last = await page.locator('.react-flow__viewport').evaluate((v: HTMLElement) => v.style.transform);
  expect(frames.length).toBeGreaterThan(0);
  expect(frames[0].edges).toBeGreaterThan(0);
  expect(frames[0].off).toEqual([]);
  expect(frames[0].view).toBe(last);
  expect(frames.filter((f) => f.view !== last).length).toBe(0);
}

test('the first picture of the default world is fitted and wired, cables on their handles, and stays put', async ({
  page,
}) => {
  await recordFrames(page);
  await new AppPage(page).open();
  await expectDrawnOnce(page);
});

test('a saved world with containers, and with larger labels at 1920x1080, also opens drawn once', async ({ page }) => {
  await recordFrames(page);
  const app = new AppPage(page);
  await app.open();
  await app.seed(
    'docker network create appnet',
    'docker run -d --name web -p 8080:80 nginx',
    'docker run -d --name db --network appnet redis',
    'docker network connect appnet web',
  );
  // the autosave keeps the world for the reload
  await page.waitForTimeout(600);
  await app.open('', { keepStorage: true });
  await expect(app.container('web')).toBeVisible();
  await expectDrawnOnce(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByTestId('tool-large-labels').click();
  await app.open('', { keepStorage: true });
  await expect(page.getByTestId('tool-large-labels')).toHaveAttribute('aria-pressed', 'true');
  await expectDrawnOnce(page);
});
