import { ip6Num } from './addr6';

/**
 * The bytes of a frame as it would be on the wire: Ethernet II, ARP, IPv4, IPv6, ICMP, ICMPv6
 * (echo, neighbour discovery), TCP, UDP, DNS, and VXLAN around an inner frame. Pure (no DOM): the
 * `.pcap` export (src/io/pcap.ts) and `tcpdump` in the console (lengths, payload decoding) read the same bytes, so what tcpdump prints
 * and what Wireshark opens agree.
 *
 * Header fields the trace does not hold are filled the way Linux fills them (TTL aside, which the
 * trace gives): IPv4 with DF, TCP with Linux's SYN options (mss 1460, sackOK, TS, wscale 7) and
 * timestamps on later segments, a 56-byte ping payload, DNS with recursion desired.
 */

/** The headers of one packet, as a trace step records them (a subset of model.ts's `Frame`). */
export interface WireFrame {
  eth: { src: string; dst: string };
  arp?: { op: 'request' | 'reply'; senderIp: string; senderMac: string; targetIp: string; targetMac: string };
  ip?: { src: string; dst: string; ttl: number; proto: 'icmp' | 'tcp' | 'udp'; id?: number };
  l4?: { sport: number; dport: number; flags?: string; icmpType?: string };
  app?: { summary: string };
  /** neighbour discovery (ICMPv6 135/136): target address and link-layer address option */
  nd?: { target: string; lladdr: string; router?: true };
  /** TCP only: sequence and acknowledgement numbers (the caller tracks them per flow) */
  tcp?: { seq: number; ack: number; tsval: number; tsecr: number };
  /** the VXLAN encapsulation around this frame (DESIGN.md §4: `frame.outer`) */
  outer?: OuterHeaders;
}

/** VXLAN's outer headers, as DESIGN.md §4 names them. */
export interface OuterHeaders {
  eth: { src: string; dst: string };
  ip: { src: string; dst: string; ttl: number };
  udp: { sport: number; dport: number };
  vxlan: { vni: number };
}

export const ETHERTYPE = { ipv4: 0x0800, arp: 0x0806, ipv6: 0x86dd } as const;
export const IPPROTO = { icmp: 1, tcp: 6, udp: 17, icmp6: 58 } as const;

/** ICMPv6 type and code by the trace's names (RFC 4443, RFC 4861). */
export const ICMP6_TYPE: Record<string, [number, number]> = {
  'echo-request': [128, 0],
  'echo-reply': [129, 0],
  'neighbor-solicitation': [135, 0],
  'neighbor-advertisement': [136, 0],
  'net-unreachable': [1, 0],
  'admin-prohibited': [1, 1],
  'host-unreachable': [1, 3],
  'port-unreachable': [1, 4],
  'time-exceeded': [3, 0],
};

/** TCP flag bits by the names the trace uses. */
const TCP_FLAG: Record<string, number> = { FIN: 1, SYN: 2, RST: 4, PSH: 8, ACK: 16, URG: 32 };

/** ICMP type and code by the trace's names. */
export const ICMP_TYPE: Record<string, [number, number]> = {
  'echo-reply': [0, 0],
  'echo-request': [8, 0],
  'port-unreachable': [3, 3],
  'host-unreachable': [3, 1],
  'net-unreachable': [3, 0],
  'time-exceeded': [11, 0],
};

/** Bytes of a MAC "aa:bb:cc:dd:ee:ff" (anything unreadable is all zeros). */
export function macBytes(mac: string): number[] {
  const parts = mac.split(':').map((h) => Number.parseInt(h, 16));
  return parts.length === 6 && parts.every((n) => n >= 0 && n <= 255) ? parts : [0, 0, 0, 0, 0, 0];
}

/** Bytes of a dotted quad. */
export function ipBytes(ip: string): number[] {
  const parts = ip.split('.').map(Number);
  return parts.length === 4 && parts.every((n) => Number.isInteger(n) && n >= 0 && n <= 255) ? parts : [0, 0, 0, 0];
}

/** Bytes of an IPv6 address (anything unreadable is all zeros). */
export function ip6Bytes(ip: string): number[] {
  let n: bigint;
  try {
    n = ip6Num(ip);
  } catch {
    n = 0n;
  }
  const out: number[] = [];
  for (let i = 15; i >= 0; i--) out.push(Number((n >> BigInt(i * 8)) & 0xffn));
  return out;
}

const u16 = (n: number) => [(n >>> 8) & 0xff, n & 0xff];
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const ascii = (s: string) => Array.from(new TextEncoder().encode(s));

