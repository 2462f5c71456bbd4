import type { BrowserContext, Page } from '@playwright/test';

/**
 * What the page benchmarks do inside a page. Functions passed to `page.evaluate` run in the
 * browser, so they only use what they are given.
 */

/** Node and edge geometry scraped from a drawn React Flow canvas (flow coordinates, unscaled sizes). */
export interface CanvasGraph {
  width: number;
  height: number;
  nodes: { id: string; x: number; y: number; w: number; h: number }[];
  edges: { id: string; source: string; target: string }[];
}

/**
 * Installs, before any page script, a watcher that resolves `window.__benchDrawn` on the first
 * animation frame where React Flow shows measured nodes (none hidden), a fitted viewport and
 * `selector`; it resolves with that frame's timestamp and the next one's (the frame that painted it).
 */
export async function watchFirstDraw(context: BrowserContext, selector: string): Promise<void> {
  await context.addInitScript((sel: string) => {
    const w = window as unknown as { __benchDrawn: Promise<{ seen: number; painted: number; nodes: number }> };
    w.__benchDrawn = new Promise((resolve) => {
      const tick = (t: number) => {
        const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
        const vp = document.querySelector<HTMLElement>('.react-flow__viewport');
        const fitted = vp?.style.transform && vp.style.transform !== 'translate(0px, 0px) scale(1)';
        const ready = nodes.length > 0 && [...nodes].every((n) => n.style.visibility !== 'hidden');
        if (ready && fitted && document.querySelector(sel)) {
          requestAnimationFrame((t2) => resolve({ seen: t, painted: t2, nodes: nodes.length }));
        } else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }, selector);
}

/** Waits for the watcher above; returns ms from navigation start to the painted frame, and FCP. */
export async function firstDraw(page: Page): Promise<{ drawnMs: number; fcpMs: number; nodes: number }> {
  return page.evaluate(async () => {
    const w = window as unknown as { __benchDrawn: Promise<{ seen: number; painted: number; nodes: number }> };
    const d = await w.__benchDrawn;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
    return { drawnMs: d.painted, fcpMs: fcp, nodes: d.nodes };
  });
}

/** Starts collecting requestAnimationFrame timestamps in the page. */
export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __benchRec?: { stamps: number[]; run: boolean } };
    const rec = { stamps: [] as number[], run: true };
    w.__benchRec = rec;
    const loop = (t: number) => {
      if (!rec.run) return;
      rec.stamps.push(t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
}

/** Stops the collection and returns the timestamps. */
export async function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __benchRec?: { stamps: number[]; run: boolean } };
    if (!w.__benchRec) return [];
    w.__benchRec.run = false;
    return w.__benchRec.stamps;
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The transform React Flow gave node `id` (its flow position), or null. */
const nodeTransform = (page: Page, id: string) =>
  page.evaluate(
    (i) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${i}"]`)?.style.transform ?? null,
    id,
  );

/**
 * Drags node `id` with real mouse events: press at (x, y), then one move every ~16 ms around a
 * circle of `radius` px for `ms`, back to the start, release. Collects frames from the first move
 * to the last, and whether the node really moved under the mouse.
 */
export async function dragInCircle(
  page: Page,
  id: string,
  at: { x: number; y: number },
  radius: number,
  ms: number,
): Promise<{ stamps: number[]; moved: boolean }> {
  const { x, y } = at;
  const before = await nodeTransform(page, id);
  await page.mouse.move(x, y);
  await page.mouse.down();
  // leave the drag threshold before measuring, so the frames are those of an ongoing drag
  await page.mouse.move(x + 4, y, { steps: 2 });
  await sleep(50);
  await startFrames(page);
  const t0 = Date.now();
  let i = 0;
  let during: string | null = before;
  while (Date.now() - t0 < ms) {
    const a = (i++ / 60) * 2 * Math.PI;
    const t = Date.now();
    await page.mouse.move(x + radius * Math.sin(a), y - radius * (1 - Math.cos(a)));
    if (i === 30) during = await nodeTransform(page, id);
    await sleep(Math.max(0, 16 - (Date.now() - t)));
  }
  const stamps = await stopFrames(page);
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.up();
  return { stamps, moved: during !== before };
}

/** Collects frames for `ms` while whatever the page is doing goes on. */
export async function framesFor(page: Page, ms: number): Promise<number[]> {
  await startFrames(page);
  await sleep(ms);
  return stopFrames(page);
}

/** Nodes and edges as React Flow drew them in the element matched by `canvas`. */
export async function scrapeGraph(page: Page, canvas: string): Promise<CanvasGraph> {
  return page.evaluate((sel: string) => {
    const root = document.querySelector<HTMLElement>(sel);
    if (!root) throw new Error(`no ${sel}`);
    const box = root.getBoundingClientRect();
    const nodes = [...root.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => {
      const m = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(el.style.transform);
      return {
        id: el.dataset.id ?? '',
        x: m ? Number(m[1]) : 0,
        y: m ? Number(m[2]) : 0,
        w: el.offsetWidth,
        h: el.offsetHeight,
      };
    });
    const edges = [...root.querySelectorAll<SVGGElement>('.react-flow__edge')].map((el) => {
      const m = /^Edge from (.+) to (.+)$/.exec(el.getAttribute('aria-label') ?? '');
      return { id: el.dataset.id ?? '', source: m?.[1] ?? '', target: m?.[2] ?? '' };
    });
    return { width: Math.round(box.width), height: Math.round(box.height), nodes, edges };
  }, canvas);
}

/** Screen point to grab a node by: the middle of its top quarter (a card's header, not a port or handle). */
export async function grabPoint(page: Page, nodeId: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`.react-flow__node[data-id="${nodeId}"]`).boundingBox();
  if (!box) throw new Error(`node ${nodeId} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + Math.max(2, box.height / 4) };
}
