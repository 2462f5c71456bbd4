import type { ConntrackEntry, TableChange, Tuple } from '../model';
import { ctRemaining } from './ageing';
import { type Ctx, conntrackOf, nowMs } from './ctx';
import type { Pkt } from './pkt';

/**
 * Connection tracking on the Docker host and the home router: the original tuple as the first
 * packet arrived and the reply tuple after NAT. Later packets of the flow (either direction) are
 * translated from the entry, which is how replies are un-NATed.
 */

const same = (t: Tuple, p: Pkt) => t.src === p.src && t.dst === p.dst && t.sport === p.sport && t.dport === p.dport;

/** Finds the entry a packet belongs to and which direction it travels. */
export function ctLookup(ctx: Ctx, machineId: string, p: Pkt): { entry: ConntrackEntry; dir: 'orig' | 'reply' } | null {
  for (const entry of conntrackOf(ctx, machineId)) {
    // an expired entry is gone: a packet matching it starts a new flow
    if (entry.proto !== p.proto || ctRemaining(entry, nowMs(ctx)) <= 0) continue;
    if (same(entry.orig, p)) return { entry, dir: 'orig' };
    if (same(entry.reply, p)) return { entry, dir: 'reply' };
  }
  return null;
}

/**
 * An ICMP error RELATED to a tracked flow (nf_conntrack_icmp's error handling): the packet it quotes
 * went out as the flow's original direction after NAT, i.e. the reverse of its reply tuple.
 */
export function ctRelated(ctx: Ctx, machineId: string, p: Pkt): ConntrackEntry | null {
  const q = p.inner;
  if (!q) return null;
  for (const entry of conntrackOf(ctx, machineId)) {
    if (entry.proto !== q.proto || ctRemaining(entry, nowMs(ctx)) <= 0) continue;
    const r = entry.reply;
    if (r.dst === q.src && r.dport === q.sport && r.src === q.dst && r.sport === q.dport) return entry;
  }
  return null;
}

/** Rewrites `p` as the entry says for its direction; true when an address or port changed. */
export function ctTranslate(hit: { entry: ConntrackEntry; dir: 'orig' | 'reply' }, p: Pkt): boolean {
  const t = hit.dir === 'orig' ? hit.entry.reply : hit.entry.orig;
  const next = { src: t.dst, dst: t.src, sport: t.dport, dport: t.sport };
  const changed = next.src !== p.src || next.dst !== p.dst || next.sport !== p.sport || next.dport !== p.dport;
  Object.assign(p, next);
  return changed;
}

const tuple = (p: Pkt): Tuple => ({ src: p.src, dst: p.dst, sport: p.sport, dport: p.dport });

/** Records a new flow: `before` as it arrived, `after` once NAT rewrote it. */
export function ctNew(ctx: Ctx, machineId: string, before: Pkt, after: Pkt): ConntrackEntry {
  const table = conntrackOf(ctx, machineId);
  const orig = tuple(before);
  const i = table.findIndex((e) => e.proto === before.proto && same(e.orig, before));
  if (i >= 0) table.splice(i, 1);
  const entry: ConntrackEntry = {
    proto: before.proto,
    orig,
    reply: { src: after.dst, dst: after.src, sport: after.dport, dport: after.sport },
    state: before.proto === 'tcp' ? 'SYN_SENT' : '',
    timeout: before.proto === 'tcp' ? 119 : 29,
    assured: false,
    at: nowMs(ctx),
  };
  table.unshift(entry);
  ctx.flow.push({ on: machineId, entry });
  return entry;
}

/**
 * nf_conntrack_proto_tcp.c's timeouts (s), printed by `conntrack -L` one second lower as the
 * entry is listed right after the packet that set them (119 for TIME_WAIT in the lab).
 */
const TCP_TIMEOUT: Record<string, number> = {
  SYN_SENT: 120,
  SYN_RECV: 60,
  ESTABLISHED: 432000,
  FIN_WAIT: 120,
  CLOSE_WAIT: 60,
  LAST_ACK: 30,
  TIME_WAIT: 120,
  CLOSE: 10,
};

/**
 * The TCP state after segment `flags` travelling `dir`, per tcp_conntracks[][][]: the answer to
 * the SYN moves SYN_SENT to SYN_RECV, the client's next ACK (here its first data segment, which
 * carries that ACK) to ESTABLISHED; a FIN starts the close (FIN_WAIT, then CLOSE_WAIT when it is
 * ACKed, LAST_ACK when the other side sends its own, TIME_WAIT at the last ACK); a RST is CLOSE.
 */
