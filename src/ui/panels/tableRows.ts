import type { ArpEntry, ConntrackEntry } from '../../sim/model';
import { ctRemaining } from '../../sim/net/conntrack';
import { REACHABLE_MS } from '../../sim/net/l2';

/**
 * The Inspector's ARP and conntrack rows as the tools print them at the World's clock: `ip neigh`
 * shows a REACHABLE entry not confirmed for 30 s as STALE; `conntrack -L` no longer lists an entry
 * whose timeout has counted down to zero (the World keeps it until the next packet command).
 */
export function arpState(e: ArpEntry, clockMs: number): ArpEntry['state'] {
  return e.state === 'REACHABLE' && e.at !== undefined && clockMs - e.at >= REACHABLE_MS ? 'STALE' : e.state;
}

export function liveConntrack(entries: readonly ConntrackEntry[], clockMs: number): ConntrackEntry[] {
  return entries.filter((e) => ctRemaining(e, clockMs) > 0);
}
