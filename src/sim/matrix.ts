/**
 * Who can talk to whom: for every pair of running containers and outside machines, whether a ping
 * and an HTTP request (to the ports the target listens on) arrive, and if not, why: the packet
 * engine's own drop or refusal. Every probe is the engine's `ping -c 1` or `curl` from the same
 * World, so a cell says exactly what that command would say typed in the console.
 *
 * @example
 * const m = reachParties(world);              // rows and columns
 * const cell = reachCell(world, m[0], m[1]);  // one cell (run lazily: a 50-container World has 3,000)
 */

import { isLive } from './docker/endpoint';
import { imageInfo } from './images';
import type { Container, Machine, Trace, World } from './model';
import { curl } from './shell/packet/curl';
import { ping } from './shell/packet/ping';
import type { Where } from './where';

/** A row or column: a running container or a machine that is not a router. */
export interface Party {
  /** container id or machine id */
  id: string;
  kind: 'container' | 'machine';
  /** container name or machine hostname */
  label: string;
}

/** Why a probe failed: a trace step's explanation (i18n/trace.ts), or the outcome's summary. */
export interface Why {
  key: string;
  params: Record<string, string | number>;
}

/** One command the matrix ran. */
export interface Probe {
  /** the console line that reproduces it (`docker exec web ping -c 1 10.0.0.3`, `@pc1 curl …`) */
  line: string;
  /** what was asked: an address, or address:port */
  target: string;
  ok: boolean;
  /** the trace's outcome summary as the engine words it ("1/1 replies from 10.0.0.3", "HTTP 200 …") */
  summary: string;
  /** the last drop or refusal on the way; null when ok */
  why: Why | null;
}

/** One cell: pings and HTTP requests from `from` to `to`. */
export interface Cell {
  from: string;
  to: string;
  /** one probe per address of the target, stopping at the first that answers */
  ping: Probe[];
  /** one probe per way in (address:port, published port, router forward); empty: nothing listens on tcp */
  http: Probe[];
}

/** The probe a cell stands for: the first that answered, else the last tried (the one that got furthest). */
export function verdict(probes: Probe[]): Probe | null {
  return probes.find((p) => p.ok) ?? probes[probes.length - 1] ?? null;
}

const running = (c: Container) => c.state === 'running' && !c.paused;

/** Rows and columns: running containers in creation order, then machines except routers. */
export function reachParties(world: World): Party[] {
  const out: Party[] = [];
  for (const c of Object.values(world.containers))
    if (c.state === 'running') out.push({ id: c.id, kind: 'container', label: c.name });
  for (const m of Object.values(world.machines))
    if (m.kind !== 'router') out.push({ id: m.id, kind: 'machine', label: m.hostname });
  return out;
}

const where = (p: Party): Where => ({ kind: p.kind, id: p.id });

/** The console line that runs `cmd` where `p` is. */
export function lineAt(world: World, p: Party, cmd: string): string {
  if (p.kind === 'container') return `docker exec ${world.containers[p.id]?.name ?? p.id} ${cmd}`;
  return `@${p.id} ${cmd}`;
}

function machineAddrs(m: Machine): string[] {
  return m.ifaces.filter((f) => f.segment).flatMap((f) => f.addrs.map((a) => a.ip));
}

function containerAddrs(world: World, c: Container): string[] {
  if (c.networkMode === 'host') {
    const host = world.machines[c.daemon];
    return host ? machineAddrs(host) : [];
  }
  return c.endpoints.filter((e) => e.ip && isLive(e)).map((e) => e.ip as string);
}

/** The addresses a ping tries: the target's own. */
export function pingTargets(world: World, to: Party): string[] {
  if (to.kind === 'machine') {
    const m = world.machines[to.id];
    return m ? machineAddrs(m) : [];
  }
  const c = world.containers[to.id];
  return c ? containerAddrs(world, c) : [];
}

/**
 * The ways HTTP may reach the target: each of its addresses with each port it listens on, then
 * each published port at its Docker host's addresses, then the home router's forwards to those.
 */
