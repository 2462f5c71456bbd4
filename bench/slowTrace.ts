import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium';
import { newContext } from './canvases';
import { type CanvasGraph, firstDraw, scrapeGraph, watchFirstDraw } from './pageDriver';
import { slowPage } from './pageSlow';
import { viteBuild, vitePreview } from './serve';
import { median } from './stats';

/**
 * `npx tsx bench/slowTrace.ts [--loads N] [--port P] [--dir D] [--no-build] [--base DIR]
 * [--only ours|bare] [--profile] [--heavy]`: slow-laptop loads (pageSlow.ts's throttling) of the
 * app, an earlier build of it (`--base`, a built folder) and the bare page, alternating, each under
 * a Chromium trace, and what each spent until its canvas was drawn: counts (requests, bytes, tasks,
 * layouts, style recalcs) and main-thread CPU beside the ms, medians over the loads. Writes the
 * traces to D (default /tmp/slowtrace); serves on P, P+1 and P+2.
 */
const args = process.argv.slice(2);
const value = (flag: string, fallback: string) => {
  const i = args.indexOf(flag);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const LOADS = Number(value('--loads', '5'));
const PORT = Number(value('--port', '5204'));
const DIR = value('--dir', '/tmp/slowtrace');
const ONLY = value('--only', '');
/** `--profile`: unminified builds, and the main thread's CPU samples until the canvas is drawn */
const PROFILE = args.includes('--profile');
/** `--heavy`: V8 compile and font categories too (their stack collection slows the load itself) */
const HEAVY = args.includes('--heavy');
/** `--base DIR`: an earlier build of the app, loaded alternately with this one (an A/B under the same load) */
const BASE = value('--base', '');

type Ev = {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: Record<string, unknown> & { data?: Record<string, unknown> };
};

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'blink',
  'fonts',
  'disabled-by-default-fonts',
];

interface Figures {
  drawnMs: number;
  mainBusyMs: number;
  tasks: number;
  longTasks: number;
  longTaskMs: number;
  layouts: number;
  layoutMs: number;
  styles: number;
  styleMs: number;
  paints: number;
  scriptEvalMs: number;
  compileMs: number;
  functionCallMs: number;
  gcMs: number;
  parseHtmlMs: number;
  fontEvents: number;
  bytes: number;
  requests: number;
  lastResponseMs: number;
  [k: string]: number;
}

async function tracedLoad(
  browser: Browser,
  url: string,
  selector: string,
  graph: CanvasGraph | undefined,
  file: string,
): Promise<Figures> {
  const { ctx, page } = await slowPage(browser, selector, graph);
  try {
    const cats = !HEAVY ? ['toplevel', 'devtools.timeline', 'blink.user_timing', 'loading', 'v8.execute'] : CATEGORIES;
    await browser.startTracing(page, {
      categories: PROFILE ? [...cats, 'disabled-by-default-v8.cpu_profiler'] : cats,
    });
    await page.goto(url, { timeout: 120_000 });
    const d = await firstDraw(page);
    await page.waitForTimeout(100);
    const buf = await browser.stopTracing();
    writeFileSync(file, buf);
    const events = (JSON.parse(buf.toString()) as { traceEvents: Ev[] }).traceEvents;
    const f = analyse(events, d.drawnMs);
    if (PROFILE) hot.push(profileOf(events));
    return f;
  } finally {
    await ctx.close();
  }
}

/** Summed CPU time (tdur) of the main thread's events named `name`, outermost only. */
function cpuOf(events: Ev[], name: string): number {
  const xs = events.filter((e) => e.name === name).sort((a, b) => a.ts - b.ts);
  let end = -1;
  let sum = 0;
  for (const e of xs) {
    if (e.ts < end) continue;
    end = e.ts + (e.dur ?? 0);
    sum += ((e as { tdur?: number }).tdur ?? 0) / 1000;
  }
  return sum;
}

