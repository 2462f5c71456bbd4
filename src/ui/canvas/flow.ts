import { type Edge, type Node, type NodeHandle, Position } from '@xyflow/react';
import { cardNetwork, type EdgeKind, type Graph, type NodeData } from '../../store/graph';
import { type End, type Entering, endAt, spreadEnds } from './ends';
import { type Box, hostIds, hostUplinkX, type Layout, uplinkPeer } from './layout';
import { NORMAL } from './metrics';

/**
 * What a canvas node carries: the graph data plus its size and, for the host, where its uplink sits
 * and how tall its header is (the bridges' cables end under it).
 */
export type FlowNodeData = NodeData & {
  w: number;
  h: number;
  uplinkX?: number;
  headerH?: number;
  dropTarget?: boolean;
  /** a container's cable ends along its top and bottom when more than one enters a side (ends.ts) */
  ends?: [number, number];
};
export type FlowNode = Node<FlowNodeData>;
export type FlowEdgeData = {
  kind: EdgeKind;
  labels: [string, string];
  lane?: number;
  /** the short label and its row, for one of several cables entering a side of a card (ends.ts) */
  short?: boolean;
  row?: number;
};
export type FlowEdge = Edge<FlowEdgeData>;

/** React Flow's handle (its style.css): a 6 px square centred on the side of the node it sits on. */
const HANDLE = 6;

function handle(id: string, position: Position, x: number, y: number): NodeHandle {
  return { id, type: 'source', position, x: x - HANDLE / 2, y: y - HANDLE / 2, width: HANDLE, height: HANDLE };
}

/**
 * The handles of a node (nodes.tsx) where React Flow would measure them, relative to the node's
 * box: handed over with the node's size, the first render draws the cables and React Flow skips
 * a measuring pass before the first picture (issue 11). A host has its uplink on top (`uplinkX`)
 * and the bridges' end under its header; every other card has one handle in the middle of each side.
 */
export function handlesOf(data: FlowNodeData): NodeHandle[] {
  const { w, h } = data;
  if (data.kind === 'host')
    return [
      handle('top', Position.Top, data.uplinkX ?? w / 2, 0),
      handle('stack', Position.Bottom, w / 2, (data.headerH ?? 0) + HANDLE),
    ];
  const spread = (['top', 'bottom'] as const).flatMap((side, s) => {
    const n = data.ends?.[s] ?? 0;
    return Array.from({ length: n }, (_, i) =>
      handle(`${side}-${i}`, side === 'top' ? Position.Top : Position.Bottom, endAt(i, n) * w, side === 'top' ? 0 : h),
    );
  });
  return [
    handle('top', Position.Top, w / 2, 0),
    handle('bottom', Position.Bottom, w / 2, h),
    handle('left', Position.Left, 0, h / 2),
    handle('right', Position.Right, w, h / 2),
    ...spread,
  ];
}

