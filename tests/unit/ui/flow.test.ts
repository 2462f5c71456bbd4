import { describe, expect, test } from 'vitest';
import { createSession, runLine, type Session } from '../../../src/sim/console';
import type { World } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';
import { worldToGraph } from '../../../src/store/graph';
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

describe('createFlowSelector during a drag', () => {
  const world = run(createDefaultWorld(), 'docker run -dit --name aa nicolaka/netshoot');
  const graph = worldToGraph(world);
  const layout = layoutGraph(graph, {});
  const id = graph.nodes.find((n) => n.data.kind === 'container')?.id ?? '';
  const none = { selected: null, dragging: null, dropTarget: null };

  test('a pointer move hands back the same edges array and only the dragged node anew', () => {
    const toFlow = createFlowSelector();
    const v0 = toFlow(graph, layout, none);
    const v1 = toFlow(graph, layout, { ...none, dragging: { id, pos: { x: 10, y: 20 } } });
    const v2 = toFlow(graph, layout, { ...none, dragging: { id, pos: { x: 11, y: 20 } } });
    expect(v1.edges).toBe(v0.edges);
    expect(v2.edges).toBe(v0.edges);
    const moved = v2.nodes.find((n) => n.id === id);
    expect(moved?.position).toEqual({ x: 11, y: 20 });
    expect(moved).not.toBe(v1.nodes.find((n) => n.id === id));
    for (const n of v2.nodes) if (n.id !== id) expect(n).toBe(v1.nodes.find((m) => m.id === n.id));
  });

  test('a drop target and a rebuilt but equal graph are told apart correctly', () => {
    const toFlow = createFlowSelector();
    const v0 = toFlow(graph, layout, none);
    const net = graph.nodes.find((n) => n.data.kind === 'network')?.id ?? '';
    const v1 = toFlow(graph, layout, { ...none, dropTarget: net });
    expect(v1.nodes.find((n) => n.id === net)?.data.dropTarget).toBe(true);
    expect(v1.edges).toBe(v0.edges);
    // a fresh graph from the same World has new data objects with equal content: nodes are reused
    const again = worldToGraph(world);
    const v2 = toFlow(again, layout, none);
    expect(v2.nodes.find((n) => n.id === net)?.data.dropTarget).toBeUndefined();
    for (const n of v2.nodes) if (n.id !== net) expect(n).toBe(v0.nodes.find((m) => m.id === n.id));
    expect(v2.edges).toBe(v0.edges);
  });

  test('an edge whose ends change gives a new edges array', () => {
    const toFlow = createFlowSelector();
    const v0 = toFlow(graph, layout, none);
    const w2 = run(world, 'docker network create other', 'docker network connect other aa');
    const g2 = worldToGraph(w2);
    const v1 = toFlow(g2, layoutGraph(g2, {}), none);
    expect(v1.edges).not.toBe(v0.edges);
    expect(v1.edges.length).toBeGreaterThan(v0.edges.length);
  });
});
