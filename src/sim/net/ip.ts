import { DOCKER_HOST } from '../ids';
import { iccOff } from '../netfilter';
import { broadcastOf, inCidr, isLoopback } from './addr';
import { ctChange, ctLookup, ctNew, ctRecord, ctSeen, ctTouch, ctTranslate } from './conntrack';
import { type Ctx, step } from './ctx';
import { broadcastIgnored, transmit } from './l2';
import {
  type DropReason,
  dockerDnat,
  dockerForward,
  dockerMasquerade,
  isHomeRouter,
  routerDnat,
  routerMasquerade,
  tracks,
} from './netfilter';
import { frameOf, type Pkt, summarize } from './pkt';
import { lookupRoute, type NetNode, type NIface, ownsIp } from './topo';

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

function drop(
  ctx: Ctx,
  node: NetNode,
  p: Pkt,
  reason: DropReason,
  params: Record<string, string | number> = {},
  key = `drop.${reason}`,
) {
  step(ctx, node.canvas, 'drop', frameOf(p), key, { node: node.label, dst: p.dst, reason, ...params });
  return { kind: 'drop' as const, reason, node };
}

/** RFC 1918 private space, which no router on the internet forwards. */
function isPrivate(ip: string): boolean {
  return ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].some((c) => inCidr(ip, c));
}

/** Picks the source address the kernel would for a new packet from `node` to `dst`. */
export function sourceFor(node: NetNode, dst: string): string | null {
  if (isLoopback(dst)) return '127.0.0.1';
  if (ownsIp(node, dst)) return dst;
  const r = lookupRoute(node, dst);
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
    const tracked = tracks(node);
    const before: Pkt = { ...p };
    const hit = tracked ? ctLookup(ctx, node.key, p) : null;
    let dnatted = false;
    if (hit) {
      ctTouch(ctx, node.key, hit.entry);
      // the segment moves the TCP state on (SYN_RECV, ESTABLISHED, ...): this step shows the row so
      const moved = ctSeen(ctx, hit.entry, hit.dir, p);
      const changed = ctTranslate(hit, p);
      const dstChanged = before.dst !== p.dst || before.dport !== p.dport;
      // an established flow's later packets are rewritten as its first was: DNAT, or masquerade
      const act = !changed ? 'conntrack-hit' : hit.dir === 'reply' ? 'un-nat' : dstChanged ? 'dnat' : 'snat';
      dnatted = hit.dir === 'orig' && dstChanged;
      const srcChanged = before.src !== p.src || before.sport !== p.sport;
      // a reply un-NATs only what the request's NAT changed: the narration names that side alone
      const unKey = srcChanged && dstChanged ? 'nat.un-nat' : srcChanged ? 'nat.un-dnat' : 'nat.un-snat';
      const key = { 'conntrack-hit': 'ct.hit', snat: 'nat.ct-snat', dnat: 'nat.ct-dnat', 'un-nat': unKey }[act];
      step(
        ctx,
        node.canvas,
        act,
        frameOf(p),
        key,
        {
          node: node.label,
          from: `${before.dst}:${before.dport}`,
          to: `${p.dst}:${p.dport}`,
          src: `${before.src}`,
          newSrc: `${p.src}`,
          sfrom: `${before.src}:${before.sport}`,
          sto: `${p.src}:${p.sport}`,
          state: hit.entry.state || 'ESTABLISHED',
        },
        [ctChange(node.canvas, hit.entry, moved ? 'update' : 'hit')],
      );
    } else if (node.key === DOCKER_HOST) {
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
      if (!inIf) step(ctx, node.canvas, 'loopback', frameOf(p), 'ip.loopback', { node: node.label, dst: p.dst });
      if (tracked && !hit) {
        const e = ctNew(ctx, node.key, before, p);
        step(ctx, node.canvas, 'conntrack-new', frameOf(p), 'ct.new', { node: node.label }, [
          ctChange(node.canvas, e, 'add'),
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
        [{ on: node.canvas, table: 'route', kind: 'hit', entry: { ...r.route } }],
      );
      if (node.key === DOCKER_HOST && !hit) {
        const reason = dockerForward(ctx, inIf, r.iface, p, dnatted);
        if (reason) return drop(ctx, node, p, reason, { dev: r.iface.name });
      }
    }
    if (!hit) {
      const masq =
        node.key === DOCKER_HOST
          ? dockerMasquerade(ctx, r.iface, p)
          : isHomeRouter(node)
            ? routerMasquerade(node, r.iface, p)
            : null;
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
      if (tracked) {
        const e = ctNew(ctx, node.key, before, p);
        step(ctx, node.canvas, 'conntrack-new', frameOf(p), 'ct.new', { node: node.label }, [
          ctChange(node.canvas, e, 'add'),
        ]);
      }
    }
    const filter =
      node.kind === 'container' ? (_: NIface, to: NIface) => bridgeNetfilter(ctx, r.iface, to, p) : undefined;
    const res = transmit(ctx, node, r.iface, r.route.via ?? p.dst, p, filter);
    if (!res.ok) {
      if (!res.arpFailed) return { kind: 'drop', reason: 'icc', node };
      if (!inIf) return { kind: 'host-unreachable', node };
      return drop(ctx, node, p, 'host-unreachable');
    }
    node = res.node;
    inIf = res.iface;
  }
  return drop(ctx, node, p, 'ttl-exceeded');
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
 * the bridge chose its port, before it reaches the target. On an icc=false network DOCKER-FORWARD
 * drops it (`-i br-X -o br-X -j DROP`); else conntrack records the flow.
 */
function bridgeNetfilter(ctx: Ctx, out: NIface, to: NIface, p: Pkt): boolean {
  if (out.domain?.kind !== 'br' || to.domain?.kind !== 'br') return true;
  const at = `net:${out.domain.netId}`;
  const net = ctx.world.networks[out.domain.netId];
  const bridge = net?.bridge ?? '';
  const hit = ctLookup(ctx, DOCKER_HOST, p);
  if (hit) {
    ctTouch(ctx, DOCKER_HOST, hit.entry);
    if (ctSeen(ctx, hit.entry, hit.dir, p)) ctRecord(ctx, DOCKER_HOST, hit.entry);
    return true;
  }
  if (net && iccOff(net)) {
    step(ctx, at, 'drop', frameOf(p), 'drop.icc', { bridge, dst: p.dst, reason: 'icc' });
    return false;
  }
  const e = ctNew(ctx, DOCKER_HOST, p, p);
  step(ctx, at, 'conntrack-new', frameOf(p), 'ct.bridged', { bridge }, [ctChange(DOCKER_HOST, e, 'add')]);
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
