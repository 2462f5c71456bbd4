import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession, runLine, type Session } from '../../src/sim/console';
import { createDefaultWorld } from '../../src/sim/world';

/**
 * Every ping -6 between two containers gets a reply exactly when they share the IPv6 network
 * whose address is pinged and that network lets its containers talk (icc on); any other IPv6
 * address is another network's, which Docker isolates (ip6tables DOCKER-ISOLATION), or unreachable.
 * Random topologies: two IPv6 networks (dual-stack or IPv6-only, icc on or off), two to four
 * containers on one or both. No command throws.
 */

const netFlags = fc.record({
  only6: fc.boolean(),
  iccOff: fc.boolean(),
});
const membership = fc.array(fc.constantFrom<[boolean, boolean]>([true, false], [false, true], [true, true]), {
  minLength: 2,
  maxLength: 4,
});

function line(s: Session, l: string): Session {
  const r = runLine(s, l);
  if (r.exitCode !== 0) throw new Error(`${l}\n${r.output}`);
  return r.session;
}

describe('ping -6 property', () => {
  it('a reply exactly when both share the pinged address’s network and it allows icc', () => {
    fc.assert(
      fc.property(fc.tuple(netFlags, netFlags), membership, fc.nat(), (nets, members, pick) => {
        let s = createSession(createDefaultWorld());
        const names = ['n0', 'n1'];
        nets.forEach((n, i) => {
          const flags = [
            '--ipv6',
            `--subnet fd00:${i + 1}::/64`,
            n.only6 ? '--ipv4=false' : '',
            n.iccOff ? '-o com.docker.network.bridge.enable_icc=false' : '',
          ];
          s = line(s, `docker network create ${flags.filter(Boolean).join(' ')} ${names[i]}`);
        });
        members.forEach(([on0, on1], i) => {
          s = line(s, `docker run -d --name c${i} --network ${on0 ? 'n0' : 'n1'} alpine sleep 1000`);
          if (on0 && on1) s = line(s, `docker network connect n1 c${i}`);
        });
        const a = pick % members.length;
        const b = (a + 1 + ((pick >> 3) % (members.length - 1))) % members.length;
        const cb = Object.values(s.world.containers).find((c) => c.name === `c${b}`)!;
        const targets = cb.endpoints.filter((e) => e.ip6);
        const ep = targets[(pick >> 6) % targets.length];
        const netIndex = names.indexOf(s.world.networks[ep.networkId].name);
        const shares = members[a][netIndex === 0 ? 0 : 1];
        const r = runLine(s, `docker exec c${a} ping -6 -c 1 ${ep.ip6}`);
        const replied = r.output.includes('1 packets received');
        expect(replied, `${r.output}\nc${a} -> c${b} ${ep.ip6}`).toBe(shares && !nets[netIndex].iccOff);
        return true;
      }),
      { numRuns: 30, seed: 13 },
    );
  });
});
