import type { Frame } from '../model';

/** An IP packet as it travels: headers are rewritten in place by NAT, copied into each step. */
export interface Pkt {
  src: string;
  dst: string;
  ttl: number;
  proto: 'icmp' | 'tcp' | 'udp';
  /** port, or the echo id for icmp */
  sport: number;
  dport: number;
  /** tcp flags ("SYN", "SYN,ACK", "PSH,ACK", "RST,ACK") */
  flags?: string;
  /** icmp type ("echo-request", "echo-reply", "port-unreachable") */
  icmpType?: string;
  /** what the payload says ("GET / HTTP/1.1", "A? google.com") */
  app?: string;
  /** an ICMP error's quoted packet (the offending one, as it was when it died): conntrack finds its flow by it */
  inner?: { src: string; dst: string; sport: number; dport: number; proto: 'icmp' | 'tcp' | 'udp' };
}

/** Linux's default initial TTL. */
export const DEFAULT_TTL = 64;

/** The frame view of a packet, optionally with its Ethernet header on a wire. */
export function frameOf(p: Pkt, eth?: { src: string; dst: string }): Frame {
  const f: Frame = {
    ip: { src: p.src, dst: p.dst, ttl: p.ttl, proto: p.proto },
    l4: { sport: p.sport, dport: p.dport },
  };
  if (p.flags) f.l4!.flags = p.flags;
  if (p.icmpType) f.l4!.icmpType = p.icmpType;
  if (p.app) f.app = { summary: p.app };
  if (eth) f.eth = { ...eth, type: p.src.includes(':') ? 'IPv6' : 'IPv4' };
  return f;
}

/** One-line description used in explanations: "10.0.0.2 → 10.0.0.3 ICMP echo-request". */
export function summarize(p: Pkt): string {
  const l4 =
    p.proto === 'icmp'
      ? `${p.src.includes(':') ? 'ICMPv6' : 'ICMP'} ${p.icmpType ?? ''}`.trim()
      : `${p.proto.toUpperCase()} ${p.sport}→${p.dport}${p.flags ? ` [${p.flags}]` : ''}`;
  return `${p.src} → ${p.dst} ${l4}`;
}
