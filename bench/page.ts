import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { type InitialJs, initialJs } from './initialJs';
import {
  type CanvasGraph,
  dragInCircle,
  firstDraw,
  framesFor,
  grabPoint,
  scrapeGraph,
  watchFirstDraw,
} from './pageDriver';
import type { HotFunction } from './profile';
import { scratchDir, viteBuild, vitePreview } from './serve';
import { median, ratio } from './stats';
import { measureWindow, type WindowStats } from './window';

/** Chromium flags of the bench (as playwright.config.ts uses for the e2e tests). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const VIEWPORT = { width: 1280, height: 720 };

export interface PageOptions {
  port: number;
  barePort: number;
  containers: number;
  networks: number;
  /** how long each frame-time window lasts */
  frameMs: number;
  /** cold loads of the default world (fresh context each) */
  loads: number;
  /** when set: an unminified build, and a CDP CPU profile of each window written here */
  profileDir?: string;
}

type Hot = { dir: string; hot: Record<string, HotFunction[]> } | undefined;

/** One canvas under test. */
export interface CanvasFigures {
  nodes: number;
  edges: number;
  idle: WindowStats;
  animate: WindowStats;
  drag: WindowStats;
  /** the dragged node's position changed under the mouse (the drag was real) */
  dragMoved: boolean;
}

export interface PageFigures {
  chromium: string;
  viewport: typeof VIEWPORT;
  loadMedianMs: number;
  loadSamplesMs: number[];
  fcpMedianMs: number;
  containers: number;
  /** the bare page gets the app's own nodes (ids, positions, sizes) and edges */
  ours: CanvasFigures & { stillPlaying: boolean };
  bare: CanvasFigures;
  ratio: {
    animateP50: number;
    animateP95: number;
    dragP50: number;
    dragP95: number;
    animateBusy: number;
    dragBusy: number;
  };
  initialJs: InitialJs;
  profiles?: Record<string, HotFunction[]>;
}

async function newContext(browser: Browser): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', colorScheme: 'light' });
  // tsx compiles this file with esbuild's keepNames: functions sent to the page call its __name helper
  await ctx.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return ctx;
}

/** Cold loads of the app: ms from navigation start to the frame that painted the default world. */
async function loadTimes(browser: Browser, url: string, n: number): Promise<{ drawn: number[]; fcp: number[] }> {
  const drawn: number[] = [];
  const fcp: number[] = [];
  for (let i = 0; i < n; i++) {
    const ctx = await newContext(browser);
    await watchFirstDraw(ctx, '[data-testid="node-docker-host"]');
    const page = await ctx.newPage();
    await page.goto(url);
    const d = await firstDraw(page);
    drawn.push(d.drawnMs);
    fcp.push(d.fcpMs);
    await ctx.close();
  }
  return { drawn, fcp };
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
const api = (page: Page) => ({
  gesture: (lines: string[]) =>
    page.evaluate((l) => (window as unknown as { __whalewire: Api }).__whalewire.gesture(l), lines),
  run: (line: string) => page.evaluate((l) => (window as unknown as { __whalewire: Api }).__whalewire.run(l), line),
});

/** Drags `id` around a circle and measures the window. */
async function dragWindow(page: Page, id: string, name: string, opts: PageOptions, prof: Hot) {
  const at = await grabPoint(page, id);
  let moved = false;
  const stats = await measureWindow(
    page,
    name,
    async () => {
      const r = await dragInCircle(page, id, at, 60, opts.frameMs);
      moved = r.moved;
      return r.stamps;
    },
    prof,
  );
  return { stats, moved };
}

async function measureOurs(browser: Browser, url: string, opts: PageOptions, prof: Hot) {
  const ctx = await newContext(browser);
  await watchFirstDraw(ctx, '[data-testid="node-docker-host"]');
  const page = await ctx.newPage();
  await page.goto(url);
  await firstDraw(page);
  // one store update through the test API, as a gesture of many lines
  if (!(await api(page).gesture(seedLines(opts.containers, opts.networks))))
    throw new Error('seeding the canvas through window.__whalewire.gesture failed');
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid^="container-c"]').length >= n,
    opts.containers,
    {
      timeout: 60_000,
    },
  );
  // the app re-fits the view when containers appear (60 ms later, a 300 ms transition)
  await page.waitForTimeout(1500);
  const graph = await scrapeGraph(page, '[data-testid="canvas"]');
  const idle = await measureWindow(page, 'ours-idle', () => framesFor(page, 1000));

  // a packet: ping between two containers on n0, played at the default speed
  const ping = `docker exec c0 ping -c 4 c${opts.networks}`;
  const r = await api(page).run(ping);
  if (r.exitCode !== 0) throw new Error(`${ping} failed in the page: ${r.output}`);
  const dock = page.getByTestId('sim-dock');
  await dock.getByRole('button', { name: 'Play', exact: true }).click();
  await page.mouse.move(5, VIEWPORT.height - 5);
  const animate = await measureWindow(page, 'ours-animate', () => framesFor(page, opts.frameMs), prof);
  const pause = dock.getByRole('button', { name: 'Pause', exact: true });
  const stillPlaying = await pause.isVisible();
  if (stillPlaying) await pause.click();

  const name = `c${Math.floor(opts.containers / 2)}`;
  const dragId = await page.evaluate(
    (sel) => document.querySelector(sel)?.closest<HTMLElement>('.react-flow__node')?.dataset.id,
    `[data-testid="container-${name}"]`,
  );
  if (!dragId) throw new Error(`no node for container ${name}`);
  const drag = await dragWindow(page, dragId, 'ours-drag', opts, prof);
  await ctx.close();
  const figures = {
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    idle,
    animate,
    drag: drag.stats,
    dragMoved: drag.moved,
    stillPlaying,
  };
  return { graph, dragId, figures };
}

