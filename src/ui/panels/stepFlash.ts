import type { TableChange, World } from '../../sim/model';

/**
 * Which Inspector rows the current playback step touches (DESIGN §6: "the step's table change
 * flashes in the inspector"). A change and a table row meet on a key both can compute: the IP for
 * ARP, the MAC for the FDB, destination and device for a route, the original tuple for conntrack,
 * the name for DNS, the rule and its rewrite for NAT (matched against `iptables -t nat -S` lines by
 * `natLineHot`). Pure: the Inspector renders, this only compares.
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
      return `${e.rule ?? ''}|${e.from ?? ''}|${e.to ?? ''}`;
  }
}

/** Whether IPv4 `ip` is inside `cidr` (a bare address is a /32). No ip-num: this module is in the first paint. */
function inCidr(ip: string, cidr: string): boolean {
  const num = (a: string) => {
    const p = a.split('.').map(Number);
    return p.length === 4 && p.every((o) => Number.isInteger(o) && o >= 0 && o <= 255)
      ? ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0
      : null;
  };
  const [net, len = '32'] = cidr.split('/');
  const a = num(ip);
  const b = num(net);
  const bits = Number(len);
  if (a === null || b === null || !(bits >= 0 && bits <= 32)) return false;
  const m = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (a & m) >>> 0 === (b & m) >>> 0;
}

/**
 * Which `iptables -t nat -S` lines the NAT changes (keys from `entryKey('nat', …)`) used: a DNAT or
 * port forward by its `--to-destination`, a MASQUERADE by the source range (`-s`) the packet's old
 * source is in (the router's rule has none: it masquerades all that leaves wan0).
 */
export function natLineHot(keys: ReadonlySet<string> | undefined): (line: string) => boolean {
  const rules = [...(keys ?? [])].map((k) => k.split('|'));
  return (line) =>
    line.startsWith('-A ') &&
    rules.some(([rule, from, to]) => {
      if (rule === 'MASQUERADE') {
        if (!/ -j MASQUERADE\b/.test(line)) return false;
        const src = / -s (\S+)/.exec(line)?.[1];
        const neg = / ! -s /.test(line);
        return !src || inCidr(from, src) !== neg;
      }
      return !!to && line.endsWith(` --to-destination ${to}`);
    });
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
