import { describe, expect, it } from 'vitest';
import type { Session } from '../../../src/sim/console';
import { keys, run, setup } from './helpers';

/**
 * Unsolicited neighbour advertisements at a container's start (moby v28.5.2 osl/interface_linux.go
 * advertiseAddrs, prepAdvertiseAddrs' UnsolNA beside the unsolicited ARP): a neighbour's IPv6 entry
 * for the address takes the new MAC as STALE (ndisc_recv_na with override), none is created, and an
 * IPv6-only endpoint's bridge learns its MAC too.
 */
const macOf = (s: Session, name: string) =>
  Object.values(s.world.containers).find((c) => c.name === name)!.endpoints[0].mac!;

const BASE = [
  'docker network create --ipv4=false --ipv6 --subnet fd00:7::/64 v6only',
  'docker run -d --name aa1 --network v6only nicolaka/netshoot sleep infinity',
  'docker run -d --name bb1 --network v6only --ip6 fd00:7::9 nicolaka/netshoot sleep infinity',
  'docker exec aa1 ping -6 -c 1 fd00:7::9',
  'docker rm -f bb1',
];

describe('unsolicited neighbour advertisements', () => {
  it('the neighbour’s IPv6 entry takes the new MAC, STALE, and the next ping says why it needs no solicitation', () => {
    let s = setup(BASE);
    expect(run(s, 'docker exec aa1 ip -6 neigh').output).toMatch(/^fd00:7::9 dev eth0 lladdr \S+ REACHABLE $/);
    s = run(s, 'docker run -d --name cc1 --network v6only --ip6 fd00:7::9 nicolaka/netshoot sleep infinity').session;
    const mac = macOf(s, 'cc1');
    expect(run(s, 'docker exec aa1 ip -6 neigh').output).toBe(`fd00:7::9 dev eth0 lladdr ${mac} STALE `);
    expect(run(s, 'docker exec cc1 ip -6 neigh').output).toBe('');
    const t = run(s, 'docker exec aa1 ping -6 -c 1 fd00:7::9').trace;
    const k = keys(t);
    expect(k.slice(0, 2)).toEqual(['ip.send', 'ndp.unsolicited']);
    // the only solicitation is the new holder's, for the asker it has never heard of
    const asked = t!.steps.filter((x) => x.explain.key === 'ndp.solicit').map((x) => x.explain.params.asker);
    expect(asked).toEqual(['fd00:7::9']);
  });

  it('an IPv6-only endpoint’s MAC is in the bridge’s FDB right after docker run', () => {
    const s = setup(BASE.slice(0, 2));
    expect(run(s, 'bridge fdb show').output).toContain(macOf(s, 'aa1'));
  });
});
