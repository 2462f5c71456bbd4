/**
 * Pure statistics for the benchmarks: no clock, no I/O, so tests/unit/bench.test.ts can check them.
 */

/** The `q`-quantile (0…1) of `xs` by nearest rank on the sorted values; NaN when empty. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil(q * s.length) - 1;
  return s[Math.min(s.length - 1, Math.max(0, rank))];
}

/** The median by nearest rank (the lower middle for an even count). */
export const median = (xs: readonly number[]) => quantile(xs, 0.5);

/** The 95th percentile by nearest rank. */
export const p95 = (xs: readonly number[]) => quantile(xs, 0.95);

/** Frame durations (ms) from a run of requestAnimationFrame timestamps: the gaps between them. */
export function frameDurations(stamps: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < stamps.length; i++) out.push(stamps[i] - stamps[i - 1]);
  return out;
}

/** What one frame-time measurement reports. */
export interface FrameStats {
  frames: number;
  p50Ms: number;
  p95Ms: number;
  /** gaps of 1.5 vsync intervals (25 ms at 60 Hz) or more: at least one frame not drawn in time */
  dropped: number;
}

/** One refresh interval at 60 Hz. */
export const VSYNC_MS = 1000 / 60;

/** p50/p95 of the frame durations behind `stamps`. */
export function frameStats(stamps: readonly number[]): FrameStats {
  return durationStats(frameDurations(stamps));
}

/** p50/p95 of frame durations (ms), e.g. pooled from several windows. */
export function durationStats(d: readonly number[]): FrameStats {
  return { frames: d.length, p50Ms: median(d), p95Ms: p95(d), dropped: d.filter((x) => x >= VSYNC_MS * 1.5).length };
}

/** `a / b`, NaN when either is not a positive finite number. */
export function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : Number.NaN;
}

/** Rounds for the results file: 3 decimals keeps sub-microsecond noise out of diffs. */
export const round3 = (x: number) => Math.round(x * 1000) / 1000;
