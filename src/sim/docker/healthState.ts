import { dockerTime } from '../clock';
import type { Container, ContainerHealth } from '../model';
import { type HealthConfig, healthConfig } from './runOptsInspect';

/** A container's health state as the daemon keeps and shows it (moby v28.5.2 daemon/health.go, container/health.go); health.ts runs the probes. */

const S = 1_000_000_000;
const DEFAULTS = { interval: 30 * S, timeout: 30 * S, startPeriod: 0, startInterval: 5 * S, retries: 3 };

export interface Timing {
  interval: number;
  timeout: number;
  startPeriod: number;
  startInterval: number;
  retries: number;
}

/** The probe's argv (getProbe/cmdProbe: CMD-SHELL runs through the default shell), or null: no probe. */
export function probeArgv(cfg: HealthConfig | undefined): string[] | null {
  const test = cfg?.Test ?? [];
  if (test[0] === 'CMD-SHELL') return ['/bin/sh', '-c', ...test.slice(1)];
  if (test[0] === 'CMD' && test.length > 1) return test.slice(1);
  return null;
}

/** timeoutWithDefault for each setting, in ms (retries <= 0: 3). */
export function timing(cfg: HealthConfig): Timing {
  const ms = (ns: number | undefined, dflt: number) => (ns && ns > 0 ? ns : dflt) / 1e6;
  return {
    interval: ms(cfg.Interval, DEFAULTS.interval),
    timeout: ms(cfg.Timeout, DEFAULTS.timeout),
    startPeriod: ms(cfg.StartPeriod, DEFAULTS.startPeriod),
    startInterval: ms(cfg.StartInterval, DEFAULTS.startInterval),
    retries: cfg.Retries && cfg.Retries > 0 ? cfg.Retries : DEFAULTS.retries,
  };
}

/** monitor's getInterval, asked when a probe has ended at `at`. */
export function nextInterval(t: Timing, h: ContainerHealth, at: number): number {
  if (at - h.since >= t.startPeriod) return t.interval;
  return h.status === 'starting' ? t.startInterval : t.interval;
}

/** The monitor stops (the container stopped or was paused): the status reads "unhealthy". */
export function stopHealthMonitor(c: Container): void {
  if (!c.health || c.health.next === undefined) return;
  delete c.health.next;
  c.health.status = 'unhealthy';
}

/** `docker unpause`: the monitor runs again, its first probe an interval from now. */
export function resumeHealthMonitor(c: Container, now: number): void {
  const cfg = healthConfig(c);
  if (!c.health || !probeArgv(cfg) || c.state !== 'running') return;
  c.health.next = now + nextInterval(timing(cfg!), c.health, now);
}

/** " (health: starting)", " (healthy)", " (unhealthy)" after "Up …" (container/state.go String). */
export function healthSuffix(c: Container): string {
  if (!c.health) return '';
  return c.health.status === 'starting' ? ' (health: starting)' : ` (${c.health.status})`;
}

/** State.Health as `docker inspect` shows it, or undefined (no health check has run). */
export function healthJson(c: Container) {
  const h = c.health;
  if (!h) return undefined;
  return {
    Status: h.status,
    FailingStreak: h.failingStreak,
    Log: h.log.map((r) => ({
      Start: dockerTime(r.start),
      End: dockerTime(r.end),
      ExitCode: r.exitCode,
      Output: r.output,
    })),
  };
}

/** ps --filter health=…: "none" without a health state (container/view.go). */
export const healthFilterValue = (c: Container): string => c.health?.status ?? 'none';
