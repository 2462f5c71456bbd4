import type { ArpEntry, Frame } from '../model';
import { ip6Num, ip6String } from './addr6';
import type { Ctx } from './ctx';
import { step } from './ctx';
import { type L2Result, remember, unanswered, wire } from './l2';
import type { Pkt } from './pkt';
import type { NetNode, NIface } from './topo';

/**
 * IPv6 neighbour discovery (RFC 4861, Linux net/ipv6/ndisc.c): what ARP is to IPv4. The asker
 * multicasts a neighbour solicitation to the target's solicited-node group (ff02::1:ffXX:XXXX,
 * MAC 33:33:ff:XX:XX:XX), which a bridge floods; the target notes the asker (STALE, ndisc_recv_ns)
 * and answers with a unicast, solicited advertisement, which the asker stores as REACHABLE.
 * Both are ICMPv6 with hop limit 255, 32 bytes: the target address and a link-layer address option.
 */

/** The solicited-node multicast address of `ip`: ff02::1:ff and its last 24 bits. */
export function solicitedNode(ip: string): string {
  return ip6String(0xff020000000000000000000000000000n | 0x1ff000000n | (ip6Num(ip) & 0xffffffn));
}

/** The Ethernet group of an IPv6 multicast address: 33:33 and its last 32 bits. */
export function multicastMac(group: string): string {
  const n = ip6Num(group) & 0xffffffffn;
  const b = [24n, 16n, 8n, 0n].map((s) =>
    Number((n >> s) & 0xffn)
      .toString(16)
      .padStart(2, '0'),
  );
  return `33:33:${b.join(':')}`;
}

/** An NS or NA as the trace holds it. */
function ndFrame(
  type: 'neighbor-solicitation' | 'neighbor-advertisement',
  eth: { src: string; dst: string },
  src: string,
  dst: string,
  target: string,
  lladdr: string,
  router = false,
): Frame {
  return {
    eth: { ...eth, type: 'IPv6' },
    ip: { src, dst, ttl: 255, proto: 'icmp' },
    l4: { sport: 0, dport: 0, icmpType: type },
    nd: { target, lladdr, ...(router ? { router: true as const } : {}) },
  };
}

/**
 * Resolves the IPv6 next hop `target` from `from` out of `out`: the solicitation flooded, the
 * advertisement back, both neighbour caches written. `peer` is who holds `target` on the link (none:
 * nobody answers, the entry fails, EHOSTUNREACH as for ARP).
 */
export function solicit(
  ctx: Ctx,
  from: NetNode,
  out: NIface,
  target: string,
  pkt: Pkt,
  peer: { node: NetNode; iface: NIface } | null,
  cached: ArpEntry | undefined,
): L2Result {
  // ndisc_solicit takes the packet's source when it is on the link (it is: sourceFor chose it there)
  const srcIp = pkt.src;
  const group = solicitedNode(target);
  const ns = ndFrame(
    'neighbor-solicitation',
    { src: out.mac, dst: multicastMac(group) },
    srcIp,
    group,
    target,
    out.mac,
  );
  step(ctx, from.canvas, 'nd-solicit', ns, 'ndp.solicit', { ip: target, asker: srcIp, dev: out.name, group });
  wire(ctx, { from: from.label, to: peer?.node.label }, out, peer?.iface ?? null, ns, true);
  if (!peer) {
    const failed = unanswered(ctx, from, target, out.name, cached);
    step(ctx, from.canvas, 'drop', ns, 'drop.ndp-unanswered', { ip: target, reason: 'host-unreachable' }, [failed]);
    return { ok: false, arpFailed: true };
  }
  const learnedThere = remember(ctx, peer.node, srcIp, out.mac, peer.iface.name, 'STALE');
  // a host that forwards (the Docker host: Docker turns IPv6 forwarding on) sets the router flag
  const router = peer.node.forwarding;
  const na = ndFrame(
    'neighbor-advertisement',
    { src: peer.iface.mac, dst: out.mac },
    target,
    srcIp,
    target,
    peer.iface.mac,
    router,
  );
  step(ctx, peer.node.canvas, 'nd-advert', na, 'ndp.advert', { ip: target, mac: peer.iface.mac, asker: srcIp }, [
    learnedThere,
  ]);
  wire(ctx, { from: peer.node.label, to: from.label }, peer.iface, out, na, false);
  const learnedHere = remember(ctx, from, target, peer.iface.mac, out.name, 'REACHABLE', router);
  step(ctx, from.canvas, 'nd-learn', na, 'ndp.learn', { ip: target, mac: peer.iface.mac }, [learnedHere]);
  ctx.us += 900; // the first packet waits for neighbour resolution, as with ARP
  return { ok: true, node: peer.node, iface: peer.iface };
}
