import { DOCKER_HOST, nodeId } from '../ids';
import { broadcastOf, inCidr, isLoopback } from './addr';
import { ctChange, ctLookup, ctNew, ctRecord, ctRelated, ctSeen, ctTouch, ctTranslate } from './conntrack';
import { type Ctx, step } from './ctx';
import { broadcastIgnored, type L2Result, transmit } from './l2';
import { l3Demux, l3Handoff, l3Link } from './lanAttach';
import {
  bridgedForward,
  type DropReason,
  dockerDnat,
  dockerForward,
  dockerMasquerade,
  isDesktopPc,
  isDesktopSegment,
  isHomeRouter,
  routerDnat,
  routerMasquerade,
  tracks,
  unmasqueradedNet,
  vpnkitMasquerade,
} from './netfilter';
import { frameOf, type Pkt, summarize } from './pkt';
import { gwbridgeMasquerade, ingressDnat, ingressRedirect, ipvsSchedule, ipvsSnat } from './sandbox';
import { lookupRoute, type NetNode, type NIface, ownsIp, tableOn } from './topo';
import { crossNode, vxlanTransmit } from './vxlan';

/**
 * Layer 3: a packet leaves a namespace and is routed hop by hop (netfilter hooks, conntrack,
 * NAT, TTL) until it is delivered locally or dropped. At most MAX_HOPS hops, so every walk ends.
 */

export type Delivery =
  | { kind: 'local'; node: NetNode; pkt: Pkt; inIf: NIface | null }
  | { kind: 'drop'; reason: DropReason; node: NetNode }
  /** the sender has no route: the socket call fails with ENETUNREACH, nothing is sent */
  | { kind: 'unreachable' }
  /** the sender's own ARP got no answer: EHOSTUNREACH */
  | { kind: 'host-unreachable'; node: NetNode };

const MAX_HOPS = 16;

/** Drops narrated with ip6tables' words for an IPv6 packet (the same chains, the other table set). */
const V6_WORDED = new Set<DropReason>(['isolated', 'icc']);

/** An ipvlan l3 link whose parent is gone: nothing carries its packets. */
const NO_PARENT: L2Result = { ok: false, arpFailed: true };

function drop(
  ctx: Ctx,
  node: NetNode,
  p: Pkt,
  reason: DropReason,
  params: Record<string, string | number> = {},
  key = `drop.${reason}${p.dst.includes(':') && V6_WORDED.has(reason) ? '6' : ''}`,
) {
  step(ctx, node.canvas, 'drop', frameOf(p), key, { node: node.label, dst: p.dst, reason, ...params });
  return { kind: 'drop' as const, reason, node };
}

/** RFC 1918 private space, which no router on the internet forwards. */
function isPrivate(ip: string): boolean {
  if (ip.includes(':')) return ip.startsWith('fd') || ip.startsWith('fc');
  return ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].some((c) => inCidr(ip, c));
}

/** Picks the source address the kernel would for a new packet from `node` to `dst`. */
export function sourceFor(node: NetNode, dst: string): string | null {
  if (isLoopback(dst)) return dst === '::1' ? dst : '127.0.0.1';
  if (ownsIp(node, dst)) return dst;
  const r = lookupRoute(node, dst);
  if (r && dst.includes(':')) return r.route.src ?? r.iface.addrs6?.[0]?.ip ?? null;
  return r ? (r.route.src ?? r.iface.addrs[0]?.ip ?? null) : null;
}

/**
 * Sends `pkt` from `origin` (its `src` must be set, see `sourceFor`) and walks it to its end.
 * `action` names the first step ('send' for requests, 'reply' for answers).
 */
