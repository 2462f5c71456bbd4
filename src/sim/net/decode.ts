/**
 * Reads an Ethernet frame's bytes back into the fields tcpdump prints and filters on. The bytes
 * come from wire.ts, so what the console's `tcpdump` shows is what a `.pcap` of the same frames
 * holds, and what `tcpdump -r` prints of it. Pure.
 */

import { ip6String } from './addr6';

export interface Decoded {
  ethSrc: string;
  ethDst: string;
  ethertype: number;
  /** the frame's length on the wire */
  length: number;
  arp?: { op: number; sha: string; spa: string; tha: string; tpa: string };
  ip?: { src: string; dst: string; proto: number; ttl: number; len: number; id: number };
  /** ICMPv6 (next header 58): echo id/seq, a neighbour discovery message's target */
  icmp6?: { type: number; code: number; id: number; seq: number; length: number; target?: string };
  icmp?: {
    type: number;
    code: number;
    id: number;
    seq: number;
    length: number;
    quoted?: Decoded['ip'] & { sport: number; dport: number };
  };
  tcp?: {
    sport: number;
    dport: number;
    seq: number;
    ack: number;
    flags: number;
    win: number;
    options: number[];
    payload: Uint8Array;
  };
  udp?: { sport: number; dport: number; payload: Uint8Array };
  /** VXLAN: its VNI and the Ethernet frame inside */
  vxlan?: { flags: number; vni: number; inner: Decoded };
}

const hex2 = (n: number) => n.toString(16).padStart(2, '0');
export const macAt = (b: Uint8Array, at: number) => Array.from(b.subarray(at, at + 6), hex2).join(':');
export const ipAt = (b: Uint8Array, at: number) => Array.from(b.subarray(at, at + 4)).join('.');
const u16 = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];
const u32 = (b: Uint8Array, at: number) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;

/** The frame's fields; a frame too short to read keeps what could be read. */
export function decodeFrame(b: Uint8Array): Decoded {
  const d: Decoded = { ethSrc: macAt(b, 6), ethDst: macAt(b, 0), ethertype: u16(b, 12), length: b.length };
  if (d.ethertype === 0x0806 && b.length >= 42) {
    d.arp = { op: u16(b, 20), sha: macAt(b, 22), spa: ipAt(b, 28), tha: macAt(b, 32), tpa: ipAt(b, 38) };
  } else if (d.ethertype === 0x0800 && b.length >= 34) {
    decodeIp(b.subarray(14), d);
  } else if (d.ethertype === 0x86dd && b.length >= 54) {
    decodeIp6(b.subarray(14), d);
  }
  return d;
}

/** An IPv6 address at `at`, written as tcpdump (inet_ntop) does. */
export const ip6At = (b: Uint8Array, at: number): string => {
  let n = 0n;
  for (let i = 0; i < 16; i++) n = (n << 8n) | BigInt(b[at + i] ?? 0);
  return ip6String(n);
};

function decodeIp6(p: Uint8Array, d: Decoded): void {
  const plen = u16(p, 4);
  d.ip = { src: ip6At(p, 8), dst: ip6At(p, 24), proto: p[6], ttl: p[7], len: 40 + plen, id: 0 };
  const l4 = p.subarray(40, 40 + plen);
  if (d.ip.proto === 58 && l4.length >= 8) {
    d.icmp6 = { type: l4[0], code: l4[1], id: u16(l4, 4), seq: u16(l4, 6), length: l4.length };
    if ((l4[0] === 135 || l4[0] === 136) && l4.length >= 24) d.icmp6.target = ip6At(l4, 8);
  } else decodeL4(d, l4);
}

