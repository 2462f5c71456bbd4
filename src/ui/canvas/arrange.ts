import { DOCKER_HOST } from '../../sim/ids';
import type { XY } from '../../store/docSlice';
import type { Graph } from '../../store/graph';
import { type Layout, SIZE } from './layout';

/** Above this many containers the built-in grid reads better than one long layered row. */
export const ELK_LIMIT = 40;

/**
 * "Arrange": lays out the host's interior with elkjs (layered, top-down), which orders containers
 * so that multi-homed ones sit between their networks with few crossings. elkjs is ~1.4 MB, so it
 * is imported only when a person asks, never on first paint. Returns positions to pin.
 */
export async function arrangeHost(graph: Graph, layout: Layout): Promise<Record<string, XY> | null> {
  const inside = graph.nodes.filter((n) => n.parentId === DOCKER_HOST && layout[n.id]);
  if (inside.filter((n) => n.data.kind === 'container').length > ELK_LIMIT) return null;
  const ids = new Set(inside.map((n) => n.id));
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const res = await elk.layout({
    id: 'host',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.spacing.nodeNode': String(SIZE.gapX),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(SIZE.gapY),
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.padding': `[top=${SIZE.hostHeader + 36},left=${SIZE.pad},bottom=${SIZE.pad},right=${SIZE.pad}]`,
    },
    children: inside.map((n) => ({ id: n.id, width: layout[n.id].w, height: layout[n.id].h })),
    edges: graph.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const out: Record<string, XY> = {};
  for (const c of res.children ?? []) out[c.id] = { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) };
  return out;
}
