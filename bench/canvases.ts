import type { Browser, BrowserContext, Page } from '@playwright/test';
import { type CanvasGraph, firstDraw, scrapeGraph, watchFirstDraw } from './pageDriver';

/** Viewport of every page in the bench. */
export const VIEWPORT = { width: 1280, height: 720 };

/** A page with a canvas ready to measure: the app with its containers, or the bare page. */
export interface CanvasUnderTest {
  page: Page;
  graph: CanvasGraph;
  /** the React Flow id of the node to drag */
  dragId: string;
  /** starts or stops the moving marker (the app: Play / Pause of a real trace) */
  animate: (on: boolean) => Promise<void>;
  /** whether the marker is still moving (the app's trace may end) */
  animating: () => Promise<boolean>;
  close: () => Promise<void>;
}

/** A fresh context: no autosave from an earlier page, English UI, light theme. */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', colorScheme: 'light' });
  // tsx compiles the bench with esbuild's keepNames: functions sent to the page call its __name helper
  await ctx.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return ctx;
}

/** The console lines that put `containers` containers over `networks` user-defined bridges. */
export function seedLines(containers: number, networks: number): string[] {
  const lines: string[] = [];
  for (let n = 0; n < networks; n++) lines.push(`docker network create n${n}`);
  for (let i = 0; i < containers; i++)
    lines.push(`docker run -dit --name c${i} --network n${i % networks} ${i % 2 ? 'nginx' : 'nicolaka/netshoot'}`);
  return lines;
}

type Api = { gesture: (l: string[]) => boolean; run: (l: string) => { exitCode: number; output: string } };

/**
 * The app with `containers` containers, seeded in one store update through `window.__whalewire`,
 * and a trace loaded: `docker exec c0 ping -c 4 cN` between two containers on one bridge.
 */
export async function openApp(
  browser: Browser,
  url: string,
  containers: number,
  networks: number,
): Promise<CanvasUnderTest> {
  const ctx = await newContext(browser);
  await watchFirstDraw(ctx, '[data-testid="node-docker-host"]');
  const page = await ctx.newPage();
  await page.goto(url);
  await firstDraw(page);
  // the test API arrives with the engine, which loads after the first paint
  await page.waitForFunction(
    () => 'gesture' in ((window as unknown as { __whalewire?: object }).__whalewire ?? {}),
    null,
    {
      timeout: 60_000,
    },
  );
  const seeded = await page.evaluate(
    (l) => (window as unknown as { __whalewire: Api }).__whalewire.gesture(l),
    seedLines(containers, networks),
  );
  if (!seeded) throw new Error('seeding the canvas through window.__whalewire.gesture failed');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="container-c"]').length >= n, containers, {
    timeout: 60_000,
  });
  // the app re-fits the view when containers appear (60 ms later, a 300 ms transition)
  await page.waitForTimeout(1500);
  const graph = await scrapeGraph(page, '[data-testid="canvas"]');
  const ping = `docker exec c0 ping -c 4 c${networks}`;
  const r = await page.evaluate((l) => (window as unknown as { __whalewire: Api }).__whalewire.run(l), ping);
  if (r.exitCode !== 0) throw new Error(`${ping} failed in the page: ${r.output}`);
  const name = `c${Math.floor(containers / 2)}`;
  const dragId = await page.evaluate(
    (sel) => document.querySelector(sel)?.closest<HTMLElement>('.react-flow__node')?.dataset.id,
    `[data-testid="container-${name}"]`,
  );
  if (!dragId) throw new Error(`no node for container ${name}`);
  const dock = page.getByTestId('sim-dock');
  const pause = dock.getByRole('button', { name: 'Pause', exact: true });
  return {
    page,
    graph,
    dragId,
    animate: async (on) => {
      const playing = await pause.isVisible();
      if (on && !playing) await dock.getByRole('button', { name: 'Play', exact: true }).click();
      if (!on && playing) await pause.click();
      // the pointer rests off the canvas, so no hover effect runs during the window
      await page.mouse.move(5, VIEWPORT.height - 5);
    },
    animating: () => pause.isVisible(),
    close: () => ctx.close(),
  };
}

/** The bare React Flow page drawing `graph` (the app's own nodes and edges) with default nodes. */
export async function openBare(
  browser: Browser,
  url: string,
  graph: CanvasGraph,
  dragId: string,
): Promise<CanvasUnderTest> {
  const ctx = await newContext(browser);
  await ctx.addInitScript((g) => {
    (window as unknown as { __benchGraph: CanvasGraph }).__benchGraph = g;
  }, graph);
  await watchFirstDraw(ctx, '[data-testid="bare-canvas"]');
  const page = await ctx.newPage();
  await page.goto(url);
  await firstDraw(page);
  await page.waitForTimeout(500);
  const drawn = await scrapeGraph(page, '[data-testid="bare-canvas"]');
  let on = false;
  return {
    page,
    graph: drawn,
    dragId,
    animate: async (v) => {
      on = v;
      await page.evaluate((o) => (window as unknown as { __benchAnimate: (on: boolean) => void }).__benchAnimate(o), v);
    },
    animating: async () => on,
    close: () => ctx.close(),
  };
}
