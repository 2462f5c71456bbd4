import { DOCKER_HOST, nodeId } from '../../sim/ids';
import type { ContainerData, Graph, GraphNode, NetworkData } from '../../store/graph';
import { containerHeight, type Metrics, NORMAL, networkHeight } from './metrics';

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

/** Normal-mode sizes (kept under this name for Arrange, which works in normal units). */
export const SIZE = NORMAL;

export { containerHeight };

/** Columns of the container grid under one network: one row for a few, a near-square grid for many. */
export function gridColumns(n: number): number {
  if (n <= 5) return Math.max(1, n);
  // two rows (laid like bricks) up to ten
  if (n <= 10) return Math.ceil(n / 2);
  // cards are wider than tall; 0.45 keeps a network's grid a little taller than wide, so several
  // networks side by side still make a 16:9-ish host box
  return Math.max(5, Math.ceil(Math.sqrt(n * 0.45)));
}

/** The Docker hosts drawn as boxes (the first one always first). */
export function hostIds(graph: Graph): string[] {
  return graph.nodes.filter((n) => n.data.kind === 'host').map((n) => n.id);
}

function hostInterior(graph: Graph, layout: Layout, m: Metrics, host: string): { w: number; h: number } {
  const nets = graph.nodes.filter((n) => n.parentId === host && n.data.kind === 'network');
  const ctrs = graph.nodes.filter((n) => n.parentId === host && n.data.kind === 'container');
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
  let x = m.pad;
  let maxH = 0;
  const top = m.hostHeader + 36;
  // every bridge card gets the height of the tallest, so the row of networks reads as one line
  const netH = Math.max(0, ...nets.map((n) => networkHeight(n.data as NetworkData, m)));
  // networks without a bridge (host, none) and nobody on them share one column, stacked: they
  // are reference cards, and a column each would make the host box wide for nothing
  const quiet = (n: GraphNode) =>
    n.data.kind === 'network' && !n.data.bridge && (byColumn.get(n.id)?.length ?? 0) === 0;
  const stacked = nets.filter(quiet);
  let stackX: number | null = null;
  for (const net of nets) {
    if (stacked.length > 1 && quiet(net)) {
      const i = stacked.indexOf(net);
      if (i === 0) {
        stackX = x;
        x += m.networkW + m.colGap;
      }
      const y = top + i * (netH + m.gapX);
      layout[net.id] = { x: stackX ?? x, y, w: m.networkW, h: netH };
      maxH = Math.max(maxH, y + netH);
      continue;
    }
    const list = byColumn.get(net.id) ?? [];
    const cols = gridColumns(list.length);
    const step = m.containerW + m.gapX;
    // two rows are laid like bricks: the second row sits half a card to the right, so its cables
    // drop through the gaps of the first row instead of behind its cards
    const brick = list.length > cols && list.length <= 2 * cols ? step / 2 : 0;
    const gridW = list.length
      ? Math.max(cols * step - m.gapX, brick ? brick + (list.length - cols) * step - m.gapX : 0)
      : 0;
    const colW = Math.max(m.networkW, gridW);
    layout[net.id] = { x: x + (colW - m.networkW) / 2, y: top, w: m.networkW, h: netH };
    let y = top + netH + m.gapY;
    for (let r = 0; r * cols < list.length; r++) {
      const row = list.slice(r * cols, r * cols + cols);
      const rowW = row.length * step - m.gapX;
      let cx = brick ? x + (colW - gridW) / 2 + r * brick : x + (colW - rowW) / 2;
      let rowH = 0;
      for (const c of row) {
        const h = containerHeight(c.data as ContainerData, m);
        layout[c.id] = { x: cx, y, w: m.containerW, h };
        cx += step;
        rowH = Math.max(rowH, h);
      }
      y += rowH + m.gapY;
    }
    maxH = Math.max(maxH, y - m.gapY);
    x += colW + m.colGap;
  }
  return { w: x - m.colGap + m.pad, h: maxH + m.pad };
}

/**
 * Computes every node's box; `pinned` positions (relative to the parent, in normal-mode units)
 * override computed ones. `m` picks the display mode's sizes (presenter: larger).
 */