function decodeIp(p: Uint8Array, d: Decoded): void {
  const ihl = (p[0] & 0x0f) * 4;
  const len = u16(p, 2);
  d.ip = { src: ipAt(p, 12), dst: ipAt(p, 16), proto: p[9], ttl: p[8], len, id: u16(p, 4) };
  const l4 = p.subarray(ihl, len);
  if (d.ip.proto === 1 && l4.length >= 8) {
    d.icmp = { type: l4[0], code: l4[1], id: u16(l4, 4), seq: u16(l4, 6), length: l4.length };
    if ((l4[0] === 3 || l4[0] === 11) && l4.length >= 8 + 28) {
      const q = l4.subarray(8);
      const qihl = (q[0] & 0x0f) * 4;
      d.icmp.quoted = {
        src: ipAt(q, 12),
        dst: ipAt(q, 16),
        proto: q[9],
        ttl: q[8],
        len: u16(q, 2),
        id: u16(q, 4),
        sport: u16(q, qihl),
        dport: u16(q, qihl + 2),
      };
    }
  } else decodeL4(d, l4);
}

/** TCP or UDP (and VXLAN inside UDP) after an IPv4 or IPv6 header. */
function decodeL4(d: Decoded, l4: Uint8Array): void {
  const ip = d.ip as NonNullable<Decoded['ip']>;
  if (ip.proto === 6 && l4.length >= 20) {
    const off = (l4[12] >> 4) * 4;
    d.tcp = {
      sport: u16(l4, 0),
      dport: u16(l4, 2),
      seq: u32(l4, 4),
      ack: u32(l4, 8),
      flags: l4[13],
      win: u16(l4, 14),
      options: Array.from(l4.subarray(20, off)),
      payload: l4.subarray(off),
    };
  } else if (ip.proto === 17 && l4.length >= 8) {
    d.udp = { sport: u16(l4, 0), dport: u16(l4, 2), payload: l4.subarray(8, u16(l4, 4)) };
    if (d.udp.dport === 4789 && d.udp.payload.length >= 8 + 14) {
      const v = d.udp.payload;
      d.vxlan = { flags: v[0], vni: (v[4] << 16) | (v[5] << 8) | v[6], inner: decodeFrame(v.subarray(8)) };
    }
  }
}

/** A DNS message's header and first question (what tcpdump prints without -v). */
export interface DnsMessage {
  id: number;
  response: boolean;
  rd: boolean;
  rcode: number;
  qd: number;
  an: number;
  ns: number;
  ar: number;
  qname: string;
  qtype: number;
  answers: { type: number; data: string }[];
}

function readName(b: Uint8Array, start: number): { name: string; end: number } {
  const labels: string[] = [];
  let at = start;
  let end = -1;
  for (let guard = 0; guard < 64 && at < b.length; guard++) {
    const n = b[at];
    if (n === 0) {
      at += 1;
      break;
    }
    if ((n & 0xc0) === 0xc0) {
      if (end < 0) end = at + 2;
      at = ((n & 0x3f) << 8) | b[at + 1];
      continue;
    }
    labels.push(new TextDecoder().decode(b.subarray(at + 1, at + 1 + n)));
    at += 1 + n;
  }
  return { name: `${labels.join('.')}.`, end: end < 0 ? at : end };
}

/** Reads a DNS message; null when the bytes are not one. */
export function decodeDns(b: Uint8Array): DnsMessage | null {
  if (b.length < 12) return null;
  const flags = u16(b, 2);
  const m: DnsMessage = {
    id: u16(b, 0),
    response: (flags & 0x8000) !== 0,
    rd: (flags & 0x0100) !== 0,
    rcode: flags & 0x0f,
    qd: u16(b, 4),
    an: u16(b, 6),
    ns: u16(b, 8),
    ar: u16(b, 10),
    qname: '.',
    qtype: 0,
    answers: [],
  };
  let at = 12;
  if (m.qd > 0) {
    const q = readName(b, at);
    m.qname = q.name;
    m.qtype = u16(b, q.end);
    at = q.end + 4;
  }
  for (let i = 0; i < m.an && at < b.length; i++) {
    const rr = readName(b, at);
    const type = u16(b, rr.end);
    const rdlen = u16(b, rr.end + 8);
    const rd = rr.end + 10;
    m.answers.push({ type, data: type === 1 && rdlen === 4 ? ipAt(b, rd) : '' });
    at = rd + rdlen;
  }
  return m;
}