export function send(ctx: Ctx, origin: NetNode, pkt: Pkt, action: 'send' | 'reply'): Delivery {
  const p = { ...pkt };
  step(ctx, origin.canvas, action, frameOf(p), action === 'send' ? 'ip.send' : 'ip.reply', {
    node: origin.label,
    packet: summarize(p),
  });
  let node = origin;
  let inIf: NIface | null = null;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const demux = l3Demux(ctx, node, inIf, p);
    if (demux) ({ node, iface: inIf } = demux);
    // a sandbox keeps its own conntrack; so does a task once its REDIRECT made an entry (this command)
    const lookup =
      tracks(node) || node.sandbox !== undefined || (node.container !== undefined && ctx.conntrack.has(node.key));
    // Docker Desktop's PC keeps vpnkit's connections only, the VM's: its own traffic is untracked
    let tracked = lookup && (!isDesktopPc(node) || (inIf !== null && isDesktopSegment(inIf)));
    const before: Pkt = { ...p };
    // an ICMP error quoting a NATed packet is RELATED to its flow: undone like the flow's replies
    const related = lookup && p.inner ? ctRelated(ctx, node.key, p) : null;
    if (related && p.inner) {
      const to = related.orig.src;
      if (to !== p.dst) {
        const from = p.dst;
        p.dst = to;
        p.inner = { ...p.inner, src: to, sport: related.orig.sport };
        step(
          ctx,
          node.canvas,
          'un-nat',
          frameOf(p),
          'nat.related',
          { node: node.label, from, to, type: p.icmpType ?? '' },
          [ctChange(tableOn(node), related, 'hit')],
        );
      }
    }
    const hit = lookup && !related ? ctLookup(ctx, node.key, p) : null;
    let dnatted = false;
    // a swarm node's DOCKER-INGRESS comes before its DOCKER chain (nat PREROUTING and OUTPUT)
    const ingressed = !hit && node.daemon !== undefined && dnatIngress(ctx, node, p);
    let ipvs: { snat: string; subnet: string } | null = null;
    // conntrack's NAT of a tracked flow happens in two hooks: the destination in PREROUTING (before
    // routing: DNAT, and a masqueraded flow's reply un-SNATed), the source in POSTROUTING (after
    // FORWARD: masquerade, and a DNATed flow's reply un-DNATed), or INPUT for a local delivery
    let pendingSrc: { src: string; sport: number; params: Record<string, string> } | null = null;
    if (hit) {
      ctTouch(ctx, node.key, hit.entry);
      // the segment moves the TCP state on (SYN_RECV, ESTABLISHED, ...): this step shows the row so
      const moved = ctSeen(ctx, hit.entry, hit.dir, p);
      ctTranslate(hit, p);
      const dstChanged = before.dst !== p.dst || before.dport !== p.dport;
      const srcChanged = before.src !== p.src || before.sport !== p.sport;
      dnatted = hit.dir === 'orig' && dstChanged;
      const params = {
        node: node.label,
        from: `${before.dst}:${before.dport}`,
        to: `${p.dst}:${p.dport}`,
        src: `${before.src}`,
        newSrc: `${p.src}`,
        sfrom: `${before.src}:${before.sport}`,
        sto: `${p.src}:${p.sport}`,
        state: hit.entry.state || 'ESTABLISHED',
      };
      if (srcChanged) {
        pendingSrc = { src: p.src, sport: p.sport, params };
        p.src = before.src;
        p.sport = before.sport;
      }
      // a reply un-NATs only what the request's NAT changed: the narration names that side alone
      const act = !dstChanged ? 'conntrack-hit' : hit.dir === 'reply' ? 'un-nat' : 'dnat';
      const key = { 'conntrack-hit': 'ct.hit', dnat: 'nat.ct-dnat', 'un-nat': 'nat.un-snat' }[act];
      step(ctx, node.canvas, act, frameOf(p), key, params, [
        ctChange(tableOn(node), hit.entry, moved ? 'update' : 'hit'),
      ]);
      if (pendingSrc) pendingSrc.params.dir = hit.dir;
    } else if (ingressed) {
      dnatted = true;
    } else if (node.sandbox) {
      const v = ipvsSchedule(ctx, node, p);
      if (v === 'drop') return { kind: 'drop', reason: 'no-backend', node };
      if (v) {
        ipvs = v;
        dnatted = true;
      }
    } else if (node.container && inIf && ingressRedirect(ctx, node, inIf, p)) {
      dnatted = true;
      tracked = true;
    } else if (node.daemon) {
      const t = dockerDnat(ctx, node, inIf, p);
      if (t) {
        dnatted = true;
        dnatStep(ctx, node, p, t, 'nat.dnat', { chain: 'DOCKER', rule: 'DNAT' }, { container: t.container.name });
      }
    } else if (tracked && isHomeRouter(node)) {
      const t = routerDnat(node, inIf, p);
      if (t) {
        dnatted = true;
        dnatStep(ctx, node, p, t, 'nat.portfwd', { rule: 'port-forward' }, {});
      }
    }

    if (isLoopback(p.dst) || ownsIp(node, p.dst)) {
      if (pendingSrc) applySrc(ctx, node, p, pendingSrc);
      if (!inIf) step(ctx, node.canvas, 'loopback', frameOf(p), 'ip.loopback', { node: node.label, dst: p.dst });
      if (tracked && !hit) {
        const e = ctNew(ctx, node.key, before, p);
        step(ctx, node.canvas, 'conntrack-new', frameOf(p), 'ct.new', { node: node.label }, [
          ctChange(tableOn(node), e, 'add'),
        ]);
      }
      step(ctx, node.canvas, 'deliver', frameOf(p), 'ip.deliver', { node: node.label, packet: summarize(p) });
      ctx.us += 8;
      return { kind: 'local', node, pkt: p, inIf };
    }
    if (inIf && !node.forwarding) return drop(ctx, node, p, 'not-for-me');
    const bcast = inIf ? null : broadcastIface(node, p.dst);
    if (bcast) {
      broadcastIgnored(ctx, node, bcast, p);
      return { kind: 'drop', reason: 'broadcast', node };
    }
    const r = lookupRoute(node, p.dst);
    // Docker Desktop: the VM's segment is vpnkit's, reached over shared memory, not an interface
    // of the PC's own stack; only answers to the VM go out there (docs: "I cannot ping my containers")
    if (r && !inIf && action === 'send' && isDesktopPc(node) && isDesktopSegment(r.iface))
      return { kind: 'unreachable' };
    if (!r) {
      if (!inIf) return { kind: 'unreachable' };
      // the internet drops private destinations: say so, it is why a LAN address is unreachable
      return drop(ctx, node, p, 'no-route', {}, isPrivate(p.dst) ? 'drop.no-route-private' : undefined);
    }
    if (inIf) {
      if (p.ttl <= 1) return drop(ctx, node, p, 'ttl-exceeded');
      p.ttl -= 1;
      step(
        ctx,
        node.canvas,
        'route',
        frameOf(p),
        r.route.via ? 'ip.route-via' : 'ip.route',
        {
          node: node.label,
          dst: p.dst,
          dev: r.iface.name,
          via: r.route.via ?? '',
          ttl: p.ttl,
        },
        [{ on: tableOn(node), table: 'route', kind: 'hit', entry: { ...r.route } }],
      );
      // filter DOCKER-FORWARD jumps to DOCKER-INGRESS first, which accepts the published port;
      // RELATED passes DOCKER-CT's `--ctstate RELATED,ESTABLISHED -j ACCEPT` as an established flow does
      if (node.daemon && !hit && !ingressed && !related) {
        const reason = dockerForward(ctx, inIf, r.iface, p, dnatted);
        if (reason) return drop(ctx, node, p, reason, { dev: r.iface.name });
      }
    }
    if (pendingSrc) applySrc(ctx, node, p, pendingSrc);
    if (!hit && ipvs) ipvsSnat(ctx, node, ipvs, p);
    if (!hit && !related) {
      const masq = node.daemon
        ? (gwbridgeMasquerade(node, r.iface, p) ?? dockerMasquerade(ctx, node.daemon, r.iface, p))
        : isHomeRouter(node)
          ? routerMasquerade(node, r.iface, p)
          : isDesktopPc(node)
            ? vpnkitMasquerade(node, inIf, r.iface, p)
            : null;
      const bare = node.daemon && inIf && !masq ? unmasqueradedNet(ctx, node.daemon, r.iface, p) : null;
      if (bare) {
        // no MASQUERADE rule for this subnet: the packet leaves with the container's own address
        step(ctx, node.canvas, 'forward', frameOf(p), 'nat.no-masquerade', {
          node: node.label,
          src: p.src,
          subnet: bare.ipam!.subnet,
          network: bare.name,
          dev: r.iface.name,
          option: bridgeWhy(bare),
        });
      }
      if (masq && masq !== p.src) {
        const old = p.src;
        p.src = masq;
        step(
          ctx,
          node.canvas,
          'snat',
          frameOf(p),
          'nat.snat',
          { node: node.label, from: old, to: masq, dev: r.iface.name },
          [
            {
              on: node.canvas,
              table: 'nat',
              kind: 'hit',
              entry: { chain: 'POSTROUTING', rule: 'MASQUERADE', from: old, to: masq },
            },
          ],
        );
      }
      // an ICMP error opens no flow of its own (it is RELATED to one, or untracked)
      if (tracked && !p.inner) {
        const e = ctNew(ctx, node.key, before, p);
        step(ctx, node.canvas, 'conntrack-new', frameOf(p), 'ct.new', { node: node.label }, [
          ctChange(tableOn(node), e, 'add'),
        ]);
      }
    }
    const filter =
      node.kind === 'container'
        ? (_: NIface, to: NIface) => bridgeNetfilter(ctx, node.container?.daemon ?? DOCKER_HOST, r.iface, to, p)
        : undefined;
    const l3 = l3Link(ctx.world, node, r.iface);
    const hop = r.route.via ?? p.dst;
    const cross = l3 ? null : crossNode(ctx, node, r.iface, hop);
    const res = l3
      ? (l3Handoff(ctx, node, r.iface, l3, p) ?? NO_PARENT)
      : cross
        ? vxlanTransmit(ctx, node, r.iface, cross, hop, p)
        : transmit(ctx, node, r.iface, hop, p, filter);
    if (!res.ok) {
      if ('lost' in res) return { kind: 'drop', reason: 'neigh-gone', node };
      if (!res.arpFailed) return { kind: 'drop', reason: 'icc', node };
      if (!inIf) return { kind: 'host-unreachable', node };
      return drop(ctx, node, p, 'host-unreachable');
    }
    node = res.node;
    inIf = res.iface;
  }
  return drop(ctx, node, p, 'ttl-exceeded');
}

