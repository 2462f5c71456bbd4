import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { sceneById, sceneWorld } from '../../../src/sim/scenes';
import { worldToGraph } from '../../../src/store/graph';
import { hostsOverview } from '../../../src/store/hostsOverview';
import { type Box, layoutGraph } from '../../../src/ui/canvas/layout';
import { NORMAL, PRESENTER } from '../../../src/ui/canvas/metrics';
import { HOST_CARD_H, placeOverview } from '../../../src/ui/canvas/overviewLabels';

/**
 * The hosts overview of the seed 001 swarm (three Docker hosts): what each host's card says, and
 * where its text goes at the zooms the lesson is fitted at (0.185 at 1280x720, 0.264 in presenter
 * mode), read from the engine's own world and the canvas's own layout.
 */
const scene = sceneById('seed001-swarm')!;
const { session } = runScript(sceneWorld(scene), `${scene.script.join('\n')}\n`);
const graph = worldToGraph(session.world);
const overview = hostsOverview(graph);

const shared = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
const meets = (a: Box, b: Box) => shared(a, b) > 0;

describe('hostsOverview', () => {
  it('names each Docker host with its LAN address and counts the cards its box holds', () => {
    const cards = (host: string, kind: string) =>
      graph.nodes.filter((n) => n.parentId === host && n.data.kind === kind).length;
    expect(overview.hosts.map((h) => [h.name, h.ip])).toEqual([
      ['docker-host', '192.168.0.10'],
      ['docker-host-2', '192.168.0.11'],
      ['docker-host-3', '192.168.0.12'],
    ]);
    for (const h of overview.hosts) {
      expect(h.containers).toBe(cards(h.id, 'container'));
      expect(h.networks).toBe(cards(h.id, 'network'));
    }
    // docker-host runs client, web.1 and api.1; the workers one web task each
    expect(overview.hosts.map((h) => h.containers)).toEqual([3, 1, 1]);
  });

  it('tags the LAN machines with their LAN address; the internet core by name only', () => {
    const by = Object.fromEntries(overview.machines.map((m) => [m.id, m]));
    expect(by.router).toEqual({ id: 'router', name: 'router', ip: '192.168.0.1', lan: true });
    expect(by.pc1.ip).toBe('192.168.0.20');
    expect(by.pc2.lan).toBe(true);
    expect(by.internet.ip).toBeNull();
    expect(by.remote.lan).toBe(false);
    // the LAN switch's card is blank at the overview's zoom: its tag says which LAN it is
    expect(by['seg:lan']).toEqual({ id: 'seg:lan', name: 'LAN', ip: '192.168.0.0/24', lan: false });
  });
});

describe('placeOverview', () => {
  for (const [m, zoom, floor] of [
    [NORMAL, 0.185, 10],
    [PRESENTER, 0.264, 14],
    // a tablet in portrait (768x1024): pc1 and pc2 sit closer than a stacked tag is high; each gets
    // a one-line tag right on its card
    [NORMAL, 0.14, 10],
  ] as const)
    it(`at zoom ${zoom} (font ${m.font}): a floor is ${floor} px on screen, no tag covers another, every LAN machine is tagged with its address`, () => {
      const layout = layoutGraph(graph, {}, m);
      const p = placeOverview(graph, layout, overview, zoom, floor);
      expect(p.unit * zoom).toBeCloseTo(floor, 6);
      const tablet = zoom < 0.15;
      for (let i = 0; i < p.machines.length; i++)
        for (let j = i + 1; j < p.machines.length; j++)
          expect(shared(p.machines[i].box, p.machines[j].box), `${p.machines[i].id} / ${p.machines[j].id}`).toBe(0);
      for (const id of ['router', 'pc1', 'pc2']) expect(p.machines.find((t) => t.id === id)?.showIp, id).toBe(true);
      // the LAN switch is named too (a blank box on the tablet before)
      expect(p.machines.map((t) => t.id)).toContain('seg:lan');
      // on the tablet, pc1's and pc2's tags sit on their own cards, which would otherwise show as
      // blank slivers beside tags
      if (tablet)
        for (const id of ['pc1', 'pc2']) {
          const tag = p.machines.find((t) => t.id === id)!.box;
          const card = layout[id];
          const [cx, cy] = [card.x + card.w / 2, card.y + card.h / 2];
          expect(tag.x < cx && cx < tag.x + tag.w && tag.y < cy && cy < tag.y + tag.h, id).toBe(true);
        }
      // no tag over a Docker host's summary card
      for (const t of p.machines)
        for (const h of p.hosts) expect(meets(t.box, h.box), `${t.id} on ${h.id}`).toBe(false);
      // each host's card inside its box, below the top of its networks (the VXLAN lanes stay in sight)
      for (const c of p.hosts) {
        const b = layout[c.id];
        expect(c.x).toBeCloseTo(b.x + b.w / 2, 6);
        const nets = graph.nodes.filter((n) => n.parentId === c.id && n.data.kind === 'network');
        const netTop = Math.min(...nets.map((n) => b.y + layout[n.id].y));
        expect(c.y).toBeGreaterThanOrEqual(netTop);
        // (on the tablet the card is taller than the host box: it hangs below, over nothing)
        if (!tablet) expect(c.y + HOST_CARD_H * p.unit).toBeLessThanOrEqual(b.y + b.h);
      }
    });

  it("on a tablet's fit (768x1024: zoom 0.148) the internet core's tag sits under its card, not beside it as the neighbour's", () => {
    const layout = layoutGraph(graph, {}, NORMAL);
    const p = placeOverview(graph, layout, overview, 0.148, 10);
    const tag = p.machines.find((t) => t.id === 'internet')!;
    const card = layout.internet;
    expect(tag.layout).not.toBe('row');
    const across = Math.min(tag.box.x + tag.box.w, card.x + card.w) - Math.max(tag.box.x, card.x);
    expect(across).toBeGreaterThanOrEqual(Math.min(card.w, tag.box.w) / 2);
    expect(tag.box.y).toBeGreaterThanOrEqual(card.y);
    // still over no other tag
    for (const t of p.machines) if (t !== tag) expect(shared(t.box, tag.box), t.id).toBe(0);
  });

  it('text sizes follow the zoom: half the zoom, twice the flow size', () => {
    const layout = layoutGraph(graph, {}, NORMAL);
    const a = placeOverview(graph, layout, overview, 0.2, 10);
    const b = placeOverview(graph, layout, overview, 0.1, 10);
    expect(b.unit).toBeCloseTo(2 * a.unit, 9);
  });
});
