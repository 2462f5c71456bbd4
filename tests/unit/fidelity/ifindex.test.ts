import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../../src/io/project';
import { runScript } from '../../../src/sim/console';
import type { World } from '../../../src/sim/model';
import { runShell } from '../../../src/sim/shell';
import { stackOf } from '../../../src/sim/stack';
import { createDefaultWorld } from '../../../src/sim/world';
import { session, threeNodeSwarm } from '../swarm/helpers';

/**
 * Interface indexes as the kernel hands them out: in the order links are made in each namespace
 * (dev_index_reserve), and `ip addr` lists a namespace's links by index. Since Engine 28.0 the
 * bridge driver makes a veth pair with its container end in the container's namespace (moby
 * v28.5.2 libnetwork/drivers/bridge/bridge_linux.go createVeth: netlink.Veth{PeerName,
 * PeerNamespace}; commit 65120d586b), so eth0 is 2 after lo there and its host end takes one host
 * index. An overlay's pair (drivers/overlay/joinleave.go createVethPair) and docker_gwbridge's
 * gateway endpoint (default_gateway.go, no netns path) are still made in the host's namespace:
 * veth_newlink registers the peer (the container end) first, so it is the lower, and both keep
 * their index when moved. Names: libnetwork osl generateIfaceName takes the lowest free ethN (moby
 * v28.5.2 libnetwork/osl/interface_linux.go).
 */
const play = (lines: string[], world: World = createDefaultWorld()) => runScript(world, lines.join('\n')).session.world;
const byName = (w: World, name: string) => Object.values(w.containers).find((c) => c.name.startsWith(name))!;
const links = (w: World, where: 'host' | string) =>
  runShell(
    w,
    ['ip', 'link'],
    where === 'host' ? { kind: 'machine', id: 'docker-host' } : { kind: 'container', id: byName(w, where).id },
    'ip link',
  )
    .output.split('\n')
    .filter((l) => /^\d+: /.test(l))
    .map((l) => l.replace(/^(\d+: \S+): .*? mtu (\d+) .*?(master \S+ )?state.*$/, '$1: $2 $3').trim());
const stackLinks = (w: World, name: string) =>
  stackOf(w, { kind: 'container', id: byName(w, name).id })!.ifaces.map(
    (f) => `${f.index}: ${f.name}${f.peerIndex === undefined ? '' : `@if${f.peerIndex}`}`,
  );
const netnsIds = (w: World, name: string) =>
  runShell(w, ['ip', 'addr'], { kind: 'container', id: byName(w, name).id }, 'ip addr')
    .output.split('\n')
    .filter((l) => l.includes('link-netnsid'))
    .map((l) => l.replace(/.* link-netnsid /, ''));

describe('ifindexes follow the order links were made', () => {
  const w = play([
    'docker run -d --name ca nicolaka/netshoot sleep infinity',
    'docker network create n1',
    'docker run -d --name cb --network n1 nginx',
    'docker network connect n1 ca',
  ]);
  const vethOf = (name: string, i: number) => byName(w, name).endpoints[i].veth;

  it('the host: docker0, ca’s veth, br-n1 at its create, cb’s veth, then ca’s second: one index a pair', () => {
    const br = Object.values(w.networks).find((n) => n.name === 'n1')!.bridge;
    expect(links(w, 'host').slice(2)).toEqual([
      '3: docker0: 1500',
      `4: ${vethOf('ca', 0)}@if2: 1500 master docker0`,
      `5: ${br}: 1500`,
      `6: ${vethOf('cb', 0)}@if2: 1500 master ${br}`,
      `7: ${vethOf('ca', 1)}@if3: 1500 master ${br}`,
    ]);
  });

  it('the container: eth0 from its start, eth1 from the connect, numbered in its own namespace', () => {
    expect(links(w, 'ca')).toEqual(['1: lo: 65536', '2: eth0@if4: 1500', '3: eth1@if7: 1500']);
    // cb's nginx has no ip(8): its stack, as ip would list it
    expect(stackLinks(w, 'cb')).toEqual(['1: lo', '2: eth0@if6']);
  });

  it('disconnect then connect again: the lowest free name (eth0), the namespace’s next index (freed ones wait)', () => {
    const bridge = Object.values(w.networks).find((n) => n.name === 'bridge')!.name;
    const again = play([`docker network disconnect ${bridge} ca`, `docker network connect ${bridge} ca`], w);
    expect(links(again, 'ca')).toEqual(['1: lo: 65536', '3: eth1@if7: 1500', '4: eth0@if8: 1500']);
  });

  it('a restart makes a new namespace: eth0 2 and eth1 3 again, on new host ends', () => {
    expect(links(play(['docker restart ca'], w), 'ca')).toEqual([
      '1: lo: 65536',
      '2: eth0@if8: 1500',
      '3: eth1@if9: 1500',
    ]);
  });
});

