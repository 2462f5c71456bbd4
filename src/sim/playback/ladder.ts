import type { Step, Trace } from '../model';
import { captureFrames } from '../net/capture';
import { printFrame, type TcpSeqState } from '../net/tcpdumpPrint';
import { frameBytes, type WireFrame } from '../net/wire';
import { isNatStep, type PhaseKind, rewriteAt, stepKinds } from './phases';
import { STOP_ACTIONS } from './predict';

/**
 * A trace as the textbook's ladder diagram (Wireshark's flow graph): the machines and bridges the
 * packets visit as columns, left to right in the order the packets first reach them, and each hop
 * of a packet from one of them to the next as an arrow down the time axis.
 */
export interface Ladder {
  /** canvas node ids, in order of first visit */
  columns: string[];
  arrows: LadderArrow[];
  /** where a packet ends short of its goal: a drop or a refusal, at a column */
  stops: LadderStop[];
  /** for each step, the arrow it belongs to (the hop it crosses, or the last one that reached its node), or -1 */
  arrowOfStep: number[];
}

export interface LadderArrow {
  from: string;
  to: string;
  /** the step where the packet reaches `to`: clicking the arrow seeks here */
  step: number;
  /** the first step the hop stands for (the one after the packet's last step at `from`) */
  first: number;
  /** tcpdump's line for the frame on this hop, without the timestamp (`tcpdump -n`) */
  line: string;
  /** what the arrow says: the line after its addresses, TCP cut after the flags (`Flags [S.]`) */
  label: string;
  /** what the arrow says, as short as tcpdump's words allow: `ARP who-has 172.17.0.1`, `SYN`, `A? google.com.`, `GET / HTTP/1.1` */
  short: string;
  /** the addresses as tcpdump prints them (`172.17.0.2.36774 > 192.168.0.1.53`), '' for ARP */
  ends: string;
  /** the rewrites `from` made before sending it on: MASQUERADE/DNAT/un-NAT and `before → after` */
  nat: { action: string; rewrite: string }[];
  kind: PhaseKind;
}

export interface LadderStop {
  at: string;
  step: number;
  action: string;
}

function nodeOf(step: Step): string | null {
  return 'node' in step.at ? step.at.node : null;
}

/** tcpdump's line split into addresses and what follows them. */
function splitLine(line: string): { ends: string; label: string } {
  if (line.startsWith('ARP, ')) return { ends: '', label: line.slice(5).replace(/, length \d+$/, '') };
  const m = /^IP (\S+ > \S+): (.*)$/s.exec(line);
  if (!m) return { ends: '', label: line };
  const label = m[2];
  // a TCP segment: the flags, then what it carries (HTTP's first line, else its length), not seq/ack/win/options
  const tcp = /^(Flags \[[^\]]*\]).*?, length (\d+)(?:: (.*))?$/s.exec(label);
  if (tcp)
    return {
      ends: m[1],
      label: tcp[3] ? `${tcp[1]} ${tcp[3]}` : tcp[2] !== '0' ? `${tcp[1]}, length ${tcp[2]}` : tcp[1],
    };
  return { ends: m[1], label: label.replace(/, length \d+$/, '') };
}

const TCP_FLAGS: Record<string, string> = {
  S: 'SYN',
  'S.': 'SYN-ACK',
  '.': 'ACK',
  'P.': 'PSH-ACK',
  'R.': 'RST-ACK',
  R: 'RST',
  'F.': 'FIN-ACK',
  'FP.': 'FIN-PSH-ACK',
};

/** The arrow's own words: tcpdump's, cut to what the packet is; the request or answer it carries. */
function shortOf(label: string, step: Step): string {
  const arp = /^Request who-has (\S+)/.exec(label) ?? /^Reply (\S+ is-at \S+)/.exec(label);
  if (arp) return label.startsWith('Request') ? `ARP who-has ${arp[1]}` : `ARP ${arp[1]}`;
  const tcp = /^Flags \[([^\]]*)\]/.exec(label);
  if (tcp) {
    const app = step.frame.app?.summary ?? '';
    return /^(HTTP\/|GET |POST |HEAD |PUT |DELETE )/.test(app) ? app : (TCP_FLAGS[tcp[1]] ?? `[${tcp[1]}]`);
  }
  const dns = /^\d+\+? (.*) \(\d+\)$/.exec(label);
  if (dns) return dns[1].replace(/^\d+\/\d+\/\d+ /, '').replace(/^(\S+) \d+\/\d+\/\d+$/, '$1');
  const icmp = /^ICMP (.*?)(?:, length \d+)?$/.exec(label);
  if (icmp) return icmp[1].replace(/, id \d+/, '');
  return label;
}

/**
 * The ladder of a trace. Arrows follow the packet from node to node; a step at a link (the wire)
 * belongs to the hop it crosses. Each arrow is labelled with the frame as it crossed the first wire
 * of the hop (as tcpdump on that wire prints it), and carries the rewrites its sender made.
 */
export function traceLadder(trace: Pick<Trace, 'steps'>): Ladder {
  const steps = trace.steps;
  const kinds = stepKinds(steps);
  const captured = captureFrames(steps as Step[]);
  const frameAt = new Map(captured.map((c) => [c.step, c.frame]));
  const seqs: TcpSeqState = {};
  const columns: string[] = [];
  const arrows: LadderArrow[] = [];
  const stops: LadderStop[] = [];
  const arrowOfStep: number[] = new Array(steps.length).fill(-1);
  let at: string | null = null;
  let lastAt = -1;
  // rewrites waiting for the packet they were made on to leave their node (not an ARP on the way)
  const pendingNat = new Map<string, { action: string; rewrite: string }[]>();
  const seen = (id: string) => {
    if (!columns.includes(id)) columns.push(id);
  };
  for (let i = 0; i < steps.length; i++) {
    const node = nodeOf(steps[i]);
    if (node === null) continue;
    seen(node);
    if (at !== null && node !== at) {
      // the frame on the hop: at its first wire, else as it arrives
      let frame: WireFrame | undefined;
      for (let j = lastAt + 1; j <= i && !frame; j++) frame = frameAt.get(j);
      const bytes = frame ? frameBytes(frame) : null;
      const line = bytes
        ? printFrame(bytes, { link: false, numeric: true }, seqs)
        : (steps[i].frame.app?.summary ?? '');
      const parts = splitLine(line);
      arrows.push({
        from: at,
        to: node,
        step: i,
        first: lastAt + 1,
        line,
        ...parts,
        short: shortOf(parts.label, steps[i]),
        nat: [],
        kind: kinds.slice(lastAt + 1, i + 1).find((k) => k !== 'nat') ?? 'nat',
      });
      const arrow = arrows[arrows.length - 1];
      if (arrow.kind !== 'arp' && pendingNat.has(at)) {
        arrow.nat = pendingNat.get(at) ?? [];
        pendingNat.delete(at);
      }
      for (let j = lastAt + 1; j < i; j++) arrowOfStep[j] = arrows.length - 1;
    }
    if (isNatStep(steps[i]))
      pendingNat.set(node, [
        ...(pendingNat.get(node) ?? []),
        { action: steps[i].action, rewrite: rewriteAt(steps, i) },
      ]);
    if (STOP_ACTIONS.has(steps[i].action)) stops.push({ at: node, step: i, action: steps[i].action });
    arrowOfStep[i] = arrows.length - 1;
    at = node;
    lastAt = i;
  }
  for (let j = lastAt + 1; j < steps.length; j++) arrowOfStep[j] = arrows.length - 1;
  return { columns, arrows, stops, arrowOfStep };
}
