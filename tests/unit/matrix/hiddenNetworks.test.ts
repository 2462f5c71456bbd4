import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';
import { worldToGraph } from '../../../src/store/graph';
import { withoutNetworks } from '../../../src/store/hiddenNetworks';

const world = runScript(
  createDefaultWorld(),
  'docker network create front\ndocker run -d --name web --network front nginx\ndocker run -d --name old nginx\n',
).session.world;
const front = Object.values(world.networks).find((n) => n.name === 'front')!;

describe('hidden networks on the canvas', () => {
  it('drop the bridge node and every wire to it; containers stay', () => {
    const full = worldToGraph(world);
    const g = withoutNetworks(full, [front.id]);
    expect(g.nodes.map((n) => n.id)).not.toContain(`net:${front.id}`);
    expect(g.nodes.length).toBe(full.nodes.length - 1);
    expect(g.edges.some((e) => e.source === `net:${front.id}` || e.target === `net:${front.id}`)).toBe(false);
    // web's veth and br-…'s link to the host are the two wires that went
    expect(full.edges.length - g.edges.length).toBe(2);
    expect(g.nodes.some((n) => n.data.kind === 'container' && n.data.name === 'web')).toBe(true);
  });

  it('nothing hidden (or only unknown ids) gives the same graph object', () => {
    const full = worldToGraph(world);
    expect(withoutNetworks(full, [])).toBe(full);
    expect(withoutNetworks(full, ['f'.repeat(64)])).toBe(full);
  });
});
