import { noteDerived } from '../containerIndex';
import { DOCKER_HOST } from '../ids';
import type { ArpEntry, ConntrackEntry, Container, FdbEntry, Frame, Network, Step, TableChange, World } from '../model';
import { withChanges } from '../sharedRecord';
import { liveConntrack, liveFdb } from './ageing';
import { containerIndex } from './index';
import { lowerPeer } from './lanAttach';
import { sandboxPeer } from './sandbox';
import { buildNode, type Domain, ifaceNamed, type NetNode, type NIface } from './topo';

/**
 * One command's simulation context. The engine reads the input World and keeps its own
 * copy-on-write overlays of the tables it changes (ARP caches, FDBs, conntrack, PRNG, clock);
 * `commit` writes them back in one structural-sharing copy, so no packet clones the World.
 */
export interface Ctx {
  readonly world: World;
  steps: Step[];
  /** simulated microseconds since the command started */
  us: number;
  rng: number;
  arp: Map<string, ArpEntry[]>;
  fdb: Map<string, FdbEntry[]>;
  conntrack: Map<string, ConntrackEntry[]>;
  /** conntrack entries created or hit by the flow in progress (machine id, entry) */
  flow: { on: string; entry: ConntrackEntry }[];
  /** ARP cache hits already narrated in this command (node|ip|dev), see l2.transmit */
  toldArp?: Set<string>;
  /** IPVS round-robin positions moved by this command (sandbox.ts), written to `swarm.rr` */
  ipvs?: Map<string, number>;
}

/** A new context over `world`. */
export function newCtx(world: World): Ctx {
  return {
    world,
    steps: [],
    us: 0,
    rng: world.rng,
    arp: new Map(),
    fdb: new Map(),
    conntrack: new Map(),
    flow: [],
  };
}

/** The engine's clock now (ms): the World's plus what this command has spent so far. */
export const nowMs = (ctx: Ctx): number => ctx.world.clock + Math.floor(ctx.us / 1000);

/** The node of a namespace key (buildNode keeps it while its machine or container and the networks stay). */
export function nodeOf(ctx: Ctx, key: string): NetNode | null {
  return buildNode(ctx.world, key);
}

/** The ARP cache of a namespace (writable overlay). */
export function arpOf(ctx: Ctx, key: string): ArpEntry[] {
  let t = ctx.arp.get(key);
  if (!t) {
    const base = ctx.world.machines[key]?.arp ?? ctx.world.containers[key]?.arp ?? [];
    t = base.map((e) => ({ ...e }));
    ctx.arp.set(key, t);
  }
  return t;
}

/** The FDB of a bridge network (writable overlay). */
export function fdbOf(ctx: Ctx, netId: string): FdbEntry[] {
  let t = ctx.fdb.get(netId);
  if (!t) {
    // an entry aged out (300 s unheard) is gone before the command's first frame
    t = liveFdb(ctx.world.networks[netId]?.fdb ?? [], nowMs(ctx)).map((e) => ({ ...e }));
    ctx.fdb.set(netId, t);
  }
  return t;
}

/** The conntrack table of a machine (writable overlay). */
export function conntrackOf(ctx: Ctx, machineId: string): ConntrackEntry[] {
  let t = ctx.conntrack.get(machineId);
  if (!t) {
    // expired entries (timeout counted down to zero) are dropped on the way in
    t = liveConntrack(ctx.world.machines[machineId]?.conntrack ?? [], ctx.world.clock).map((e) => ({
      ...e,
      orig: { ...e.orig },
      reply: { ...e.reply },
    }));
    ctx.conntrack.set(machineId, t);
  }
  return t;
}

/** Who holds `ip` on an L2 domain: the node key and its interface there. */
export function peerOnDomain(
  ctx: Ctx,
  d: Domain,
  ip: string,
  fromDaemon?: string,
): { node: NetNode; iface: NIface } | null {
  let key: string | null = null;
  let ifname = '';
  if (d.kind === 'seg') {
    const hit = segmentIndex(ctx.world.machines).get(d.id)?.get(ip) ?? lowerPeer(ctx.world, d.id, ip);
    if (hit) ({ key, ifname } = hit);
  } else {
    const net = ctx.world.networks[d.netId];
    if ((net?.ipam?.gateway === ip || (net?.ipam6?.gateway === ip && net.enableIPv6)) && net.bridge) {
      // the bridge device on its host (a swarm-scoped network's own devices come from its driver)
      key = net.daemon ?? DOCKER_HOST;
      ifname = net.bridge;
    } else {
      const hit = bridgeIndex(ctx, d.netId).get(ip) ?? sandboxPeer(ctx.world, d.netId, ip, fromDaemon);
      if (hit) ({ key, ifname } = hit);
    }
  }
  if (!key) return null;
  const node = nodeOf(ctx, key);
  const iface = node ? ifaceNamed(node, ifname) : undefined;
  return node && iface ? { node, iface } : null;
}

/**
 * The machines' addresses by segment: segment -> IP -> the first machine (World order) with an
 * interface there holding it, and that interface. Per machines record, which the engine never
 * changes in place (commit makes a new one).
 */
