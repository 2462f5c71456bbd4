import { afterEach, describe, expect, test } from 'vitest';
import { isLive } from '../../../src/sim/docker/endpoint';
import { DRIVERS, type Driver, driverNamed } from '../../../src/sim/drivers';
import { linkId, nodeId, parseNodeId } from '../../../src/sim/ids';
import { findContainer, findNetwork } from '../../../src/sim/lookup';
import { netfilterOf } from '../../../src/sim/netfilter';
import { stackOf } from '../../../src/sim/stack';
import { docker, HOST, play } from '../docker/helpers';

describe('the driver registry', () => {
  test('knows bridge, host, null, overlay, macvlan and ipvlan; refuses others as Docker does', () => {
    expect(Object.keys(DRIVERS)).toEqual(['bridge', 'host', 'null', 'overlay', 'macvlan', 'ipvlan']);
    expect(driverNamed('overlay')?.scope).toBe('swarm');
    expect(driverNamed('overlay')?.singleton).toBe(false);
    expect(driverNamed('bridge')?.ipam).toBe(true);
    expect(driverNamed('host')?.singleton).toBe(true);
    expect(driverNamed('toString')).toBeNull();
    const { last } = play(['docker network create -d weave w1']);
    expect(last.output).toBe('Error response from daemon: plugin "weave" not found');
    expect(play(['docker network create -d null n2']).last.output).toBe(
      'Error response from daemon: only one instance of "null" network is allowed',
    );
  });

  describe('a new driver is one registration', () => {
    afterEach(() => {
      delete DRIVERS.toy;
    });
    // a driver with its own rules, no host device and an endpoint on the LAN (as macvlan will be)
    const toy: Driver = {
      name: 'toy',
      scope: 'local',
      singleton: false,
      ipam: true,
      publishes: () => false,
      embeddedDns: () => true,
      masquerades: () => false,
      createError: (_w, _d, opts) => (opts.parent ? null : 'toy needs -o parent'),
      devices: () => ({ bridge: null, bridgeMac: null }),
      attach: (_d, _n, ep) => {
        ep.mac = '02:00:00:00:00:01';
        ep.endpointId = 'e'.repeat(64);
      },
      endpointLink: () => ({ domain: { kind: 'seg', id: 'lan' }, link: 'if:toy' }),
      hostDevice: () => null,
      rules: (_w, _d, nets) =>
        nets.map((n) => ({
          table: 'filter',
          chain: 'FORWARD',
          target: 'ACCEPT',
          origin: { kind: 'network', networkId: n.id },
        })),
    };

    test('network create asks it, a container attaches through it, the host stack and rules follow', () => {
      DRIVERS.toy = toy;
      expect(play(['docker network create -d toy t1']).last.output).toBe(
        'Error response from daemon: toy needs -o parent',
      );
      const { world } = play([
        'docker network create -d toy -o parent=eth0 t1',
        'docker run -d --name a1 --network t1 nginx',
      ]);
      const net = findNetwork(world, 't1')!;
      expect(net.driver).toBe('toy');
      const ep = findContainer(world, 'a1')!.endpoints[0];
      expect(ep).toMatchObject({ mac: '02:00:00:00:00:01', ifname: 'eth0' });
      expect(ep.veth).toBeUndefined();
      expect(isLive(ep)).toBe(true);
      const ctr = stackOf(world, { kind: 'container', id: findContainer(world, 'a1')!.id })!;
      expect(ctr.ifaces.map((f) => [f.name, f.attach.kind])).toEqual([
        ['lo', 'loopback'],
        ['eth0', 'segment'],
      ]);
      expect(stackOf(world, HOST)!.ifaces.map((f) => f.name)).not.toContain(net.bridge);
      expect(
        netfilterOf(world, 'docker-host').filter.rules.filter(
          (r) => r.origin.kind === 'network' && r.origin.networkId === net.id,
        ),
      ).toHaveLength(1);
    });
  });
});

describe('attachEndpoint: start and connect draw the same', () => {
  test('a container connected while running gets what a restart would give it, in the same draw order', () => {
    const a = play(['docker network create n1', 'docker run -d --name c1 nginx', 'docker network connect n1 c1']).world;
    const epA = findContainer(a, 'c1')!.endpoints[1];
    expect(epA).toMatchObject({ ifname: 'eth1', ip: '172.18.0.2' });
    expect(Object.keys(epA)).toEqual([
      'networkId',
      'aliases',
      'ip',
      'mac',
      'endpointId',
      'veth',
      'vethMac',
      'ifindex',
      'hostIfindex',
      'ifname',
    ]);
    // restart: endpoint fields are drawn again, in endpoint order, with the same keys
    const b = docker(a, 'docker restart c1').world;
    const epB = findContainer(b, 'c1')!.endpoints[1];
    expect(Object.keys(epB)).toEqual(Object.keys(epA));
    expect(epB.ip).toBe('172.18.0.2');
    expect(epB.veth).not.toBe(epA.veth);
  });
});

describe('node ids', () => {
  test.each([
    [nodeId.machine('pc1'), { kind: 'machine', id: 'pc1' }],
    [nodeId.network('ab'.repeat(32)), { kind: 'net', id: 'ab'.repeat(32) }],
    [nodeId.container('cd'.repeat(32)), { kind: 'ctr', id: 'cd'.repeat(32) }],
    [nodeId.segment('lan'), { kind: 'seg', id: 'lan' }],
    [linkId.veth('veth1234567'), { kind: 'veth', id: 'veth1234567' }],
    [linkId.bridgeHost('docker0'), { kind: 'brhost', id: 'docker0' }],
    [linkId.bridgeHost('docker0', 'docker-host-2'), { kind: 'brhost', id: 'docker0', host: 'docker-host-2' }],
    [linkId.iface('google.com', 'eth0'), { kind: 'if', id: 'google.com:eth0' }],
    ['google.com', { kind: 'machine', id: 'google.com' }],
  ])('%s parses back', (id, want) => {
    expect(parseNodeId(id)).toEqual(want);
  });

  test('only hosts other than the first qualify their bridges', () => {
    expect(linkId.bridgeHost('docker0')).toBe('brhost:docker0');
    expect(linkId.bridgeHost('docker0', 'docker-host')).toBe('brhost:docker0');
    expect(linkId.bridgeHost('docker0', 'docker-host-2')).toBe('brhost:docker0@docker-host-2');
  });
});
