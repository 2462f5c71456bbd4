import { isL3 } from '../drivers/ipvlan';
import { nodeId } from '../ids';
import type { Network, World } from '../model';
import { type Ctx, nodeOf, step } from './ctx';
import type { L2Result } from './l2';
import { frameOf, type Pkt } from './pkt';
import type { NetNode, NIface } from './topo';

/**
 * macvlan and ipvlan endpoints in the packet engine: a container's interface that is a link of
 * its host's parent interface sits on the parent's L2 segment (the LAN), so the LAN's neighbour
 * lookup finds it there and nothing on the host (bridge, netfilter, NAT) is crossed. Three rules
 * of the kernel on top:
 * - a parent and its own macvlan/ipvlan links never exchange frames (the host cannot reach its
 *   containers, nor they the host, through eth0: fact 86); a second macvlan link of the parent on
 *   the host (the "shim", `ip link add mac0 link eth0 type macvlan mode bridge`) can, as sibling
 *   links in bridge mode do;
 * - ipvlan l2 links answer with the parent's MAC (fact 88);
 * - ipvlan l3 links send no ARP: the parent routes their packets with the host's routing table,
 *   and a packet reaching the parent for one of their addresses is handed to it (fact 89).
 */

interface LowerEp {
  key: string;
  ifname: string;
  net: Network;
}

/** The running macvlan/ipvlan endpoints by segment and address (l3 ones by parent host), per World. */
interface LowerIndex {
  /** segment -> IP -> endpoint, for links that answer ARP there (macvlan, ipvlan l2) */
  onSegment: Map<string, Map<string, LowerEp>>;
  /** "host|parent" -> IP -> endpoint, for ipvlan l3 links */
  l3: Map<string, Map<string, LowerEp>>;
}

const cache = new WeakMap<object, { networks: object; index: LowerIndex }>();

const parentKey = (host: string, parent: string) => `${host}|${parent.split('.')[0]}`;

function lowerIndex(world: World): LowerIndex {
  const hit = cache.get(world.containers);
  if (hit && hit.networks === world.networks) return hit.index;
  const index: LowerIndex = { onSegment: new Map(), l3: new Map() };
  const put = (m: Map<string, Map<string, LowerEp>>, k: string, ip: string, e: LowerEp) => {
    let t = m.get(k);
    if (!t) {
      t = new Map();
      m.set(k, t);
    }
    t.set(ip, e);
  };
  for (const c of Object.values(world.containers)) {
    if (c.state !== 'running') continue;
    for (const ep of c.endpoints) {
      const net = world.networks[ep.networkId];
      if (!net || net.segment === undefined || !ep.ip || !ep.ifname || !ep.endpointId) continue;
      const e = { key: c.id, ifname: ep.ifname, net };
      if (isL3(net)) put(index.l3, parentKey(c.daemon, net.options.parent ?? ''), ep.ip, e);
      else put(index.onSegment, net.segment, ep.ip, e);
    }
  }
  cache.set(world.containers, { networks: world.networks, index });
  return index;
}

/** The container holding `ip` on segment `seg` through a macvlan/ipvlan l2 link, if any. */
export function lowerPeer(world: World, seg: string, ip: string): { key: string; ifname: string } | null {
  return lowerIndex(world).onSegment.get(seg)?.get(ip) ?? null;
}

/** The macvlan/ipvlan network a container interface belongs to (null: not such a link). */
function lowerNetOf(world: World, node: NetNode, iface: NIface): Network | null {
  const c = node.container;
  if (!c) return null;
  const ep = c.endpoints.find((e) => e.ifname === iface.name);
  const net = ep ? world.networks[ep.networkId] : undefined;
  return net?.segment !== undefined ? net : null;
}

/** The parent interface `iface` of a machine hangs off ("eth0" for itself, its lower link for a shim). */
function machineParent(node: NetNode, iface: NIface): { parent: string; isLink: boolean } | null {
  const f = node.machine?.ifaces.find((x) => x.name === iface.name);
  if (!f) return null;
  return f.parent ? { parent: f.parent, isLink: true } : { parent: f.name, isLink: false };
}

