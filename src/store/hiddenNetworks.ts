import type { Graph } from './graph';

/**
 * The canvas without some networks: their bridge nodes go, with every wire that ends at one
 * (veths, the bridge's link to its host, a `--network host` container's mode line). Containers
 * stay, so hiding a busy network declutters without losing anyone. Returns `graph` itself when
 * nothing is hidden, so memoised readers see no change.
 */
export function withoutNetworks(graph: Graph, hidden: readonly string[]): Graph {
  if (hidden.length === 0) return graph;
  const gone = new Set(
    graph.nodes.filter((n) => n.data.kind === 'network' && hidden.includes(n.data.networkId)).map((n) => n.id),
  );
  if (gone.size === 0) return graph;
  return {
    nodes: graph.nodes.filter((n) => !gone.has(n.id)),
    edges: graph.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
  };
}
