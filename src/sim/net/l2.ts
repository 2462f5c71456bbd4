import type { ArpEntry, Frame, TableChange } from '../model';
import { DELAY_MS, FDB_REFRESH_MS, liveFdb, neighState, showsLladdr } from './ageing';
import { arpOf, type Ctx, fdbOf, nowMs, peerOnDomain, step } from './ctx';
import { parentBlock, tellParentBlock } from './lanAttach';
import { solicit } from './ndp';
import { frameOf, type Pkt } from './pkt';
import { daemonOfNode } from './sandbox';
import { type Domain, domainCanvas, type NetNode, type NIface, tableOn } from './topo';

/**
 * Layer 2: ARP resolution of the next hop, the Linux bridge (FDB learning, flooding, forwarding)
 * and the LAN switch. Every frame is walked from the sender's link through the domain to the
 * receiver's link, so the canvas can animate it edge by edge.
 */

const BROADCAST = 'ff:ff:ff:ff:ff:ff';

/** One-way latency of a domain in microseconds: veth/bridge, home LAN, ISP uplink, internet. */
export function hopUs(d: Domain): number {
  if (d.kind === 'br') return 12;
  if (d.id === 'lan') return 110;
  return d.id === 'inet-router' ? 3800 : 1400;
}

export type L2Result =
  | { ok: true; node: NetNode; iface: NIface }
  | { ok: false; arpFailed: true }
  | { ok: false; arpFailed?: false; filtered: true }
  /** sent to a MAC the cache still has, which nobody on the link has any more */
  | { ok: false; arpFailed?: false; lost: true };

/**
 * br_netfilter at a bridge: called once the bridge has chosen the port a frame leaves by, before
 * the frame reaches the machine behind it; false drops it there (the hook tells its own steps).
 */
export type BridgeFilter = (out: NIface, to: NIface) => boolean;

/** Learns `mac` on bridge port `port` and returns the change (add, or hit when already known). */
function learn(ctx: Ctx, netId: string, mac: string, port: string | undefined): TableChange | null {
  if (!port) return null; // the bridge device's own MAC is local, not learned on a port
  const fdb = fdbOf(ctx, netId);
  const e = fdb.find((x) => x.mac === mac);
  const on = `net:${netId}`;
  // br_fdb_update refreshes the entry's `updated` time with every frame from the MAC (here at
  // most every FDB_REFRESH_MS: rewriting the table on every frame cost a large World's packets 15 %)
  const at = nowMs(ctx);
  if (e && e.port === port) {
    if (e.at !== undefined && at - e.at >= FDB_REFRESH_MS) e.at = at;
    return { on, table: 'fdb', kind: 'hit', entry: { ...e } };
  }
  if (e) {
    e.port = port;
    e.at = at;
    return { on, table: 'fdb', kind: 'update', entry: { ...e } };
  }
  const n = { mac, port, at };
  fdb.push(n);
  return { on, table: 'fdb', kind: 'add', entry: { ...n } };
}

/**
 * Walks one frame from `out` across its domain to `to`. `broadcast` floods instead of forwarding.
 * `ends` names the machines or containers at either end, so the narration says whose eth0 it is.
 */
