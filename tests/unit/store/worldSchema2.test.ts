import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseProject } from '../../../src/io/project';
import { readShareFragment } from '../../../src/io/shareLink';
import { worldProblem } from '../../../src/io/worldSchema';
import { runScript } from '../../../src/sim/console';
import type { World } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';
import { migrations, worldSchema2 } from '../../../src/store/migrations';

/**
 * tests/fixtures/saves/schema1-save.json and schema1-link.txt were written by the build before
 * World schema 2 (envelope version 2) after replaying schema1.txt; today's engine replays the same
 * script, so the migrated save must be exactly the World it builds now, but for the state and time
 * of neighbour entries, the bridges' FDBs and interface indexes: that build stored a STALE entry a
 * packet used as REACHABLE, where Linux (and today's engine) puts it in DELAY, and its bridges
 * learned MACs from packets only, where today's also learn each container's from its unsolicited
 * ARPs at start (net/garp.ts); a save records what its build saw.
 */
const dir = new URL('../../fixtures/saves/', import.meta.url);
const read = (f: string) => readFileSync(new URL(f, dir), 'utf8');
const replayed = runScript(createDefaultWorld(), read('schema1.txt')).session.world;
const json = (x: unknown) => JSON.parse(JSON.stringify(x));
/**
 * `x` as JSON text with each neighbour entry reduced to ip, mac and dev, and without interface
 * indexes (that build numbered links when it listed them; today's engine stores each one's, ifindex.ts).
 */
const sansNeigh = (x: unknown) =>
  JSON.stringify(x, (k, v) =>
    k === 'ifindex' || k === 'hostIfindex' || k === 'lastIfindex' || k === 'fdb'
      ? undefined
      : k === 'arp' && Array.isArray(v)
        ? v.map(({ state: _s, at: _a, ...rest }: Record<string, unknown>) => rest)
        : v,
  );
const neighless = (x: unknown) => JSON.parse(sansNeigh(x));

describe('World schema 1 -> 2', () => {
  test('an old save opens as the World today’s engine builds from the same commands, pins and prefs kept', () => {
    const res = parseProject(read('schema1-save.json'));
    expect(neighless(res)).toEqual({
      ok: true,
      doc: {
        world: neighless(replayed),
        pinned: { pc1: { x: 12, y: 34 }, 'ctr:x': { x: 1, y: 2 } },
        prefs: { theme: 'dark', lang: 'ko' },
      },
    });
  });

  test('an old share link opens the same World', async () => {
    const hash = new URL(read('schema1-link.txt').trim()).hash;
    const res = await readShareFragment(hash);
    expect(neighless(res?.ok && res.doc.world)).toEqual(neighless(replayed));
  });

  test('the migrated World keeps key order of a new one (so an exported file reads the same)', () => {
    const res = parseProject(read('schema1-save.json'));
    if (!res.ok) throw new Error(res.error);
    expect(sansNeigh(res.doc.world)).toBe(sansNeigh(replayed));
  });

  test('moves the port cursor and image list under daemons, tags every network and container', () => {
    const old = JSON.parse(read('schema1-save.json')).world;
    expect(old.schema).toBe(1);
    const w = worldSchema2(old) as World;
    expect(w.schema).toBe(2);
    expect(w.daemons).toEqual({ 'docker-host': { lastEphemeralPort: 32768, images: old.images } });
    expect('lastEphemeralPort' in w || 'images' in w).toBe(false);
    expect(Object.values(w.networks).map((n) => n.daemon)).toEqual(Object.values(w.networks).map(() => 'docker-host'));
    expect(Object.values(w.containers).map((c) => c.daemon)).toEqual([
      'docker-host',
      'docker-host',
      'docker-host',
      'docker-host',
    ]);
    expect(worldProblem(w)).toBeNull();
  });

  test('a save without an image list keeps having none (the daemon reads it from its containers)', () => {
    const { images: _, ...old } = JSON.parse(read('schema1-save.json')).world;
    const w = worldSchema2(old) as World;
    expect(w.daemons['docker-host']).toEqual({ lastEphemeralPort: 32768 });
  });

  test('leaves what is not a schema-1 World for the validator to name', () => {
    const m = migrations.find((x) => x.name === 'world-schema-2-daemons')!;
    expect(m.up({ version: 2, world: 'nope' })).toEqual({ version: 3, world: 'nope' });
    expect(parseProject(JSON.stringify({ format: 'whalewire', version: 2, world: { schema: 7 } }))).toMatchObject({
      ok: false,
      error: 'unknown world schema 7',
    });
  });

  test.each([
    [
      'a daemon that is no Docker host',
      (w: World) => {
        w.daemons.pc1 = { lastEphemeralPort: 0 };
      },
      'daemon pc1 is not a Docker host of this world',
    ],
    [
      'a network of an unknown daemon',
      (w: World) => {
        Object.values(w.networks)[0].daemon = 'nope';
      },
      'network bridge belongs to a daemon that does not exist',
    ],
    [
      'a container of an unknown daemon',
      (w: World) => {
        Object.values(w.containers)[0].daemon = 'docker-host-9';
      },
      'container web runs on a daemon that does not exist',
    ],
    [
      'a bad port cursor',
      (w: World) => {
        (w.daemons['docker-host'] as { lastEphemeralPort: unknown }).lastEphemeralPort = 'x';
      },
      'daemon docker-host.lastEphemeralPort should be a port number',
    ],
  ])('refuses %s', (_, spoil, error) => {
    const w: World = json(replayed);
    spoil(w);
    expect(worldProblem(w)).toBe(error);
  });
});
