import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en';
import { ko } from '../../../src/i18n/ko';
import { addStrings, translator } from '../../../src/i18n/translate';
import { parseProject, serializeProject } from '../../../src/io/project';
import { readShareFragment, shareLink } from '../../../src/io/shareLink';
import { worldProblem, worldRefusal } from '../../../src/io/worldSchema';
import { runScript } from '../../../src/sim/console';
import type { World } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';
import { loadSave, SAVE_KEY } from '../../../src/store/persist';
import { reasonText } from '../../../src/ui/Notices';

async function tFor(lang: 'en' | 'ko') {
  addStrings('en', en);
  addStrings('ko', ko);
  return translator(lang);
}

const built = (): World =>
  JSON.parse(
    JSON.stringify(
      runScript(
        createDefaultWorld(),
        'docker network create --subnet 10.9.0.0/24 app\ndocker run -d --name c1 --network app nginx\n',
      ).session.world,
    ),
  );
const c1Of = (w: World) => Object.values(w.containers).find((c) => c.name === 'c1')!;

describe('one schema for saves, files, links and imports', () => {
  it('names the field and the reason as a code, in English and in Korean (no zod sentence)', async () => {
    const w = built();
    (c1Of(w).endpoints[0] as { ip: unknown }).ip = '10.9.0.300';
    const res = parseProject(serializeProject({ world: w, pinned: {} }));
    expect(res).toEqual({
      ok: false,
      error: 'container c1.endpoints[0].ip should be an IPv4 address',
      refusal: { at: 'container c1.endpoints[0].ip', code: 'shouldBe', params: { expected: 'ipv4' } },
    });
    if (res.ok) return;
    expect(reasonText(await tFor('en'), res.error, res.refusal)).toBe(res.error);
    expect(reasonText(await tFor('ko'), res.error, res.refusal)).toBe(
      'container c1.endpoints[0].ip에는 IPv4 주소 값이 와야 합니다',
    );
  });

  it('every refusal code has its Korean', async () => {
    const t = await tFor('ko');
    const w = built();
    const cases: [(w: World) => void, string][] = [
      [(w) => (w.machines = {}), 'docker-host 머신이 없습니다'],
      [
        (w) => (c1Of(w).state = 'paused' as never),
        'container c1.state에는 created, running, exited 중 하나가 와야 합니다',
      ],
      [(w) => (c1Of(w).daemon = 'nowhere'), '컨테이너 c1이(가) 없는 데몬에서 실행됩니다'],
      [
        (w) => (w.files = { 'docker-host': { 'etc/x': 'y' } }),
        'world.files.docker-host에 잘못된 항목 "etc/x"이(가) 있습니다',
      ],
    ];
    for (const [spoil, text] of cases) {
      const copy = structuredClone(w);
      spoil(copy);
      const r = worldRefusal(copy);
      expect(r, text).not.toBeNull();
      expect(reasonText(t, worldProblem(copy) ?? '', r ?? undefined)).toBe(text);
    }
  });

  it('a corrupted save opens nothing, says why and is kept aside; a tampered link changes nothing', async () => {
    const w = built();
    c1Of(w).ports = [null as never];
    const map = new Map<string, string>([[SAVE_KEY, serializeProject({ world: w, pinned: {} })]]);
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
    const res = await loadSave(storage, 'x');
    expect(res).toMatchObject({ status: 'unreadable', error: 'container c1.ports[0] should be an object' });
    expect(map.get('whalewire.unreadable.x')).toContain('"c1"');
    const hash = new URL(shareLink({ world: w, pinned: {} }, 'https://example.org/')).hash;
    expect(await readShareFragment(hash)).toMatchObject({ ok: false, refusal: { at: 'container c1.ports[0]' } });
  });

  it('a valid input is used as it is: fields the schema does not name are kept', () => {
    const w = built();
    const res = parseProject(serializeProject({ world: w, pinned: {} }));
    expect(res.ok && res.doc.world).toEqual(w);
  });
});

describe('IPv6 fields of the World', () => {
  const v6 = (): World =>
    JSON.parse(
      JSON.stringify(
        runScript(
          createDefaultWorld(),
          'docker network create --ipv6 --subnet fd00:1::/64 v6\ndocker run -d --name c1 --network v6 --ip6 fd00:1::9 nginx\n',
        ).session.world,
      ),
    );

  it('an IPv6 world passes and round-trips through a project file', () => {
    const w = v6();
    expect(worldRefusal(w)).toBeNull();
    const res = parseProject(serializeProject({ world: w, pinned: {} }));
    expect(res.ok && res.doc.world).toEqual(w);
  });

  it.each([
    [(w: World) => (c1Of(w).endpoints[0].ip6 = 'fd00:1::zz'), 'container c1.endpoints[0].ip6', 'ipv6', 'IPv6 주소'],
    [
      (w: World) => (Object.values(w.networks).find((n) => n.name === 'v6')!.ipam6!.subnet = '10.0.0.0/24'),
      'ipam6.subnet',
      'cidr6',
      'IPv6 CIDR 블록',
    ],
  ])('a spoiled IPv6 field is refused by name, in English and Korean', async (spoil, at, expected, ko) => {
    const w = v6();
    spoil(w);
    const r = worldRefusal(w);
    expect(r?.at).toContain(at);
    expect(r?.params).toEqual({ expected });
    expect(reasonText(await tFor('ko'), worldProblem(w) ?? '', r ?? undefined)).toContain(ko);
  });
});