/** POSTROUTING (or INPUT): a tracked flow's source rewrite, its masquerade or a reply's un-DNAT. */
function applySrc(
  ctx: Ctx,
  node: NetNode,
  p: Pkt,
  pending: { src: string; sport: number; params: Record<string, string> },
): void {
  p.src = pending.src;
  p.sport = pending.sport;
  const reply = pending.params.dir === 'reply';
  step(ctx, node.canvas, reply ? 'un-nat' : 'snat', frameOf(p), reply ? 'nat.un-dnat' : 'nat.ct-snat', pending.params);
}

/** The option that turned masquerading off, as `docker network create -o` spells it. */
function bridgeWhy(net: { options: Record<string, string> }): string {
  const mode = net.options['com.docker.network.bridge.gateway_mode_ipv4'];
  return mode === 'routed'
    ? 'com.docker.network.bridge.gateway_mode_ipv4=routed'
    : 'com.docker.network.bridge.enable_ip_masquerade=false';
}

/** The interface a broadcast to `dst` leaves by: its subnet's own (directed), or the route's for 255.255.255.255. */
function broadcastIface(node: NetNode, dst: string): NIface | null {
  if (dst === '255.255.255.255') return lookupRoute(node, dst)?.iface ?? null;
  return (
    node.ifaces.find((f) => f.domain && f.addrs.some((a) => a.prefix < 31 && broadcastOf(a.ip, a.prefix) === dst)) ??
    null
  );
}

