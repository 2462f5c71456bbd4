import type { Step, World } from '../../sim/model';

/** Readable names of canvas node and edge ids, built once per World. */
export type PlaceNames = ReadonlyMap<string, string>;

function bridgeLabel(world: World, networkId: string): string {
  const n = world.networks[networkId];
  if (!n) return networkId.slice(0, 12);
  return n.bridge === 'docker0' ? 'docker0' : n.name;
}

/**
 * Names for every id a trace can point at: containers and networks by their Docker names, veth
 * pairs as "container ↔ network", a bridge's host side as "bridge ↔ host".
 */
export function buildPlaceNames(world: World): PlaceNames {
  const names = new Map<string, string>();
  for (const m of Object.values(world.machines)) {
    names.set(m.id, m.id);
    for (const i of m.ifaces) names.set(`if:${m.id}:${i.name}`, `${m.id} ${i.name}`);
  }
  for (const n of Object.values(world.networks)) {
    names.set(`net:${n.id}`, bridgeLabel(world, n.id));
    if (n.bridge) names.set(`brhost:${n.bridge}`, `${bridgeLabel(world, n.id)} ↔ host`);
  }
  for (const c of Object.values(world.containers)) {
    names.set(`ctr:${c.id}`, c.name);
    for (const e of c.endpoints) {
      if (e.veth) names.set(`veth:${e.veth}`, `${c.name} ↔ ${bridgeLabel(world, e.networkId)}`);
    }
  }
  return names;
}

/** A readable name for an id, falling back to a tidied id when the World does not know it. */
export function nameOfId(id: string, names: PlaceNames | null): string {
  const known = names?.get(id);
  if (known) return known;
  const [kind, ...rest] = id.split(':');
  const tail = rest.join(':');
  switch (kind) {
    case 'ctr':
    case 'net':
      return tail.slice(0, 12);
    case 'seg':
      return tail.toUpperCase();
    case 'veth':
      return tail;
    case 'brhost':
      return `${tail} ↔ host`;
    case 'if':
      return rest.join(' ');
    default:
      return id;
  }
}

/** The id a step happens at, node or link. */
export function idOfAt(at: Step['at']): string {
  return 'node' in at ? at.node : at.link;
}

/** A readable name for where a step happens. */
export function placeOf(step: Step, names: PlaceNames | null): string {
  return nameOfId(idOfAt(step.at), names);
}
