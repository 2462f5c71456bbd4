import type { ArpEntry, ConntrackEntry } from '../model';

/**
 * How table entries age at the World's clock, as the kernel shows them: one definition for the
 * packet engine, the tools that print the tables (`ip neigh`, `conntrack -L`) and the Inspector.
 */

/** Linux's base_reachable_time: a confirmed neighbour shows REACHABLE this long, then STALE. */
export const REACHABLE_MS = 30_000;

/** What `ip neigh` shows at `clockMs`: a REACHABLE entry not confirmed for 30 s is STALE. */
export function neighState(e: ArpEntry, clockMs: number): ArpEntry['state'] {
  return e.state === 'REACHABLE' && e.at !== undefined && clockMs - e.at >= REACHABLE_MS ? 'STALE' : e.state;
}

/** Seconds a conntrack entry has left at `clockMs` (its `timeout` counted down from `at`). */
export function ctRemaining(e: ConntrackEntry, clockMs: number): number {
  return e.at === undefined ? e.timeout : e.timeout - Math.floor((clockMs - e.at) / 1000);
}

/** The entries `conntrack -L` still lists at `clockMs`: the kernel forgets one at zero. */
export function liveConntrack<T extends ConntrackEntry>(entries: readonly T[], clockMs: number): T[] {
  return entries.filter((e) => ctRemaining(e, clockMs) > 0);
}
