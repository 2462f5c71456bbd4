import type { Edge, Node } from '@xyflow/react';
import { DOCKER_HOST } from '../../sim/ids';
import type { EdgeKind, Graph, NodeData } from '../../store/graph';
import { type Box, hostUplinkX, type Layout } from './layout';

/** What a canvas node carries: the graph data plus its size and, for the host, where its uplink sits. */
export type FlowNodeData = NodeData & { w: number; h: number; uplinkX?: number; dropTarget?: boolean };
export type FlowNode = Node<FlowNodeData>;
export type FlowEdgeData = { kind: EdgeKind; labels: [string, string] };
export type FlowEdge = Edge<FlowEdgeData>;

export interface FlowView {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/**
 * Turns a laid-out graph into React Flow nodes and edges, handing back the very same objects for
 * anything unchanged since the last call: React Flow and memo'd node components then skip them,
 * which keeps a 300-container canvas cheap when one container changes.
 */
export function createFlowSelector() {
  const nodeCache = new Map<string, { key: string; node: FlowNode }>();
  const edgeCache = new Map<string, { key: string; edge: FlowEdge }>();
  return function toFlow(
    graph: Graph,
    layout: Layout,
    opts: {
      selected: string | null;
      dragging: { id: string; pos: { x: number; y: number } } | null;
      dropTarget: string | null;
    },
  ): FlowView {
    const uplinkX = hostUplinkX(layout);
    const nodes: FlowNode[] = [];
    const seenNodes = new Set<string>();
    for (const g of graph.nodes) {
      const box = layout[g.id];
      if (!box) continue;
      const pos = opts.dragging?.id === g.id ? opts.dragging.pos : { x: box.x, y: box.y };
      const data: FlowNodeData = {
        ...g.data,
        w: box.w,
        h: box.h,
        ...(g.id === DOCKER_HOST ? { uplinkX } : {}),
        ...(opts.dropTarget === g.id ? { dropTarget: true } : {}),
      };
      const selected = opts.selected === g.id;
      const key = JSON.stringify([data, pos, selected, g.parentId]);
      const hit = nodeCache.get(g.id);
      seenNodes.add(g.id);
      if (hit && hit.key === key) {
        nodes.push(hit.node);
        continue;
      }
      const node: FlowNode = {
        id: g.id,
        type: g.data.kind,
        position: pos,
        data,
        width: box.w,
        height: box.h,
        selected,
        ...(g.parentId ? { parentId: g.parentId } : {}),
        ...(g.id === DOCKER_HOST ? { zIndex: -1, dragHandle: '.host-drag' } : {}),
      };
      nodeCache.set(g.id, { key, node });
      nodes.push(node);
    }
    for (const id of nodeCache.keys()) if (!seenNodes.has(id)) nodeCache.delete(id);

    const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parentId]));
    const abs = new Map<string, Box>();
    const boxOf = (id: string) => {
      let c = abs.get(id);
      if (!c) {
        const b = layout[id];
        const p = parentOf.get(id);
        const o = p ? layout[p] : undefined;
        c = b ? { x: b.x + (o?.x ?? 0), y: b.y + (o?.y ?? 0), w: b.w, h: b.h } : { x: 0, y: 0, w: 0, h: 0 };
        abs.set(id, c);
      }
      return c;
    };
    const edges: FlowEdge[] = [];
    const seenEdges = new Set<string>();
    for (const g of graph.edges) {
      let sourceHandle: string;
      let targetHandle: string;
      const a = boxOf(g.source);
      const b = boxOf(g.target);
      // a cable leaves sideways when the boxes are further apart across than up and down
      const across = Math.max(b.x - (a.x + a.w), a.x - (b.x + b.w));
      const upDown = Math.max(b.y - (a.y + a.h), a.y - (b.y + b.h));
      const sideways = g.kind === 'iface' && g.target !== DOCKER_HOST && across > upDown;
      if (g.kind === 'brhost') [sourceHandle, targetHandle] = ['top', 'stack'];
      else if (sideways) [sourceHandle, targetHandle] = b.x >= a.x ? ['right', 'left'] : ['left', 'right'];
      // the upper end leaves from its bottom, the lower end enters at its top
      else [sourceHandle, targetHandle] = b.y >= a.y ? ['bottom', 'top'] : ['top', 'bottom'];
      const key = JSON.stringify([g.source, g.target, sourceHandle, targetHandle, g.labels, g.kind]);
      seenEdges.add(g.id);
      const hit = edgeCache.get(g.id);
      if (hit && hit.key === key) {
        edges.push(hit.edge);
        continue;
      }
      const edge: FlowEdge = {
        id: g.id,
        type: 'wire',
        source: g.source,
        target: g.target,
        sourceHandle,
        targetHandle,
        data: { kind: g.kind, labels: g.labels },
        selectable: false,
        className: `wire wire-${g.kind}`,
      };
      edgeCache.set(g.id, { key, edge });
      edges.push(edge);
    }
    for (const id of edgeCache.keys()) if (!seenEdges.has(id)) edgeCache.delete(id);
    return { nodes, edges };
  };
}
