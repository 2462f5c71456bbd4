import type { World } from '../sim/model';
import { restoreLoadBalancers } from '../sim/swarm/restoreLb';
import { CURRENT_VERSION } from './envelopeVersion';

/**
 * Saved-document migrations: named, ordered, each taking version N to N+1. A save, an exported
 * file and a share link all carry the same envelope, so they all go through here.
 */

export { CURRENT_VERSION };

/** A migration lifts a document from `from` to `from + 1`; it may throw when the input is unreadable. */
export interface Migration {
  name: string;
  from: number;
  up: (doc: Record<string, unknown>) => Record<string, unknown>;
}

export const migrations: Migration[] = [
  {
    // the first builds saved the bare World; layout positions did not exist yet
    name: 'wrap-bare-world',
    from: 0,
    up: (doc) => ({ version: 1, world: doc, pinned: {} }),
  },
  {
    // v2 tags the envelope (so a random JSON file is told apart) and carries view preferences
    name: 'add-format-and-prefs',
    from: 1,
    up: (doc) => ({ format: 'whalewire', ...doc, version: 2, prefs: { theme: 'light', lang: 'en' } }),
  },
  {
    // v3 carries World schema 2: every network and container names its daemon (several Docker
    // hosts), and the per-daemon state (ephemeral port cursor, image store) moves under `daemons`
    name: 'world-schema-2-daemons',
    from: 2,
    up: (doc) => ({ ...doc, version: 3, world: worldSchema2(doc.world) }),
  },
  {
    // v4: swarm services have load balancers (the ingress sandbox, task containers, lb-<net>
    // endpoints); a swarm saved before them gets them rebuilt, as its daemons would on start
    name: 'swarm-load-balancers',
    from: 3,
    up: (doc) => ({ ...doc, version: 4, world: withLoadBalancers(doc.world) }),
  },
];

/**
 * Rebuilds what a swarm saved before load balancers lacks (src/sim/swarm/restoreLb.ts). Leaves a
 * World it cannot read as it is, for the validator to name what is wrong with it.
 */
export function withLoadBalancers(world: unknown): unknown {
  if (!isRecord(world) || world.schema !== 2 || !isRecord(world.swarm)) return world;
  const sw = world.swarm;
  const tables = [world.machines, world.networks, world.containers, world.daemons, sw.services, sw.tasks];
  if (!Array.isArray(sw.nodes) || !tables.every(isRecord)) return world;
  try {
    return restoreLoadBalancers(world as unknown as World);
  } catch {
    return world;
  }
}

/** The only daemon a schema-1 World had. */
const FIRST_DAEMON = 'docker-host';

/** `obj` with `key: value` inserted right after `after` (so a migrated World reads like a new one). */
function withKeyAfter(obj: Record<string, unknown>, after: string, key: string, value: unknown) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === key) continue;
    out[k] = v;
    if (k === after) out[key] = value;
  }
  if (!(key in out)) out[key] = value;
  return out;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * World schema 1 -> 2. Leaves anything that is not a schema-1 World as it is, for the validator
 * to name what is wrong with it.
 */
export function worldSchema2(world: unknown): unknown {
  if (!isRecord(world) || world.schema !== 1) return world;
  const { lastEphemeralPort, images, ...rest } = world;
  const each = (table: unknown, after: string) =>
    isRecord(table)
      ? Object.fromEntries(
          Object.entries(table).map(([id, o]) => [
            id,
            isRecord(o) ? withKeyAfter(o, after, 'daemon', FIRST_DAEMON) : o,
          ]),
        )
      : table;
  const state: Record<string, unknown> = { lastEphemeralPort };
  if (images !== undefined) state.images = images;
  return {
    ...rest,
    schema: 2,
    networks: each(world.networks, 'driver'),
    containers: each(world.containers, 'name'),
    daemons: { [FIRST_DAEMON]: state },
  };
}

/** The version a parsed document declares: a bare World (it has `machines`) is version 0. */
export function versionOf(doc: Record<string, unknown>): number {
  if (typeof doc.version === 'number') return doc.version;
  if ('machines' in doc && 'networks' in doc) return 0;
  return Number.NaN;
}

/**
 * Runs every migration from the document's version up to {@link CURRENT_VERSION}.
 * Throws on a document from a newer build or of unknown shape, so nothing half-read is used.
 */
export function migrate(doc: Record<string, unknown>): Record<string, unknown> {
  let v = versionOf(doc);
  if (!Number.isInteger(v) || v < 0) throw new Error('not a whalewire document');
  if (v > CURRENT_VERSION) throw new Error(`saved by a newer whalewire (version ${v})`);
  let cur = doc;
  while (v < CURRENT_VERSION) {
    const m = migrations.find((x) => x.from === v);
    if (!m) throw new Error(`no migration from version ${v}`);
    cur = m.up(cur);
    v = versionOf(cur);
    if (v !== m.from + 1) throw new Error(`migration ${m.name} produced version ${v}`);
  }
  return cur;
}
