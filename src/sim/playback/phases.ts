import type { Step, Trace } from '../model';

/**
 * What a run of steps is about, in the words a networking course uses: the ARP exchange before a
 * frame can leave, the DNS lookup, the TCP handshake, the request and its response, an address
 * rewrite (NAT), and the close (FIN or RST). A ping's echo request and reply are its request and
 * response.
 */
export type PhaseKind = 'arp' | 'ndp' | 'dns' | 'handshake' | 'request' | 'nat' | 'response' | 'close';

/** Every kind, in the order a full NATed curl meets them (predict mode's choices, the legend). */
export const PHASE_KINDS: readonly PhaseKind[] = [
  'dns',
  'arp',
  'ndp',
  'handshake',
  'request',
  'nat',
  'response',
  'close',
];

/** A contiguous run of a trace's steps that plays, skips and lists as one unit. */
export interface Phase {
  kind: PhaseKind;
  /** first step index */
  start: number;
  /** last step index, inclusive; start ≤ end, and the next phase starts at end + 1 */
  end: number;
  /**
   * What the phase carries, as tcpdump would say it: `who-has 172.17.0.1` for ARP, `A? google.com`
   * for DNS, `SYN`, `GET / HTTP/1.1`, `192.168.0.10 → 172.17.0.2` for a rewrite. Empty when unknown.
   */
  detail: string;
}

const NAT_ACTIONS: ReadonlySet<string> = new Set(['snat', 'dnat', 'un-nat', 'masquerade']);
/** Steps that belong to whatever packet is on the move at their node (a NAT step's conntrack entry, its route). */
const NEUTRAL_ACTIONS: ReadonlySet<string> = new Set(['route', 'conntrack-new', 'conntrack-hit']);

function nodeOf(step: Step): string | null {
  return 'node' in step.at ? step.at.node : null;
}

/** The kind a step's own packet says, or null when it carries nothing that tells (a bare route step). */
function ownKind(step: Step): PhaseKind | null {
  const f = step.frame;
  if (NAT_ACTIONS.has(step.action)) return 'nat';
  if (f.arp || f.eth?.type === 'ARP' || step.action.startsWith('arp-')) return 'arp';
  // IPv6's address resolution: ICMPv6 neighbour solicitation and advertisement (RFC 4861)
  if (f.nd) return 'ndp';
  if (step.action === 'refuse') return 'close';
  const app = f.app?.summary ?? '';
  const ports = f.l4 ? [f.l4.sport, f.l4.dport] : [];
  if (step.action.startsWith('dns-') || (f.ip?.proto === 'udp' && ports.includes(53))) return 'dns';
  if (f.ip?.proto === 'tcp' || /^(HTTP\/|GET |POST |HEAD |PUT |DELETE )/.test(app)) {
    const flags = f.l4?.flags ?? '';
    if (/RST|FIN/.test(flags)) return 'close';
    if (flags.includes('SYN')) return 'handshake';
    if (/^HTTP\//.test(app)) return 'response';
    if (app !== '' || flags.includes('PSH')) return 'request';
    return null;
  }
  if (f.ip?.proto === 'icmp' || f.l4?.icmpType) {
    const type = f.l4?.icmpType ?? app;
    return /echo[- ]request/.test(type) || step.action === 'send' ? 'request' : 'response';
  }
  return null;
}

/** tcpdump's words for the packet of a step. */
function detailOf(step: Step, kind: PhaseKind): string {
  const f = step.frame;
  if (kind === 'arp' && f.arp)
    return f.arp.op === 'request' ? `who-has ${f.arp.targetIp}` : `${f.arp.senderIp} is-at ${f.arp.senderMac}`;
  if (kind === 'ndp' && f.nd)
    return /advert/.test(f.l4?.icmpType ?? '') ? `tgt is ${f.nd.target}` : `who has ${f.nd.target}`;
  if (kind === 'handshake' || kind === 'close') return f.l4?.flags ?? '';
  return f.app?.summary ?? f.l4?.flags ?? '';
}

/**
 * Each step's kind: its own, else (a route or conntrack step) the kind of the packet around it.
 * A NAT rewrite takes the route and conntrack steps that follow it at the same node, and a
 * conntrack lookup just before it there, so "NAT" is the whole rewrite with its state.
 */
export function stepKinds(steps: readonly Step[]): PhaseKind[] {
  const own = steps.map(ownKind);
  const kinds: (PhaseKind | null)[] = own.map((k, i) => (NEUTRAL_ACTIONS.has(steps[i].action) ? null : k));
  for (let i = 0; i < steps.length; i++) {
    if (kinds[i] !== 'nat') continue;
    const at = nodeOf(steps[i]);
    for (let j = i + 1; j < steps.length && kinds[j] === null && nodeOf(steps[j]) === at; j++) kinds[j] = 'nat';
    if (i > 0 && steps[i - 1].action === 'conntrack-hit' && nodeOf(steps[i - 1]) === at) kinds[i - 1] = 'nat';
  }
  // neutral steps go with the packet before them (the first ones with the packet after)
  let last: PhaseKind | null = null;
  for (let i = 0; i < steps.length; i++) {
    if (kinds[i] === null) kinds[i] = own[i] !== null && own[i] !== 'nat' ? own[i] : last;
    if (kinds[i] !== null) last = kinds[i];
  }
  let next: PhaseKind | null = null;
  for (let i = steps.length - 1; i >= 0; i--) {
    if (kinds[i] === null) kinds[i] = next ?? 'request';
    next = kinds[i];
  }
  return kinds as PhaseKind[];
}

/**
 * A trace's phases: the maximal runs of steps of one kind, in order, covering every step once.
 *
 * @example
 * // `@remote curl -s http://124.111.46.91/` (port-forwarded to nginx): 104 steps, starting
 * // handshake, arp, handshake, arp, handshake, nat (the router's port forward), …
 */
export function tracePhases(trace: Pick<Trace, 'steps'>): Phase[] {
  const steps = trace.steps;
  const kinds = stepKinds(steps);
  const out: Phase[] = [];
  for (let i = 0; i < steps.length; i++) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === kinds[i]) {
      prev.end = i;
      if (prev.detail === '') prev.detail = detailOf(steps[i], kinds[i]);
    } else out.push({ kind: kinds[i], start: i, end: i, detail: detailOf(steps[i], kinds[i]) });
  }
  for (const p of out) if (p.kind === 'nat') p.detail = rewriteOf(steps, p);
  return out;
}