function analyse(events: Ev[], drawnMs: number): Figures {
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame);
  const navAny = nav ?? events.find((e) => e.name === 'navigationStart');
  const drawnMark = events.find((e) => e.name === 'bench-drawn');
  const t0 = navAny?.ts ?? 0;
  const end = drawnMark ? drawnMark.ts : t0 + drawnMs * 1000;
  // the renderer's main thread: where the CrRendererMain thread_name points
  const main = events.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === navAny?.pid,
  );
  const onMain = (e: Ev) => (main ? e.pid === main.pid && e.tid === main.tid : true);
  const inWin = (e: Ev) => e.ts >= t0 && e.ts <= end;
  const complete = events.filter((e) => e.ph === 'X' && onMain(e) && inWin(e));
  const sum = (name: string | RegExp) =>
    complete
      .filter((e) => (typeof name === 'string' ? e.name === name : name.test(e.name)))
      .reduce((a, e) => a + (e.dur ?? 0) / 1000, 0);
  const count = (name: string) => complete.filter((e) => e.name === name).length;
  const tasks = complete.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const long = tasks.filter((e) => (e.dur ?? 0) > 50_000);
  const local = new Set(
    events
      .filter((e) => e.name === 'ResourceSendRequest' && /^http:\/\/127\.0\.0\.1/.test(String(e.args?.data?.url)))
      .map((e) => e.args?.data?.requestId),
  );
  const fin = events.filter((e) => e.name === 'ResourceFinish' && inWin(e) && local.has(e.args?.data?.requestId));
  const sends = events.filter(
    (e) => e.name === 'ResourceSendRequest' && inWin(e) && local.has(e.args?.data?.requestId),
  );
  const f: Figures = {
    drawnMs: (end - t0) / 1000,
    mainBusyMs: tasks.reduce((a, e) => a + (e.dur ?? 0) / 1000, 0),
    /** the main thread's CPU time (thread duration, not wall time: what another process on the machine does not change) */
    mainCpuMs: tasks.reduce((a, e) => a + ((e as { tdur?: number }).tdur ?? 0) / 1000, 0),
    evalCpuMs: cpuOf(complete, 'v8.evaluateModule'),
    layoutCpuMs: cpuOf(complete, 'Layout'),
    styleCpuMs: cpuOf(complete, 'UpdateLayoutTree'),
    paintCpuMs: cpuOf(complete, 'Paint'),
    compileCpuMs: cpuOf(complete, 'v8.compile') + cpuOf(complete, 'V8.CompileCode'),
    gcCpuMs: cpuOf(complete, 'MinorGC') + cpuOf(complete, 'MajorGC'),
    roCpuMs: cpuOf(complete, 'LocalFrameView::NotifyResizeObservers'),
    firstJsMs: 0,
    lastJsMs: 0,
    tasks: tasks.length,
    longTasks: long.length,
    longTaskMs: long.reduce((a, e) => a + (e.dur ?? 0) / 1000, 0),
    layouts: count('Layout'),
    layoutMs: sum('Layout'),
    styles: count('UpdateLayoutTree'),
    styleMs: sum('UpdateLayoutTree'),
    paints: count('Paint'),
    scriptEvalMs: sum('EvaluateScript') + sum('v8.evaluateModule'),
    compileMs: sum(/^(v8\.compile|V8\.CompileCode|v8\.compileModule|CompileScript|v8\.parseOnBackground)$/),
    functionCallMs: sum('FunctionCall'),
    gcMs: sum(/^(MinorGC|MajorGC|V8\.GC.*|BlinkGC.*)$/),
    parseHtmlMs: sum('ParseHTML'),
    fontEvents: events.filter((e) => /font/i.test(e.cat) && inWin(e) && e.ph !== 'M').length,
    bytes: fin.reduce((a, e) => a + Number(e.args?.data?.encodedDataLength ?? 0), 0),
    requests: sends.length,
    lastResponseMs: fin.length ? (Math.max(...fin.map((e) => e.ts)) - t0) / 1000 : 0,
  };
  // when the first and the last script before the first render finished arriving
  const js = fin.filter((e) => {
    const send = sends.find((s) => s.args?.data?.requestId === e.args?.data?.requestId);
    return /\.js$/.test(String(send?.args?.data?.url ?? ''));
  });
  const firstRender = complete.find((e) => e.name === 'v8.evaluateModule');
  const early = js.filter((e) => !firstRender || e.ts <= firstRender.ts);
  if (early.length) {
    f.firstJsMs = (Math.min(...early.map((e) => e.ts)) - t0) / 1000;
    f.lastJsMs = (Math.max(...early.map((e) => e.ts)) - t0) / 1000;
  }
  const fp = events.find((e) => e.name === 'firstContentfulPaint' || e.name === 'firstPaint');
  if (fp) f.firstPaintMs = (fp.ts - t0) / 1000;
  return f;
}

const hot: Map<string, { self: number; total: number }>[] = [];

