/** A small reader of classic pcap files, independent of the writer: for tests only. */
export interface PcapRecord {
  sec: number;
  usec: number;
  bytes: Uint8Array;
}

export function readPcap(buf: Uint8Array): { linktype: number; snaplen: number; records: PcapRecord[] } {
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (v.getUint32(0, true) !== 0xa1b2c3d4) throw new Error('bad magic');
  if (v.getUint16(4, true) !== 2 || v.getUint16(6, true) !== 4) throw new Error('bad version');
  const records: PcapRecord[] = [];
  let at = 24;
  while (at < buf.length) {
    const incl = v.getUint32(at + 8, true);
    const orig = v.getUint32(at + 12, true);
    if (incl !== orig) throw new Error('truncated record');
    records.push({
      sec: v.getUint32(at, true),
      usec: v.getUint32(at + 4, true),
      bytes: buf.slice(at + 16, at + 16 + incl),
    });
    at += 16 + incl;
  }
  if (at !== buf.length) throw new Error('trailing bytes');
  return { linktype: v.getUint32(20, true), snaplen: v.getUint32(16, true), records };
}

/** One's-complement sum over bytes; 0xffff when a block including its checksum is valid. */
function sum16(b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < b.length; i += 2) s += (b[i] << 8) | (i + 1 < b.length ? b[i + 1] : 0);
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return s;
}

export interface Decoded {
  ethSrc: string;
  ethDst: string;
  ethType: number;
  arp?: { op: number; spa: string; tpa: string };
  ip?: { src: string; dst: string; ttl: number; proto: number; len: number };
  l4?: { sport: number; dport: number; flags?: number; icmpType?: number };
  payload?: Uint8Array;
  /** the decapsulated inner frame of a VXLAN packet (UDP 4789) */
  inner?: Decoded;
  vni?: number;
  /** every checksum in the frame verified */
  checksumsOk: boolean;
}

const mac = (b: Uint8Array, at: number) =>
  Array.from(b.slice(at, at + 6), (x) => x.toString(16).padStart(2, '0')).join(':');
const ip4 = (b: Uint8Array, at: number) => Array.from(b.slice(at, at + 4)).join('.');

export function decode(b: Uint8Array): Decoded {
  const d: Decoded = { ethDst: mac(b, 0), ethSrc: mac(b, 6), ethType: (b[12] << 8) | b[13], checksumsOk: true };
  if (d.ethType === 0x0806) {
    d.arp = { op: (b[20] << 8) | b[21], spa: ip4(b, 28), tpa: ip4(b, 38) };
    return d;
  }
  const ip = b.slice(14);
  const ihl = (ip[0] & 0x0f) * 4;
  const len = (ip[2] << 8) | ip[3];
  d.ip = { src: ip4(ip, 12), dst: ip4(ip, 16), ttl: ip[8], proto: ip[9], len };
  if (len !== ip.length) d.checksumsOk = false;
  if (sum16(ip.slice(0, ihl)) !== 0xffff) d.checksumsOk = false;
  const seg = ip.slice(ihl, len);
  const pseudo = [...ip.slice(12, 20), 0, ip[9], seg.length >> 8, seg.length & 0xff];
  if (ip[9] === 1) {
    d.l4 = { sport: 0, dport: 0, icmpType: seg[0] };
    if (sum16(seg) !== 0xffff) d.checksumsOk = false;
  } else if (ip[9] === 6) {
    d.l4 = { sport: (seg[0] << 8) | seg[1], dport: (seg[2] << 8) | seg[3], flags: seg[13] };
    if (sum16([...pseudo, ...seg]) !== 0xffff) d.checksumsOk = false;
    d.payload = seg.slice((seg[12] >> 4) * 4);
  } else if (ip[9] === 17) {
    d.l4 = { sport: (seg[0] << 8) | seg[1], dport: (seg[2] << 8) | seg[3] };
    if (((seg[4] << 8) | seg[5]) !== seg.length) d.checksumsOk = false;
    if (((seg[6] << 8) | seg[7]) !== 0 && sum16([...pseudo, ...seg]) !== 0xffff) d.checksumsOk = false;
    d.payload = seg.slice(8);
    if (d.l4.dport === 4789) {
      d.vni = (d.payload[4] << 16) | (d.payload[5] << 8) | d.payload[6];
      d.inner = decode(d.payload.slice(8));
      if (!d.inner.checksumsOk) d.checksumsOk = false;
    }
  }
  return d;
}
