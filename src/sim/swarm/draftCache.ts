import { plainContainers } from '../ipam';
import { memoIn } from '../memo';
import type { Container, World } from '../model';
import { plain } from './state';

/**
 * Address sets of one `produce` recipe, kept per draft World: scanning the containers means a
 * `current()` snapshot of every one of them (O(containers), most of a `service create` at 500
 * tasks), so each network's set is built once per command and kept up to date by the allocators
 * and by the removal of a task container within that same command.
 */
const cache = new WeakMap<object, Map<string, Set<string>>>();

const snapshots = new WeakMap<object, World>();

/**
 * The World as this recipe found it when it first asked, containers and swarm as plain snapshots
 * (one `current()` each per command): every later allocation in the recipe goes through the sets
 * of `usedOnDraft`, which are built from it.
 */
export function snapshotOf(d: World): World {
  let w = snapshots.get(d);
  if (!w) {
    w = { ...d, containers: plainContainers(d), swarm: plain(d.swarm) };
    snapshots.set(d, w);
  }
  return w;
}

const byNetwork = new WeakMap<object, Map<string, string[]>>();

/** Every endpoint address of the snapshot's containers, by network: one pass for all networks. */
export function endpointIps(d: World): Map<string, string[]> {
  let m = byNetwork.get(d);
  if (!m) {
    m = new Map();
    for (const c of Object.values(snapshotOf(d).containers)) {
      for (const ep of c.endpoints) {
        if (!ep.ip) continue;
        const l = m.get(ep.networkId);
        if (l) l.push(ep.ip);
        else m.set(ep.networkId, [ep.ip]);
      }
    }
    byNetwork.set(d, m);
  }
  return m;
}

/** The addresses in use on `networkId` in this recipe, built by `compute` (from `snapshotOf`) on first use. */
export function usedOnDraft(d: World, networkId: string, compute: (w: World) => Set<string>): Set<string> {
  return memoIn(cache, d, networkId, () => compute(snapshotOf(d)));
}

/** Frees a removed container's addresses in the sets of this recipe. */
export function releaseOnDraft(d: World, c: Container): void {
  const m = cache.get(d);
  if (!m) return;
  for (const ep of c.endpoints) if (ep.ip) m.get(ep.networkId)?.delete(ep.ip);
}