/** The renderer main thread's CPU samples (trace ProfileChunk events) from navigation start to the drawn mark, by function. */
function profileOf(events: Ev[]): Map<string, { self: number; total: number }> {
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame);
  const drawn = events.find((e) => e.name === 'bench-drawn');
  const out = new Map<string, { self: number; total: number }>();
  if (!nav || !drawn) return out;
  const profiles = events.filter((e) => e.name === 'Profile' && e.pid === nav.pid && e.tid === nav.tid);
  for (const prof of profiles) {
    const id = (prof as unknown as { id: string }).id;
    const chunks = events.filter(
      (e) => e.name === 'ProfileChunk' && (e as unknown as { id: string }).id === id && e.pid === nav.pid,
    );
    type PNode = { id: number; parent?: number; callFrame: { functionName: string; url: string; lineNumber?: number } };
    const nodes = new Map<number, PNode>();
    let t = Number((prof.args?.data as { startTime?: number })?.startTime ?? 0);
    for (const c of chunks) {
      const d = (c.args?.data as { cpuProfile?: { nodes?: PNode[]; samples?: number[] }; timeDeltas?: number[] }) ?? {};
      for (const n of d.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      const samples = d.cpuProfile?.samples ?? [];
      const deltas = d.timeDeltas ?? [];
      for (let i = 0; i < samples.length; i++) {
        const dt = deltas[i] ?? 0;
        t += dt;
        if (t < nav.ts || t > drawn.ts) continue;
        const next = deltas[i + 1] ?? dt;
        const ms = next / 1000;
        const key = (n: PNode) =>
          `${n.callFrame.functionName || '(anon)'} ${(n.callFrame.url ?? '').replace(/^.*\/(src|node_modules|assets)\//, '$1/')}:${(n.callFrame.lineNumber ?? 0) + 1}`;
        let n = nodes.get(samples[i]);
        if (!n) continue;
        const leaf = key(n);
        const e = out.get(leaf) ?? { self: 0, total: 0 };
        e.self += ms;
        out.set(leaf, e);
        const seen = new Set<string>();
        while (n) {
          const k = key(n);
          if (!seen.has(k)) {
            seen.add(k);
            const x = out.get(k) ?? { self: 0, total: 0 };
            x.total += ms;
            out.set(k, x);
          }
          n = n.parent !== undefined ? nodes.get(n.parent) : undefined;
        }
      }
    }
  }
  return out;
}

function printHot(): void {
  if (!hot.length) return;
  const all = new Map<string, { self: number[]; total: number[] }>();
  for (const h of hot)
    for (const [k, v] of h) {
      const e = all.get(k) ?? { self: [], total: [] };
      e.self.push(v.self);
      e.total.push(v.total);
      all.set(k, e);
    }
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / hot.length;
  const rows = [...all].map(([k, v]) => ({ k, self: avg(v.self), total: avg(v.total) }));
  console.log('\nhot by self (mean ms over loads)');
  for (const r of rows.sort((a, b) => b.self - a.self).slice(0, 40))
    console.log(`  ${r.self.toFixed(1).padStart(7)} ${r.total.toFixed(1).padStart(7)}  ${r.k}`);
  console.log('\nhot by total');
  for (const r of rows.sort((a, b) => b.total - a.total).slice(0, 60))
    console.log(`  ${r.self.toFixed(1).padStart(7)} ${r.total.toFixed(1).padStart(7)}  ${r.k}`);
}

async function main() {
  mkdirSync(DIR, { recursive: true });
  const appDir = join(DIR, 'app');
  const bareDir = join(DIR, 'bare');
  if (!args.includes('--no-build')) {
    viteBuild(appDir, { minify: !PROFILE });
    viteBuild(bareDir, { config: 'vite.bench.config.ts', minify: !PROFILE });
  }
  const app = await vitePreview(appDir, PORT);
  const bare = await vitePreview(bareDir, PORT + 1, 'vite.bench.config.ts');
  const base = BASE ? await vitePreview(BASE, PORT + 2) : undefined;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const ctx = await newContext(browser);
    await watchFirstDraw(ctx, '[data-testid="node-docker-host"]');
    const p = await ctx.newPage();
    await p.goto(app.url);
    await firstDraw(p);
    await p.waitForTimeout(500);
    const graph = await scrapeGraph(p, '[data-testid="canvas"]');
    await ctx.close();
    const runs: Record<string, Figures[]> = { ours: [], base: [], bare: [] };
    const host = '[data-testid="node-docker-host"]';
    for (let i = 0; i < LOADS; i++) {
      if (ONLY !== 'bare')
        runs.ours.push(await tracedLoad(browser, app.url, host, undefined, join(DIR, `ours-${i}.json`)));
      if (base) runs.base.push(await tracedLoad(browser, base.url, host, undefined, join(DIR, `base-${i}.json`)));
      if (ONLY !== 'ours')
        runs.bare.push(
          await tracedLoad(browser, bare.url, '[data-testid="bare-canvas"]', graph, join(DIR, `bare-${i}.json`)),
        );
    }
    sideBySide(runs);
    printHot();
  } finally {
    await browser.close();
    await app.stop();
    await bare.stop();
    await base?.stop();
  }
}

/** One row per figure, a column of medians per page. */
function sideBySide(runs: Record<string, Figures[]>): void {
  const names = Object.keys(runs).filter((k) => runs[k].length);
  const keys = [...new Set(names.flatMap((n) => runs[n].flatMap((f) => Object.keys(f))))];
  console.log(`\n${'median of loads'.padEnd(28)}${names.map((n) => `${n} (${runs[n].length})`.padStart(12)).join('')}`);
  for (const k of keys) {
    const cells = names.map((n) => {
      const vs = runs[n].map((f) => f[k]).filter((v) => v !== undefined);
      return (vs.length ? median(vs).toFixed(k.endsWith('Ms') ? 1 : 0) : '-').padStart(12);
    });
    console.log(`${k.padEnd(28)}${cells.join('')}`);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
