import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createSession, type LineResult, runLine, type Session } from '../src/sim/console';
import { createDefaultWorld } from '../src/sim/world';
import { type Calibration, cpuMs } from './calibrate';
import { median, p95 } from './stats';

/**
 * Engine benchmarks (issues 5 and 12): times in milliseconds of CPU time of this process around
 * `runLine` (cpuMs), each also as a multiple of the calibration workload (bench/calibrate.ts)
 * timed in the same run, interleaved with the figures, so a budget on the multiple holds on any machine.
 */
export interface EngineFigures {
  /** median ms of one run of the calibration workload, sampled throughout this run */
  calibrationMs: number;
  calibrationRuns: number;
  containers: number;
  networks: number;
  /** every line of the build: `network create` ×networks, then `docker run` ×containers */
  buildLines: number;
  commandMedianMs: number;
  commandP95Ms: number;
  /** the last 100 `docker run` lines of the build, i.e. with 900–999 containers already there */
  commandAt1000MedianMs: number;
  commandAt1000P95Ms: number;
  /** `docker exec c0 ping -c 1 cN` between two containers on one user-defined bridge */
  pingTraceMedianMs: number;
  pingTraceSteps: number;
  /** `@remote curl` to the router's public address: router portfwd, then the host's DNAT to `web` */
  natCurlTraceMedianMs: number;
  natCurlTraceSteps: number;
  jsonRoundTripMedianMs: number;
  worldJsonBytes: number;
  /** `docker run` as the World grows (issue 12); absent when the run skipped it */
  scale?: ScaleFigures;
}

/** One World of the scale workload: `sizes` containers over size/20 networks. */
export interface ScalePoint {
  containers: number;
  networks: number;
  /** 100 more `docker run -d` lines once the World is built, median */
  runMedianMs: number;
  /** engine time of the whole build (every line), seconds */
  buildSeconds: number;
  /** V8 heap in use after a full GC with the World (and only it) held, MB (large World only; 0 for the small) */
  heapMB: number;
  /** resident set size of the process then, MB (large World only) */
  rssMB: number;
}

export interface ScaleFigures {
  small: ScalePoint;
  large: ScalePoint;
  /** large.runMedianMs / small.runMedianMs */
  growth: number;
}

function run(s: Session, line: string): Session {
  const r = runLine(s, line);
  if (r.exitCode !== 0) throw new Error(`bench setup failed: ${line}\n${r.output}`);
  return r.session;
}

/** Times `fn` `n` times after `warm` warm-up runs; returns per-run ms. A calibration run every `every` runs. */
function sample(fn: () => void, n: number, cal: Calibration, warm = 20, every = 10): number[] {
  for (let i = 0; i < warm; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i % every === 0) cal.take(1);
    const t = cpuMs();
    fn();
    out.push(cpuMs() - t);
  }
  return out;
}

/** Runs `line` once and insists it produced a successful trace with the given actions, so a bench never times an error path. */
function checkedTrace(
  s: Session,
  line: string,
  mustHave: Record<string, number>,
): LineResult & { trace: NonNullable<LineResult['trace']> } {
  const r = runLine(s, line);
  if (r.exitCode !== 0 || !r.trace?.outcome.ok) throw new Error(`bench trace failed: ${line}\n${r.output}`);
  for (const [action, n] of Object.entries(mustHave)) {
    const got = r.trace.steps.filter((st) => st.action === action).length;
    if (got < n) throw new Error(`bench trace for ${line}: ${got} '${action}' steps, expected ≥ ${n}`);
  }
  return r as LineResult & { trace: NonNullable<LineResult['trace']> };
}

/** Console lines run one by one, timed, with a calibration run every `every` lines. */
function timedLines(s0: Session, lines: Iterable<string>, cal: Calibration, every = 10) {
  let s = s0;
  const times: number[] = [];
  for (const line of lines) {
    if (times.length % every === 0) cal.take(1);
    const t = cpuMs();
    s = run(s, line);
    times.push(cpuMs() - t);
  }
  return { session: s, times };
}

/** The scale workload (issue 12): `n` `docker run -d` lines over n/20 user networks with /24 subnets. */
export function* scaleLines(n: number): Generator<string> {
  const nets = Math.max(1, Math.ceil(n / 20));
  for (let k = 0; k < nets; k++) yield `docker network create --subnet 10.${k >> 8}.${k & 255}.0/24 net${k}`;
  for (let i = 0; i < n; i++) yield `docker run -d --name c${i} --network net${i % nets} nginx`;
}