/**
 * br_netfilter on a frame the bridge forwards from one container to another (the simulated host
 * has bridge-nf-call-iptables on, as the lab machine; Docker 28 itself turns it on only for a
 * network with icc=false or without the userland proxy, moby#48492): FORWARD sees the frame once
 * the bridge chose its port, before it reaches the target. A new flow that bridgedForward drops
 * (icc=false) stops there; else the bridge's host's conntrack records the flow.
 */
function bridgeNetfilter(ctx: Ctx, daemon: string, out: NIface, to: NIface, p: Pkt): boolean {
  if (out.domain?.kind !== 'br' || to.domain?.kind !== 'br') return true;
  const at = nodeId.network(out.domain.netId);
  const net = ctx.world.networks[out.domain.netId];
  // an overlay's br0 lives in the network's own namespace, not the host's: no host netfilter there
  if (net?.scope === 'swarm') return true;
  const bridge = net?.bridge ?? '';
  const hit = ctLookup(ctx, daemon, p);
  if (hit) {
    ctTouch(ctx, daemon, hit.entry);
    if (ctSeen(ctx, hit.entry, hit.dir, p)) ctRecord(ctx, daemon, hit.entry);
    return true;
  }
  if (net && bridgedForward(net, p)) {
    step(ctx, at, 'drop', frameOf(p), p.dst.includes(':') ? 'drop.icc6' : 'drop.icc', {
      bridge,
      dst: p.dst,
      reason: 'icc',
    });
    return false;
  }
  const e = ctNew(ctx, daemon, p, p);
  step(ctx, at, 'conntrack-new', frameOf(p), 'ct.bridged', { bridge }, [ctChange(nodeId.machine(daemon), e, 'add')]);
  return true;
}

/** nat PREROUTING/OUTPUT -> DOCKER-INGRESS on a swarm node: true when it DNATed to the ingress sandbox. */
function dnatIngress(ctx: Ctx, node: NetNode, p: Pkt): boolean {
  const t = ingressDnat(ctx, node, p);
  if (!t) return false;
  dnatStep(ctx, node, p, t, 'nat.ingress-dnat', { chain: 'DOCKER-INGRESS', rule: 'DNAT' }, {});
  return true;
}

/** Rewrites the packet's destination (a published port's DNAT, a router port forward) and tells it as a step. */
function dnatStep(
  ctx: Ctx,
  node: NetNode,
  p: Pkt,
  to: { ip: string; port: number },
  key: string,
  rule: Record<string, string>,
  params: Record<string, string>,
): void {
  const from = `${p.dst}:${p.dport}`;
  p.dst = to.ip;
  p.dport = to.port;
  const dest = `${to.ip}:${to.port}`;
  step(ctx, node.canvas, 'dnat', frameOf(p), key, { node: node.label, from, to: dest, ...params }, [
    { on: node.canvas, table: 'nat', kind: 'hit', entry: { ...rule, from, to: dest } },
  ]);
}