/** The Internet checksum (RFC 1071) of `bytes`, as it goes into the header. */
export function inetChecksum(bytes: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 2) sum += (bytes[i] << 8) | (i + 1 < bytes.length ? bytes[i + 1] : 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

/** FNV-1a: a stable 32-bit number from text (IP ids, DNS ids, TCP initial sequence numbers). */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

function setChecksum(b: number[], at: number, sum: number): number[] {
  b[at] = sum >>> 8;
  b[at + 1] = sum & 0xff;
  return b;
}

/** The pseudo-header TCP, UDP (and ICMPv6) checksums cover; IPv6's (RFC 8200 §8.1) for IPv6 addresses. */
function pseudo(src: string, dst: string, proto: number, len: number): number[] {
  if (src.includes(':')) return [...ip6Bytes(src), ...ip6Bytes(dst), ...u32(len), 0, 0, 0, proto];
  return [...ipBytes(src), ...ipBytes(dst), 0, proto, ...u16(len)];
}

/** A DNS message from a trace summary: "A? name" (query) or "A name ip…" / "NXDOMAIN name" / "SERVFAIL name" (answers). */
export function dnsBytes(summary: string, id: number): number[] | null {
  const q = /^A\? (\S+)$/.exec(summary);
  const a = /^A (\S+) (.+)$/.exec(summary);
  const err = /^(NXDOMAIN|SERVFAIL) (\S+)$/.exec(summary);
  const name = q?.[1] ?? a?.[1] ?? err?.[2];
  if (!name) return null;
  const qname: number[] = [];
  for (const label of name.replace(/\.$/, '').split('.')) {
    const l = ascii(label).slice(0, 63);
    qname.push(l.length, ...l);
  }
  qname.push(0);
  const question = [...qname, ...u16(1), ...u16(1)];
  if (q) return [...u16(id), 0x01, 0x00, ...u16(1), ...u16(0), ...u16(0), ...u16(0), ...question];
  const ips = a ? a[2].split(' ') : [];
  const rcode = err?.[1] === 'NXDOMAIN' ? 3 : err ? 2 : 0;
  const answers = ips.flatMap((ip) => [0xc0, 0x0c, ...u16(1), ...u16(1), ...u32(600), ...u16(4), ...ipBytes(ip)]);
  return [...u16(id), 0x81, 0x80 | rcode, ...u16(1), ...u16(ips.length), ...u16(0), ...u16(0), ...question, ...answers];
}

/** What an application payload is in bytes, from the trace's one-line summary. */
export function payloadBytes(f: WireFrame): number[] {
  const s = f.app?.summary ?? '';
  const l4 = f.l4;
  if (!f.ip || !l4) return [];
  if (f.ip.proto === 'udp' && (l4.dport === 53 || l4.sport === 53)) {
    const dns = dnsBytes(s, hash32(`${Math.min(l4.sport, l4.dport)}:${Math.max(l4.sport, l4.dport)}`) & 0xffff);
    if (dns) return dns;
  }
  if (f.ip.proto === 'tcp') {
    if (!/PSH/.test(l4.flags ?? '') || !s) return [];
    if (/^[A-Z]+ \S+ HTTP\/1\.1$/.test(s))
      return ascii(`${s}\r\nHost: ${f.ip.dst}\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n`);
    if (/^HTTP\/1\.1 /.test(s)) return ascii(`${s}\r\nContent-Length: 0\r\n\r\n`);
    return ascii(`${s}\r\n`);
  }
  if (f.ip.proto === 'udp') return s ? ascii(s) : [];
  return [];
}

function icmpBytes(f: WireFrame & { ip: NonNullable<WireFrame['ip']> }, inner: number[]): number[] {
  const l4 = f.l4 ?? { sport: 0, dport: 0 };
  const [type, code] = ICMP_TYPE[l4.icmpType ?? 'echo-request'] ?? [8, 0];
  let rest: number[];
  if (type === 8 || type === 0) {
    const seq = Number(/seq=(\d+)/.exec(f.app?.summary ?? '')?.[1] ?? 1);
    // iputils ping: 8 bytes of timestamp, 8 of padding, then 0x10, 0x11 … (56 bytes in all)
    const data = [...u32(0), ...u32(seq * 1000), 0, 0, 0, 0, 0, 0, 0, 0];
    for (let i = 0x10; data.length < 56; i++) data.push(i);
    rest = [...u16(l4.sport & 0xffff), ...u16(seq & 0xffff), ...data];
  } else rest = [0, 0, 0, 0, ...inner];
  const b = [type, code, 0, 0, ...rest];
  return setChecksum(b, 2, inetChecksum(b));
}

function tcpBytes(f: WireFrame & { ip: NonNullable<WireFrame['ip']> }, payload: number[]): number[] {
  const l4 = f.l4 ?? { sport: 0, dport: 0 };
  const bits = (l4.flags ?? '').split(',').reduce((n, x) => n | (TCP_FLAG[x.trim()] ?? 0), 0);
  const t = f.tcp ?? { seq: 0, ack: 0, tsval: 0, tsecr: 0 };
  const syn = (bits & TCP_FLAG.SYN) !== 0;
  const rst = (bits & TCP_FLAG.RST) !== 0;
  // Linux: SYN carries mss, sackOK, TS, nop, wscale 7; later segments nop, nop, TS; a RST none
  const opts = syn
    ? [2, 4, ...u16(1460), 4, 2, 8, 10, ...u32(t.tsval), ...u32(t.tsecr), 1, 3, 3, 7]
    : rst
      ? []
      : [1, 1, 8, 10, ...u32(t.tsval), ...u32(t.tsecr)];
  const hlen = 20 + opts.length;
  const win = syn ? (bits & TCP_FLAG.ACK ? 65160 : 64240) : rst ? 0 : 502;
  const ack = bits & TCP_FLAG.ACK ? t.ack : 0;
  const b = [
    ...u16(l4.sport),
    ...u16(l4.dport),
    ...u32(t.seq),
    ...u32(ack),
    (hlen / 4) << 4,
    bits,
    ...u16(win),
    0,
    0,
    0,
    0,
    ...opts,
    ...payload,
  ];
  return setChecksum(b, 16, inetChecksum([...pseudo(f.ip.src, f.ip.dst, IPPROTO.tcp, b.length), ...b]));
}

function udpBytes(src: string, dst: string, sport: number, dport: number, payload: number[]): number[] {
  const b = [...u16(sport), ...u16(dport), ...u16(8 + payload.length), 0, 0, ...payload];
  const sum = inetChecksum([...pseudo(src, dst, IPPROTO.udp, b.length), ...b]);
  return setChecksum(b, 6, sum === 0 ? 0xffff : sum);
}

function ipv4Bytes(
  ip: { src: string; dst: string; ttl: number; id?: number },
  proto: number,
  body: number[],
  df: boolean,
): number[] {
  const b = [
    0x45,
    0,
    ...u16(20 + body.length),
    ...u16((ip.id ?? 0) & 0xffff),
    df ? 0x40 : 0,
    0,
    ip.ttl & 0xff,
    proto,
    0,
    0,
    ...ipBytes(ip.src),
    ...ipBytes(ip.dst),
  ];
  return [...setChecksum(b, 10, inetChecksum(b)), ...body];
}

function ipv6Bytes(ip: { src: string; dst: string; ttl: number }, next: number, body: number[]): number[] {
  return [0x60, 0, 0, 0, ...u16(body.length), next, ip.ttl & 0xff, ...ip6Bytes(ip.src), ...ip6Bytes(ip.dst), ...body];
}

/** ICMPv6: echo with iputils' 56 data bytes, NS/NA with their target and link-layer option, errors quoting nothing. */
function icmp6Bytes(f: WireFrame & { ip: NonNullable<WireFrame['ip']> }): number[] {
  const l4 = f.l4 ?? { sport: 0, dport: 0 };
  const [type, code] = ICMP6_TYPE[l4.icmpType ?? 'echo-request'] ?? [128, 0];
  let rest: number[];
  if (type === 128 || type === 129) {
    const seq = Number(/seq=(\d+)/.exec(f.app?.summary ?? '')?.[1] ?? 1);
    const data = [...u32(0), ...u32(seq * 1000), 0, 0, 0, 0, 0, 0, 0, 0];
    for (let i = 0x10; data.length < 56; i++) data.push(i);
    rest = [...u16(l4.sport & 0xffff), ...u16(seq & 0xffff), ...data];
  } else if (type === 135 || type === 136) {
    const nd = f.nd ?? { target: f.ip.dst, lladdr: f.eth.src };
    // NA: solicited and override (ndisc_send_na from ndisc_recv_ns), router from a forwarding host;
    // option 1 source, 2 target link-layer
    const flags = type === 136 ? [nd.router ? 0xe0 : 0x60, 0, 0, 0] : [0, 0, 0, 0];
    rest = [...flags, ...ip6Bytes(nd.target), type === 135 ? 1 : 2, 1, ...macBytes(nd.lladdr)];
  } else rest = [0, 0, 0, 0];
  const b = [type, code, 0, 0, ...rest];
  return setChecksum(b, 2, inetChecksum([...pseudo(f.ip.src, f.ip.dst, IPPROTO.icmp6, b.length), ...b]));
}

/** The IPv6 packet of a frame whose addresses are IPv6. */
function ip6Packet(f: WireFrame & { ip: NonNullable<WireFrame['ip']> }): number[] {
  const ip = f.ip;
  if (ip.proto === 'icmp') return ipv6Bytes(ip, IPPROTO.icmp6, icmp6Bytes(f));
  const payload = payloadBytes(f);
  if (ip.proto === 'tcp') return ipv6Bytes(ip, IPPROTO.tcp, tcpBytes(f, payload));
  const l4 = f.l4 ?? { sport: 0, dport: 0 };
  return ipv6Bytes(ip, IPPROTO.udp, udpBytes(ip.src, ip.dst, l4.sport, l4.dport, payload));
}

/** The IP packet (header and all) of a frame, or null when it has no IP header. */
export function ipPacket(f: WireFrame): number[] | null {
  if (!f.ip) return null;
  const ip = f.ip as NonNullable<WireFrame['ip']>;
  const framed = { ...f, ip };
  if (ip.src.includes(':')) return ip6Packet(framed);
  if (ip.proto === 'icmp') {
    const l4 = f.l4 ?? { sport: 0, dport: 0 };
    const type = ICMP_TYPE[l4.icmpType ?? 'echo-request']?.[0] ?? 8;
    // an ICMP error quotes the packet it answers: its IP header and first 8 bytes (RFC 792);
    // the trace keeps the error's addresses, so the quoted one is the reverse UDP probe
    const quoted =
      type === 3 || type === 11
        ? ipv4Bytes(
            { src: ip.dst, dst: ip.src, ttl: 1 },
            IPPROTO.udp,
            udpBytes(ip.dst, ip.src, f.l4?.dport ?? 0, f.l4?.sport ?? 0, []),
            false,
          )
        : [];
    return ipv4Bytes(ip, IPPROTO.icmp, icmpBytes(framed, quoted), type === 8 || type === 0);
  }
  const payload = payloadBytes(f);
  if (ip.proto === 'tcp') return ipv4Bytes(ip, IPPROTO.tcp, tcpBytes(framed, payload), true);
  const l4 = f.l4 ?? { sport: 0, dport: 0 };
  return ipv4Bytes(ip, IPPROTO.udp, udpBytes(ip.src, ip.dst, l4.sport, l4.dport, payload), true);
}

/** The whole Ethernet frame, VXLAN-encapsulated when `outer` is set. Null when there is nothing to send. */
export function frameBytes(f: WireFrame): Uint8Array | null {
  let inner: number[];
  if (f.arp) {
    const a = f.arp;
    inner = [
      ...macBytes(f.eth.dst),
      ...macBytes(f.eth.src),
      ...u16(ETHERTYPE.arp),
      ...u16(1),
      ...u16(ETHERTYPE.ipv4),
      6,
      4,
      ...u16(a.op === 'request' ? 1 : 2),
      ...macBytes(a.senderMac),
      ...ipBytes(a.senderIp),
      ...macBytes(a.targetMac),
      ...ipBytes(a.targetIp),
    ];
  } else {
    const ip = ipPacket(f);
    if (!ip) return null;
    const type = f.ip?.src.includes(':') ? ETHERTYPE.ipv6 : ETHERTYPE.ipv4;
    inner = [...macBytes(f.eth.dst), ...macBytes(f.eth.src), ...u16(type), ...ip];
  }
  if (!f.outer) return Uint8Array.from(inner);
  const o = f.outer;
  const vxlan = [0x08, 0, 0, 0, ...u32((o.vxlan.vni & 0xffffff) << 8)];
  const udp = udpBytes(o.ip.src, o.ip.dst, o.udp.sport, o.udp.dport, [...vxlan, ...inner]);
  const ip = ipv4Bytes({ ...o.ip, id: hash32(`${o.ip.src}${inner.join()}`) & 0xffff }, IPPROTO.udp, udp, false);
  return Uint8Array.from([...macBytes(o.eth.dst), ...macBytes(o.eth.src), ...u16(ETHERTYPE.ipv4), ...ip]);
}
