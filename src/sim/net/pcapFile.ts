/**
 * The classic libpcap file format (https://wiki.wireshark.org/Development/LibpcapFileFormat):
 * little-endian magic 0xa1b2c3d4, version 2.4, snapshot length 262144, LINKTYPE_ETHERNET (1),
 * one record per frame. Shared by the trace export (src/io/pcap.ts) and `tcpdump -w`/`-r` in the
 * console, so both write the same bytes. Pure.
 */

export const LINKTYPE_ETHERNET = 1;
export const SNAPLEN = 262144;

/** One frame and its time in µs since 1970. */
export interface PcapRecord {
  us: number;
  bytes: Uint8Array;
}

export function pcapBytes(records: PcapRecord[]): Uint8Array {
  const size = 24 + records.reduce((n, r) => n + 16 + r.bytes.length, 0);
  const buf = new Uint8Array(size);
  const v = new DataView(buf.buffer);
  v.setUint32(0, 0xa1b2c3d4, true);
  v.setUint16(4, 2, true);
  v.setUint16(6, 4, true);
  v.setInt32(8, 0, true);
  v.setUint32(12, 0, true);
  v.setUint32(16, SNAPLEN, true);
  v.setUint32(20, LINKTYPE_ETHERNET, true);
  let at = 24;
  for (const r of records) {
    v.setUint32(at, Math.floor(r.us / 1e6), true);
    v.setUint32(at + 4, r.us % 1e6, true);
    v.setUint32(at + 8, r.bytes.length, true);
    v.setUint32(at + 12, r.bytes.length, true);
    buf.set(r.bytes, at + 16);
    at += 16 + r.bytes.length;
  }
  return buf;
}

/** The records of a pcap file, or why it is not one (tcpdump's own words). */
export function readPcapBytes(buf: Uint8Array): { records: PcapRecord[] } | { error: string } {
  if (buf.length < 24) return { error: 'truncated dump file; tried to read 4 file header bytes, only got 0' };
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const magic = v.getUint32(0, true);
  const le = magic === 0xa1b2c3d4;
  if (!le && v.getUint32(0, false) !== 0xa1b2c3d4) return { error: 'bad dump file format' };
  const records: PcapRecord[] = [];
  let at = 24;
  while (at + 16 <= buf.length) {
    const sec = v.getUint32(at, le);
    const usec = v.getUint32(at + 4, le);
    const len = v.getUint32(at + 8, le);
    if (at + 16 + len > buf.length) break;
    records.push({ us: sec * 1e6 + usec, bytes: buf.slice(at + 16, at + 16 + len) });
    at += 16 + len;
  }
  return { records };
}

/**
 * Files in the World are text: a binary file is kept one character per byte (latin1), so it
 * survives JSON and saves unchanged and downloads as the same bytes.
 */
export function bytesToText(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 4096) s += String.fromCharCode(...b.subarray(i, i + 4096));
  return s;
}

export function textToBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  return b;
}
