import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type {
  containerSchema,
  daemonSchema,
  machineSchema,
  networkSchema,
  worldSchema,
} from '../../../src/io/worldSchema';
import { worldRefusal } from '../../../src/io/worldSchema';
import { runScript } from '../../../src/sim/console';
import type { Container, DaemonState, Machine, Network, World } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';

/** A schema's input without the loose objects' `[k: string]: unknown` (records keep their keys' type). */
type Known<T> = T extends (infer U)[]
  ? Known<U>[]
  : T extends object
    ? { [K in keyof T as string extends K ? (unknown extends T[K] ? never : K) : K]: Known<T[K]> }
    : T;

// tsc checks these: every value the model's types allow has the types the schema asks for, so a
// field added to the model with another type than its schema's fails `npm run typecheck`
const asMachine = (m: Machine): Known<z.input<typeof machineSchema>> => m;
const asNetwork = (n: Network): Known<z.input<typeof networkSchema>> => n;
// the model types restartPolicy.Name as any string; the engine stores only the three the schema
// names (src/sim/docker/restartPolicy.ts turns `no` into no policy), so that field is left out here
const asContainer = (
  c: Omit<Container, 'restartPolicy'>,
): Omit<Known<z.input<typeof containerSchema>>, 'restartPolicy'> => c;
const asDaemon = (d: DaemonState): Known<z.input<typeof daemonSchema>> => d;
const asWorld = (w: Omit<World, 'containers'>): Omit<Known<z.input<typeof worldSchema>>, 'containers'> => w;

describe('worldSchema follows src/sim/model.ts', () => {
  it('the model types fit the schema (tsc), and the engine’s Worlds pass it', () => {
    const w = runScript(createDefaultWorld(), 'docker network create n\ndocker run -d --name c --network n nginx\n')
      .session.world;
    expect(asWorld(w)).toBe(w);
    for (const m of Object.values(w.machines)) expect(asMachine(m)).toBe(m);
    for (const n of Object.values(w.networks)) expect(asNetwork(n)).toBe(n);
    for (const c of Object.values(w.containers)) expect(asContainer(c)).toBe(c);
    for (const d of Object.values(w.daemons)) expect(asDaemon(d)).toBe(d);
    expect(worldRefusal(JSON.parse(JSON.stringify(w)))).toBeNull();
  });
});