export function layoutGraph(
  graph: Graph,
  pinned: Record<string, { x: number; y: number }>,
  m: Metrics = NORMAL,
): Layout {
  const layout: Layout = {};
  const pin = (id: string) => {
    const p = pinned[id];
    return p && { x: p.x * m.scale, y: p.y * m.scale };
  };
  const hosts = hostIds(graph);
  const sizes = hosts.map((host) => {
    const inner = hostInterior(graph, layout, m, host);
    // the host box grows to hold children a person moved
    let w = inner.w;
    let h = inner.h;
    for (const n of graph.nodes) {
      if (n.parentId !== host || !layout[n.id]) continue;
      const p = pin(n.id);
      if (p) layout[n.id] = { ...layout[n.id], ...p };
      w = Math.max(w, layout[n.id].x + layout[n.id].w + m.pad);
      h = Math.max(h, layout[n.id].y + layout[n.id].h + m.pad);
    }
    return { w: Math.max(w, 560 * m.scale), h };
  });

  // outside the host, a band above it read left to right: internet hosts, the internet core,
  // the home router, the LAN switch with the PCs; the host hangs below the switch
  const ids = new Set(graph.nodes.map((n) => n.id));
  const lan = nodeId.segment('lan');
  const known = new Set([...hosts, 'internet', 'router', lan]);
  const machineIds = graph.nodes.filter((n) => n.data.kind === 'machine').map((n) => n.id);
  // a PC that runs a Docker host inside it (Docker Desktop's VM) sits last, right above its host
  const runsHost = (id: string) => hosts.some((h) => uplinkPeer(graph, h) === id);
  const pcs = graph.nodes
    .filter((n) => n.data.kind === 'machine' && n.data.role === 'pc')
    .map((n) => n.id)
    .sort((a, b) => Number(runsHost(a)) - Number(runsHost(b)));
  const leaves = machineIds.filter((id) => !known.has(id) && !pcs.includes(id));
  const { machineW: mw, machineH: mh } = m;
  const [g1, g2, g3, g4] = m.band;
  const stepY = mh + 16;
  let lanX: number;
  let bandH: number;
  if (m.leavesAbove) {
    const rowY = mh + 40;
    bandH = Math.max(rowY + mh, pcs.length * stepY - 16);
    const ix = (Math.max(3, leaves.length) * (mw + m.gapX) - m.gapX - mw) / 2;
    leaves.forEach((id, i) => {
      layout[id] = { x: ix + (i - (leaves.length - 1) / 2) * (mw + m.gapX), y: 0, w: mw, h: mh };
    });
    if (ids.has('internet')) layout.internet = { x: ix, y: rowY, w: mw, h: mh };
    if (ids.has('router')) layout.router = { x: ix + mw + g2, y: rowY, w: mw, h: mh };
    lanX = ix + 2 * mw + g2 + g3;
    if (ids.has(lan)) layout[lan] = { x: lanX, y: rowY + (mh - m.segmentH) / 2, w: m.segmentW, h: m.segmentH };
  } else {
    bandH = Math.max(3, leaves.length, pcs.length) * stepY - 16;
    const mid = (bandH - mh) / 2;
    leaves.forEach((id, i) => {
      layout[id] = { x: 0, y: (bandH - leaves.length * stepY + 16) / 2 + i * stepY, w: mw, h: mh };
    });
    if (ids.has('internet')) layout.internet = { x: mw + g1, y: mid, w: mw, h: mh };
    if (ids.has('router')) layout.router = { x: 2 * mw + g1 + g2, y: mid, w: mw, h: mh };
    lanX = 3 * mw + g1 + g2 + g3;
    if (ids.has(lan)) layout[lan] = { x: lanX, y: (bandH - m.segmentH) / 2, w: m.segmentW, h: m.segmentH };
  }
  pcs.forEach((id, i) => {
    layout[id] = { x: lanX + m.segmentW + g4, y: (bandH - pcs.length * stepY + 16) / 2 + i * stepY, w: mw, h: mh };
  });
  // hosts side by side under the LAN, the first one at the left edge as with one host
  let hx = 0;
  hosts.forEach((host, i) => {
    const { w, h } = sizes[i];
    // one host spans the band above it; several share it, none stretched (a wide first host
    // made a two-host world 2,000 px wide, fitted at 1280x720 below the compact-text floor)
    const peer = uplinkPeer(graph, host);
    const reach = peer && layout[peer] ? layout[peer].x + layout[peer].w / 2 + 40 : lanX + m.segmentW + 40;
    const hw = hosts.length === 1 ? Math.max(w, reach) : w;
    layout[host] = { x: hx, y: bandH + m.bandToHost, w: hw, h };
    hx += hw + m.colGap * 2;
  });
  for (const n of graph.nodes) {
    const p = pin(n.id);
    if (p && layout[n.id] && !n.parentId) layout[n.id] = { ...layout[n.id], ...p };
  }
  return layout;
}

/**
 * The machine a host's eth0 is cabled to when that is not the LAN switch: the PC whose Docker
 * Desktop VM it is (src/sim/desktop.ts). Undefined for a host on the LAN.
 */
export function uplinkPeer(graph: Graph, hostId: string): string | undefined {
  const e = graph.edges.find((x) => x.kind === 'iface' && (x.source === hostId || x.target === hostId));
  if (!e) return undefined;
  const other = e.source === hostId ? e.target : e.source;
  return other === nodeId.segment('lan') ? undefined : other;
}

/** x of a host's eth0 handle, relative to its box: under the LAN switch or the PC it is cabled to (or its left part when further right). */
export function hostUplinkX(layout: Layout, hostId: string = DOCKER_HOST, peer?: string): number {
  const host = layout[hostId];
  const lan = layout[peer ?? nodeId.segment('lan')];
  if (!host || !lan) return 100;
  return Math.min(Math.max(lan.x + lan.w / 2 - host.x, 40), host.w - 40);
}
