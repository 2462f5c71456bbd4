import { healthCheckedContainers, produce } from '../containerIndex';
import { resolvePath } from '../fs';
import type { Container, ContainerHealth, HealthResult, World } from '../model';
import { runShell } from '../shell';
import type { Where } from '../where';
import { nextInterval, probeArgv, type Timing, timing } from './healthState';
import { healthConfig } from './runOptsInspect';

/**
 * Health checks as moby v28.5.2 daemon/health.go runs them. A container whose Config.Healthcheck
 * has a probe (CMD or CMD-SHELL, not NONE) starts each run "starting"; the monitor runs the probe
 * in the container (`/bin/sh -c CMD` for CMD-SHELL, as the container's User in its WorkingDir)
 * Interval after the start and Interval after each probe ends (StartInterval while starting
 * inside StartPeriod). Exit 0 makes it healthy and clears FailingStreak; a failure adds to the
 * streak (not inside StartPeriod while still starting) and Retries failures make it unhealthy. The
 * log keeps the last 5 results, output cut at 4096 bytes. Stopping or pausing the container stops
 * the monitor, which leaves the status "unhealthy" (container/health.go CloseMonitorChannel).
 *
 * The engine has no timers: `health.next` is when the monitor's timer fires, and
 * {@link settleHealth} plays the probes the clock has passed, before each command.
 */

const MAX_LOG = 5;
const MAX_OUTPUT = 4096;
/** Probes played for one container in one settle before the rest are skipped over. */
const MAX_PROBES = 400;

/** Go's time.Duration String for a whole number of ms: "30s", "1.5s", "100ms", "1m30s". */
export function goDuration(ms: number): string {
  const num = (x: number) => String(Number(x.toFixed(9)));
  if (ms === 0) return '0s';
  if (ms < 1000) return `${num(ms)}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${num(s)}s`;
}

/** limitedBuffer: the first 4096 bytes of what the probe wrote. */
function limited(text: string): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= MAX_OUTPUT) return text;
  return new TextDecoder().decode(bytes.slice(0, MAX_OUTPUT)).replace(/\uFFFD$/, '');
}

/** cmdProbe.run: the probe runs in the container at `start`; a run past Timeout ends with -1. */
function runProbe(world: World, c: Container, argv: string[], t: Timing, start: number) {
  const where: Where = {
    kind: 'container',
    id: c.id,
    tty: false,
    ...(c.workingDir ? { cwd: resolvePath('/', c.workingDir) } : {}),
    ...(c.user ? { user: c.user.split(':')[0] } : {}),
  };
  const r = runShell({ ...world, clock: start }, argv, where, argv.join(' '));
  const out = r.output === '' ? '' : `${r.output}\n`;
  const took = Math.max(0, r.world.clock - start);
  if (took > t.timeout) {
    const msg = `Health check exceeded timeout (${goDuration(t.timeout)})${out ? `: ${limited(out)}` : ''}`;
    return { world: r.world, result: { start, end: start + t.timeout, exitCode: -1, output: msg } };
  }
  return { world: r.world, result: { start, end: start + took, exitCode: r.exitCode, output: limited(out) } };
}

/** handleProbeResult: the log, the streak and the status after one result. */
function record(h: ContainerHealth, t: Timing, r: HealthResult): void {
  h.log = [...h.log, r].slice(-MAX_LOG);
  if (r.exitCode === 0) {
    h.failingStreak = 0;
    h.status = 'healthy';
    return;
  }
  if (h.status === 'starting' && r.start - h.since < t.startPeriod) return;
  h.failingStreak += 1;
  if (h.failingStreak >= t.retries) h.status = 'unhealthy';
}

const same = (a: HealthResult, b: HealthResult) =>
  a.exitCode === b.exitCode && a.output === b.output && a.end - a.start === b.end - b.start;

/** Whether one more result like `r` would leave status and log content as they are (only the streak grows). */
const steady = (h: ContainerHealth, r: HealthResult) =>
  r.exitCode === 0 ? h.status === 'healthy' && h.failingStreak === 0 : h.status === 'unhealthy';

/** Plays one container's probes due by `now`; the World's clock stays `now`. */
function settleOne(world: World, id: string, now: number): World {
  let w = world;
  let played = 0;
  for (;;) {
    const c = w.containers[id];
    const cfg = c ? healthConfig(c) : undefined;
    const argv = probeArgv(cfg);
    if (!c || !argv || c.state !== 'running') return w;
    const t = timing(cfg!);
    if (!c.health || c.health.since !== c.startedAt) {
      // initHealthMonitor: a new run starts "starting" with a fresh streak; the log stays
      w = produce(w, (d) => {
        const h: ContainerHealth = {
          status: 'starting',
          failingStreak: 0,
          log: c.health?.log ?? [],
          since: c.startedAt,
        };
        // paused before anything was settled: its monitor has been stopped since
        if (c.paused) h.status = 'unhealthy';
        else h.next = c.startedAt + nextInterval(t, h, c.startedAt);
        d.containers[id].health = h;
      });
      continue;
    }
    const h = c.health;
    if (h.next === undefined || h.next > now || c.paused) return w;
    const [prev, last] = h.log.slice(-2);
    if (played >= 2 && prev && last && same(prev, last) && steady(h, last) && h.next - h.since >= t.startPeriod) {
      // the same result again and again: skip to the last 5 probes due, counting the skipped failures
      const period = last.end - last.start + t.interval;
      const skip = Math.floor((now - h.next) / period) + 1 - MAX_LOG;
      if (skip > 0) {
        w = produce(w, (d) => {
          const dh = d.containers[id].health!;
          dh.next = h.next! + skip * period;
          if (last.exitCode !== 0) dh.failingStreak += skip;
        });
        played = 0;
        continue;
      }
    }
    if (played >= MAX_PROBES) {
      return produce(w, (d) => {
        d.containers[id].health!.next = now + t.interval;
      });
    }
    // while the probe runs the monitor's timer is not armed (a `sh -c` probe settles again inside)
    const busy = produce(w, (d) => {
      delete d.containers[id].health!.next;
    });
    const run = runProbe(busy, c, argv, t, h.next);
    played += 1;
    w = produce({ ...run.world, clock: now }, (d) => {
      const dh = d.containers[id]?.health;
      if (!dh || d.containers[id].state !== 'running') return;
      record(dh, t, run.result);
      dh.next = run.result.end + nextInterval(t, dh, run.result.end);
    });
  }
}

/**
 * The Worlds {@link settleHealth} returned: every probe due by their clock has been played, so
 * settling one again would find nothing (settleOne at the same clock is a no-op). The console
 * settles at a line's end and again at each command's start; for a line of one command the second
 * is the World the first returned, and returns at once: the probes are played once a line.
 */
const settled = new WeakSet<World>();

/** Whether every probe due by `world.clock` has been played in `world` (it came from settleHealth). */
export const healthSettled = (world: World): boolean => settled.has(world);

/** Plays every health probe the World's clock has passed (containers with a health check). */
export function settleHealth(world: World): World {
  if (settled.has(world)) return world;
  let w = world;
  for (const c of healthCheckedContainers(world)) {
    if (c.state === 'running') w = settleOne(w, c.id, world.clock);
  }
  settled.add(w);
  return w;
}
