import { describe, expect, test } from 'vitest';
import { createSession, runLine } from '../../../src/sim/console';
import { DOCKER_HOST } from '../../../src/sim/ids';
import { createDefaultWorld } from '../../../src/sim/world';
import { type ContainerData, type NetworkData, worldToGraph } from '../../../src/store/graph';
import { type Box, layoutGraph } from '../../../src/ui/canvas/layout';
import {
  containerHeight,
  linesOf,
  NORMAL,
  nameLinesOf,
  networkHeight,
  PRESENTER,
} from '../../../src/ui/canvas/metrics';

const seedLines = [
  'docker network create --driver bridge --subnet 10.0.0.0/24 second-bridge',
  'docker run -dit --network second-bridge --name containerA devwikirepo/pingbuntu',
  'docker run -d --network second-bridge --name containerB devwikirepo/pingbuntu',
  'docker run -d -p 8002:3000 --name redColorApp -e COLOR=red devwikirepo/envnodecolorapp',
  'docker run -d -p 8003:3000 --name yellowColorApp -e COLOR=yellow devwikirepo/envnodecolorapp',
  'docker run -d -p 8004:3030 --name greenColorApp -e COLOR=green devwikirepo/envnodecolorapp',
];

function seedWorld() {
  let s = createSession(createDefaultWorld());
  for (const l of seedLines) {
    const r = runLine(s, l);
    expect(r.exitCode, r.output).toBe(0);
    s = r.session;
  }
  return s.world;
}

const ctr = (name: string, image: string, ports: string[] = []): ContainerData => ({
  kind: 'container',
  containerId: name,
  name,
  image,
  state: 'running',
  networkMode: 'bridge',
  ifaces: [{ name: 'eth0', ip: '172.17.0.2/16', mac: 'aa:bb:cc:dd:ee:ff', network: 'bridge' }],
  ports,
});

describe('node metrics', () => {
  test('linesOf counts wrapped lines, at least one', () => {
    expect(linesOf('', 10, 0.6, 100)).toBe(1);
    expect(linesOf('x'.repeat(16), 10, 0.6, 100)).toBe(1);
    expect(linesOf('x'.repeat(17), 10, 0.6, 100)).toBe(2);
  });

  test.each([NORMAL, PRESENTER])('seed names fit on one line at font %#', (m) => {
    const short = containerHeight(ctr('c1', 'nginx'), m);
    for (const [name, image] of [
      ['yellowColorApp', 'devwikirepo/envnodecolorapp'],
      ['containerA', 'devwikirepo/pingbuntu'],
    ])
      expect(containerHeight(ctr(name, image), m)).toBe(short);
  });

  test('a very long name or image wraps: the card grows instead of cutting it', () => {
    const short = containerHeight(ctr('c1', 'nginx'));
    expect(containerHeight(ctr('a-very-long-container-name-from-a-compose-project-1', 'nginx'))).toBeGreaterThan(short);
    expect(containerHeight(ctr('c1', 'registry.example.com/team/some-long-image-name:1.2.3'))).toBeGreaterThan(short);
  });

  test('presenter type is larger, and so are the cards', () => {
    expect(PRESENTER.font / NORMAL.font).toBeGreaterThan(1.5);
    expect(containerHeight(ctr('c1', 'nginx'), PRESENTER)).toBeGreaterThan(containerHeight(ctr('c1', 'nginx')));
  });

  test('a long network name takes a second title line', () => {
    const net = (name: string): NetworkData => ({
      kind: 'network',
      networkId: name,
      name,
      driver: 'bridge',
      bridge: 'br-0123456789ab',
      subnet: '10.0.0.0/24',
      gateway: '10.0.0.1',
      internal: false,
      predefined: false,
      dns: true,
    });
    expect(networkHeight(net('a-network-name-that-goes-on-and-on'))).toBeGreaterThan(networkHeight(net('mynet')));
  });
});

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

describe('layout of the seed scene', () => {
  test.each([
    ['normal', NORMAL],
    ['presenter', PRESENTER],
  ] as const)('%s: no two nodes overlap, children inside the host', (_, m) => {
    const g = worldToGraph(seedWorld());
    const layout = layoutGraph(g, {}, m);
    const abs = (id: string): Box => {
      const b = layout[id];
      const p = g.nodes.find((n) => n.id === id)?.parentId;
      return p ? { ...b, x: b.x + layout[p].x, y: b.y + layout[p].y } : b;
    };
    const ids = g.nodes.map((n) => n.id).filter((id) => id !== DOCKER_HOST);
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++)
        expect(overlaps(abs(ids[i]), abs(ids[j])), `${ids[i]} / ${ids[j]}`).toBe(false);
    const host = abs(DOCKER_HOST);
    for (const n of g.nodes.filter((x) => x.parentId === DOCKER_HOST)) {
      const b = abs(n.id);
      expect(b.x + b.w).toBeLessThanOrEqual(host.x + host.w);
      expect(b.y + b.h).toBeLessThanOrEqual(host.y + host.h);
    }
  });

  test('a pin made in one mode keeps its place relative to the others in the other mode', () => {
    const g = worldToGraph(seedWorld());
    const id = g.nodes.find((n) => n.data.kind === 'container')!.id;
    const n = layoutGraph(g, { [id]: { x: 1000, y: 500 } }, NORMAL);
    const p = layoutGraph(g, { [id]: { x: 1000, y: 500 } }, PRESENTER);
    expect(n[id]).toMatchObject({ x: 1000, y: 500 });
    expect(p[id]).toMatchObject({ x: 1000 * PRESENTER.scale, y: 500 * PRESENTER.scale });
  });
});

describe('nameLinesOf: names wrap after a separator, as the card breaks them', () => {
  test('counts whole parts on a line, a part longer than a line broken inside', () => {
    // 10 characters a line (px 10, em 1, width 100)
    expect(nameLinesOf('gloddy_server_app_1', 10, 1, 100)).toBe(3); // gloddy_ | server_ | app_1
    expect(nameLinesOf('abc_def_gh', 10, 1, 100)).toBe(1);
    expect(nameLinesOf('abcdefghijklmnopqrstu', 10, 1, 100)).toBe(3); // no separator: by characters
    expect(nameLinesOf('ab_cdefghijklmnop', 10, 1, 100)).toBe(3); // ab_ | cdefghijkl | mnop: a part starts a line before it is broken
    expect(nameLinesOf('', 10, 1, 100)).toBe(1);
  });
  test("a swarm task's random id takes one line of its own, cut rather than broken", () => {
    // web.1. | kq3bs0x6y3… (25 characters, 10 a line)
    expect(nameLinesOf('web.1.kq3bs0x6y3u7yw5w4h3o2l1mn', 10, 1, 100)).toBe(2);
    expect(nameLinesOf('web.1.kq3bs0x6y3u7yw5w4h3o2l1mn', 10, 1, 320)).toBe(1);
    // a global service: both ids cut, each on its line
    expect(nameLinesOf('agent.r7zs0mxk2bqpy9t1c3d4e5f6g.kq3bs0x6y3u7yw5w4h3o2l1mn', 10, 1, 100)).toBe(3);
  });
  test('never fewer lines than the character count needs', () => {
    for (const n of ['gloddy_server_default', 'web.1.abcdefghij', 'a-b-c-d-e-f-g-h-i-j-k', 'x'.repeat(35)])
      for (const w of [40, 70, 100, 130]) expect(nameLinesOf(n, 10, 1, w)).toBeGreaterThanOrEqual(linesOf(n, 10, 1, w));
  });
});