function tcpNext(state: string, flags: string, dir: 'orig' | 'reply'): string {
  const f = new Set(flags.split(','));
  if (f.has('RST')) return 'CLOSE';
  if (f.has('SYN') && f.has('ACK')) return dir === 'reply' && state === 'SYN_SENT' ? 'SYN_RECV' : state;
  // a new SYN on a closed flow's tuple starts it over (the kernel replaces the entry)
  if (f.has('SYN')) return dir === 'orig' && (state === 'TIME_WAIT' || state === 'CLOSE') ? 'SYN_SENT' : state;
  if (f.has('FIN')) {
    if (state === 'ESTABLISHED') return 'FIN_WAIT';
    if (state === 'FIN_WAIT' || state === 'CLOSE_WAIT') return 'LAST_ACK';
    return state;
  }
  if (!f.has('ACK')) return state;
  if (state === 'SYN_RECV' && dir === 'orig') return 'ESTABLISHED';
  if (state === 'FIN_WAIT') return 'CLOSE_WAIT';
  if (state === 'LAST_ACK') return 'TIME_WAIT';
  return state;
}

/**
 * A later segment of a tracked TCP flow, as nf_conntrack sees it: the state moves on, the timer
 * restarts with the new state's timeout, and the SYN_RECV -> ESTABLISHED step marks the flow
 * [ASSURED]. True when the state changed (the step records the row as updated, not only hit).
 */
export function ctSeen(ctx: Ctx, entry: ConntrackEntry, dir: 'orig' | 'reply', p: Pkt): boolean {
  if (entry.proto !== 'tcp' || !p.flags) return false;
  const old = entry.state;
  const next = tcpNext(old, p.flags, dir);
  if (old === 'SYN_RECV' && next === 'ESTABLISHED') entry.assured = true;
  if (next === 'SYN_SENT' && old !== next) entry.assured = false;
  entry.state = next;
  entry.timeout = (TCP_TIMEOUT[next] ?? 120) - 1;
  entry.at = nowMs(ctx);
  return next !== old;
}

/** Marks the packet's entry as used by the flow in progress. */
export function ctTouch(ctx: Ctx, machineId: string, entry: ConntrackEntry): void {
  if (!ctx.flow.some((f) => f.entry === entry)) ctx.flow.push({ on: machineId, entry });
}

/** A table change describing an entry (copied: later updates do not rewrite earlier steps). */
export function ctChange(on: string, entry: ConntrackEntry, kind: 'add' | 'hit' | 'update'): TableChange {
  return { on, table: 'conntrack', kind, entry: { ...entry, orig: { ...entry.orig }, reply: { ...entry.reply } } };
}

/**
 * Ends the flow in progress: a completed TCP exchange lingers in TIME_WAIT, a reset one in CLOSE,
 * one the client gave up on while the server's app never read (a paused container: the client's
 * FIN is ACKed by the server's kernel only) in CLOSE_WAIT (nf_conntrack tcp_timeout_close_wait 60 s).
 * `from`: the first of `ctx.flow` to end (an inner connection's), those before stay open.
 */
export function ctFinish(ctx: Ctx, how: 'done' | 'reset' | 'unanswered' | 'stalled', from = 0): void {
  for (const { on, entry } of ctx.flow.slice(from)) {
    entry.at = nowMs(ctx);
    if (entry.proto === 'tcp') {
      if (how === 'done') Object.assign(entry, { state: 'TIME_WAIT', timeout: 119, assured: true });
      else if (how === 'reset') Object.assign(entry, { state: 'CLOSE', timeout: 9 });
      else if (how === 'stalled') Object.assign(entry, { state: 'CLOSE_WAIT', timeout: 59, assured: true });
    } else if (how === 'done') {
      entry.timeout = 29;
    }
    ctRecord(ctx, on, entry);
  }
  ctx.flow = ctx.flow.slice(0, from);
}

/**
 * Records `entry` as updated on the latest step, for a change no step of its own narrates (the
 * close at the end of the command, a bridged segment): playback then shows the row as it is.
 */
export function ctRecord(ctx: Ctx, on: string, entry: ConntrackEntry): void {
  const last = ctx.steps[ctx.steps.length - 1];
  if (!last) return;
  last.changes.push(ctChange(on, entry, 'update'));
}
