import { describe, expect, test } from 'vitest';
import { parseProject, serializeProject } from '../../../src/io/project';
import { worldProblem } from '../../../src/io/worldSchema';
import { runScript } from '../../../src/sim/console';
import type { World } from '../../../src/sim/model';
import { SCENES, sceneWorld } from '../../../src/sim/scenes';
import { createDefaultWorld } from '../../../src/sim/world';

/** A World with every kind of table filled: ports, two networks, ARP, FDB, conntrack, a router forward. */
function busyWorld(): World {
  const script = [
    'docker network create --subnet 10.0.0.0/24 mynet',
    'docker run -dit --name c1 -p 8080:80 --network mynet nginx',
    'docker run -dit --name c2 -e COLOR=red nicolaka/netshoot',
    'docker network connect mynet c2',
    'docker run -dit --name c3 --network none nicolaka/netshoot',
    'docker run -dit --name c4 nicolaka/netshoot',
    'docker stop c4',
    'docker exec c2 ping -c 1 c1',
    'docker exec c2 curl -s google.com',
    'portfwd add tcp 80 192.168.0.10 8080',
    '@remote curl -s http://124.111.46.91/',
  ];
  return JSON.parse(JSON.stringify(runScript(createDefaultWorld(), `${script.join('\n')}\n`).session.world));
}

const c1Of = (w: World) => Object.values(w.containers).find((c) => c.name === 'c1')!;
const mynetOf = (w: World) => Object.values(w.networks).find((n) => n.name === 'mynet')!;

describe('worldProblem', () => {
  test('every World the engine makes passes: the default, a busy one, every lesson scene', () => {
    expect(worldProblem(JSON.parse(JSON.stringify(createDefaultWorld())))).toBeNull();
    const busy = busyWorld();
    expect(Object.keys(busy.containers)).toHaveLength(4);
    expect(c1Of(busy).ports[0].hostPort).toBe(8080);
    expect(worldProblem(busy)).toBeNull();
    for (const s of SCENES) {
      const w = runScript(sceneWorld(s), `${s.script.join('\n')}\n`).session.world;
      expect(worldProblem(JSON.parse(JSON.stringify(w))), s.id).toBeNull();
    }
  });

  // each of these once left a blank page (the canvas or the engine threw on load)
  test.each<[string, (w: World) => void, string]>([
    [
      'an address that is a number',
      (w) => Object.assign(c1Of(w).endpoints[0], { ip: 12345 }),
      'container c1.endpoints[0].ip should be an IPv4 address',
    ],
    [
      'a null port binding',
      (w) => Object.assign(c1Of(w), { ports: [null] }),
      'container c1.ports[0] should be an object',
    ],
    [
      'a subnet that is not CIDR',
      (w) => Object.assign(mynetOf(w).ipam!, { subnet: 'garbage' }),
      'network mynet.ipam.subnet should be a CIDR block',
    ],
    ['a null ARP entry', (w) => Object.assign(c1Of(w), { arp: [null] }), 'container c1.arp[0] should be an object'],
    [
      'a null route',
      (w) => Object.assign(w.machines['docker-host'], { routes: [null] }),
      'machine docker-host.routes[0] should be an object',
    ],
    [
      'a null interface address',
      (w) => Object.assign(w.machines['docker-host'].ifaces[0], { addrs: [null] }),
      'machine docker-host.ifaces[0].addrs[0] should be an object',
    ],
    [
      'a null conntrack entry',
      (w) => Object.assign(w.machines['docker-host'], { conntrack: [null] }),
      'machine docker-host.conntrack[0] should be an object',
    ],
    [
      'a port out of range',
      (w) => Object.assign(c1Of(w).ports[0], { hostPort: 70000 }),
      'container c1.ports[0].hostPort should be a port number',
    ],
    ['env that is not text', (w) => Object.assign(c1Of(w), { env: [1] }), 'container c1.env[0] should be a string'],
  ])('refuses %s, naming the field', (_, mutate, error) => {
    const w = busyWorld();
    mutate(w);
    expect(worldProblem(w)).toBe(error);
    expect(parseProject(serializeProject({ world: w, pinned: {} }))).toMatchObject({ ok: false, error });
  });
});

describe('addresses in a save', () => {
  test.each([
    ['10.0.0.2', true],
    ['255.255.255.255', true],
    ['0.0.0.0', true],
    ['256.1.1.1', false],
    ['1.2.3', false],
    ['1.2.3.4.5', false],
    ['01.2.3.4', false],
    ['a.b.c.d', false],
    ['1.2.3.4 ', false],
  ])('%s is an IPv4 address: %s', (ip, ok) => {
    const w = JSON.parse(JSON.stringify(createDefaultWorld()));
    w.machines['docker-host'].nameservers = [ip];
    expect(worldProblem(w) === null).toBe(ok);
  });
});