describe('three containers on docker0, and a macvlan link beside a veth', () => {
  it('each container’s eth0 is 2 in its own namespace; the host ends take 4, 5, 6 (`eth0@if4`, `veth…@if2`)', () => {
    const w = play([
      'docker run -d --name c1 nicolaka/netshoot sleep infinity',
      'docker run -d --name c2 nicolaka/netshoot sleep infinity',
      'docker run -d --name c3 nicolaka/netshoot sleep infinity',
    ]);
    const veth = (n: string) => byName(w, n).endpoints[0].veth;
    expect(links(w, 'host').slice(3)).toEqual([
      `4: ${veth('c1')}@if2: 1500 master docker0`,
      `5: ${veth('c2')}@if2: 1500 master docker0`,
      `6: ${veth('c3')}@if2: 1500 master docker0`,
    ]);
    expect(['c1', 'c2', 'c3'].map((n) => links(w, n)[1])).toEqual([
      '2: eth0@if4: 1500',
      '2: eth0@if5: 1500',
      '2: eth0@if6: 1500',
    ]);
  });

  it('a macvlan eth0 and a bridge eth1 number on in the container’s namespace', () => {
    const w = play([
      'docker network create -d macvlan --subnet 192.168.0.0/24 --gateway 192.168.0.1 -o parent=eth0 lan',
      'docker run -d --name m1 --network lan nicolaka/netshoot sleep infinity',
      'docker network connect bridge m1',
    ]);
    expect(links(w, 'm1')).toEqual(['1: lo: 65536', '2: eth0@if2: 1500', '3: eth1@if4: 1500']);
  });
});

describe('an overlay endpoint is a veth into the network’s sandbox', () => {
  const { world } = session(
    [
      'docker network create -d overlay --attachable mynet',
      'docker network create -d overlay --attachable -o encrypted secnet',
      'docker network create -d overlay --attachable -o encrypted -o com.docker.network.driver.mtu=1400 small',
      'docker run -d --name box --network mynet nicolaka/netshoot sleep infinity',
      'docker run -d --name sec --network secnet nicolaka/netshoot sleep infinity',
      'docker run -d --name sml --network small nicolaka/netshoot sleep infinity',
    ],
    threeNodeSwarm(),
  );

  it('eth0@ifN (its pair made on the host), then docker_gwbridge’s eth1; each peer namespace its own link-netnsid', () => {
    // docker_gwbridge (4) came with swarm init; box's overlay pair 5 (its end) / 6 (the sandbox's),
    // then its gwbridge pair 7 (its end) / 8 (the host's), both made on the host
    expect(links(world, 'box')).toEqual(['1: lo: 65536', '5: eth0@if6: 1450', '7: eth1@if8: 1500']);
    expect(netnsIds(world, 'box')).toEqual(['0', '1']);
  });

  it('the overlay’s end is not a link of the host', () => {
    expect(links(world, 'host').some((l) => l.startsWith('6: '))).toBe(false);
    expect(links(world, 'host').find((l) => l.startsWith('8: '))).toMatch(/@if7: 1500 master docker_gwbridge$/);
  });

  // moby v28.5.2 libnetwork/drivers/overlay/encryption.go maxMTU: mtu - vxlanEncap (50), and for
  // n.secure (ov_network.go: the "encrypted" option present) - pktExpansion (26), down to a multiple of 4
  it('-o encrypted: 1500 - 50 - 26 = 1424; with mtu 1400: 1324', () => {
    expect(links(world, 'sec')[1]).toMatch(/^\d+: eth0@if\d+: 1424$/);
    expect(links(world, 'sml')[1]).toMatch(/^\d+: eth0@if\d+: 1324$/);
  });
});

describe('a save from before stored indexes', () => {
  const dir = new URL('../../fixtures/saves/', import.meta.url);
  const res = parseProject(readFileSync(new URL('schema1-save.json', dir), 'utf8'));
  if (!res.ok) throw new Error(res.error);
  const old = res.doc.world;

  it('lists its links as that build did (each bridge, then its ports), and a new pair goes after them', () => {
    const before = links(old, 'host').slice(2);
    expect(before.map((l) => l.replace(/veth\w+/, 'veth'))).toEqual([
      '3: docker0: 1500',
      '4: veth@if5: 1500 master docker0',
      '6: veth@if7: 1500 master docker0',
      '8: br-427796b2c1e1: 1500',
      '9: veth@if10: 1500 master br-427796b2c1e1',
    ]);
    const after = play(['docker start r1'], old);
    expect(links(after, 'host').slice(2, 7)).toEqual(before);
    // the new pair is made as Engine 28 makes it: one host index, eth0 2 in r1's namespace
    const r1 = byName(after, 'r1').endpoints[0].veth;
    expect(links(after, 'host')[7]).toBe(`11: ${r1}@if2: 1500 master br-427796b2c1e1`);
    expect(stackLinks(after, 'r1')).toEqual(['1: lo', '2: eth0@if11']);
  });
});
