/**
 * A packet trace as a classic libpcap file (https://wiki.wireshark.org/Development/LibpcapFileFormat):
 * little-endian magic 0xa1b2c3d4, version 2.4, LINKTYPE_ETHERNET (1), one record per frame.
 * Wireshark and `tcpdump -r` open it. Pure: the caller gives the start time.
 */
import type { Trace } from '../sim/model';
import { type Captured, captureFrames } from '../sim/net/capture';
import { frameBytes } from '../sim/net/wire';

/** The World's clock counts ms from this instant (model.ts: World.clock). */
export const WORLD_EPOCH_MS = Date.UTC(2026, 0, 1);
const LINKTYPE_ETHERNET = 1;
const SNAPLEN = 262144;

/** A pcap file of captured frames; `startMs` is the wall-clock time of the first frame (ms since 1970). */
export function pcapOf(frames: Captured[], startMs: number): Uint8Array {
  const records = frames.flatMap((c) => {
    const bytes = frameBytes(c.frame);
    return bytes ? [{ us: Math.round(startMs * 1000) + c.us, bytes }] : [];
  });
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

/** The `.pcap` of a trace: one frame per step that carries a packet. `clockMs`: the World's clock then. */
export function tracePcap(trace: Trace, clockMs = 0): Uint8Array {
  return pcapOf(captureFrames(trace.steps), WORLD_EPOCH_MS + clockMs);
}

/** A file name for a trace's capture: "whalewire-ping-c-1-cb.pcap". */
export function pcapFileName(trace: Trace): string {
  const slug = trace.command
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `whalewire-${slug || 'trace'}.pcap`;
}
