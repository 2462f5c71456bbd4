import type { ConntrackEntry, TableChange, Tuple } from '../model';
import { type Ctx, conntrackOf } from './ctx';
import type { Pkt } from './pkt';

/**
 * Connection tracking on the Docker host and the home router: the original tuple as the first
 * packet arrived and the reply tuple after NAT. Later packets of the flow (either direction) are
 * translated from the entry, which is how replies are un-NATed.
 */

/** Seconds an entry has left at `clockMs` (its `timeout` counted down from `at`). */
export function ctRemaining(e: ConntrackEntry, clockMs: number): number {
  return e.at === undefined ? e.timeout : e.timeout - Math.floor((clockMs - e.at) / 1000);
}

/** The engine's clock now (ms): the World's plus what this command has spent so far. */
const now = (ctx: Ctx) => ctx.world.clock + Math.floor(ctx.us / 1000);

const same = (t: Tuple, p: Pkt) => t.src === p.src && t.dst === p.dst && t.sport === p.sport && t.dport === p.dport;

/** Finds the entry a packet belongs to and which direction it travels. */
export function ctLookup(ctx: Ctx, machineId: string, p: Pkt): { entry: ConntrackEntry; dir: 'orig' | 'reply' } | null {
  for (const entry of conntrackOf(ctx, machineId)) {
    // an expired entry is gone: a packet matching it starts a new flow
    if (entry.proto !== p.proto || ctRemaining(entry, now(ctx)) <= 0) continue;
    if (same(entry.orig, p)) return { entry, dir: 'orig' };
    if (same(entry.reply, p)) return { entry, dir: 'reply' };
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
    at: now(ctx),
  };
  table.unshift(entry);
  ctx.flow.push({ on: machineId, entry });
  return entry;
}

/** Marks the packet's entry as used by the flow in progress. */
export function ctTouch(ctx: Ctx, machineId: string, entry: ConntrackEntry): void {
  if (!ctx.flow.some((f) => f.entry === entry)) ctx.flow.push({ on: machineId, entry });
}

/** A table change describing an entry (copied: later updates do not rewrite earlier steps). */
export function ctChange(on: string, entry: ConntrackEntry, kind: 'add' | 'hit'): TableChange {
  return { on, table: 'conntrack', kind, entry: { ...entry, orig: { ...entry.orig }, reply: { ...entry.reply } } };
}

/**
 * Ends the flow in progress: a completed TCP exchange lingers in TIME_WAIT, a reset one in CLOSE,
 * one the client gave up on while the server's app never read (a paused container: the client's
 * FIN is ACKed by the server's kernel only) in CLOSE_WAIT (nf_conntrack tcp_timeout_close_wait 60 s).
 */
export function ctFinish(ctx: Ctx, how: 'done' | 'reset' | 'unanswered' | 'stalled'): void {
  for (const { entry } of ctx.flow) {
    entry.at = now(ctx);
    if (entry.proto === 'tcp') {
      if (how === 'done') Object.assign(entry, { state: 'TIME_WAIT', timeout: 119, assured: true });
      else if (how === 'reset') Object.assign(entry, { state: 'CLOSE', timeout: 9 });
      else if (how === 'stalled') Object.assign(entry, { state: 'CLOSE_WAIT', timeout: 59, assured: true });
    } else if (how === 'done') {
      entry.timeout = 29;
    }
  }
  ctx.flow = [];
}
