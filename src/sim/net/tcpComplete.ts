import type { Captured } from './capture';
import { hash32, payloadBytes, type WireFrame } from './wire';

/**
 * A trace tells a TCP exchange by its meaningful segments (SYN, SYN+ACK, the request, the answer);
 * a wire also carries the bare ACKs and the close. tcpdump shows the wire, so for each connection
 * that was accepted and answered this adds what Linux sends around them: the client's ACK ending
 * the handshake, its ACK of the answer, then FIN+ACK, FIN+ACK, ACK (curl closes first). Each added
 * segment crosses the same links as the client's (or server's) earlier ones, with the headers each
 * link showed (NAT included), a few µs after the segment it answers.
 */
export function completeTcp(frames: Captured[]): Captured[] {
  // NAT shows one connection under other addresses on other links: each view is completed on its links
  const flows = new Map<string, Flow>();
  for (const c of frames) {
    const f = c.frame;
    if (f.ip?.proto !== 'tcp' || !f.l4 || !f.tcp) continue;
    const flags = f.l4.flags ?? '';
    const fwd = `${f.ip.src}:${f.l4.sport}>${f.ip.dst}:${f.l4.dport}`;
    const rev = `${f.ip.dst}:${f.l4.dport}>${f.ip.src}:${f.l4.sport}`;
    if (flags === 'SYN') {
      const fl = flows.get(fwd) ?? { clientIsn: f.tcp.seq, clientPath: [], serverPath: [] };
      if (!fl.clientPath.some((x) => x.at === c.at)) fl.clientPath.push(c);
      flows.set(fwd, fl);
      continue;
    }
    const fromClient = flows.has(fwd);
    const fl = flows.get(fromClient ? fwd : rev);
    if (!fl) continue;
    if (flags === 'SYN,ACK') {
      fl.serverIsn = f.tcp.seq;
      fl.synAckEnd = c;
      if (!fl.serverPath.some((x) => x.at === c.at)) fl.serverPath.push(c);
    } else if (/FIN|RST/.test(flags)) fl.closed = true;
    else if (/PSH/.test(flags)) {
      if (fromClient) fl.requestEnd = c;
      else fl.answerEnd = c;
    }
  }
  const added: Captured[] = [];
  for (const fl of flows.values()) {
    if (!fl.synAckEnd || fl.serverIsn === undefined) continue;
    const cSeq0 = (fl.clientIsn + 1) >>> 0;
    const sSeq0 = (fl.serverIsn + 1) >>> 0;
    const cTs = fl.clientPath[0]?.frame.tcp?.tsval ?? 0;
    const sTs = fl.synAckEnd.frame.tcp?.tsval ?? 0;
    added.push(...along(fl.clientPath, fl.synAckEnd.us + 3, 'ACK', cSeq0, sSeq0, [cTs + 1, sTs]));
    if (!fl.answerEnd || fl.closed) continue;
    const r = fl.requestEnd?.frame.tcp;
    const cNext = r && fl.requestEnd ? (r.seq + payloadLen(fl.requestEnd)) >>> 0 : cSeq0;
    const a = fl.answerEnd.frame.tcp as NonNullable<WireFrame['tcp']>;
    const sNext = (a.seq + payloadLen(fl.answerEnd)) >>> 0;
    const t = fl.answerEnd.us + 3;
    const aTs = a.tsval;
    added.push(...along(fl.clientPath, t, 'ACK', cNext, sNext, [cTs + 2, aTs]));
    added.push(...along(fl.clientPath, t + 40, 'FIN,ACK', cNext, sNext, [cTs + 3, aTs]));
    added.push(...along(fl.serverPath, t + 80, 'FIN,ACK', sNext, (cNext + 1) >>> 0, [aTs + 1, cTs + 3]));
    added.push(...along(fl.clientPath, t + 120, 'ACK', (cNext + 1) >>> 0, (sNext + 1) >>> 0, [cTs + 4, aTs + 1]));
  }
  if (added.length === 0) return frames;
  return [...frames, ...added].sort((x, y) => x.us - y.us);
}

interface Flow {
  clientIsn: number;
  /** the SYN's occurrences: one per link it crossed, with that link's headers */
  clientPath: Captured[];
  /** the SYN+ACK's occurrences */
  serverPath: Captured[];
  serverIsn?: number;
  synAckEnd?: Captured;
  requestEnd?: Captured;
  answerEnd?: Captured;
  closed?: boolean;
}

/** The bytes a PSH segment carries (what advances the sequence): wire.ts's own payload. */
function payloadLen(c: Captured): number {
  return payloadBytes(c.frame).length;
}

/** A segment sent along a path: one copy per link, the link's headers kept, flags and numbers new. */
function along(
  path: Captured[],
  start: number,
  flags: string,
  seq: number,
  ack: number,
  [tsval, tsecr]: [number, number],
): Captured[] {
  return path.map((c, i) => {
    const ip = c.frame.ip as NonNullable<WireFrame['ip']>;
    const frame: WireFrame = {
      ...c.frame,
      ip: { ...ip, id: hash32(`${ip.src}>${ip.dst} ${flags} ${seq}`) & 0xffff },
      l4: { ...(c.frame.l4 as NonNullable<WireFrame['l4']>), flags },
      tcp: { seq, ack, tsval: tsval >>> 0, tsecr: tsecr >>> 0 },
    };
    delete frame.app;
    return { ...c, us: start + i, frame };
  });
}
