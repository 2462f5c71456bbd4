import type { Frame, Step } from '../../sim/model';
import { frameCategory } from '../../sim/playback/protocol';

/** One header field as the inspector shows it. */
export interface HeaderField {
  /** field key, e.g. "src", "dport" */
  name: string;
  value: string;
  /** the value at the previous hop of the same packet, present only when it changed here */
  before?: string;
}

/** One protocol layer of a frame. */
export interface HeaderLayer {
  /** 'Ethernet' | 'ARP' | 'IPv4' | 'IPv6' | 'TCP' | 'UDP' | 'ICMP' | 'ICMPv6' | 'Application' */
  name: string;
  fields: HeaderField[];
}

type Fields = [string, string | number | undefined][];

function layersOf(frame: Frame): { name: string; fields: Fields }[] {
  const out: { name: string; fields: Fields }[] = [];
  // VXLAN (DESIGN §4): the outer headers between the nodes first, as on the wire, then the inner frame
  const o = frame.outer;
  if (o)
    out.push(
      {
        name: 'Outer Ethernet',
        fields: [
          ['src', o.eth.src],
          ['dst', o.eth.dst],
        ],
      },
      {
        name: 'Outer IPv4',
        fields: [
          ['src', o.ip.src],
          ['dst', o.ip.dst],
          ['ttl', o.ip.ttl],
          ['proto', 'udp'],
        ],
      },
      {
        name: 'Outer UDP',
        fields: [
          ['sport', o.udp.sport],
          ['dport', o.udp.dport],
        ],
      },
      { name: 'VXLAN', fields: [['vni', o.vxlan.vni]] },
    );
  if (frame.eth)
    out.push({
      name: 'Ethernet',
      fields: [
        ['src', frame.eth.src],
        ['dst', frame.eth.dst],
        ['type', frame.eth.type],
      ],
    });
  if (frame.arp)
    out.push({
      name: 'ARP',
      fields: [
        ['op', frame.arp.op],
        ['senderIp', frame.arp.senderIp],
        ['senderMac', frame.arp.senderMac],
        ['targetIp', frame.arp.targetIp],
        ['targetMac', frame.arp.targetMac],
      ],
    });
  const v6 = frame.eth?.type === 'IPv6' || (frame.ip?.src.includes(':') ?? false);
  if (frame.ip)
    out.push({
      name: v6 ? 'IPv6' : 'IPv4',
      fields: [
        ['src', frame.ip.src],
        ['dst', frame.ip.dst],
        ['ttl', frame.ip.ttl],
        ['proto', frame.ip.proto],
      ],
    });
  if (frame.l4) {
    const proto = frame.ip?.proto;
    if (proto === 'icmp')
      out.push({
        name: v6 ? 'ICMPv6' : 'ICMP',
        // the engine carries the echo id in both port slots (as conntrack prints it); neighbour
        // discovery carries the target address and the link-layer address option instead
        fields: frame.nd
          ? [
              ['type', frame.l4.icmpType],
              ['target', frame.nd.target],
              ['lladdr', frame.nd.lladdr],
            ]
          : [
              ['type', frame.l4.icmpType],
              ['id', frame.l4.sport],
            ],
      });
    else
      out.push({
        name: proto === 'udp' ? 'UDP' : 'TCP',
        fields: [
          ['sport', frame.l4.sport],
          ['dport', frame.l4.dport],
          ['flags', frame.l4.flags],
        ],
      });
  }
  if (frame.app) out.push({ name: 'Application', fields: [['summary', frame.app.summary]] });
  return out;
}

/**
 * Whether `cur` is the same packet as `prev` one hop later. A reply (addresses swapped), another
 * ARP operation or another protocol is a new packet: highlighting its fields as "changed" would
 * teach something false.
 */
export function isSamePacket(prev: Frame, cur: Frame): boolean {
  if (frameCategory(prev) !== frameCategory(cur)) return false;
  if (prev.arp || cur.arp) return prev.arp?.op === cur.arp?.op && prev.arp?.senderIp === cur.arp?.senderIp;
  if (prev.ip && cur.ip) {
    if (prev.ip.src === cur.ip.dst && prev.ip.dst === cur.ip.src && prev.ip.src !== prev.ip.dst) return false;
    if (prev.l4?.icmpType !== cur.l4?.icmpType) return false;
  }
  return true;
}

/**
 * The frame of `cur` by layer, each field carrying `before` when it differs from the same packet
 * earlier on its way (`earlier`: nearest first). Each layer compares with the nearest earlier frame
 * that has that layer, since node steps carry no Ethernet header and wire steps do. A DNAT rewrite
 * shows `ip.dst` and `dport` as before → after. Pure.
 */
export function diffFrames(earlier: Frame | readonly Frame[] | undefined, cur: Frame): HeaderLayer[] {
  const list = earlier === undefined ? [] : Array.isArray(earlier) ? earlier : [earlier as Frame];
  const same: Frame[] = [];
  for (const f of list) {
    if (!isSamePacket(f, cur)) break;
    same.push(f);
  }
  const bases = same.map(layersOf);
  return layersOf(cur).map((layer) => {
    const old = bases.map((b) => b.find((l) => l.name === layer.name)).find((l) => l !== undefined);
    return {
      name: layer.name,
      fields: layer.fields
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([name, v]) => {
          const value = String(v);
          const was = old?.fields.find(([n]) => n === name)?.[1];
          return was !== undefined && String(was) !== value ? { name, value, before: String(was) } : { name, value };
        }),
    };
  });
}

/**
 * The header layers of step `index`, diffed against the same packet's earlier steps. Steps of other
 * protocols in between are skipped: an ARP exchange interleaved in a TCP flow (the host resolving
 * the container's MAC after DNAT) must not hide what the flow's own hops rewrote.
 */
export function stepHeaders(steps: readonly Step[], index: number): HeaderLayer[] {
  const cur = steps[index];
  if (!cur) return [];
  const cat = frameCategory(cur.frame);
  const earlier: Frame[] = [];
  for (let i = index - 1; i >= 0 && earlier.length < 8; i--) {
    if (frameCategory(steps[i].frame) === cat) earlier.push(steps[i].frame);
  }
  return diffFrames(earlier, cur.frame);
}
