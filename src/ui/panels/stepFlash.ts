import type { TableChange, World } from '../../sim/model';

/**
 * Which Inspector rows the current playback step touches (DESIGN §6: "the step's table change
 * flashes in the inspector"). A change and a table row meet on a key both can compute: the IP for
 * ARP, the MAC for the FDB, destination and device for a route, the original tuple for conntrack,
 * the name for DNS. Pure: the Inspector renders, this only compares.
 */
export type FlashTable = TableChange['table'];

function rec(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

/** The key of a row of `table` built from a world entry, or of a trace change's entry. */
export function entryKey(table: FlashTable, entry: unknown): string {
  const e = rec(entry);
  switch (table) {
    case 'arp':
      return `${e.ip}`;
    case 'fdb':
      return `${String(e.mac).toLowerCase()}`;
    case 'route':
      return `${e.dst}|${e.dev}`;
    case 'conntrack': {
      const o = rec(e.orig);
      return `${e.proto}|${o.src}|${o.dst}|${o.sport}|${o.dport}`;
    }
    case 'dns':
      return String(e.name ?? '').toLowerCase();
    case 'nat':
      return String(e.to ?? '');
  }
}

/** Keys per table of the changes a step made on one canvas node. */
export function hotKeys(
  changes: readonly TableChange[] | undefined,
  nodeId: string | null,
): Map<FlashTable, Set<string>> {
  const out = new Map<FlashTable, Set<string>>();
  if (!changes || !nodeId) return out;
  for (const c of changes) {
    if (c.on !== nodeId) continue;
    let set = out.get(c.table);
    if (!set) {
      set = new Set();
      out.set(c.table, set);
    }
    set.add(entryKey(c.table, c.entry));
  }
  return out;
}

/** A canvas node id as a person reads it: the container's or network's name, else the machine id. */
export function nodeLabel(world: World, nodeId: string): string {
  if (nodeId.startsWith('ctr:')) return world.containers[nodeId.slice(4)]?.name ?? nodeId;
  if (nodeId.startsWith('net:')) {
    const n = world.networks[nodeId.slice(4)];
    return n ? `${n.name}${n.bridge ? ` (${n.bridge})` : ''}` : nodeId;
  }
  return world.machines[nodeId]?.hostname ?? nodeId;
}

/** Whether a canvas node id names something the Inspector can show. */
export function inspectable(world: World, nodeId: string): boolean {
  if (nodeId.startsWith('ctr:')) return !!world.containers[nodeId.slice(4)];
  if (nodeId.startsWith('net:')) return !!world.networks[nodeId.slice(4)];
  return !!world.machines[nodeId];
}
