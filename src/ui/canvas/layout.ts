import { DOCKER_HOST, nodeId } from '../../sim/ids';
import type { ContainerData, Graph, GraphNode } from '../../store/graph';

/**
 * Deterministic layout: the Docker host is a box with one column per network (bridge on top,
 * its containers in a grid below), the LAN and the internet above it. Sizes are fixed per node
 * kind so nothing overlaps by construction, from 1 to hundreds of containers. Positions a person
 * pinned win over computed ones. Children are positioned relative to the host box.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Layout = Record<string, Box>;

export const SIZE = {
  containerW: 216,
  networkW: 232,
  networkH: 96,
  machineW: 196,
  machineH: 84,
  segmentW: 260,
  segmentH: 40,
  hostHeader: 48,
  pad: 28,
  gapX: 28,
  /** room above a container for its veth label */
  gapY: 50,
  colGap: 56,
};

/** Height of a container card: header, one line per interface, a line of ports. */
export function containerHeight(d: ContainerData): number {
  return 62 + Math.max(1, d.ifaces.length) * 34 + (d.ports.length ? 22 : 0);
}

/** Columns of the container grid under one network: a row for a few, a near-square grid for many. */
export function gridColumns(n: number): number {
  if (n <= 5) return Math.max(1, n);
  // cards are wider than tall; 0.8 keeps a network's grid a little taller than wide, so several
  // networks side by side still make a 16:9-ish host box
  return Math.ceil(Math.sqrt(n * 0.8));
}

function hostInterior(graph: Graph, layout: Layout): { w: number; h: number } {
  const nets = graph.nodes.filter((n) => n.parentId === DOCKER_HOST && n.data.kind === 'network');
  const ctrs = graph.nodes.filter((n) => n.data.kind === 'container');
  const byColumn = new Map<string, GraphNode[]>(nets.map((n) => [n.id, []]));
  const edgeTo = new Map<string, string>();
  for (const e of graph.edges) if (!edgeTo.has(e.target)) edgeTo.set(e.target, e.source);
  for (const c of ctrs) {
    // a container sits under the first thing it hangs from; follow container:<x> chains to a network
    let src = edgeTo.get(c.id);
    const seen = new Set<string>();
    while (src?.startsWith('ctr:') && !seen.has(src)) {
      seen.add(src);
      src = edgeTo.get(src);
    }
    const col = src && byColumn.has(src) ? src : nets[nets.length - 1]?.id;
    if (col) byColumn.get(col)?.push(c);
  }
  let x = SIZE.pad;
  let maxH = 0;
  const top = SIZE.hostHeader + 36;
  for (const net of nets) {
    const list = byColumn.get(net.id) ?? [];
    const cols = gridColumns(list.length);
    const gridW = list.length ? cols * SIZE.containerW + (cols - 1) * SIZE.gapX : 0;
    const colW = Math.max(SIZE.networkW, gridW);
    layout[net.id] = { x: x + (colW - SIZE.networkW) / 2, y: top, w: SIZE.networkW, h: SIZE.networkH };
    let y = top + SIZE.networkH + SIZE.gapY;
    for (let r = 0; r * cols < list.length; r++) {
      const row = list.slice(r * cols, r * cols + cols);
      const rowW = row.length * SIZE.containerW + (row.length - 1) * SIZE.gapX;
      let cx = x + (colW - rowW) / 2;
      let rowH = 0;
      for (const c of row) {
        const h = containerHeight(c.data as ContainerData);
        layout[c.id] = { x: cx, y, w: SIZE.containerW, h };
        cx += SIZE.containerW + SIZE.gapX;
        rowH = Math.max(rowH, h);
      }
      y += rowH + SIZE.gapY;
    }
    maxH = Math.max(maxH, y - SIZE.gapY);
    x += colW + SIZE.colGap;
  }
  return { w: x - SIZE.colGap + SIZE.pad, h: maxH + SIZE.pad };
}

/** Computes every node's box; `pinned` positions (relative to the parent) override computed ones. */
export function layoutGraph(graph: Graph, pinned: Record<string, { x: number; y: number }>): Layout {
  const layout: Layout = {};
  const inner = hostInterior(graph, layout);
  for (const n of graph.nodes) {
    const p = pinned[n.id];
    if (p && layout[n.id] && n.parentId) layout[n.id] = { ...layout[n.id], x: p.x, y: p.y };
  }
  // the host box grows to hold children a person moved
  let w = inner.w;
  let h = inner.h;
  for (const n of graph.nodes)
    if (n.parentId === DOCKER_HOST && layout[n.id]) {
      w = Math.max(w, layout[n.id].x + layout[n.id].w + SIZE.pad);
      h = Math.max(h, layout[n.id].y + layout[n.id].h + SIZE.pad);
    }
  w = Math.max(w, 560);

  // outside the host, a band above it read left to right: internet hosts, the internet core,
  // the home router, the LAN switch with the PCs; the host hangs below the switch
  const ids = new Set(graph.nodes.map((n) => n.id));
  const lan = nodeId.segment('lan');
  const known = new Set([DOCKER_HOST, 'internet', 'router', lan]);
  const machineIds = graph.nodes.filter((n) => n.data.kind === 'machine').map((n) => n.id);
  const pcs = graph.nodes.filter((n) => n.data.kind === 'machine' && n.data.role === 'pc').map((n) => n.id);
  const leaves = machineIds.filter((id) => !known.has(id) && !pcs.includes(id));
  const { machineW: mw, machineH: mh } = SIZE;
  const stepY = mh + 16;
  const bandH = Math.max(3, leaves.length, pcs.length) * stepY - 16;
  const mid = (bandH - mh) / 2;
  leaves.forEach((id, i) => {
    layout[id] = { x: 0, y: (bandH - leaves.length * stepY + 16) / 2 + i * stepY, w: mw, h: mh };
  });
  if (ids.has('internet')) layout.internet = { x: mw + 130, y: mid, w: mw, h: mh };
  if (ids.has('router')) layout.router = { x: 2 * mw + 230, y: mid, w: mw, h: mh };
  const lanX = 3 * mw + 300;
  if (ids.has(lan)) layout[lan] = { x: lanX, y: (bandH - SIZE.segmentH) / 2, w: SIZE.segmentW, h: SIZE.segmentH };
  pcs.forEach((id, i) => {
    layout[id] = { x: lanX + SIZE.segmentW + 90, y: (bandH - pcs.length * stepY + 16) / 2 + i * stepY, w: mw, h: mh };
  });
  if (ids.has(DOCKER_HOST)) layout[DOCKER_HOST] = { x: 0, y: bandH + 70, w: Math.max(w, lanX + SIZE.segmentW + 40), h };
  for (const n of graph.nodes) {
    const p = pinned[n.id];
    if (p && layout[n.id] && !n.parentId) layout[n.id] = { ...layout[n.id], x: p.x, y: p.y };
  }
  return layout;
}

/** x of the host's eth0 handle, relative to the host box: under the LAN switch. */
export function hostUplinkX(layout: Layout): number {
  const host = layout[DOCKER_HOST];
  const lan = layout[nodeId.segment('lan')];
  if (!host || !lan) return 100;
  return Math.min(Math.max(lan.x + lan.w / 2 - host.x, 40), host.w - 40);
}
