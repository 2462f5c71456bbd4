import { describe, expect, it } from 'vitest';
import { driverOf } from '../../../src/sim/drivers';
import { findContainer, findNetwork } from '../../../src/sim/lookup';
import { netfilterOf } from '../../../src/sim/netfilter';
import { stackOf } from '../../../src/sim/stack';
import { dockerOn, session } from '../swarm/helpers';

describe('the overlay driver', () => {
  const { world } = session([
    'docker swarm init',
    'docker network create -d overlay --attachable aov',
    'docker run -d --name c1 nginx',
    'docker run -d --name c2 --network aov nginx',
    'docker network connect aov c1',
  ]);
  const aov = findNetwork(world, 'aov')!;

  it('is swarm-scoped and made by network create -d overlay on a manager (daemon null)', () => {
    expect(driverOf(aov).name).toBe('overlay');
    expect([aov.scope, aov.daemon, aov.driver]).toEqual(['swarm', null, 'overlay']);
  });

  it('gives a run and a network connect an endpoint with an address in the overlay subnet', () => {
    const c2 = findContainer(world, 'c2')!;
    expect(c2.networkMode).toBe('aov');
    // and docker_gwbridge after it (libnetwork setupDefaultGW): the overlay endpoint has no gateway
    const gw = findNetwork(world, 'docker_gwbridge')!;
    expect(c2.endpoints.map((e) => [e.networkId, e.ip, e.ifname])).toEqual([
      [aov.id, '10.0.1.2', 'eth0'],
      [gw.id, '172.18.0.3', 'eth1'],
    ]);
    const c1 = findContainer(world, 'c1')!;
    expect(c1.endpoints.map((e) => [e.ip, e.ifname])).toEqual([
      ['172.17.0.2', 'eth0'],
      ['10.0.1.4', 'eth1'], // 10.0.1.3 is the node's lb-aov endpoint, allocated after c2
    ]);
  });

  it('adds no device to the host stack and no host rules; the name is taken swarm-wide', () => {
    const host = stackOf(world, { kind: 'machine', id: 'docker-host' })!;
    expect(host.ifaces.some((f) => f.addrs.some((a) => a.ip.startsWith('10.0.1.')))).toBe(false);
    const rules = JSON.stringify(netfilterOf(world, 'docker-host'));
    expect(rules).not.toContain('10.0.1.0/24');
    expect(dockerOn(world, 'docker-host', 'docker network create -d overlay aov').output).toBe(
      'Error response from daemon: network with name aov already exists',
    );
  });
});
