import { join } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium';
import { type CanvasUnderTest, newContext, openApp, openBare, VIEWPORT } from './canvases';
import { type InitialJs, initialJs } from './initialJs';
import { circleMoves, endDrag, firstDraw, framesFor, grabPoint, startDrag, watchFirstDraw } from './pageDriver';
import { type SlowLoadFigures, slowLoads } from './pageSlow';
import type { HotFunction } from './profile';
import { scratchDir, viteBuild, vitePreview } from './serve';
import { median, ratio } from './stats';
import { measureWindow, type ProfileSink, pool, type WindowSample, type WindowStats } from './window';

export { CHROMIUM_ARGS };

export interface PageOptions {
  port: number;
  barePort: number;
  containers: number;
  networks: number;
  /** how long each frame-time window lasts */
  frameMs: number;
  /** windows per measure and canvas */
  repeats: number;
  /** cold loads of the default world (fresh context each) */
  loads: number;
  /** slow-laptop loads of each page (pageSlow.ts); 0 skips them */
  slowLoads: number;
  /** when set: an unminified build, and a CDP CPU profile of each window written here */
  profileDir?: string;
}

/** One canvas under test. */
export interface CanvasFigures {
  nodes: number;
  edges: number;
  idle: WindowStats;
  animate: WindowStats;
  drag: WindowStats;
  /** the dragged node's position changed under the mouse in every drag (the drags were real) */
  dragMoved: boolean;
}

export interface PageFigures {
  chromium: string;
  viewport: typeof VIEWPORT;
  loadMedianMs: number;
  loadSamplesMs: number[];
  fcpMedianMs: number;
  containers: number;
  /** windows per measure, each `windowMs` long, alternating app and bare page */
  repeats: number;
  windowMs: number;
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
  /** time to the default world drawn on a slow laptop, ours and the bare page's (pageSlow.ts) */
  slow?: SlowLoadFigures;
  profiles?: Record<string, HotFunction[]>;
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

/** Frames while the canvas' marker moves. */
async function animateWindow(c: CanvasUnderTest, name: string, ms: number, prof: ProfileSink) {
  await c.animate(true);
  const sample = await measureWindow(c.page, name, () => framesFor(c.page, ms), prof);
  const still = await c.animating();
  await c.animate(false);
  return { sample, still };
}

/** Frames while a node is dragged in circles by real mouse moves (press and release outside the window). */
async function dragWindow(c: CanvasUnderTest, name: string, ms: number, prof: ProfileSink) {
  const at = await grabPoint(c.page, c.dragId);
  await startDrag(c.page, at);
  let moved = false;
  const sample = await measureWindow(
    c.page,
    name,
    async () => {
      const r = await circleMoves(c.page, c.dragId, at, 60, ms);
      moved = r.moved;
      return r.stamps;
    },
    prof,
  );
  await endDrag(c.page, at);
  return { sample, moved };
}

/** Idle, animating and dragging windows on both canvases, alternating so both see the same machine load. */
async function measureBoth(ours: CanvasUnderTest, bare: CanvasUnderTest, opts: PageOptions, prof: ProfileSink) {
  const both = [ours, bare] as const;
  const acc = both.map(() => ({
    idle: [] as WindowSample[],
    animate: [] as WindowSample[],
    drag: [] as WindowSample[],
    moved: true,
    still: true,
  }));
  for (const [i, c] of both.entries())
    acc[i].idle.push(await measureWindow(c.page, 'idle', () => framesFor(c.page, 1000)));
  for (let r = 0; r < opts.repeats; r++) {
    for (const [i, c] of both.entries()) {
      const a = await animateWindow(c, `${i ? 'bare' : 'ours'}-animate-${r}`, opts.frameMs, prof);
      acc[i].animate.push(a.sample);
      acc[i].still &&= a.still;
    }
    for (const [i, c] of both.entries()) {
      const d = await dragWindow(c, `${i ? 'bare' : 'ours'}-drag-${r}`, opts.frameMs, prof);
      acc[i].drag.push(d.sample);
      acc[i].moved &&= d.moved;
    }
  }
  const figures = (i: number): CanvasFigures => ({
    nodes: both[i].graph.nodes.length,
    edges: both[i].graph.edges.length,
    idle: pool(acc[i].idle),
    animate: pool(acc[i].animate),
    drag: pool(acc[i].drag),
    dragMoved: acc[i].moved,
  });
  return { ours: { ...figures(0), stillPlaying: acc[0].still }, bare: figures(1) };
}

/**
 * Builds the app and the bare page into a scratch directory, serves both with `vite preview`
 * and measures them in one Chromium: load time, frame times with `containers` containers while a
 * packet animates and while a container is dragged, the same on the bare page, and initial JS.
 */
export async function benchPage(opts: PageOptions): Promise<PageFigures> {
  return withServedBuilds(opts, async ({ browser, app, bare, js }) => {
    const profiles: Record<string, HotFunction[]> = {};
    const prof: ProfileSink = opts.profileDir ? { dir: opts.profileDir, hot: profiles } : undefined;
    const loads = await loadTimes(browser, app.url, opts.loads);
    const slow = opts.slowLoads ? await slowLoads(browser, app.url, bare.url, opts.slowLoads) : undefined;
    const ours = await openApp(browser, app.url, opts.containers, opts.networks);
    const bareCanvas = await openBare(browser, bare.url, ours.graph, ours.dragId);
    const m = await measureBoth(ours, bareCanvas, opts, prof);
    await ours.close();
    await bareCanvas.close();
    const o = m.ours;
    const b = m.bare;
    return {
      chromium: browser.version(),
      viewport: VIEWPORT,
      loadMedianMs: median(loads.drawn),
      loadSamplesMs: loads.drawn,
      fcpMedianMs: median(loads.fcp),
      containers: opts.containers,
      repeats: opts.repeats,
      windowMs: opts.frameMs,
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
      ...(slow ? { slow } : {}),
      ...(opts.profileDir ? { profiles } : {}),
    };
  });
}

type Served = { browser: Browser; app: { url: string }; bare: { url: string }; js: InitialJs };

/** Builds the app and the bare page into a scratch directory, serves both and opens Chromium for `fn`. */
async function withServedBuilds<T>(
  opts: Pick<PageOptions, 'port' | 'barePort' | 'profileDir'>,
  fn: (s: Served) => Promise<T>,
): Promise<T> {
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
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    return await fn({ browser, app, bare, js });
  } finally {
    await browser.close();
    await app.stop();
    await bare.stop();
    scratch.dispose();
  }
}

/** Only the slow-laptop loads (`npm run bench -- --slow-only`), with the initial JS they load. */
export async function benchSlowOnly(
  opts: Pick<PageOptions, 'port' | 'barePort' | 'slowLoads'>,
): Promise<{ slow: SlowLoadFigures; initialJs: InitialJs }> {
  return withServedBuilds(opts, async ({ browser, app, bare, js }) => ({
    slow: await slowLoads(browser, app.url, bare.url, opts.slowLoads),
    initialJs: js,
  }));
}
