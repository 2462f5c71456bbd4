import { beforeAll, describe, expect, test } from 'vitest';
import { createSession, runLine, type Session } from '../../../src/sim/console';
import { DOCKER_HOST } from '../../../src/sim/ids';
import type { World } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';
import { type ContainerData, type NetworkData, worldToGraph } from '../../../src/store/graph';
import { createFlowSelector } from '../../../src/ui/canvas/flow';
import { layoutGraph } from '../../../src/ui/canvas/layout';

function run(world: World, ...lines: string[]): World {
  let s: Session = createSession(world);
  for (const line of lines) {
    const r = runLine(s, line);
    if (r.exitCode !== 0) throw new Error(`${line}: ${r.output}`);
    s = r.session;
  }
  return s.world;
}

let base: World;
beforeAll(() => {
  base = createDefaultWorld();
});

describe('worldToGraph: the default world', () => {
  test('draws every machine, the LAN switch and Docker’s three networks inside the host', () => {
    const g = worldToGraph(base);
    const ids = g.nodes.map((n) => n.id);
    for (const id of [DOCKER_HOST, 'pc1', 'pc2', 'router', 'internet', 'remote', 'dns', 'google.com', 'seg:lan'])
      expect(ids).toContain(id);
    const nets = g.nodes.filter((n) => n.data.kind === 'network');
    expect(nets.map((n) => (n.data as NetworkData).name)).toEqual(['bridge', 'host', 'none']);
    expect(nets.every((n) => n.parentId === DOCKER_HOST)).toBe(true);
    const bridge = nets[0].data as NetworkData;
    expect([bridge.bridge, bridge.driver, bridge.subnet, bridge.gateway]).toEqual([
      'docker0',
      'bridge',
      '172.17.0.0/16',
      '172.17.0.1',
    ]);
    expect(nets[0].id).toBe(`net:${bridge.networkId}`);
  });

  test('cables are named by ids.ts: LAN ports, point-to-point internet links, bridge to host', () => {
    const g = worldToGraph(base);
    const e = Object.fromEntries(g.edges.map((x) => [x.id, x]));
    for (const m of ['docker-host', 'pc1', 'pc2', 'router'])
      expect(e[`if:${m}:eth0`]).toMatchObject({ source: 'seg:lan', target: m });
    expect(e['if:router:wan0']).toMatchObject({ source: 'internet', target: 'router' });
    for (const m of ['remote', 'dns', 'google.com'])
      expect(e[`if:${m}:eth0`]).toMatchObject({ source: 'internet', target: m });
    expect(e['brhost:docker0']).toMatchObject({ target: DOCKER_HOST, kind: 'brhost' });
    expect(g.edges).toHaveLength(9);
  });
});

