import type { Frame, Step } from '../model';
import { hash32, type OuterHeaders, payloadBytes, type WireFrame } from './wire';

/** One captured frame: which step it came from, when (µs after the capture's start), and its headers. */
export interface Captured {
  /** index of the step in its trace */
  step: number;
  /** microseconds after the first frame */
  us: number;
  /** the canvas node or link the step is at */
  at: string;
  frame: WireFrame;
}

const ZERO_MAC = '00:00:00:00:00:00';
/** µs between two steps of one packet's walk (what a local bridge shows: tens of µs) */
const STEP_US = 37;

type IpFrame = Frame & { ip: NonNullable<Frame['ip']> };
const tupleOf = (f: IpFrame) => `${f.ip.proto} ${f.ip.src}:${f.l4?.sport ?? 0}>${f.ip.dst}:${f.l4?.dport ?? 0}`;
const outerOf = (f: Frame) => (f as Frame & { outer?: OuterHeaders }).outer;

/**
 * The frames a trace puts on the wire, one per step that carries a packet (ARP or IP headers); a
 * step that only narrates (a DNS lookup answered inside the container, a drop) has none. Steps that
 * see an IP packet inside a machine (route, NAT, conntrack) carry no Ethernet header in the trace:
 * they get the one the same packet had on its last wire before (else its next one after).
 * TCP gets per-flow sequence numbers, each packet a stable IP id; a ping's next echo comes 1 s on.
 */
export function captureFrames(steps: Step[]): Captured[] {
  const out: Captured[] = [];
  // the last Ethernet header seen for each IP 5-tuple
  const ethBefore = new Map<string, Frame['eth']>();
  const tcp = new TcpFlows();
  let seqOffsetUs = 0;
  let lastEcho = 0;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    const f = s.frame;
    if (!f.arp && !f.ip) continue;
    const echo = f.l4?.icmpType === 'echo-request' ? Number(/seq=(\d+)/.exec(f.app?.summary ?? '')?.[1] ?? 0) : 0;
    if (echo > lastEcho) {
      if (lastEcho > 0) seqOffsetUs += (echo - lastEcho) * 1_000_000;
      lastEcho = echo;
    }
    let eth = f.eth;
    if (f.ip) {
      const key = tupleOf(f as IpFrame);
      if (eth) ethBefore.set(key, eth);
      else eth = ethBefore.get(key) ?? findAfter(steps, i, key) ?? undefined;
    }
    const wf: WireFrame = {
      eth: { src: eth?.src ?? ZERO_MAC, dst: eth?.dst ?? ZERO_MAC },
    };
    if (f.arp) wf.arp = f.arp;
    else if (f.ip) {
      const ipf = f as IpFrame;
      wf.ip = { ...ipf.ip, id: ipId(ipf) };
      if (f.l4) wf.l4 = f.l4;
      if (f.app) wf.app = f.app;
      if (f.nd) wf.nd = f.nd;
      if (ipf.ip.proto === 'tcp') wf.tcp = tcp.next(ipf, i);
    }
    const outer = outerOf(f);
    if (outer) wf.outer = outer;
    out.push({ step: i, us: seqOffsetUs + i * STEP_US, at: 'node' in s.at ? s.at.node : s.at.link, frame: wf });
  }
  return out;
}

function findAfter(steps: Step[], from: number, key: string): Frame['eth'] | null {
  for (let j = from + 1; j < steps.length; j++) {
    const f = steps[j].frame;
    if (f.ip && f.eth && tupleOf(f as IpFrame) === key) return f.eth;
  }
  return null;
}

/** The IPv4 id: Linux gives a DF packet a per-flow counter; ours is a hash of what the packet is. */
function ipId(f: IpFrame): number {
  const l4 = f.l4;
  const ends = [`${f.ip.src}:${l4?.sport ?? 0}`, `${f.ip.dst}:${l4?.dport ?? 0}`].sort().join('>');
  return hash32(`${ends} ${l4?.flags ?? ''} ${l4?.icmpType ?? ''} ${f.app?.summary ?? ''}`) & 0xffff;
}

/** Sequence and acknowledgement numbers per TCP direction, advanced once per distinct segment. */
class TcpFlows {
  private dirs = new Map<string, { isn: number; next: number; cur: number; last: string; ts: number }>();

  next(f: IpFrame, at: number): NonNullable<WireFrame['tcp']> {
    const l4 = f.l4 ?? { sport: 0, dport: 0 };
    const key = `${f.ip.src}:${l4.sport}>${f.ip.dst}:${l4.dport}`;
    const rev = `${f.ip.dst}:${l4.dport}>${f.ip.src}:${l4.sport}`;
    const flags = l4.flags ?? '';
    const ident = `${flags}|${f.app?.summary ?? ''}`;
    let d = this.dirs.get(key);
    if (!d) {
      const isn = hash32(key);
      d = { isn, next: isn, cur: isn, last: '', ts: (hash32(`ts ${key}`) % 4_000_000_000) + at };
      this.dirs.set(key, d);
    }
    if (d.last !== ident) {
      d.cur = d.next;
      const len = /PSH/.test(flags) ? payloadLength(f) : 0;
      d.next = (d.cur + len + (/SYN/.test(flags) ? 1 : 0) + (/FIN/.test(flags) ? 1 : 0)) >>> 0;
      d.last = ident;
      d.ts += 1;
    }
    const r = this.dirs.get(rev);
    return { seq: d.cur >>> 0, ack: r ? r.next >>> 0 : 0, tsval: d.ts >>> 0, tsecr: r ? r.ts >>> 0 : 0 };
  }
}

function payloadLength(f: IpFrame): number {
  return payloadBytes({ eth: { src: ZERO_MAC, dst: ZERO_MAC }, ...f }).length;
}
