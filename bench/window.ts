import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { type CpuProfile, type HotFunction, hotFunctions } from './profile';
import { type FrameStats, frameStats } from './stats';

/** One measured window: frame times, and the main thread's work per frame as Chromium counts it. */
export interface WindowStats extends FrameStats {
  /** CDP Performance `TaskDuration` over the window, per frame: all main-thread work */
  busyMsPerFrame: number;
  /** of which `ScriptDuration` (JavaScript) */
  scriptMsPerFrame: number;
  /** of which layout + style recalculation */
  layoutStyleMsPerFrame: number;
}

type Metrics = Record<string, number>;

/**
 * Runs `collect` (which returns the window's rAF timestamps) with CDP Performance metrics around it
 * and, when `profileDir` is set, under the CDP sampling profiler: the profile is written to
 * `profileDir/name.cpuprofile` and its hottest functions stored in `hot[name]`.
 */
export async function measureWindow(
  page: Page,
  name: string,
  collect: () => Promise<number[]>,
  profile?: { dir: string; hot: Record<string, HotFunction[]> },
): Promise<WindowStats> {
  const cdp = await page.context().newCDPSession(page);
  const metrics = async (): Promise<Metrics> => {
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
  const stats = frameStats(stamps);
  // metrics are in seconds
  const perFrame = (...keys: string[]) =>
    (keys.reduce((a, k) => a + ((after[k] ?? 0) - (before[k] ?? 0)), 0) * 1000) / Math.max(1, stats.frames);
  return {
    ...stats,
    busyMsPerFrame: perFrame('TaskDuration'),
    scriptMsPerFrame: perFrame('ScriptDuration'),
    layoutStyleMsPerFrame: perFrame('LayoutDuration', 'RecalcStyleDuration'),
  };
}
