import type { Browser, BrowserContext, Page } from '@playwright/test';
import { newContext } from './canvases';
import { type CanvasGraph, firstDraw, scrapeGraph, watchFirstDraw } from './pageDriver';
import { median, ratio } from './stats';

/**
 * A student's slow laptop (issue 11): the CPU slowed 4x and a 10 Mbit/s link with 40 ms latency,
 * through the Chrome DevTools Protocol (Emulation.setCPUThrottlingRate,
 * Network.emulateNetworkConditions), the cache disabled and a fresh context for every load. Both
 * pages load in the same run, alternating, so both see the same machine: the app until its default
 * world is drawn, and the bare React Flow page until it has drawn the same nodes and edges.
 */
export const SLOW_LAPTOP = { cpuRate: 4, latencyMs: 40, bitsPerSecond: 10_000_000 } as const;

export interface SlowLoadFigures {
  cpuRate: number;
  latencyMs: number;
  mbitPerSecond: number;
  /** ms from navigation start to the painted frame, one per load */
  oursMs: number[];
  bareMs: number[];
  oursMedianMs: number;
  bareMedianMs: number;
  /** ours / bare, medians */
  ratio: number;
}

/** The slow laptop's CPU and link for `page`, its cache off. */
export async function throttle(ctx: BrowserContext, page: Page): Promise<void> {
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const bytes = SLOW_LAPTOP.bitsPerSecond / 8;
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: SLOW_LAPTOP.latencyMs,
    downloadThroughput: bytes,
    uploadThroughput: bytes,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_LAPTOP.cpuRate });
}

/**
 * A fresh context and page on the slow laptop, watching for `selector`'s canvas to be drawn; the
 * bare page is handed `graph` before its scripts run.
 */
export async function slowPage(
  browser: Browser,
  selector: string,
  graph?: CanvasGraph,
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await newContext(browser);
  if (graph)
    await ctx.addInitScript((g) => {
      (window as unknown as { __benchGraph: CanvasGraph }).__benchGraph = g;
    }, graph);
  await watchFirstDraw(ctx, selector);
  const page = await ctx.newPage();
  await throttle(ctx, page);
  return { ctx, page };
}

/** One cold, throttled load; ms until `selector`'s canvas is drawn and fitted. */
async function slowLoad(browser: Browser, url: string, selector: string, graph?: CanvasGraph): Promise<number> {
  const { ctx, page } = await slowPage(browser, selector, graph);
  try {
    await page.goto(url, { timeout: 120_000 });
    return (await firstDraw(page)).drawnMs;
  } finally {
    await ctx.close();
  }
}

/** The default world's canvas as the app draws it, unthrottled: what the bare page is given. */
async function defaultGraph(browser: Browser, url: string): Promise<CanvasGraph> {
  const ctx = await newContext(browser);
  try {
    await watchFirstDraw(ctx, '[data-testid="node-docker-host"]');
    const page = await ctx.newPage();
    await page.goto(url);
    await firstDraw(page);
    await page.waitForTimeout(500);
    return await scrapeGraph(page, '[data-testid="canvas"]');
  } finally {
    await ctx.close();
  }
}

/** `n` slow-laptop loads of each page, alternating app and bare page; medians and their ratio. */
export async function slowLoads(
  browser: Browser,
  appUrl: string,
  bareUrl: string,
  n: number,
): Promise<SlowLoadFigures> {
  const graph = await defaultGraph(browser, appUrl);
  const oursMs: number[] = [];
  const bareMs: number[] = [];
  for (let i = 0; i < n; i++) {
    oursMs.push(await slowLoad(browser, appUrl, '[data-testid="node-docker-host"]'));
    bareMs.push(await slowLoad(browser, bareUrl, '[data-testid="bare-canvas"]', graph));
  }
  const oursMedianMs = median(oursMs);
  const bareMedianMs = median(bareMs);
  return {
    cpuRate: SLOW_LAPTOP.cpuRate,
    latencyMs: SLOW_LAPTOP.latencyMs,
    mbitPerSecond: SLOW_LAPTOP.bitsPerSecond / 1e6,
    oursMs,
    bareMs,
    oursMedianMs,
    bareMedianMs,
    ratio: ratio(oursMedianMs, bareMedianMs),
  };
}