describe('worldToGraph: containers', () => {
  test('a running container hangs from its bridge by a veth edge labelled with both ends', () => {
    const w = run(base, 'docker run -d --name web -p 8080:80 nginx');
    const g = worldToGraph(w);
    const c = Object.values(w.containers)[0];
    const ep = c.endpoints[0];
    const node = g.nodes.find((n) => n.id === `ctr:${c.id}`)!;
    const data = node.data as ContainerData;
    expect(node.parentId).toBe(DOCKER_HOST);
    expect(data.ifaces).toEqual([{ name: 'eth0', ip: '172.17.0.2/16', mac: ep.mac, network: 'bridge' }]);
    expect(data.ports).toEqual(['0.0.0.0:8080->80/tcp']);
    const edge = g.edges.find((x) => x.id === `veth:${ep.veth}`)!;
    expect(edge).toMatchObject({ source: `net:${ep.networkId}`, target: `ctr:${c.id}`, labels: [ep.veth, 'eth0'] });
    expect(ep.veth).toMatch(/^veth[0-9a-f]{7}$/);
  });

  test('an IPv6-only endpoint is labelled with its IPv6 address, its network card with the IPv6 subnet', () => {
    const w = run(
      base,
      'docker network create --ipv4=false --ipv6 --subnet fd00:9::/64 v6only',
      'docker run -d --name web --network v6only nginx',
      'docker network create --ipv6 --subnet fd00:8::/64 ds',
      'docker network connect ds web',
    );
    const c = Object.values(w.containers)[0];
    const g = worldToGraph(w);
    const data = g.nodes.find((n) => n.id === `ctr:${c.id}`)!.data as ContainerData;
    // a dual-stack endpoint keeps its IPv4 label
    expect(data.ifaces.map((f) => [f.network, f.ip])).toEqual([
      ['v6only', 'fd00:9::2/64'],
      ['ds', '172.18.0.2/16'],
    ]);
    const net = g.nodes.map((n) => n.data).find((d) => d.kind === 'network' && d.name === 'v6only') as NetworkData;
    expect([net.subnet, net.gateway]).toEqual(['fd00:9::/64', 'fd00:9::1']);
  });

  test('a paused container is drawn as paused (docker ps: "paused"), still on its network; unpaused, running', () => {
    const w = run(base, 'docker run -d --name web -p 8080:80 nginx', 'docker pause web');
    const c = Object.values(w.containers)[0];
    const of = (x: World) => worldToGraph(x).nodes.find((n) => n.id === `ctr:${c.id}`)!.data as ContainerData;
    expect(of(w).state).toBe('paused');
    expect(of(w).ifaces.map((f) => f.ip)).toEqual(['172.17.0.2/16']);
    expect(of(run(w, 'docker unpause web')).state).toBe('running');
    expect(of(run(w, 'docker stop web')).state).toBe('exited');
  });

  test('a multi-homed container has one veth edge per network; a user network gets a br- bridge', () => {
    const w = run(
      base,
      'docker network create mynet',
      'docker run -dit --name c1 nicolaka/netshoot',
      'docker network connect mynet c1',
    );
    const g = worldToGraph(w);
    const c = Object.values(w.containers)[0];
    expect(g.edges.filter((e) => e.kind === 'veth' && e.target === `ctr:${c.id}`)).toHaveLength(2);
    const mynet = g.nodes.find((n) => n.data.kind === 'network' && n.data.name === 'mynet')!.data as NetworkData;
    expect(mynet.bridge).toBe(`br-${mynet.networkId.slice(0, 12)}`);
    expect(g.edges.find((e) => e.id === `brhost:${mynet.bridge}`)).toBeTruthy();
  });

  test('a stopped container keeps its configured network as a dashed link and shows no address', () => {
    const w = run(base, 'docker run -dit --name c1 nicolaka/netshoot', 'docker stop c1');
    const g = worldToGraph(w);
    const c = Object.values(w.containers)[0];
    expect(g.edges.filter((e) => e.target === `ctr:${c.id}`).map((e) => e.kind)).toEqual(['configured']);
    expect((g.nodes.find((n) => n.id === `ctr:${c.id}`)!.data as ContainerData).state).toBe('exited');
  });

  test('--network host hangs from the host network node', () => {
    const w = run(base, 'docker run -d --name hh --network host nginx');
    const g = worldToGraph(w);
    const c = Object.values(w.containers)[0];
    const hostNet = Object.values(w.networks).find((n) => n.name === 'host')!;
    expect(g.edges.find((e) => e.target === `ctr:${c.id}`)).toMatchObject({
      kind: 'mode',
      source: `net:${hostNet.id}`,
    });
  });
});

describe('flow selector', () => {
  test('hands back the same node and edge objects when nothing they show changed', () => {
    const toFlow = createFlowSelector();
    const w1 = run(base, 'docker run -dit --name aa nicolaka/netshoot');
    const g1 = worldToGraph(w1);
    const v1 = toFlow(g1, layoutGraph(g1, {}), { selected: null, dragging: null, dropTarget: null });
    const w2 = run(w1, 'docker network create other');
    const g2 = worldToGraph(w2);
    const v2 = toFlow(g2, layoutGraph(g2, {}), { selected: null, dragging: null, dropTarget: null });
    const pc1 = (v: typeof v1) => v.nodes.find((n) => n.id === 'pc1');
    expect(pc1(v2)).toBe(pc1(v1));
    const lanEdge = (v: typeof v1) => v.edges.find((e) => e.id === 'if:pc1:eth0');
    expect(lanEdge(v2)).toBe(lanEdge(v1));
    // selection changes only the selected node
    const v3 = toFlow(g2, layoutGraph(g2, {}), { selected: 'pc2', dragging: null, dropTarget: null });
    expect(pc1(v3)).toBe(pc1(v2));
    expect(v3.nodes.find((n) => n.id === 'pc2')).not.toBe(v2.nodes.find((n) => n.id === 'pc2'));
  });
});