export function wire(
  ctx: Ctx,
  ends: { from: string; to?: string },
  out: NIface,
  to: NIface | null,
  frame: Frame,
  broadcast: boolean,
  first: TableChange[] = [],
  filter?: BridgeFilter,
): boolean {
  const d = out.domain!;
  step(ctx, out.link, 'transmit', frame, 'wire.transmit', { dev: out.name, node: ends.from }, first, true);
  const canvas = domainCanvas(d);
  // IPv6 multicast (33:33:…, a neighbour solicitation's group) is flooded as a broadcast is
  const multicast = broadcast && frame.eth!.dst.startsWith('33:33:');
  if (d.kind === 'br') {
    const learned = learn(ctx, d.netId, frame.eth!.src, out.port);
    if (learned?.kind === 'add' || learned?.kind === 'update') {
      step(ctx, canvas!, 'fdb-learn', frame, 'bridge.learn', { mac: frame.eth!.src, port: out.port! }, [learned]);
    }
    const bridge = ctx.world.networks[d.netId]?.bridge ?? '';
    if (multicast) {
      step(ctx, canvas!, 'flood', frame, 'bridge.flood-multicast', { bridge, mac: frame.eth!.dst });
    } else if (broadcast) {
      step(ctx, canvas!, 'flood', frame, 'bridge.flood', { bridge });
    } else {
      const hit = fdbOf(ctx, d.netId).find((x) => x.mac === frame.eth!.dst);
      const changes: TableChange[] = learned?.kind === 'hit' ? [learned] : [];
      if (hit) {
        changes.push({ on: canvas!, table: 'fdb', kind: 'hit', entry: { ...hit } });
        // an entry the bridge had before this command (an earlier ping) is narrated as such
        const before = liveFdb(ctx.world.networks[d.netId]?.fdb ?? [], ctx.world.clock).some(
          (x) => x.mac === hit.mac && x.port === hit.port,
        );
        const key = before ? 'bridge.forward-known' : 'bridge.forward';
        step(ctx, canvas!, 'forward', frame, key, { bridge, port: hit.port, mac: hit.mac }, changes);
      } else if (to && !to.port) {
        step(ctx, canvas!, 'forward', frame, 'bridge.up', { bridge }, changes);
      } else {
        step(ctx, canvas!, 'flood', frame, 'bridge.flood-unknown', { bridge, mac: frame.eth!.dst }, changes);
      }
    }
  } else if (canvas) {
    const key = multicast ? 'switch.flood-multicast' : broadcast ? 'switch.flood' : 'switch.forward';
    step(ctx, canvas, broadcast ? 'flood' : 'forward', frame, key, { segment: d.id, mac: frame.eth!.dst });
  }
  if (d.kind === 'br' && to?.port && filter && !filter(out, to)) return false;
  ctx.us += hopUs(d);
  if (to) step(ctx, to.link, 'transmit', frame, 'wire.receive', { dev: to.name, node: ends.to ?? '' }, [], true);
  return true;
}

function arpFrame(
  op: 'request' | 'reply',
  src: NIface,
  srcIp: string,
  dstMac: string,
  targetIp: string,
  targetMac: string,
): Frame {
  return {
    eth: { src: src.mac, dst: dstMac, type: 'ARP' },
    arp: { op, senderIp: srcIp, senderMac: src.mac, targetIp, targetMac },
  };
}

/**
 * Stores `ip` -> `mac` in `node`'s neighbour cache. The asker learns its answer as REACHABLE; the
 * target of a request notes the asker from it as STALE (neigh_event_ns: nothing confirmed it yet),
 * and a known neighbour's request with the same MAC leaves its entry as it is (neigh_update keeps
 * a valid state when the new one is STALE). The target's first packet there puts it in DELAY.
 */
export function remember(
  ctx: Ctx,
  node: NetNode,
  ip: string,
  mac: string,
  dev: string,
  state: 'REACHABLE' | 'STALE' = 'REACHABLE',
  router = false,
): TableChange {
  const cache = arpOf(ctx, node.key);
  const e = cache.find((x) => x.ip === ip && x.dev === dev);
  if (e) {
    if (state === 'STALE' && e.mac === mac && e.state !== 'PERMANENT' && e.state !== 'FAILED')
      return { on: tableOn(node), table: 'arp', kind: 'hit', entry: { ...e } };
    e.mac = mac;
    e.state = state;
    e.at = nowMs(ctx);
    delete e.garp;
    if (router) e.router = true;
    return { on: tableOn(node), table: 'arp', kind: 'update', entry: { ...e } };
  }
  const n: ArpEntry = { ip, mac, dev, state, at: nowMs(ctx), ...(router ? { router: true as const } : {}) };
  cache.push(n);
  return { on: tableOn(node), table: 'arp', kind: 'add', entry: { ...n } };
}

/**
 * A packet goes out through a cached entry (neigh_event_send): a STALE one is used at once and
 * enters DELAY; a DELAY one whose 5 s have passed was confirmed then (ageing.ts), so it is stored
 * as REACHABLE from that moment.
 */
function neighbourUsed(e: ArpEntry, now: number): void {
  const shown = neighState(e, now);
  if (e.state === 'DELAY' && shown !== 'DELAY') {
    e.state = 'REACHABLE';
    e.at = (e.at ?? now) + DELAY_MS;
  }
  if (neighState(e, now) === 'STALE') {
    e.state = 'DELAY';
    e.at = now;
  }
}

/**
 * The neighbour at `ip` gave no answer: `node` keeps an entry FAILED from now (ageing.ts shows it
 * INCOMPLETE, or DELAY then PROBE while the kernel still asks). A new entry or a FAILED one asked
 * again has no address; one whose neighbour has gone keeps the MAC it had. An entry still
 * INCOMPLETE (its requests going out) is left as it is.
 */
