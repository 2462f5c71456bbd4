import { nodeId } from '../ids';
import type { Frame, Network, TableChange } from '../model';
import { arpOf, type Ctx, nodeOf, peerOnDomain, step } from './ctx';
import { hopUs, type L2Result, remember, transmit } from './l2';
import { frameOf, type Pkt } from './pkt';
import { daemonOfNode } from './sandbox';
import { lookupRoute, type NetNode, type NIface, tableOn } from './topo';
import { hash32 } from './wire';

/**
 * An overlay frame between containers on two nodes is a packet inside a packet (RFC 7348, facts
 * 47, 81): the inner frame (overlay IPs and MACs) leaves the container into the overlay's br0,
 * whose FDB points the remote MAC at vxlan0 and the remote node's address (programmed from
 * gossip, so ARP is answered locally by vxlan0's proxy); vxlan0 wraps it in UDP 4789 with the
 * network's VNI and the node sends that outer packet across the LAN (ARP and the switch as any
 * packet); the other node unwraps it and its br0 hands the inner frame to the container.
 * Steps keep the inner headers in `frame` and the outer ones in `frame.outer` (DESIGN §4).
 */

export const VXLAN_PORT = 4789;

/** What a send on an overlay needs when the next hop is a container on another node. */
export interface CrossNode {
  net: Network;
  peer: { node: NetNode; iface: NIface };
  /** the sending and receiving nodes' daemons (Docker host machine ids) */
  from: string;
  to: string;
}

const daemonOf = daemonOfNode;

/** Whether `out` is on an overlay and `nextHop` is a container on another node (then VXLAN carries it). */
export function crossNode(ctx: Ctx, from: NetNode, out: NIface, nextHop: string): CrossNode | null {
  const d = out.domain;
  if (d?.kind !== 'br') return null;
  const net = ctx.world.networks[d.netId];
  if (net?.scope !== 'swarm') return null;
  const peer = peerOnDomain(ctx, d, nextHop, daemonOf(from));
  if (!peer) return null;
  const a = daemonOf(from);
  const b = daemonOf(peer.node);
  if (!a || !b || a === b) return null;
  return { net, peer, from: a, to: b };
}

/** A node's VXLAN endpoint address: the address it advertises to the swarm (else its LAN address). */
function vtepIp(ctx: Ctx, machine: string): string | null {
  const n = ctx.world.swarm?.nodes.find((x) => x.machine === machine && x.status === 'ready');
  if (n) return n.addr.split(':')[0];
  const m = ctx.world.machines[machine];
  return m?.ifaces.find((f) => f.segment && f.addrs[0])?.addrs[0].ip ?? null;
}

/** Linux vxlan: the outer UDP source port is a hash of the inner flow, in the local port range 32768–60999. */
export function vxlanSourcePort(p: Pkt): number {
  return 32768 + (hash32(`${p.proto} ${p.src}:${p.sport} ${p.dst}:${p.dport}`) % (60999 - 32768 + 1));
}

/** The outer headers DESIGN §4 names, from the outer packet's frame on a wire. */
function outerOf(f: Frame, vni: number): NonNullable<Frame['outer']> {
  return {
    eth: { src: f.eth?.src ?? '', dst: f.eth?.dst ?? '' },
    ip: { src: f.ip!.src, dst: f.ip!.dst, ttl: f.ip!.ttl },
    udp: { sport: f.l4!.sport, dport: f.l4!.dport },
    vxlan: { vni },
  };
}

/** ARP on an overlay for a remote container: vxlan0 answers it on this node (proxy, l3miss), nothing crosses the LAN. */
function proxyArp(ctx: Ctx, from: NetNode, out: NIface, x: CrossNode, nextHop: string): TableChange[] {
  const cached = arpOf(ctx, from.key).find((e) => e.ip === nextHop && e.dev === out.name);
  const at = nodeId.network(x.net.id);
  if (cached && cached.mac === x.peer.iface.mac) {
    return [{ on: tableOn(from), table: 'arp', kind: 'hit', entry: { ...cached } }];
  }
  const srcIp = out.addrs[0]?.ip ?? '';
  const req: Frame = {
    eth: { src: out.mac, dst: 'ff:ff:ff:ff:ff:ff', type: 'ARP' },
    arp: { op: 'request', senderIp: srcIp, senderMac: out.mac, targetIp: nextHop, targetMac: '00:00:00:00:00:00' },
  };
  step(ctx, from.canvas, 'arp-request', req, 'arp.request', { ip: nextHop, asker: srcIp, dev: out.name });
  step(ctx, out.link, 'transmit', req, 'wire.transmit', { dev: out.name, node: from.label }, [], true);
  const mac = x.peer.iface.mac;
  const rep: Frame = {
    eth: { src: mac, dst: out.mac, type: 'ARP' },
    arp: { op: 'reply', senderIp: nextHop, senderMac: mac, targetIp: srcIp, targetMac: out.mac },
  };
  const host = ctx.world.machines[x.to]?.hostname ?? x.to;
  step(ctx, at, 'arp-reply', rep, 'vxlan.arp-proxy', { ip: nextHop, mac, host, bridge: 'br0' });
  ctx.us += hopUs({ kind: 'br', netId: x.net.id });
  step(ctx, out.link, 'transmit', rep, 'wire.receive', { dev: out.name, node: from.label }, [], true);
  const learned = remember(ctx, from, nextHop, mac, out.name);
  step(ctx, from.canvas, 'arp-learn', rep, 'arp.learn', { ip: nextHop, mac }, [learned]);
  return [];
}

