import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_CAPS, containerCaps, DEFAULT_CAPS, holdsCap, isPrivileged, normalizeCaps } from '../../../src/sim/caps';
import type { World } from '../../../src/sim/model';

/** moby v28.5.2 oci/caps: NormalizeLegacyCapabilities and TweakCapabilities over DefaultCapabilities. */
describe('caps', () => {
  it('normalises as the daemon does: upper-cased, CAP_ prefixed, ALL kept; the first unknown refused', () => {
    expect(normalizeCaps(['net_admin', 'CAP_sys_time', 'all'])).toEqual({
      ok: true,
      value: ['CAP_NET_ADMIN', 'CAP_SYS_TIME', 'ALL'],
    });
    expect(normalizeCaps(['NET_ADMIN', 'foo', 'bar'])).toEqual({ ok: false, error: 'unknown capability: "CAP_FOO"' });
  });

  it.each([
    [{}, [...DEFAULT_CAPS]],
    [{ 'cap-add': ['net_admin'] }, [...DEFAULT_CAPS, 'CAP_NET_ADMIN']],
    [{ 'cap-drop': ['NET_RAW'] }, DEFAULT_CAPS.filter((c) => c !== 'CAP_NET_RAW')],
    [{ 'cap-drop': ['ALL'], 'cap-add': ['NET_BIND_SERVICE'] }, ['CAP_NET_BIND_SERVICE']],
    [{ 'cap-add': ['ALL'], 'cap-drop': ['NET_ADMIN'] }, ALL_CAPS.filter((c) => c !== 'CAP_NET_ADMIN')],
    [{ privileged: ['true'], 'cap-drop': ['ALL'] }, [...ALL_CAPS]],
    [{ privileged: ['true', 'false'] }, [...DEFAULT_CAPS]],
    [{ privileged: ['0', 'T'] }, [...ALL_CAPS]],
  ])('TweakCapabilities(%j)', (opts, want) => {
    expect([...containerCaps({ opts })].sort()).toEqual([...want].sort());
  });

  it('--privileged is the last value, read by strconv.ParseBool', () => {
    expect(isPrivileged({ opts: { privileged: ['true', 'false'] } })).toBe(false);
    expect(isPrivileged({ opts: { privileged: ['1'] } })).toBe(true);
    expect(isPrivileged({})).toBe(false);
  });

  it('a non-root exec user holds none; exec --privileged as root holds all; the host holds all', () => {
    const world = { containers: { c: { opts: {} } } } as unknown as World;
    const c = { kind: 'container' as const, id: 'c' };
    expect(holdsCap(world, c, 'CAP_NET_RAW')).toBe(true);
    expect(holdsCap(world, c, 'CAP_NET_ADMIN')).toBe(false);
    expect(holdsCap(world, { ...c, privileged: true }, 'CAP_NET_ADMIN')).toBe(true);
    expect(holdsCap(world, { ...c, privileged: true, user: '1000' }, 'CAP_NET_ADMIN')).toBe(false);
    expect(holdsCap(world, { kind: 'machine', id: 'docker-host' }, 'CAP_SYS_ADMIN')).toBe(true);
  });

  it('property: the set is always known capabilities; --cap-add X holds X unless ALL was added and X dropped', () => {
    const cap = fc.constantFrom(...ALL_CAPS.map((c) => c.slice(4).toLowerCase()), 'ALL');
    fc.assert(
      fc.property(fc.array(cap, { maxLength: 4 }), fc.array(cap, { maxLength: 4 }), (add, drop) => {
        const got = containerCaps({ opts: { 'cap-add': add, 'cap-drop': drop } });
        for (const c of got) expect(ALL_CAPS).toContain(c);
        const dropped = new Set(drop.map((d) => `CAP_${d.toUpperCase()}`));
        for (const a of add) {
          if (a === 'ALL') continue;
          const name = `CAP_${a.toUpperCase()}`;
          // only `--cap-add ALL` lets a drop win over an add (the default branch appends adds last)
          expect(got.has(name)).toBe(!(add.includes('ALL') && dropped.has(name)));
        }
      }),
    );
  });
});
