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
 * animation frame where React Flow shows measured nodes (none hidden), their cables (edges), a
 * fitted viewport and `selector`; it resolves with that frame's timestamp and the next one's (the frame that painted it).
 */
export async function watchFirstDraw(context: BrowserContext, selector: string): Promise<void> {
  await context.addInitScript((sel: string) => {
    const w = window as unknown as { __benchDrawn: Promise<{ seen: number; painted: number; nodes: number }> };
    w.__benchDrawn = new Promise((resolve) => {
      const tick = (t: number) => {
        const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
        const vp = document.querySelector<HTMLElement>('.react-flow__viewport');
        const fitted = vp?.style.transform && vp.style.transform !== 'translate(0px, 0px) scale(1)';
        // a canvas whose nodes are drawn before their cables is not drawn yet
        const wired = document.querySelector('.react-flow__edge path') !== null;
        const ready = nodes.length > 0 && wired && [...nodes].every((n) => n.style.visibility !== 'hidden');
        if (ready && fitted && document.querySelector(sel)) {
          requestAnimationFrame((t2) => {
            // a mark in the page's timeline, where a trace of the load (bench/slowTrace.ts) finds it
            performance.mark('bench-drawn');
            resolve({ seen: t, painted: t2, nodes: nodes.length });
          });
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

/** Presses on (x, y) and moves past React Flow's drag threshold: a drag of that node is under way. */
export async function startDrag(page: Page, at: { x: number; y: number }): Promise<void> {
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x + 4, at.y, { steps: 2 });
  await sleep(50);
}

/**
 * During a drag begun at `at`: one real mouse move every ~16 ms around a circle of `radius` px for
 * `ms`, back where it began. Returns the frames of that time and whether node `id` moved with the mouse.
 */
export async function circleMoves(
  page: Page,
  id: string,
  at: { x: number; y: number },
  radius: number,
  ms: number,
): Promise<{ stamps: number[]; moved: boolean }> {
  const before = await nodeTransform(page, id);
  let during: string | null = before;
  await startFrames(page);
  const t0 = Date.now();
  let i = 0;
  while (Date.now() - t0 < ms) {
    const a = (i++ / 60) * 2 * Math.PI;
    const t = Date.now();
    await page.mouse.move(at.x + radius * Math.sin(a), at.y - radius * (1 - Math.cos(a)));
    if (i === 30) during = await nodeTransform(page, id);
    await sleep(Math.max(0, 16 - (Date.now() - t)));
  }
  const stamps = await stopFrames(page);
  await page.mouse.move(at.x + 4, at.y);
  return { stamps, moved: during !== before };
}

/** Releases the mouse where the drag began (the node goes back to its place: no docker command). */
export async function endDrag(page: Page, at: { x: number; y: number }): Promise<void> {
  await page.mouse.move(at.x, at.y, { steps: 2 });
  await page.mouse.up();
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