/** A NAT phase's rewrite, `before → after`, from the addresses just before and at its first NAT step. */
function rewriteOf(steps: readonly Step[], p: Phase): string {
  let at = p.start;
  while (at < p.end && !NAT_ACTIONS.has(steps[at].action)) at++;
  return rewriteAt(steps, at);
}

/** Whether a step rewrites addresses (SNAT/MASQUERADE, DNAT, or undoing one on a reply). */
export function isNatStep(step: Step): boolean {
  return NAT_ACTIONS.has(step.action);
}

/**
 * The rewrite NAT step `at` makes, `before → after` of the end it changes (`192.168.0.10:8001 →
 * 172.17.0.2:80`), from the packet's addresses at the last step before it that had them.
 */
export function rewriteAt(steps: readonly Step[], at: number): string {
  const after = steps[at].frame;
  let b = at - 1;
  while (b >= 0 && !steps[b].frame.ip) b--;
  const before = b >= 0 ? steps[b].frame : undefined;
  if (!after.ip || !before?.ip) return steps[at].action;
  const end = (f: typeof after, which: 'src' | 'dst') => {
    const port = f.ip?.proto === 'icmp' ? undefined : which === 'src' ? f.l4?.sport : f.l4?.dport;
    return port === undefined ? f.ip![which] : `${f.ip![which]}:${port}`;
  };
  const which = before.ip.src !== after.ip.src || before.l4?.sport !== after.l4?.sport ? 'src' : 'dst';
  return `${end(before, which)} → ${end(after, which)}`;
}

/** Index of the phase holding step `step`, or -1 (before the first step, or no phases). */
export function phaseIndexAt(phases: readonly Phase[], step: number): number {
  if (step < 0) return -1;
  let lo = 0;
  let hi = phases.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (phases[mid].end < step) lo = mid + 1;
    else if (phases[mid].start > step) hi = mid - 1;
    else return mid;
  }
  return -1;
}

const memo = new WeakMap<object, Phase[]>();

/** `tracePhases`, computed once per trace object (traces are immutable once made). */
export function phasesOf(trace: Pick<Trace, 'steps'>): Phase[] {
  let phases = memo.get(trace);
  if (!phases) {
    phases = tracePhases(trace);
    memo.set(trace, phases);
  }
  return phases;
}
