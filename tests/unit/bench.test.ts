import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBudgets } from '../../bench/budgets';
import { entryScripts, initialJs, staticImports } from '../../bench/initialJs';
import { hotFunctions } from '../../bench/profile';
import { frameDurations, frameStats, median, p95, quantile, ratio } from '../../bench/stats';

describe('bench statistics', () => {
  it('takes quantiles by nearest rank', () => {
    const xs = [5, 1, 4, 2, 3];
    expect(median(xs)).toBe(3);
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 1)).toBe(5);
    expect(median([1, 2, 3, 4])).toBe(2);
    expect(p95(Array.from({ length: 100 }, (_, i) => i + 1))).toBe(95);
    expect(median([])).toBeNaN();
  });

  it('turns rAF timestamps into frame durations, counting gaps of 1.5 vsyncs or more as dropped', () => {
    const stamps = [0, 16.7, 33.3, 50, 83.4, 100];
    expect(frameDurations(stamps).map((d) => Math.round(d * 10) / 10)).toEqual([16.7, 16.6, 16.7, 33.4, 16.6]);
    const s = frameStats(stamps);
    expect(s.frames).toBe(5);
    expect(s.dropped).toBe(1);
    expect(s.p95Ms).toBeCloseTo(33.4);
  });

  it('gives NaN for a ratio with a missing or zero denominator', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNaN();
    expect(ratio(Number.NaN, 2)).toBeNaN();
  });
});

