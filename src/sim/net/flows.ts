import { randomInt } from '../prng';
import { type Ctx, rngView, step } from './ctx';
import { type Delivery, send, sourceFor } from './ip';
import { DEFAULT_TTL, frameOf, type Pkt } from './pkt';
import type { NetNode } from './topo';

/**
 * Request/response exchanges built on `send`: the request walks to its destination, the
 * destination's answer (built by a callback) walks back. Both legs go through routing, NAT and
 * conntrack, so replies are un-NATed exactly where the requests were NATed.
 */

export type Exchange =
  | { kind: 'ok'; reply: Pkt; server: NetNode; request: Pkt }
  /** an answer came back that refuses: tcp RST, icmp port unreachable */
  | { kind: 'refused'; reply: Pkt | null; server: NetNode }
  /** dropped on the way (request or reply): the caller times out */
  | { kind: 'lost'; delivery: Delivery }
  /** ENETUNREACH at the sender */
  | { kind: 'unreachable' }
  /** the sender's ARP for the next hop went unanswered */
  | { kind: 'host-unreachable' };

/** What the destination does with a request: answer with a packet, refuse (with an optional packet), or stay silent. */
export type Answer = { reply: Partial<Pkt> & { app?: string }; refuse?: boolean } | { silent: true };

/** A fresh ephemeral port (Linux ip_local_port_range 32768-60999), from the World's PRNG. */
export function ephemeralPort(ctx: Ctx): number {
  return randomInt(rngView(ctx), 32768, 60999);
}

/** Builds a packet from `origin` to `dst`; null when the origin has no route (ENETUNREACH). */
export function packetFrom(origin: NetNode, to: string, l4: Omit<Pkt, 'src' | 'dst' | 'ttl'>): Pkt | null {
  // Linux routes the unspecified address to the local host (ip_route_output_key_hash_rcu: no
  // daddr → daddr = saddr = 127.0.0.1 on lo), so ping 0.0.0.0 and curl 0.0.0.0:80 reach this machine
  const dst = to === '0.0.0.0' ? '127.0.0.1' : to;
  const src = sourceFor(origin, dst);
  return src ? { src, dst, ttl: DEFAULT_TTL, ...l4 } : null;
}

/** Sends `req` from `origin`, lets `answer` respond at the destination and walks the answer back. */
export function exchange(
  ctx: Ctx,
  origin: NetNode,
  req: Pkt,
  answer: (server: NetNode, arrived: Pkt) => Answer,
): Exchange {
  const d = send(ctx, origin, req, 'send');
  if (d.kind === 'unreachable') return { kind: 'unreachable' };
  if (d.kind === 'host-unreachable') return { kind: 'host-unreachable' };
  if (d.kind === 'drop') return { kind: 'lost', delivery: d };
  const arrived = { ...d.pkt };
  const a = answer(d.node, arrived);
  if ('silent' in a) return { kind: 'lost', delivery: d };
  const reply: Pkt = {
    src: arrived.dst,
    dst: arrived.src,
    ttl: DEFAULT_TTL,
    proto: arrived.proto,
    sport: arrived.dport,
    dport: arrived.sport,
    ...a.reply,
  };
  if (reply.proto !== arrived.proto) {
    step(ctx, d.node.canvas, 'reply', frameOf(reply), 'app.port-unreachable', {
      node: d.node.label,
      port: arrived.dport,
    });
    // through NAT, the error goes to the translated source and each NAT undoes itself on it (RELATED)
    if (arrived.src !== req.src) {
      const inner = {
        src: arrived.src,
        dst: arrived.dst,
        sport: arrived.sport,
        dport: arrived.dport,
        proto: arrived.proto,
      };
      send(ctx, d.node, { ...reply, inner }, 'reply');
    }
    return { kind: 'refused', reply: null, server: d.node };
  }
  const back = send(ctx, d.node, reply, 'reply');
  if (back.kind !== 'local' || back.node.key !== origin.key) {
    return {
      kind: 'lost',
      delivery: back.kind === 'local' ? { kind: 'drop', reason: 'not-for-me', node: back.node } : back,
    };
  }
  return a.refuse
    ? { kind: 'refused', reply: back.pkt, server: d.node }
    : { kind: 'ok', reply: back.pkt, server: d.node, request: arrived };
}
