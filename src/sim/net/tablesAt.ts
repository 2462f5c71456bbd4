import { produce } from '../containerIndex';
import { parseNodeId } from '../ids';
import type { ArpEntry, ConntrackEntry, FdbEntry, Step, TableChange, World } from '../model';
import { liveConntrack, liveFdb } from './ageing';

/**
 * The tables a packet command changes (ARP caches, bridge FDBs, conntrack) as they stood at one
 * step of its trace: the World before the command, plus every step's `changes` up to and
 * including `cursor` (-1: none yet), its clock the latest time those changes were stamped with.
 * Everything else (machines, containers, networks, addresses) is `after`'s, the World the command produced, so a container the command created is there with
 * the empty tables it started with. Pure; unchanged tables keep their identity.
 */
export function tablesAt(before: World, after: World, steps: readonly Step[], cursor: number): World {
  return produce(after, (d) => {
    for (const [id, m] of Object.entries(d.machines)) {
      const b = before.machines[id];
      m.arp = b ? b.arp : [];
      m.conntrack = b ? b.conntrack : [];
    }
    for (const [id, c] of Object.entries(d.containers)) c.arp = before.containers[id]?.arp ?? [];
    for (const [id, n] of Object.entries(d.networks)) n.fdb = liveFdb(before.networks[id]?.fdb ?? [], before.clock);
    // conntrack drops expired entries as a command first reads the table (ctx.conntrackOf)
    const swept = new Set<string>();
    const last = Math.min(cursor, steps.length - 1);
    // the clock as of the step: the command's start, or the latest time a change so far was stamped
    let clock = before.clock;
    for (let i = 0; i <= last; i++) {
      for (const ch of steps[i].changes) {
        apply(d, ch, before.clock, swept);
        const at = rec(ch.entry).at;
        if (typeof at === 'number' && at > clock) clock = at;
      }
    }
    d.clock = clock;
  });
}

const rec = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

function apply(d: World, ch: TableChange, clock: number, swept: Set<string>): void {
  if (ch.table === 'arp') {
    const at = parseNodeId(ch.on);
    const owner = at.kind === 'ctr' ? d.containers[at.id] : at.kind === 'machine' ? d.machines[at.id] : undefined;
    if (!owner) return;
    const e = rec(ch.entry) as unknown as ArpEntry;
    owner.arp = upsert(owner.arp, (x) => x.ip === e.ip && x.dev === e.dev, { ...e }, ch.kind, false);
  } else if (ch.table === 'fdb') {
    const at = parseNodeId(ch.on);
    const net = at.kind === 'net' ? d.networks[at.id] : undefined;
    if (!net) return;
    const e = rec(ch.entry) as unknown as FdbEntry;
    net.fdb = upsert(
      net.fdb,
      (x) => x.mac === e.mac,
      { mac: e.mac, port: e.port, ...(e.at === undefined ? {} : { at: e.at }) },
      ch.kind,
      false,
    );
  } else if (ch.table === 'conntrack') {
    const m = d.machines[ch.on];
    if (!m) return;
    if (!swept.has(ch.on)) {
      swept.add(ch.on);
      m.conntrack = liveConntrack(m.conntrack, clock);
    }
    const e = rec(ch.entry) as unknown as ConntrackEntry;
    const same = (x: ConntrackEntry) =>
      x.proto === e.proto &&
      x.orig.src === e.orig.src &&
      x.orig.dst === e.orig.dst &&
      x.orig.sport === e.orig.sport &&
      x.orig.dport === e.orig.dport;
    const copy = { ...e, orig: { ...e.orig }, reply: { ...e.reply } };
    // a new flow goes to the top of the table, replacing one with the same original tuple (ctNew)
    m.conntrack = upsert(m.conntrack, same, copy, ch.kind, true);
  }
}

/**
 * The table with `entry` in it. 'update' and 'hit' rewrite the matching row (a change carries the
 * row as it was at that step); so does an 'add' where a row matches, except that with `first` (a
 * new conntrack flow) the row moves to the top. A row not there is appended (`first`: put on top).
 * 'remove' drops the matching row.
 */
function upsert<T>(
  rows: readonly T[],
  match: (x: T) => boolean,
  entry: T,
  kind: TableChange['kind'],
  first: boolean,
): T[] {
  const i = rows.findIndex(match);
  if (kind === 'remove') return i < 0 ? [...rows] : rows.filter((_, j) => j !== i);
  if (first && (kind ?? 'add') === 'add') return [entry, ...rows.filter((_, j) => j !== i)];
  if (i >= 0) return rows.map((x, j) => (j === i ? entry : x));
  return first ? [entry, ...rows] : [...rows, entry];
}
