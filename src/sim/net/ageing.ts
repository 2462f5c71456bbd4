import type { ArpEntry, ConntrackEntry, FdbEntry } from '../model';

/**
 * How table entries age at the World's clock, as the kernel shows them: one definition for the
 * packet engine, the tools that print the tables (`ip neigh`, `conntrack -L`) and the Inspector.
 */

/** Linux's base_reachable_time: a confirmed neighbour shows REACHABLE this long, then STALE. */
export const REACHABLE_MS = 30_000;

/** Linux's delay_first_probe_time: a STALE entry used by a packet waits in DELAY this long. */
export const DELAY_MS = 5_000;

/**
 * What `ip neigh` shows at `clockMs`: a REACHABLE entry not confirmed for 30 s is STALE. A DELAY
 * entry (a STALE one a packet used) reads DELAY for 5 s; then the kernel has it confirmed, by the
 * connection's progress (TCP's ACKs, dst_confirm) or by a unicast ARP probe (PROBE, answered), so
 * it reads REACHABLE from then, and STALE 30 s later (neigh_timer_handler).
 */
export function neighState(e: ArpEntry, clockMs: number): ArpEntry['state'] {
  if (e.at === undefined) return e.state;
  if (e.state === 'FAILED') return failingState(e, clockMs - e.at);
  if (e.state === 'DELAY') {
    if (clockMs - e.at < DELAY_MS) return 'DELAY';
    return clockMs - e.at - DELAY_MS >= REACHABLE_MS ? 'STALE' : 'REACHABLE';
  }
  return e.state === 'REACHABLE' && clockMs - e.at >= REACHABLE_MS ? 'STALE' : e.state;
}

/** Linux's mcast_solicit x retrans_time: a new entry's broadcast requests, 1 s apart, before FAILED. */
export const INCOMPLETE_MS = 3_000;

/** Linux's ucast_solicit x retrans_time: a DELAY entry's unicast probes, 1 s apart, before FAILED. */
export const PROBE_MS = 3_000;

/**
 * A neighbour that never answers (neigh_timer_handler): an entry that had no address is INCOMPLETE
 * while its 3 broadcast requests go out, then FAILED; one that had (its neighbour has gone) waits in
 * DELAY 5 s, sends 3 unicast probes in PROBE, then FAILED. FAILED stays: the periodic GC removes
 * entries only from a table of gc_thresh1 (128) or more.
 */
function failingState(e: ArpEntry, sinceMs: number): ArpEntry['state'] {
  if (!e.mac) return sinceMs < INCOMPLETE_MS ? 'INCOMPLETE' : 'FAILED';
  if (sinceMs < DELAY_MS) return 'DELAY';
  return sinceMs < DELAY_MS + PROBE_MS ? 'PROBE' : 'FAILED';
}

/**
 * Whether `ip neigh` prints the entry's lladdr: only for a valid state (neigh_fill_info puts
 * NDA_LLADDR for NUD_VALID: PERMANENT, NOARP, REACHABLE, PROBE, STALE, DELAY).
 */
export const showsLladdr = (state: ArpEntry['state']): boolean => state !== 'INCOMPLETE' && state !== 'FAILED';

/** Seconds a conntrack entry has left at `clockMs` (its `timeout` counted down from `at`). */
export function ctRemaining(e: ConntrackEntry, clockMs: number): number {
  return e.at === undefined ? e.timeout : e.timeout - Math.floor((clockMs - e.at) / 1000);
}

/**
 * A bridge's ageing_time (BR_DEFAULT_AGEING_TIME, 300 s; Docker leaves it as created): a learned
 * entry not refreshed by a frame from its MAC for this long is deleted by br_fdb_cleanup, and a frame
 * to that MAC is flooded again until the MAC is heard once more.
 */
export const FDB_AGEING_MS = 300_000;

/**
 * How stale an entry's time may get before a frame from its MAC stamps it again: the kernel
 * stamps every frame, whalewire at most every 10 s, so an entry goes 300 to 310 s after its last
 * frame (a student cannot tell; a 500-task swarm's packets no longer rewrite every bridge's table).
 */
export const FDB_REFRESH_MS = 10_000;

/** The learned entries a bridge still holds at `clockMs` (what `bridge fdb show` lists). */
export function liveFdb<T extends FdbEntry>(entries: readonly T[], clockMs: number): T[] {
  return entries.every((e) => e.at === undefined || clockMs - e.at < FDB_AGEING_MS)
    ? (entries as T[])
    : entries.filter((e) => e.at === undefined || clockMs - e.at < FDB_AGEING_MS);
}

/** The entries `conntrack -L` still lists at `clockMs`: the kernel forgets one at zero. */
export function liveConntrack<T extends ConntrackEntry>(entries: readonly T[], clockMs: number): T[] {
  return entries.filter((e) => ctRemaining(e, clockMs) > 0);
}