async function measureBare(
  browser: Browser,
  url: string,
  graph: CanvasGraph,
  dragId: string,
  opts: PageOptions,
  prof: Hot,
): Promise<CanvasFigures> {
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
  const idle = await measureWindow(page, 'bare-idle', () => framesFor(page, 1000));
  const animateOn = (on: boolean) =>
    page.evaluate((o) => (window as unknown as { __benchAnimate: (on: boolean) => void }).__benchAnimate(o), on);
  await animateOn(true);
  const animate = await measureWindow(page, 'bare-animate', () => framesFor(page, opts.frameMs), prof);
  await animateOn(false);
  const drag = await dragWindow(page, dragId, 'bare-drag', opts, prof);
  await ctx.close();
  return {
    nodes: drawn.nodes.length,
    edges: drawn.edges.length,
    idle,
    animate,
    drag: drag.stats,
    dragMoved: drag.moved,
  };
}

/**
 * Builds the app and the bare page into a scratch directory, serves both with `vite preview`
 * and measures them in one Chromium: load time, frame times with `containers` containers while a
 * packet animates and while a container is dragged, the same on the bare page, and initial JS.
 */
export async function benchPage(opts: PageOptions): Promise<PageFigures> {
  const scratch = scratchDir();
  const appDir = join(scratch.dir, 'app');
  const bareDir = join(scratch.dir, 'bare');
  const minify = !opts.profileDir;
  viteBuild(appDir, { minify });
  viteBuild(bareDir, { config: 'vite.bench.config.ts', minify });
  // always measured on a minified build, as it ships
  const minDir = minify ? appDir : join(scratch.dir, 'min');
  if (!minify) viteBuild(minDir);
  const js = initialJs(minDir);
  const app = await vitePreview(appDir, opts.port);
  const bare = await vitePreview(bareDir, opts.barePort, 'vite.bench.config.ts').catch(async (e) => {
    await app.stop();
    throw e;
  });
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath: executablePath || undefined, args: CHROMIUM_ARGS });
  try {
    const profiles: Record<string, HotFunction[]> = {};
    const prof: Hot = opts.profileDir ? { dir: opts.profileDir, hot: profiles } : undefined;
    const loads = await loadTimes(browser, app.url, opts.loads);
    const ours = await measureOurs(browser, app.url, opts, prof);
    const b = await measureBare(browser, bare.url, ours.graph, ours.dragId, opts, prof);
    const o = ours.figures;
    return {
      chromium: browser.version(),
      viewport: VIEWPORT,
      loadMedianMs: median(loads.drawn),
      loadSamplesMs: loads.drawn,
      fcpMedianMs: median(loads.fcp),
      containers: opts.containers,
      ours: o,
      bare: b,
      ratio: {
        animateP50: ratio(o.animate.p50Ms, b.animate.p50Ms),
        animateP95: ratio(o.animate.p95Ms, b.animate.p95Ms),
        dragP50: ratio(o.drag.p50Ms, b.drag.p50Ms),
        dragP95: ratio(o.drag.p95Ms, b.drag.p95Ms),
        animateBusy: ratio(o.animate.busyMsPerFrame, b.animate.busyMsPerFrame),
        dragBusy: ratio(o.drag.busyMsPerFrame, b.drag.busyMsPerFrame),
      },
      initialJs: js,
      ...(opts.profileDir ? { profiles } : {}),
    };
  } finally {
    await browser.close();
    await app.stop();
    await bare.stop();
    scratch.dispose();
  }
}
