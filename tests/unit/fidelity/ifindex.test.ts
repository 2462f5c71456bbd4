import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../../src/io/project';
import { runScript } from '../../../src/sim/console';
import type { World } from '../../../src/sim/model';
import { runShell } from '../../../src/sim/shell';
import { createDefaultWorld } from '../../../src/sim/world';
import { session, threeNodeSwarm } from '../swarm/helpers';

/**
 * Interface indexes as the kernel hands them out: in the order links are made (dev_new_index), a
 * bridge at network create, a veth pair at each endpoint join (docker run/start, network connect),
 * and `ip addr` lists a namespace's links by index. Names: libnetwork osl generateIfaceName takes
 * the lowest free ethN (moby v28.5.2 libnetwork/osl/interface_linux.go).
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

  it('the host: docker0, ca’s pair, br-n1 at its create, cb’s pair, then ca’s second pair', () => {
    const br = Object.values(w.networks).find((n) => n.name === 'n1')!.bridge;
    expect(links(w, 'host').slice(2)).toEqual([
      '3: docker0: 1500',
      `4: ${vethOf('ca', 0)}@if5: 1500 master docker0`,
      `6: ${br}: 1500`,
      `7: ${vethOf('cb', 0)}@if8: 1500 master ${br}`,
      `9: ${vethOf('ca', 1)}@if10: 1500 master ${br}`,
    ]);
  });

  it('the container: eth0 from its start, eth1 from the connect, each the upper of its pair', () => {
    expect(links(w, 'ca')).toEqual(['1: lo: 65536', '5: eth0@if4: 1500', '10: eth1@if9: 1500']);
  });

  it('disconnect then connect again: the lowest free name (eth0) on a new pair, listed after eth1', () => {
    const bridge = Object.values(w.networks).find((n) => n.name === 'bridge')!.name;
    const again = play([`docker network disconnect ${bridge} ca`, `docker network connect ${bridge} ca`], w);
    expect(links(again, 'ca')).toEqual(['1: lo: 65536', '10: eth1@if9: 1500', '12: eth0@if11: 1500']);
  });

  it('a restart makes new pairs, in endpoint order', () => {
    expect(links(play(['docker restart ca'], w), 'ca')).toEqual([
      '1: lo: 65536',
      '12: eth0@if11: 1500',
      '14: eth1@if13: 1500',
    ]);
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
    // docker_gwbridge (4) came with swarm init; box's overlay pair 5/6, then its gwbridge pair 7/8
    expect(links(world, 'box')).toEqual(['1: lo: 65536', '6: eth0@if5: 1450', '8: eth1@if7: 1500']);
    expect(netnsIds(world, 'box')).toEqual(['0', '1']);
  });

  it('the overlay’s end is not a link of the host', () => {
    expect(links(world, 'host').some((l) => l.startsWith('5: '))).toBe(false);
    expect(links(world, 'host').find((l) => l.startsWith('7: '))).toMatch(/@if8: 1500 master docker_gwbridge$/);
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
    const r1 = byName(after, 'r1').endpoints[0].veth;
    expect(links(after, 'host')[7]).toBe(`11: ${r1}@if12: 1500 master br-427796b2c1e1`);
  });
});
