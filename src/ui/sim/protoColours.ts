import type { ProtoCategory } from '../../sim/playback/protocol';

/** Marker colours; chosen to stay distinct for the common colour-vision deficiencies. */
export const PROTO_COLOURS: Record<ProtoCategory, string> = {
  arp: '#f5a623',
  icmp: '#2f80ed',
  tcp: '#27ae60',
  udp: '#b05cd6',
  other: '#8a94a6',
};
