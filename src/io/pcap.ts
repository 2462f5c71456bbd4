/**
 * A packet trace as a classic libpcap file (https://wiki.wireshark.org/Development/LibpcapFileFormat):
 * little-endian magic 0xa1b2c3d4, version 2.4, LINKTYPE_ETHERNET (1), one record per frame.
 * Wireshark and `tcpdump -r` open it. Pure: the caller gives the start time.
 */
import type { Trace } from '../sim/model';
import { type Captured, captureFrames } from '../sim/net/capture';
import { pcapBytes } from '../sim/net/pcapFile';
import { frameBytes } from '../sim/net/wire';

/** The World's clock counts ms from this instant (model.ts: World.clock). */
export const WORLD_EPOCH_MS = Date.UTC(2026, 0, 1);

/** A pcap file of captured frames; `startMs` is the wall-clock time of the first frame (ms since 1970). */
export function pcapOf(frames: Captured[], startMs: number): Uint8Array {
  return pcapBytes(
    frames.flatMap((c) => {
      const bytes = frameBytes(c.frame);
      return bytes ? [{ us: Math.round(startMs * 1000) + c.us, bytes }] : [];
    }),
  );
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