export function unanswered(
  ctx: Ctx,
  node: NetNode,
  ip: string,
  dev: string,
  cached: ArpEntry | undefined,
): TableChange {
  const now = nowMs(ctx);
  if (cached) {
    if (cached.state !== 'FAILED' || neighState(cached, now) !== 'INCOMPLETE') {
      if (cached.state === 'FAILED') cached.mac = '';
      cached.state = 'FAILED';
      cached.at = now;
    }
    return { on: tableOn(node), table: 'arp', kind: 'update', entry: { ...cached } };
  }
  const n: ArpEntry = { ip, mac: '', dev, state: 'FAILED', at: now };
  arpOf(ctx, node.key).push(n);
  return { on: tableOn(node), table: 'arp', kind: 'add', entry: { ...n } };
}

/**
 * The cache still has a MAC for the next hop, but nobody on the link has it any more (the
 * container was removed, nothing took its address). Linux does not ask: the frame goes to the old
 * MAC, the bridge has forgotten that MAC with its port and floods it, and no interface takes it. A
 * REACHABLE entry stays so until it is stale; a STALE one used now goes DELAY, then PROBE (unicast
 * probes unanswered), then FAILED (ageing.ts failingState).
 */
function sentToGone(
  ctx: Ctx,
  from: NetNode,
  out: NIface,
  cached: ArpEntry,
  pkt: Pkt,
  blocked: ReturnType<typeof parentBlock>,
): L2Result {
  const now = nowMs(ctx);
  const shown = neighState(cached, now);
  const change: TableChange =
    shown === 'STALE'
      ? unanswered(ctx, from, cached.ip, cached.dev, cached)
      : { on: tableOn(from), table: 'arp', kind: 'hit', entry: { ...cached } };
  const frame = frameOf(pkt, { src: out.mac, dst: cached.mac });
  wire(ctx, { from: from.label }, out, null, frame, false, [change]);
  const at = (out.domain && domainCanvas(out.domain)) ?? from.canvas;
  const params = { node: from.label, ip: cached.ip, mac: cached.mac, state: shown };
  step(ctx, at, 'drop', frame, 'drop.neigh-gone', { ...params, reason: 'neigh-gone' });
  if (blocked) tellParentBlock(ctx, from, pkt, blocked);
  return { ok: false, lost: true };
}

/** Whether the ARP entry was in `key`'s cache before this command (not learned by it). */
function knewBefore(ctx: Ctx, key: string, e: ArpEntry): boolean {
  const base = ctx.world.machines[key]?.arp ?? ctx.world.containers[key]?.arp ?? [];
  return base.some((x) => x.ip === e.ip && x.dev === e.dev && x.mac === e.mac);
}

/**
 * Sends `pkt` out of `out` to the next hop `nextHop`: ARP first when the cache has no valid
 * entry (request flooded, unicast reply, both caches filled), then the frame itself.
 */