let gc: (() => void) | undefined;
/** A full GC, for a memory figure that counts what is held and not what waits for collection. */
function fullGc(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/** Builds the scale workload's World of `n` containers, timing every line. */
function scaleBuild(n: number, cal: Calibration) {
  const t = cpuMs();
  const built = timedLines(createSession(createDefaultWorld()), scaleLines(n), cal);
  return { ...built, buildSeconds: (cpuMs() - t) / 1000 };
}

/**
 * `docker run` at `small` and at `large` containers (issue 12). Both Worlds are built the same
 * way; then 100 more `docker run` lines on each, alternating, are the two figures, so a machine
 * whose load changes during the run slows both alike. Memory is taken with the large World alone.
 */
export function benchScale(small: number, large: number, cal: Calibration): ScaleFigures {
  const a = scaleBuild(small, cal);
  const b = scaleBuild(large, cal);
  let sa = a.session;
  let sb = b.session;
  const ta: number[] = [];
  const tb: number[] = [];
  const more = (n: number, i: number) => `docker run -d --name x${i} --network net${i % Math.ceil(n / 20)} nginx`;
  for (let i = 0; i < 100; i++) {
    if (i % 10 === 0) cal.take(1);
    let t = cpuMs();
    sa = run(sa, more(small, i));
    ta.push(cpuMs() - t);
    t = cpuMs();
    sb = run(sb, more(large, i));
    tb.push(cpuMs() - t);
  }
  const point = (n: number, times: number[], buildSeconds: number) => ({
    containers: n,
    networks: Math.ceil(n / 20),
    runMedianMs: median(times),
    buildSeconds,
    heapMB: 0,
    rssMB: 0,
  });
  const s = point(small, ta, a.buildSeconds);
  sa = createSession(createDefaultWorld());
  fullGc();
  const mem = process.memoryUsage();
  // the large World stays reachable up to here, so the heap figure includes it
  if (Object.keys(sb.world.containers).length < large) throw new Error('scale build lost containers');
  const l = { ...point(large, tb, b.buildSeconds), heapMB: mem.heapUsed / 2 ** 20, rssMB: mem.rss / 2 ** 20 };
  return { small: s, large: l, growth: l.runMedianMs / s.runMedianMs };
}

/**
 * Builds a world of `containers` containers over `networks` user-defined bridges from console lines,
 * timing every line; then, in that world, times a ping trace on one bridge, a curl from `remote`
 * through the router's port forward and the host's DNAT, and a JSON round trip of the World.
 * The calibration runs go to `cal`; the caller reads its median once every figure is taken.
 */
export function benchEngine(
  cal: Calibration,
  containers = 1000,
  networks = 50,
): Omit<EngineFigures, 'calibrationMs' | 'calibrationRuns'> {
  cal.take(20);
  const lines = function* () {
    for (let n = 0; n < networks; n++) yield `docker network create --subnet 10.${n}.0.0/16 net${n}`;
    for (let i = 0; i < containers; i++) {
      const image = i % 2 === 0 ? 'nicolaka/netshoot' : 'nginx';
      yield `docker run -dit --name c${i} --network net${i % networks} ${image}`;
    }
  };
  const built = timedLines(createSession(createDefaultWorld()), lines(), cal);
  const times = built.times;
  let s = built.session;
  // a published web server and the router's port forward for the NATed curl
  s = run(s, 'docker run -d --name web -p 8080:80 nginx');
  s = run(s, '@router portfwd add tcp 80 192.168.0.10 8080');
  // c0 and c{networks} share net0; the first runs fill ARP caches and FDBs, so timed traces are steady-state
  const ping = `docker exec c0 ping -c 1 c${networks}`;
  const curl = '@remote curl -s http://124.111.46.91/';
  s = run(s, ping);
  s = run(s, curl);

  const base = s;
  const pingTrace = checkedTrace(base, ping, { deliver: 2 }).trace;
  const curlTrace = checkedTrace(base, curl, { dnat: 2, 'un-nat': 2 }).trace;
  const pingMs = sample(() => runLine(base, ping), 300, cal);
  const curlMs = sample(() => runLine(base, curl), 300, cal);
  const jsonMs = sample(() => JSON.parse(JSON.stringify(base.world)), 30, cal, 3, 1);
  const last = times.slice(-Math.min(100, containers));

  return {
    containers,
    networks,
    buildLines: times.length,
    commandMedianMs: median(times),
    commandP95Ms: p95(times),
    commandAt1000MedianMs: median(last),
    commandAt1000P95Ms: p95(last),
    pingTraceMedianMs: median(pingMs),
    pingTraceSteps: pingTrace.steps.length,
    natCurlTraceMedianMs: median(curlMs),
    natCurlTraceSteps: curlTrace.steps.length,
    jsonRoundTripMedianMs: median(jsonMs),
    worldJsonBytes: Buffer.byteLength(JSON.stringify(base.world)),
  };
}
