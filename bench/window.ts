import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { type CpuProfile, type HotFunction, hotFunctions } from './profile';
import { durationStats, type FrameStats, frameDurations } from './stats';

/** One measured window: its frame durations and the main thread's work as Chromium counts it. */
export interface WindowSample {
  durations: number[];
  /** CDP Performance deltas over the window, ms: TaskDuration (all main-thread work), ScriptDuration, Layout + RecalcStyle */
  busyMs: number;
  scriptMs: number;
  layoutStyleMs: number;
}

/** Frame statistics over one or more windows, with the main thread's work per frame. */
export interface WindowStats extends FrameStats {
  busyMsPerFrame: number;
  scriptMsPerFrame: number;
  layoutStyleMsPerFrame: number;
}

/** Where CPU profiles go when the run profiles, and the hottest functions found in them. */
export type ProfileSink = { dir: string; hot: Record<string, HotFunction[]> } | undefined;

/**
 * Runs `collect` (which returns the window's rAF timestamps) with CDP Performance metrics around it
 * and, with a `profile` sink, under the CDP sampling profiler: the profile is written to
 * `dir/name.cpuprofile` and its hottest functions kept in `hot[name]`.
 */
export async function measureWindow(
  page: Page,
  name: string,
  collect: () => Promise<number[]>,
  profile?: ProfileSink,
): Promise<WindowSample> {
  const cdp = await page.context().newCDPSession(page);
  const metrics = async (): Promise<Record<string, number>> => {
    const r = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return Object.fromEntries(r.metrics.map((m) => [m.name, m.value]));
  };
  await cdp.send('Performance.enable');
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const before = await metrics();
  const stamps = await collect();
  const after = await metrics();
  if (profile) {
    const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    writeFileSync(join(profile.dir, `${name}.cpuprofile`), JSON.stringify(p));
    profile.hot[name] = hotFunctions(p, 20).functions;
  }
  await cdp.detach();
  // CDP reports seconds
  const delta = (...keys: string[]) => keys.reduce((a, k) => a + ((after[k] ?? 0) - (before[k] ?? 0)), 0) * 1000;
  return {
    durations: frameDurations(stamps),
    busyMs: delta('TaskDuration'),
    scriptMs: delta('ScriptDuration'),
    layoutStyleMs: delta('LayoutDuration', 'RecalcStyleDuration'),
  };
}

/** Pools windows: percentiles over all their frames, work per frame over all their time. */
export function pool(samples: WindowSample[]): WindowStats {
  const durations = samples.flatMap((s) => s.durations);
  const stats = durationStats(durations);
  const per = (k: 'busyMs' | 'scriptMs' | 'layoutStyleMs') =>
    samples.reduce((a, s) => a + s[k], 0) / Math.max(1, stats.frames);
  return {
    ...stats,
    busyMsPerFrame: per('busyMs'),
    scriptMsPerFrame: per('scriptMs'),
    layoutStyleMsPerFrame: per('layoutStyleMs'),
  };
}