export function transmit(
  ctx: Ctx,
  from: NetNode,
  out: NIface,
  nextHop: string,
  pkt: Pkt,
  filter?: BridgeFilter,
): L2Result {
  const d = out.domain!;
  // an IPv6 next hop: neighbour discovery's words and steps in place of ARP's
  const v6 = nextHop.includes(':');
  const found = peerOnDomain(ctx, d, nextHop, daemonOfNode(from));
  // a parent and its own macvlan/ipvlan links never hear each other (lanAttach.ts)
  const blocked = found && parentBlock(ctx.world, from, out, found.node, found.iface);
  const peer = blocked ? null : found;
  const cached = arpOf(ctx, from.key).find((e) => e.ip === nextHop && e.dev === out.name);
  const first: TableChange[] = [];
  if (cached && cached.state !== 'FAILED' && cached.mac && peer && cached.mac !== peer.iface.mac) {
    // the address has a new holder: its interface came up with Docker's unsolicited ARPs
    const params = { node: from.label, ip: nextHop, mac: peer.iface.mac };
    const frame = frameOf(pkt, { src: out.mac, dst: peer.iface.mac });
    // libnetwork's unsolicited ARPs (osl advertiseAddrs, v27+: three broadcasts, 1 s apart, as the
    // endpoint comes up): Linux's arp_process updates the entry it has, as STALE (arp_accept 0 creates none)
    step(ctx, from.canvas, v6 ? 'nd-hit' : 'arp-hit', frame, v6 ? 'ndp.unsolicited' : 'arp.unsolicited', params, [
      remember(ctx, from, nextHop, peer.iface.mac, out.name, 'STALE'),
    ]);
  }
  if (cached?.mac && showsLladdr(neighState(cached, nowMs(ctx))) && !peer)
    return sentToGone(ctx, from, out, cached, pkt, blocked);
  if (cached && cached.state !== 'FAILED' && peer && cached.mac === peer.iface.mac) {
    const advertised = cached.garp;
    delete cached.garp;
    neighbourUsed(cached, nowMs(ctx));
    const hit: TableChange = { on: tableOn(from), table: 'arp', kind: 'hit', entry: { ...cached } };
    const told = `${from.key}|${nextHop}|${out.name}`;
    if (advertised) {
      // the holder's unsolicited ARPs at its start gave the entry this MAC (net/garp.ts)
      ctx.toldArp = (ctx.toldArp ?? new Set()).add(told);
      const frame = frameOf(pkt, { src: out.mac, dst: cached.mac });
      const params = { node: from.label, ip: nextHop, mac: cached.mac };
      step(ctx, from.canvas, v6 ? 'nd-hit' : 'arp-hit', frame, v6 ? 'ndp.unsolicited' : 'arp.unsolicited', params, [
        hit,
      ]);
    } else if (knewBefore(ctx, from.key, cached) && !ctx.toldArp?.has(told)) {
      // said once per neighbour and command; a curl's later segments only flash the entry
      ctx.toldArp = (ctx.toldArp ?? new Set()).add(told);
      // known from an earlier command: say so, instead of only flashing the table
      const frame = frameOf(pkt, { src: out.mac, dst: cached.mac });
      const params = { node: from.label, ip: nextHop, mac: cached.mac };
      step(ctx, from.canvas, v6 ? 'nd-hit' : 'arp-hit', frame, v6 ? 'ndp.hit' : 'arp.hit', params, [hit]);
    } else first.push(hit);
  } else if (v6) {
    const res = solicit(ctx, from, out, nextHop, pkt, peer, cached);
    if (!res.ok) {
      if (blocked) tellParentBlock(ctx, from, pkt, blocked);
      return res;
    }
  } else {
    const srcIp = out.addrs[0]?.ip ?? pkt.src;
    const req = arpFrame('request', out, srcIp, BROADCAST, nextHop, '00:00:00:00:00:00');
    step(ctx, from.canvas, 'arp-request', req, 'arp.request', { ip: nextHop, asker: srcIp, dev: out.name });
    wire(ctx, { from: from.label, to: peer?.node.label }, out, peer?.iface ?? null, req, true);
    if (!peer) {
      const failed = unanswered(ctx, from, nextHop, out.name, cached);
      step(ctx, from.canvas, 'drop', req, 'drop.arp-unanswered', { ip: nextHop, reason: 'host-unreachable' }, [failed]);
      // the last word is why: the parent and its own links never hear each other
      if (blocked) tellParentBlock(ctx, from, pkt, blocked);
      return { ok: false, arpFailed: true };
    }
    const learnedThere = remember(ctx, peer.node, srcIp, out.mac, peer.iface.name, 'STALE');
    const rep = arpFrame('reply', peer.iface, nextHop, out.mac, srcIp, out.mac);
    step(ctx, peer.node.canvas, 'arp-reply', rep, 'arp.reply', { ip: nextHop, mac: peer.iface.mac, asker: srcIp }, [
      learnedThere,
    ]);
    wire(ctx, { from: peer.node.label, to: from.label }, peer.iface, out, rep, false);
    const learnedHere = remember(ctx, from, nextHop, peer.iface.mac, out.name);
    step(ctx, from.canvas, 'arp-learn', rep, 'arp.learn', { ip: nextHop, mac: peer.iface.mac }, [learnedHere]);
    ctx.us += 900; // the first packet waits for neighbour resolution (lab: 1.32 ms vs 0.080 ms)
  }
  const frame = frameOf(pkt, { src: out.mac, dst: peer!.iface.mac });
  if (!wire(ctx, { from: from.label, to: peer!.node.label }, out, peer!.iface, frame, false, first, filter)) {
    return { ok: false, filtered: true };
  }
  return { ok: true, node: peer!.node, iface: peer!.iface };
}

/**
 * Sends `pkt` to a broadcast address out of `out`: no ARP (the neighbour of a broadcast address
 * is ff:ff:ff:ff:ff:ff), the frame is flooded to every machine on the link, and every one of them
 * ignores it, as Linux does with net.ipv4.icmp_echo_ignore_broadcasts = 1 (the default).
 */
export function broadcastIgnored(ctx: Ctx, from: NetNode, out: NIface, pkt: Pkt): void {
  const frame = frameOf(pkt, { src: out.mac, dst: BROADCAST });
  wire(ctx, { from: from.label }, out, null, frame, true);
  const at = (out.domain && domainCanvas(out.domain)) ?? from.canvas;
  step(ctx, at, 'drop', frame, 'drop.broadcast-ignored', { node: from.label, dst: pkt.dst, reason: 'broadcast' });
}