describe('initial JS discovery', () => {
  it('follows static imports and modulepreloads, never dynamic import()', () => {
    const code =
      'import{a as b}from"./react-x1.js";import"./side.js";export{c}from"./c.js";const l=()=>import("./lazy.js");';
    expect(staticImports(code).sort()).toEqual(['./c.js', './react-x1.js', './side.js']);
    const html =
      '<script type="module" crossorigin src="/assets/index-1.js"></script><link rel="modulepreload" crossorigin href="/assets/vendor-2.js"><link rel="stylesheet" href="/assets/a.css">';
    expect(entryScripts(html)).toEqual(['/assets/index-1.js', '/assets/vendor-2.js']);
  });

  it('counts each initial file once, for absolute or relative links read through a relative path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'whalewire-initialjs-'));
    try {
      mkdirSync(join(dir, 'assets'));
      const index = 'import "./vendor-2.js";import("./lazy-3.js");';
      const vendor = 'export const v = 1;';
      writeFileSync(join(dir, 'assets', 'index-1.js'), index);
      writeFileSync(join(dir, 'assets', 'vendor-2.js'), vendor);
      writeFileSync(join(dir, 'assets', 'lazy-3.js'), 'export const l = 1;');
      for (const base of ['/', './']) {
        writeFileSync(
          join(dir, 'index.html'),
          `<script type="module" crossorigin src="${base}assets/index-1.js"></script><link rel="modulepreload" href="${base}assets/vendor-2.js">`,
        );
        const js = initialJs(relative(process.cwd(), dir));
        expect(js.files.map((f) => f.file).sort()).toEqual(['assets/index-1.js', 'assets/vendor-2.js']);
        expect(js.bytes).toBe(index.length + vendor.length);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('budgets', () => {
  it('counts a missing figure as a miss and allows the stated clock tolerance on frame times', () => {
    const frames = (p95Ms: number) => ({
      frames: 1,
      p50Ms: 16.7,
      p95Ms,
      dropped: 0,
      busyMsPerFrame: 1,
      scriptMsPerFrame: 1,
      layoutStyleMsPerFrame: 0,
    });
    const canvas = (p95Ms: number) => ({
      nodes: 1,
      edges: 0,
      idle: frames(16.7),
      animate: frames(p95Ms),
      drag: frames(p95Ms),
      dragMoved: true,
    });
    const page = (p95Ms: number, js: number) =>
      ({
        ours: { ...canvas(p95Ms), stillPlaying: true },
        bare: canvas(16.7),
        ratio: {
          animateP50: 1,
          animateP95: p95Ms / 16.7,
          dragP50: 1,
          dragP95: p95Ms / 16.7,
          animateBusy: 1,
          dragBusy: 1,
        },
        initialJs: { files: [], bytes: js, gzipBytes: js },
      }) as unknown as Parameters<typeof checkBudgets>[1];
    const ok = checkBudgets(undefined, page(16.8, 199_000));
    expect(ok.every((b) => b.ok)).toBe(true);
    const bad = checkBudgets(undefined, page(33.3, 201_000));
    expect(bad.filter((b) => !b.ok).map((b) => b.name)).toEqual([
      'page: p95 frame, packet animating',
      'page: p95 frame, container dragged',
      'page: ours/bare p95 frame, animating',
      'page: ours/bare p95 frame, dragging',
      'page: initial JS, gzip',
    ]);
    const engine = { commandMedianMs: Number.NaN, commandAt1000MedianMs: 0.5, natCurlTraceMedianMs: 0.1 };
    const e = checkBudgets({ ...engine, calibrationMs: 1 } as unknown as Parameters<typeof checkBudgets>[0]);
    expect(e.map((b) => b.ok)).toEqual([false, true, true]);
  });

  it('budgets engine figures as multiples of the calibration run, so a machine twice as slow passes', () => {
    const at = (scale: number, growth = 1.2) =>
      ({
        calibrationMs: 0.9 * scale,
        commandMedianMs: 0.5 * scale,
        commandAt1000MedianMs: 0.6 * scale,
        natCurlTraceMedianMs: 0.12 * scale,
        scale: {
          small: { containers: 1000, runMedianMs: 0.6 * scale, heapMB: 20 },
          large: { containers: 4000, runMedianMs: 0.6 * scale * growth, heapMB: 40 },
          growth,
        },
      }) as unknown as Parameters<typeof checkBudgets>[0];
    const here = checkBudgets(at(1));
    expect(here.every((b) => b.ok)).toBe(true);
    expect(checkBudgets(at(2)).map((b) => [b.value, b.ok])).toEqual(here.map((b) => [b.value, b.ok]));
    // the milliseconds are printed beside the multiple
    expect(checkBudgets(at(2))[1].ms).toBeCloseTo(1.2);
    // the engine alone four times as slow, or docker run growing with the World, is a miss
    const slow = { ...at(1), commandAt1000MedianMs: 0.6 * 4 } as Parameters<typeof checkBudgets>[0];
    expect(
      checkBudgets(slow)
        .filter((b) => !b.ok)
        .map((b) => b.name),
    ).toEqual(['engine: median per command at 900–1,000 containers']);
    expect(
      checkBudgets(at(1, 4))
        .filter((b) => !b.ok)
        .map((b) => b.name),
    ).toEqual(['engine: docker run at 4,000 / 1,000 containers']);
  });
});

describe('CPU profile summary', () => {
  it('adds self time per function and inclusive time along each stack', () => {
    const cf = (functionName: string) => ({
      functionName,
      url: 'http://127.0.0.1:4176/assets/index.js',
      lineNumber: 9,
    });
    const profile = {
      nodes: [
        { id: 1, callFrame: cf('(root)'), children: [2] },
        { id: 2, callFrame: cf('outer'), children: [3] },
        { id: 3, callFrame: cf('inner') },
      ],
      samples: [2, 3, 3, 1],
      timeDeltas: [1000, 2000, 3000, 500],
    };
    const { totalMs, functions } = hotFunctions(profile);
    expect(totalMs).toBe(6.5);
    expect(functions).toEqual([
      { fn: 'inner assets/index.js:10', selfMs: 5, totalMs: 5 },
      { fn: 'outer assets/index.js:10', selfMs: 1, totalMs: 6 },
    ]);
  });
});

describe('swarm bench (issue 12)', () => {
  it('builds a small swarm, times service create and a routing-mesh curl through VXLAN, and budgets both', async () => {
    const { benchSwarm, swarmBudgets, swarmRows } = await import('../../bench/swarm');
    const f = benchSwarm(2, 10, 2);
    expect(f.tasks).toBe(11); // 2 services of 5 replicas and the mesh's one-replica web
    expect(f.serviceCreateMedianMs).toBeGreaterThan(0);
    expect(f.ingressCurlTraceSteps).toBeGreaterThan(60);
    expect(f.calibrationMs).toBeGreaterThan(0);
    expect(f.calibrationRuns).toBeGreaterThanOrEqual(20);
    const b = swarmBudgets({ ...f, serviceCreateMedianMs: Number.NaN });
    // the 5 ms and 0.5 ms at the reference calibration of 1.3 ms, as multiples of it
    expect(b.map((x) => [x.limit, x.unit, x.ok])).toEqual([
      [3.846, '× calibration', false],
      [0.385, '× calibration', f.ingressCurlTraceMedianMs / f.calibrationMs <= 0.385],
    ]);
    expect(b[1].ms).toBe(f.ingressCurlTraceMedianMs);
    expect(swarmRows(f, b)[0][3]).toBe('MISS');
    // the row prints both the milliseconds and the multiple
    expect(swarmRows(f, b)[1][1]).toMatch(/^\d+\.\d{3} ms = \d+\.\d{3} × cal$/);
  });

  it('budgets the swarm figures as multiples of the calibration, so a machine twice as slow passes', async () => {
    const { swarmBudgets } = await import('../../bench/swarm');
    const at = (k: number, curl = 0.4) =>
      ({ serviceCreateMedianMs: 4 * k, ingressCurlTraceMedianMs: curl * k, calibrationMs: 1.3 * k }) as Parameters<
        typeof swarmBudgets
      >[0];
    expect(swarmBudgets(at(1)).map((b) => b.ok)).toEqual([true, true]);
    expect(swarmBudgets(at(2)).map((b) => [b.value, b.ok])).toEqual(swarmBudgets(at(1)).map((b) => [b.value, b.ok]));
    expect(swarmBudgets(at(2))[0].ms).toBe(8);
    // the curl alone slower than the 0.5 ms on the reference machine is a miss, at any speed
    expect(swarmBudgets(at(3, 0.6)).map((b) => b.ok)).toEqual([true, false]);
  });
});