/** A cached node and the graph data object it was built from (compared by identity first). */
interface NodeHit {
  key: string;
  src: NodeData;
  node: FlowNode;
}

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
  const nodeCache = new Map<string, NodeHit>();
  const edgeCache = new Map<string, FlowEdge>();
  let lastEdges: FlowEdge[] = [];
  return function toFlow(
    graph: Graph,
    layout: Layout,
    opts: {
      selected: string | null;
      dragging: { id: string; pos: { x: number; y: number } } | null;
      dropTarget: string | null;
      /** the host header's height in this display mode (metrics.ts) */
      hostHeader?: number;
      /** node text px (metrics.ts), which sizes the cable labels */
      font?: number;
    },
  ): FlowView {
    const headerH = opts.hostHeader ?? NORMAL.hostHeader;
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
    const hostSet = new Set(hostIds(graph));
    const kindOf = new Map(graph.nodes.map((n) => [n.id, n.data.kind]));
    const handles = new Map<string, [string, string]>();
    const entering: Entering[] = [];
    for (const g of graph.edges) {
      let pair: [string, string];
      const a = boxOf(g.source);
      const b = boxOf(g.target);
      // a cable leaves sideways when the boxes are further apart across than up and down
      const across = Math.max(b.x - (a.x + a.w), a.x - (b.x + b.w));
      const upDown = Math.max(b.y - (a.y + a.h), a.y - (b.y + b.h));
      const sideways = g.kind === 'iface' && !hostSet.has(g.target) && across > upDown;
      if (g.kind === 'brhost') pair = ['top', 'stack'];
      // a VXLAN tunnel runs above the cards, from one host's overlay card to the next one's
      else if (g.kind === 'vxlan') pair = ['top', 'top'];
      else if (sideways) pair = b.x >= a.x ? ['right', 'left'] : ['left', 'right'];
      // the upper end leaves from its bottom, the lower end enters at its top
      else pair = b.y >= a.y ? ['bottom', 'top'] : ['top', 'bottom'];
      handles.set(g.id, pair);
      if (kindOf.get(g.target) === 'container' && (pair[1] === 'top' || pair[1] === 'bottom'))
        entering.push({
          edge: g.id,
          node: g.target,
          side: pair[1],
          fromX: a.x + a.w / 2,
          label: labelText(g.kind, g.labels),
          short: g.labels[1] || g.labels[0],
        });
    }
    const { ends, counts } = spreadEnds(entering, boxOf, opts.font ?? 14);

    const nodes: FlowNode[] = [];
    const seenNodes = new Set<string>();
    for (const g of graph.nodes) {
      const box = layout[g.id];
      if (!box) continue;
      const pos = opts.dragging?.id === g.id ? opts.dragging.pos : { x: box.x, y: box.y };
      // an overlay's cards on every host it spans light up together
      const selected = opts.selected === g.id || (opts.selected !== null && opts.selected === cardNetwork(g.id));
      const drop = opts.dropTarget === g.id;
      const isHost = g.data.kind === 'host';
      const hostUplink = isHost ? hostUplinkX(layout, g.id, uplinkPeer(graph, g.id)) : undefined;
      const cableEnds = counts.get(g.id);
      const hit = nodeCache.get(g.id);
      seenNodes.add(g.id);
      // a drag moves the store on every pointer move: comparing the inputs by identity first keeps
      // 300 JSON.stringify calls out of each move, and the deep key below still reuses nodes
      // across a World change that rebuilt equal data objects
      if (
        hit &&
        hit.src === g.data &&
        hit.node.position.x === pos.x &&
        hit.node.position.y === pos.y &&
        hit.node.selected === selected &&
        hit.node.parentId === g.parentId &&
        hit.node.data.w === box.w &&
        hit.node.data.h === box.h &&
        hit.node.data.uplinkX === hostUplink &&
        hit.node.data.headerH === (isHost ? headerH : undefined) &&
        hit.node.data.ends?.[0] === cableEnds?.[0] &&
        hit.node.data.ends?.[1] === cableEnds?.[1] &&
        (hit.node.data.dropTarget === true) === drop
      ) {
        nodes.push(hit.node);
        continue;
      }
      const data: FlowNodeData = {
        ...g.data,
        w: box.w,
        h: box.h,
        ...(isHost ? { uplinkX: hostUplink, headerH } : {}),
        ...(drop ? { dropTarget: true } : {}),
        ...(cableEnds ? { ends: cableEnds } : {}),
      };
      const key = JSON.stringify([data, pos, selected, g.parentId]);
      if (hit && hit.key === key) {
        hit.src = g.data;
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
        // the size and handles React Flow would measure: it draws the node and its cables at once
        measured: { width: box.w, height: box.h },
        handles: handlesOf(data),
        selected,
        ...(g.parentId ? { parentId: g.parentId } : {}),
        ...(isHost ? { zIndex: -1, dragHandle: '.host-drag' } : {}),
      };
      nodeCache.set(g.id, { key, src: g.data, node });
      nodes.push(node);
    }
    for (const id of nodeCache.keys()) if (!seenNodes.has(id)) nodeCache.delete(id);

    const edges: FlowEdge[] = [];
    const seenEdges = new Set<string>();
    for (const g of graph.edges) {
      const end: End | undefined = ends.get(g.id);
      const [sourceHandle, plainTarget] = handles.get(g.id)!;
      const targetHandle = end?.handle ?? plainTarget;
      seenEdges.add(g.id);
      const hit = edgeCache.get(g.id);
      if (
        hit?.data &&
        hit.source === g.source &&
        hit.target === g.target &&
        hit.sourceHandle === sourceHandle &&
        hit.targetHandle === targetHandle &&
        hit.data.kind === g.kind &&
        hit.data.labels[0] === g.labels[0] &&
        hit.data.labels[1] === g.labels[1] &&
        hit.data.lane === g.lane &&
        hit.data.short === end?.short &&
        hit.data.row === end?.row
      ) {
        edges.push(hit);
        continue;
      }
      const edge: FlowEdge = {
        id: g.id,
        type: 'wire',
        source: g.source,
        target: g.target,
        sourceHandle,
        targetHandle,
        data: {
          kind: g.kind,
          labels: g.labels,
          ...(g.lane !== undefined ? { lane: g.lane } : {}),
          ...(end ? { short: end.short, row: end.row } : {}),
        },
        selectable: false,
        className: `wire wire-${g.kind}`,
      };
      edgeCache.set(g.id, edge);
      edges.push(edge);
    }
    for (const id of edgeCache.keys()) if (!seenEdges.has(id)) edgeCache.delete(id);
    // the same array when nothing changed: React Flow then skips setEdges and its connection
    // lookup rebuild, which a drag would otherwise pay on every pointer move
    if (edges.length !== lastEdges.length || edges.some((e, i) => e !== lastEdges[i])) lastEdges = edges;
    return { nodes, edges: lastEdges };
  };
}

/** A cable's full label: a veth reads from the container's end ("eth0 ↔ veth1a2b3c4"). */
export function labelText(kind: EdgeKind, [a, b]: [string, string]): string {
  return kind === 'veth' ? `${b} ↔ ${a}` : [a, b].filter(Boolean).join(' ↔ ');
}
