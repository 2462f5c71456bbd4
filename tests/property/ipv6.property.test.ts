import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/sim/console';
import { runDocker } from '../../src/sim/docker';
import type { World } from '../../src/sim/model';
import { inCidr6 } from '../../src/sim/net/addr6';
import { createDefaultWorld } from '../../src/sim/world';

/**
 * Random IPv6 topologies (bridges dual-stack and IPv6-only, macvlan and ipvlan with IPv6, fixed
 * --ip6, connect/disconnect, stop/start) keep IPv6 addressing sound: every live IPv6 address lies
 * in its network's IPv6 subnet and is unique there (never the subnet-router anycast, never the
 * gateway); an endpoint of a network with IPv4 off has no IPv4 address; no command throws.
 */

const HOST = { kind: 'machine', id: 'docker-host' } as const;
const ctr = fc.constantFrom('c1', 'c2', 'c3', 'c4');
const net = fc.constantFrom('n1', 'n2', 'n3');
const create = fc.constantFrom(
  '--ipv6',
  '--ipv6 --subnet fd00:1::/64',
  '--ipv6 --subnet fd00:1::/120',
  '--ipv6 --subnet fd00:2::/64 --ip-range fd00:2::80/121 --gateway fd00:2::fe',
  '--ipv4=false --ipv6',
  '--ipv4=false --ipv6 --subnet fd00:3::/125',
  '--ipv6=false --subnet fd00:4::/64',
  '-d macvlan --ipv6 -o parent=eth0 --subnet 10.20.0.0/24 --subnet fd00:5::/64',
  '-d ipvlan --ipv6 -o parent=eth0 -o ipvlan_mode=l3 --subnet 10.21.0.0/24',
  '-d macvlan --ipv4=false --ipv6',
  '',
);
const ip6 = fc.constantFrom('', '', '', '--ip6 fd00:1::5', '--ip6 fd00:3::2', '--ip6 fd00:2::81', '--ip6 fd00:1::1');

const command = fc.oneof(
  fc.tuple(net, create).map(([n, f]) => `network create ${f} ${n}`),
  fc.tuple(ctr, net, ip6).map(([c, n, i]) => `run -d --name ${c} --network ${n} ${i} nginx`),
  fc.tuple(ctr, net, ip6).map(([c, n, i]) => `network connect ${i} ${n} ${c}`),
  fc.tuple(ctr, net).map(([c, n]) => `network disconnect ${n} ${c}`),
  ctr.map((c) => `stop ${c}`),
  ctr.map((c) => `start ${c}`),
  ctr.map((c) => `rm -f ${c}`),
  net.map((n) => `network rm ${n}`),
);

function check(w: World): void {
  for (const n of Object.values(w.networks)) {
    const seen = new Set<string>();
    for (const c of Object.values(w.containers)) {
      if (c.state !== 'running') continue;
      for (const ep of c.endpoints) {
        if (ep.networkId !== n.id) continue;
        if (n.enableIPv4 === false) expect(ep.ip, `${c.name} on ${n.name}`).toBeUndefined();
        if (!ep.ip6) continue;
        expect(n.enableIPv6 && n.ipam6, `${n.name} has IPv6 on`).toBeTruthy();
        expect(inCidr6(ep.ip6, n.ipam6!.subnet), `${ep.ip6} in ${n.ipam6!.subnet}`).toBe(true);
        expect(ep.ip6).not.toBe(n.ipam6!.subnet.split('/')[0]);
        expect(ep.ip6).not.toBe(n.ipam6!.gateway);
        expect(seen.has(ep.ip6), `${ep.ip6} twice on ${n.name}`).toBe(false);
        seen.add(ep.ip6);
      }
    }
  }
}

describe('IPv6 addressing under random commands', () => {
  it('addresses stay inside their subnet and unique; IPv4-off endpoints have no IPv4', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 25 }), (cmds) => {
        let w = createDefaultWorld();
        for (const line of cmds) {
          w = runDocker(w, tokenize(line), HOST).world;
          check(w);
        }
      }),
      { numRuns: 150 },
    );
  });
});
