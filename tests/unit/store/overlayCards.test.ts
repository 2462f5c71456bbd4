import { describe, expect, it } from 'vitest';
import { runLine, runScript } from '../../../src/sim/console';
import { sceneById, sceneWorld } from '../../../src/sim/scenes';
import { cardNetwork, type Graph, worldToGraph } from '../../../src/store/graph';
import { type CardLookup, placeOnCards } from '../../../src/ui/sim/cardPlace';

/**
 * An overlay drawn across the hosts it spans: one card per host (the first with the plain id the
 * engine's traces name), VXLAN tunnel edges between them, each container wired to its own host's
 * card; and a trace's overlay steps placed on the card of the host where they happen.
 */
const scene = sceneById('seed001-swarm')!;
const { session } = runScript(sceneWorld(scene), `${scene.script.join('\n')}\n`);
const world = session.world;
const g = worldToGraph(world);
const overlay = Object.values(world.networks).find((n) => n.name === 'my-overlay')!;
const ingress = Object.values(world.networks).find((n) => n.name === 'ingress')!;
const cards = (id: string) => g.nodes.filter((n) => n.data.kind === 'network' && n.data.networkId === id);

function lookup(graph: Graph): CardLookup {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = new Map(graph.edges.map((e) => [e.id, e]));
  return {
    has: (id) => nodes.has(id),
    parentOf: (id) => nodes.get(id)?.parentId,
    isHost: (id) => nodes.get(id)?.data.kind === 'host',
    edgeEnds: (id) => edges.get(id) ?? null,
  };
}

describe('an overlay on three hosts', () => {
  it('has a card in each host, the first with the id traces use, the others qualified by host', () => {
    expect(cards(overlay.id).map((n) => [n.id, n.parentId])).toEqual([
      [`net:${overlay.id}`, 'docker-host'],
      [`net:${overlay.id}@docker-host-2`, 'docker-host-2'],
      [`net:${overlay.id}@docker-host-3`, 'docker-host-3'],
    ]);
    expect(cards(ingress.id)).toHaveLength(3);
    expect(cardNetwork(`net:${overlay.id}@docker-host-2`)).toBe(`net:${overlay.id}`);
    const data = cards(overlay.id)[0].data;
    expect(data.kind === 'network' && data.overlay).toEqual({ vni: 4097, attachable: true, ingress: false, hosts: 3 });
  });

  it('is tunnelled host to host (VXLAN edges, one lane per overlay)', () => {
    const tunnels = g.edges.filter((e) => e.kind === 'vxlan');
    expect(tunnels.filter((e) => e.source.startsWith(`net:${overlay.id}`)).map((e) => [e.source, e.target])).toEqual([
      [`net:${overlay.id}`, `net:${overlay.id}@docker-host-2`],
      [`net:${overlay.id}@docker-host-2`, `net:${overlay.id}@docker-host-3`],
    ]);
    expect(new Set(tunnels.map((e) => e.lane)).size).toBe(2);
  });

  it('wires every task to its own host’s card', () => {
    for (const c of Object.values(world.containers)) {
      const ep = c.endpoints.find((e) => e.networkId === overlay.id);
      if (!ep) continue;
      const edge = g.edges.find((e) => e.id === `veth:${ep.veth}`);
      const card = g.nodes.find((n) => n.id === edge?.source);
      expect(card?.parentId, c.name).toBe(c.daemon);
    }
  });

  it('a one-host overlay keeps one card with the plain id (single-host worlds draw as before)', () => {
    const one = runScript(
      sceneWorld(sceneById('dns-test')!),
      'docker swarm init\ndocker network create -d overlay --attachable solo\n',
    ).session.world;
    const solo = Object.values(one.networks).find((n) => n.name === 'solo')!;
    expect(
      worldToGraph(one)
        .nodes.filter((n) => n.data.kind === 'network' && n.data.networkId === solo.id)
        .map((n) => n.id),
    ).toEqual([`net:${solo.id}`]);
    expect(worldToGraph(one).edges.some((e) => e.kind === 'vxlan')).toBe(false);
  });
});

describe('placeOnCards: a VXLAN trace on the cards of the hosts where it happens', () => {
  const trace = runLine(session, 'docker exec client ping -c 1 10.0.1.5').trace!;
  const placed = placeOnCards(trace.steps, lookup(g));
  const at = (action: string, nth: number) => {
    const i = trace.steps.map((s, k) => (s.action === action ? k : -1)).filter((k) => k >= 0)[nth];
    const p = placed[i].at;
    return 'node' in p ? p.node : p.link;
  };

  it('request: wrapped on docker-host, unwrapped on docker-host-2; reply: the other way round', () => {
    expect(at('vxlan-encap', 0)).toBe(`net:${overlay.id}`);
    expect(at('vxlan-decap', 0)).toBe(`net:${overlay.id}@docker-host-2`);
    expect(at('vxlan-encap', 1)).toBe(`net:${overlay.id}@docker-host-2`);
    expect(at('vxlan-decap', 1)).toBe(`net:${overlay.id}`);
  });

  it('changes nothing but overlay places: every other step is the engine’s own', () => {
    placed.forEach((s, i) => {
      if (s !== trace.steps[i]) expect(s.at).not.toEqual(trace.steps[i].at);
      else expect(s).toBe(trace.steps[i]);
    });
    expect(placed.length).toBe(trace.steps.length);
  });
});
