import { performance } from 'node:perf_hooks';
import { createSession, type LineResult, runLine, type Session } from '../src/sim/console';
import { createDefaultWorld } from '../src/sim/world';
import { median, p95 } from './stats';

/** Engine benchmarks (issue 5): times in milliseconds, wall clock of `runLine` in this process. */
export interface EngineFigures {
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
}

function run(s: Session, line: string): Session {
  const r = runLine(s, line);
  if (r.exitCode !== 0) throw new Error(`bench setup failed: ${line}\n${r.output}`);
  return r.session;
}

/** Times `fn` `n` times after `warm` warm-up runs; returns per-run ms. */
function sample(fn: () => void, n: number, warm = 20): number[] {
  for (let i = 0; i < warm; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
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

/**
 * Builds a world of `containers` containers over `networks` user-defined bridges from console lines,
 * timing every line; then, in that world, times a ping trace on one bridge, a curl from `remote`
 * through the router's port forward and the host's DNAT, and a JSON round trip of the World.
 */
export function benchEngine(containers = 1000, networks = 50): EngineFigures {
  let s = createSession(createDefaultWorld());
  const times: number[] = [];
  const timed = (line: string) => {
    const t = performance.now();
    s = run(s, line);
    times.push(performance.now() - t);
  };
  for (let n = 0; n < networks; n++) timed(`docker network create --subnet 10.${n}.0.0/16 net${n}`);
  for (let i = 0; i < containers; i++) {
    const image = i % 2 === 0 ? 'nicolaka/netshoot' : 'nginx';
    timed(`docker run -dit --name c${i} --network net${i % networks} ${image}`);
  }
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
  const pingMs = sample(() => runLine(base, ping), 300);
  const curlMs = sample(() => runLine(base, curl), 300);
  const jsonMs = sample(() => JSON.parse(JSON.stringify(base.world)), 30, 3);
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
