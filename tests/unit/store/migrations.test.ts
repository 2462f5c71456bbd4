import { describe, expect, test } from 'vitest';
import { parseProject, serializeProject } from '../../../src/io/project';
import { readShareFragment, shareLink } from '../../../src/io/shareLink';
import { createDefaultWorld } from '../../../src/sim/world';
import { CURRENT_VERSION, migrate, migrations } from '../../../src/store/migrations';

const world = createDefaultWorld();

describe('migrations', () => {
  test('are ordered, one step each, ending at the current version', () => {
    expect(migrations.map((m) => m.from)).toEqual([...Array(CURRENT_VERSION).keys()]);
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });

  test('wrap-bare-world: a bare World (v0) becomes an envelope with no pinned positions', () => {
    const m = migrations.find((x) => x.name === 'wrap-bare-world')!;
    const out = m.up(JSON.parse(JSON.stringify(world)));
    expect(out).toEqual({ version: 1, world: JSON.parse(JSON.stringify(world)), pinned: {} });
  });

  test('add-format-and-prefs: v1 gains the format tag and default prefs, keeps world and pins', () => {
    const m = migrations.find((x) => x.name === 'add-format-and-prefs')!;
    const out = m.up({ version: 1, world: { schema: 1 }, pinned: { pc1: { x: 1, y: 2 } } });
    expect(out).toEqual({
      format: 'whalewire',
      version: 2,
      world: { schema: 1 },
      pinned: { pc1: { x: 1, y: 2 } },
      prefs: { theme: 'light', lang: 'en' },
    });
  });

  test('a v0 save is readable through the whole chain', () => {
    const res = parseProject(JSON.stringify(world));
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.doc.world).toEqual(JSON.parse(JSON.stringify(world)));
  });

  test('a save from a newer build is refused, not half-read', () => {
    expect(() => migrate({ format: 'whalewire', version: CURRENT_VERSION + 1 })).toThrow('newer whalewire');
    expect(parseProject(JSON.stringify({ format: 'whalewire', version: 99, world }))).toEqual({
      ok: false,
      error: 'saved by a newer whalewire (version 99)',
    });
  });
});

describe('project files and share links', () => {
  test('round-trip: serialize then parse gives the same world and pins', () => {
    const text = serializeProject({ world, pinned: { pc1: { x: 10, y: 20 } } });
    expect(parseProject(text)).toEqual({
      ok: true,
      doc: { world: JSON.parse(JSON.stringify(world)), pinned: { pc1: { x: 10, y: 20 } }, prefs: {} },
    });
  });

  test.each([
    ['not JSON', '{oops', 'not valid JSON'],
    ['an array', '[]', 'not a whalewire project'],
    ['another app’s JSON', '{"hello":1}', 'not a whalewire document'],
    [
      'a missing host',
      JSON.stringify({ format: 'whalewire', version: CURRENT_VERSION, world: { ...world, machines: {} } }),
      'the docker-host machine is missing',
    ],
    [
      'a container on a network that does not exist',
      JSON.stringify({
        format: 'whalewire',
        version: CURRENT_VERSION,
        world: {
          ...world,
          containers: {
            ['a'.repeat(64)]: {
              id: 'a'.repeat(64),
              name: 'x1',
              daemon: 'docker-host',
              image: 'nginx',
              networkMode: 'bridge',
              state: 'running',
              endpoints: [{ networkId: 'nope' }],
              ports: [],
              env: [],
              cmd: [],
              arp: [],
            },
          },
        },
      }),
      'container x1 is attached to a network that does not exist',
    ],
    [
      'a bad position',
      JSON.stringify({ format: 'whalewire', version: CURRENT_VERSION, world, pinned: { pc1: { x: 'a' } } }),
      'bad position for pc1',
    ],
  ])('refuses %s with a clear message', (_, text, error) => {
    expect(parseProject(text)).toMatchObject({ ok: false, error });
  });

  test('a share link opens the same project; a tampered one is refused', async () => {
    const url = shareLink({ world, pinned: {} }, 'https://example.org/whalewire/');
    const hash = new URL(url).hash;
    const ok = await readShareFragment(hash);
    expect(ok?.ok).toBe(true);
    expect(await readShareFragment('#other=1')).toBeNull();
    expect(await readShareFragment(`${hash.slice(0, 60)}!!${hash.slice(62)}`)).toMatchObject({ ok: false });
    expect(await readShareFragment(hash.slice(0, hash.length - 40))).toMatchObject({ ok: false });
  });
});