/**
 * Sends `pkt` from a container out of its overlay interface to a container on another node:
 * proxy ARP, the inner frame to br0, VXLAN encapsulation, the outer packet across the LAN from
 * node to node, decapsulation, and the inner frame into the target's interface.
 */
export function vxlanTransmit(ctx: Ctx, from: NetNode, out: NIface, x: CrossNode, nextHop: string, pkt: Pkt): L2Result {
  const vni = x.net.vni ?? 0;
  const at = nodeId.network(x.net.id);
  const first = proxyArp(ctx, from, out, x, nextHop);
  const inner = frameOf(pkt, { src: out.mac, dst: x.peer.iface.mac });
  step(ctx, out.link, 'transmit', inner, 'wire.transmit', { dev: out.name, node: from.label }, first, true);
  ctx.us += hopUs({ kind: 'br', netId: x.net.id });
  const hostA = nodeOf(ctx, x.from);
  const dst = vtepIp(ctx, x.to);
  const r = hostA && dst ? lookupRoute(hostA, dst) : null;
  if (!hostA || !dst || !r) {
    step(ctx, at, 'drop', inner, 'drop.no-route', { node: from.label, dst: dst ?? '', reason: 'no-route' });
    return { ok: false, arpFailed: true };
  }
  const src = r.route.src ?? r.iface.addrs[0]?.ip ?? '';
  // the swarm's data path port (swarm init --data-path-port), 4789 unless chosen
  const dport = ctx.world.swarm?.dataPathPort ?? VXLAN_PORT;
  const outerPkt: Pkt = { src, dst, ttl: 64, proto: 'udp', sport: vxlanSourcePort(pkt), dport };
  const fdb = { mac: x.peer.iface.mac, port: 'vxlan0', dst };
  const hostB = ctx.world.machines[x.to]?.hostname ?? x.to;
  const encap = { ...inner, outer: outerOf(frameOf(outerPkt, { src: r.iface.mac, dst: '' }), vni) };
  const encapAt = ctx.steps.length;
  step(
    ctx,
    at,
    'vxlan-encap',
    encap,
    'vxlan.encap',
    { mac: fdb.mac, vtep: dst, host: hostB, vni, src, bridge: 'br0', dport },
    [{ on: at, table: 'fdb', kind: 'hit', entry: fdb }],
  );
  // the outer packet is an ordinary UDP datagram from node to node: routing, ARP and the switch apply
  const k = ctx.steps.length;
  const res = transmit(ctx, hostA, r.iface, r.route.via ?? dst, outerPkt);
  for (let i = k; i < ctx.steps.length; i++) {
    const f = ctx.steps[i].frame;
    if (f.ip && f.l4?.dport === dport && f.ip.dst === dst)
      ctx.steps[i] = { ...ctx.steps[i], frame: { ...inner, outer: outerOf(f, vni) } };
  }
  // the encapsulation step shows the outer Ethernet header the frame then leaves with
  let sent: Frame['outer'];
  for (let i = k; i < ctx.steps.length && !sent; i++) sent = ctx.steps[i].frame.outer;
  if (sent)
    ctx.steps[encapAt] = { ...ctx.steps[encapAt], frame: { ...inner, outer: { ...encap.outer, eth: sent.eth } } };
  if (!res.ok) return res;
  const hostAName = ctx.world.machines[x.from]?.hostname ?? x.from;
  step(ctx, at, 'vxlan-decap', inner, 'vxlan.decap', { host: hostB, vni, from: hostAName, src, dport });
  ctx.us += hopUs({ kind: 'br', netId: x.net.id });
  step(
    ctx,
    x.peer.iface.link,
    'transmit',
    inner,
    'wire.receive',
    { dev: x.peer.iface.name, node: x.peer.node.label },
    [],
    true,
  );
  return { ok: true, node: x.peer.node, iface: x.peer.iface };
}