function segmentIndex(machines: World['machines']): Map<string, Map<string, { key: string; ifname: string }>> {
  let index = segmentCache.get(machines);
  if (index) return index;
  index = new Map();
  for (const m of Object.values(machines)) {
    for (const f of m.ifaces) {
      if (!f.segment) continue;
      let bySeg = index.get(f.segment);
      if (!bySeg) {
        bySeg = new Map();
        index.set(f.segment, bySeg);
      }
      for (const a of f.addrs) if (!bySeg.has(a.ip)) bySeg.set(a.ip, { key: m.id, ifname: f.name });
    }
  }
  if (!Object.isExtensible(machines)) segmentCache.set(machines, index);
  return index;
}

const segmentCache = new WeakMap<World['machines'], Map<string, Map<string, { key: string; ifname: string }>>>();

/** Running endpoints of a bridge network by IP. */
export function bridgeIndex(ctx: Ctx, netId: string): Map<string, { key: string; ifname: string }> {
  return containerIndex(ctx.world).byNetIp.get(netId) ?? EMPTY;
}

const EMPTY = new Map<string, { key: string; ifname: string }>();

/** Appends a step. `at` is a canvas node id, or a link id when `link` is true. */
export function step(
  ctx: Ctx,
  at: string,
  action: string,
  frame: Frame,
  key: string,
  params: Record<string, string | number> = {},
  changes: TableChange[] = [],
  link = false,
): void {
  ctx.steps.push({ at: link ? { link: at } : { node: at }, action, frame, changes, explain: { key, params } });
}

/** A `Pick<World, 'rng'>` view for prng.ts helpers, bound to the context's PRNG state. */
export function rngView(ctx: Ctx): World {
  const view = {
    get rng() {
      return ctx.rng;
    },
    set rng(v: number) {
      ctx.rng = v;
    },
  };
  return view as unknown as World;
}

/**
 * Whether two rows hold the same plain data, keys in the same order (then their JSON is the same;
 * a difference JSON would not show, such as a key set to undefined, only costs a rewrite).
 */
function samePlain(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i];
    if (k !== kb[i] || !samePlain((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

const sameRows = <T extends object>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((x, i) => samePlain(x, b[i]));

/** A table written into the World is frozen like the rest of it (immer's auto-freeze), rows too. */
function frozen<T extends object>(rows: T[]): readonly T[] {
  for (const r of rows) {
    for (const v of Object.values(r)) if (v && typeof v === 'object') Object.freeze(v);
    Object.freeze(r);
  }
  return Object.freeze(rows);
}

/**
 * Writes the overlays back into a new World, advancing the clock by `ms`. Tables that only had
 * hits are left alone, so unchanged containers keep their identity (and the per-World indexes
 * stay cached). Plain structural sharing, not immer's `produce`: a draft's finalisation walked
 * every table assigned into it, which was a sixth of a NATed curl's time.
 */
export function commit(ctx: Ctx, ms: number): World {
  const w = ctx.world;
  let machines = w.machines;
  let containers = w.containers;
  let networks = w.networks;
  const machine = (id: string, patch: Partial<World['machines'][string]>) => {
    if (machines === w.machines) machines = { ...w.machines };
    machines[id] = Object.freeze({ ...machines[id], ...patch });
  };
  const changed: [string, Container][] = [];
  for (const [key, t] of ctx.arp) {
    if (w.machines[key]) {
      if (!sameRows(t, w.machines[key].arp)) machine(key, { arp: frozen(t) as ArpEntry[] });
    } else if (w.containers[key] && !sameRows(t, w.containers[key].arp)) {
      changed.push([key, Object.freeze({ ...w.containers[key], arp: frozen(t) as ArpEntry[] })]);
    }
  }
  if (changed.length) {
    // a shared record: copying a plain one of thousands of containers is O(containers) (issue 12)
    containers = withChanges(w.containers, changed);
    noteDerived(
      w.containers,
      containers,
      changed.map(([id]) => id),
    );
  }
  const fdbs: [string, Network][] = [];
  for (const [id, t] of ctx.fdb) {
    if (w.networks[id] && !sameRows(t, w.networks[id].fdb))
      fdbs.push([id, Object.freeze({ ...w.networks[id], fdb: frozen(t) as FdbEntry[] })]);
  }
  if (fdbs.length) networks = withChanges(w.networks, fdbs);
  for (const [id, t] of ctx.conntrack) {
    if (w.machines[id] && !sameRows(t, w.machines[id].conntrack))
      machine(id, { conntrack: frozen(t) as ConntrackEntry[] });
  }
  const rr = ctx.ipvs?.size && w.swarm ? { ...w.swarm.rr, ...Object.fromEntries(ctx.ipvs) } : null;
  return Object.freeze({
    ...w,
    ...(rr ? { swarm: Object.freeze({ ...w.swarm!, rr: Object.freeze(rr) }) } : {}),
    machines: machines === w.machines ? machines : Object.freeze(machines),
    containers,
    networks,
    rng: ctx.rng,
    clock: w.clock + Math.max(0, Math.round(ms)),
  });
}