export function httpTargets(world: World, to: Party): string[] {
  const out: string[] = [];
  const add = (ip: string, port: number) => {
    const t = `${ip}:${port}`;
    if (!out.includes(t)) out.push(t);
  };
  if (to.kind === 'machine') {
    const m = world.machines[to.id];
    if (!m) return out;
    const ports = m.listeners.filter((l) => l.proto === 'tcp').map((l) => l.port);
    for (const ip of machineAddrs(m)) for (const port of ports) add(ip, port);
    return out;
  }
  const c = world.containers[to.id];
  if (!c) return out;
  const ports = imageInfo(c.image)
    .listeners.filter((l) => l.proto === 'tcp')
    .map((l) => l.port);
  for (const ip of containerAddrs(world, c)) for (const port of ports) add(ip, port);
  if (c.networkMode === 'host') return out;
  const host = world.machines[c.daemon];
  const hostIps = host ? machineAddrs(host) : [];
  for (const b of c.ports) {
    if (b.proto !== 'tcp' || b.boundPort === undefined) continue;
    const ips = b.hostIp === '' || b.hostIp === '0.0.0.0' || b.hostIp === '::' ? hostIps : [b.hostIp];
    for (const ip of ips) add(ip, b.boundPort);
    for (const r of Object.values(world.machines)) {
      if (r.kind !== 'router') continue;
      for (const f of r.forwards) {
        if (f.proto !== 'tcp' || f.toPort !== b.boundPort || !ips.includes(f.toIp)) continue;
        for (const ip of r.ifaces.filter((x) => x.name.startsWith('wan')).flatMap((x) => x.addrs))
          add(ip.ip, f.publicPort);
      }
    }
  }
  return out;
}

/**
 * Why a trace ended without an answer: its last drop or refusal; a packet never sent (no route at
 * the source) has no step, so its outcome says it.
 */
export function whyFailed(trace: Trace | undefined, from: string, dst: string): Why {
  const steps = trace?.steps ?? [];
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i];
    if (s.action === 'drop' || s.action === 'refuse' || s.action === 'paused') return s.explain;
  }
  const summary = trace?.outcome.summary ?? 'no answer';
  if (summary === 'network unreachable') return { key: 'matrix.unreachable', params: { node: from, dst } };
  return { key: 'matrix.outcome', params: { summary } };
}

/** The ping command a cell runs: one probe, a second's wait (what a person types to check). */
export const pingCmd = (ip: string) => `ping -c 1 -W 1 ${ip}`;
/** The curl command a cell runs: silent, two seconds at most (a lost SYN would wait 127 s). */
export const curlCmd = (target: string) => `curl -s -m 2 http://${target}/`;

/** Runs one probe from the same World; the World it leaves is thrown away (cells are independent). */
export function runProbe(
  world: World,
  from: Party,
  kind: 'ping' | 'http',
  target: string,
): Probe & { trace?: Trace; after?: World } {
  const cmd = kind === 'ping' ? pingCmd(target) : curlCmd(target);
  const line = lineAt(world, from, cmd);
  const argv = cmd.split(' ');
  const r = kind === 'ping' ? ping(world, argv, where(from), line) : curl(world, argv, where(from), line);
  const ok = r.exitCode === 0 && (r.trace?.outcome.ok ?? false);
  return {
    line,
    target,
    ok,
    summary: r.trace?.outcome.summary ?? r.output,
    why: ok ? null : whyFailed(r.trace, from.label, target.replace(/:\d+$/, '')),
    trace: r.trace,
    after: r.world,
  };
}

const strip = ({ trace: _t, after: _a, ...p }: Probe & { trace?: Trace; after?: World }): Probe => p;

/** One cell: tries each target in order until one answers. */
export function reachCell(world: World, from: Party, to: Party): Cell {
  const tryAll = (kind: 'ping' | 'http', targets: string[]): Probe[] => {
    const out: Probe[] = [];
    for (const t of targets) {
      const p = strip(runProbe(world, from, kind, t));
      out.push(p);
      if (p.ok) break;
    }
    return out;
  };
  const c = from.kind === 'container' ? world.containers[from.id] : undefined;
  if (c && !running(c)) return { from: from.id, to: to.id, ping: [], http: [] };
  return {
    from: from.id,
    to: to.id,
    ping: tryAll('ping', pingTargets(world, to)),
    http: tryAll('http', httpTargets(world, to)),
  };
}

/** The whole matrix, row by row (from) and column by column (to), the diagonal left out. */
export function reachMatrix(world: World): { parties: Party[]; cells: Cell[] } {
  const parties = reachParties(world);
  const cells: Cell[] = [];
  for (const from of parties) for (const to of parties) if (from.id !== to.id) cells.push(reachCell(world, from, to));
  return { parties, cells };
}