/**
 * Why a frame between `a` (sending on `aIf`) and `b` (on `bIf`) never arrives: one is a parent
 * interface and the other one of its own macvlan/ipvlan links. Null when the frame passes.
 */
export function parentBlock(
  world: World,
  a: NetNode,
  aIf: NIface,
  b: NetNode,
  bIf: NIface,
): { host: string; parent: string; network: string; driver: string } | null {
  // a macvlan/ipvlan link is on its parent's segment: between two other interfaces nothing is blocked
  if (aIf.domain?.kind !== 'seg' && bIf.domain?.kind !== 'seg') return null;
  const check = (m: NetNode, mIf: NIface, c: NetNode, cIf: NIface) => {
    const net = lowerNetOf(world, c, cIf);
    if (!net || !m.machine || net.daemon !== m.machine.id) return null;
    const at = machineParent(m, mIf);
    const parent = (net.options.parent ?? '').split('.')[0];
    if (!at || at.isLink || at.parent !== parent) return null;
    return { host: m.label, parent, network: net.name, driver: net.driver };
  };
  return check(a, aIf, b, bIf) ?? check(b, bIf, a, aIf);
}

/** Tells the frame lost between a parent and its own link, where the parent is. */
export function tellParentBlock(ctx: Ctx, at: NetNode, pkt: Pkt, why: NonNullable<ReturnType<typeof parentBlock>>) {
  step(ctx, at.canvas, 'drop', frameOf(pkt), 'drop.lower-parent', { ...why, reason: 'lower-parent' });
}

/** Whether `out` is an ipvlan l3 link (NOARP: its parent routes for it). */
export function l3Link(world: World, node: NetNode, out: NIface): Network | null {
  const net = lowerNetOf(world, node, out);
  return net && isL3(net) ? net : null;
}

/**
 * An ipvlan l3 container sends: no ARP; the packet goes down to the parent, which routes it with
 * its host's table as if it came in there (another l3 link of the same parent gets it directly).
 * Returns where the packet continues: the host's node and its parent interface, or the peer link.
 */
export function l3Handoff(ctx: Ctx, from: NetNode, out: NIface, net: Network, p: Pkt): L2Result | null {
  const host = net.daemon ? nodeOf(ctx, net.daemon) : null;
  const parent = (net.options.parent ?? '').split('.')[0];
  const iface = host?.ifaces.find((f) => f.name === parent);
  if (!host || !iface) return null;
  const params = { node: from.label, dev: out.name, host: host.label, parent, network: net.name };
  step(ctx, out.link, 'transmit', frameOf(p), 'ipvlan.l3-out', params, [], true);
  ctx.us += 6;
  return { ok: true, node: host, iface };
}

/**
 * A packet reaching a host's parent interface (or sent through it by one of its l3 links) for an
 * address of an ipvlan l3 link on that parent: the ipvlan driver hands it to the link before the
 * host's own IP stack sees it. Returns the container's node and interface, or null.
 */
export function l3Demux(ctx: Ctx, node: NetNode, inIf: NIface | null, p: Pkt): { node: NetNode; iface: NIface } | null {
  if (!inIf || !node.machine) return null;
  const hit = lowerIndex(ctx.world).l3.get(parentKey(node.machine.id, inIf.name))?.get(p.dst);
  if (!hit) return null;
  const c = nodeOf(ctx, hit.key);
  const iface = c?.ifaces.find((f) => f.name === hit.ifname);
  if (!c || !iface) return null;
  step(ctx, node.canvas, 'forward', frameOf(p), 'ipvlan.l3-in', {
    host: node.label,
    parent: inIf.name,
    dst: p.dst,
    node: c.label,
    network: hit.net.name,
  });
  step(ctx, iface.link, 'transmit', frameOf(p), 'wire.receive', { dev: iface.name, node: c.label }, [], true);
  ctx.us += 6;
  return { node: c, iface };
}

/** The canvas node of a macvlan/ipvlan network (its box by the parent). */
export const lowerCanvas = (net: Network): string => nodeId.network(net.id);
