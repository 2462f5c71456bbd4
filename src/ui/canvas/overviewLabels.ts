import type { Graph } from '../../store/graph';
import type { HostsOverview } from '../../store/hostsOverview';
import type { Box, Layout } from './layout';

/**
 * Where the hosts overview (HostsOverview.tsx) puts its text, in flow coordinates, for a zoom at
 * which no card's text is readable (readability.ts `none`). Sizes are the room's floor divided by
 * the zoom, so on screen they are the floor or more whatever the zoom. Each Docker host gets a
 * summary card under its row of networks (the VXLAN lanes above them stay in sight); each other
 * machine a name-and-address tag on its card or beside it, wherever it covers no other tag and the
 * fewest cards. A machine off the LAN whose tag fits nowhere keeps only its name, or nothing.
 * Pure: no DOM.
 */

/** Type sizes in floors: the host's name, its address, the counts line; a machine's name and address. */
export const OVERVIEW_EM = { hostName: 1.3, hostIp: 1.1, hostMeta: 1, machineName: 1.1, machineIp: 1 } as const;

/** An `over` tag in floors (readability.css .ov-over): one line of 1.1, padding 0.05 and 0.2, a 0.08 border. */
const OVER = { lineH: 1.1, padY: 0.05, padX: 0.2, border: 0.08, gap: 0.4 } as const;

// bold sans is estimated wide on purpose (metrics.ts); addresses are monospace
const BOLD = 0.66;
const MONO = 0.61;

/** A host card's height in floors (readability.css .ov-host: four lines, the button, the padding). */
export const HOST_CARD_H = 6.8;

export interface HostCardPlace {
  id: string;
  /** centre of the card's top edge */
  x: number;
  y: number;
  /** the room the card takes, estimated (CSS sizes it to its text): no machine's tag goes there */
  box: Box;
}

/** Width of the counts line in floors ("3 containers · 6 networks", "컨테이너 3개 · 네트워크 6개"). */
const META_W = 13.5;

export interface MachineTagPlace {
  id: string;
  box: Box;
  /**
   * name and address side by side (beside the card), one above the other (on or over it), or side
   * by side in tight type right on the card (`over`: where two cards sit closer than a stacked tag is
   * high, as pc1 and pc2 on a tablet, each card's tag still covers its own card, not a blank sliver of it)
   */
  layout: 'row' | 'stack' | 'over';
  showIp: boolean;
}

export interface OverviewPlaces {
  /** flow px of one floor at this zoom */
  unit: number;
  hosts: HostCardPlace[];
  machines: MachineTagPlace[];
}

function absolute(graph: Graph, layout: Layout, id: string): Box | null {
  const n = graph.nodes.find((x) => x.id === id);
  const b = layout[id];
  if (!n || !b) return null;
  const p = n.parentId ? layout[n.parentId] : undefined;
  return { x: b.x + (p?.x ?? 0), y: b.y + (p?.y ?? 0), w: b.w, h: b.h };
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Area of `a` outside `area`. */
function outside(a: Box, area: Box): number {
  return a.w * a.h - overlap(a, area);
}

/**
 * Places the overview's text for `zoom` and a floor of `floor` px. The zoom should not be larger
 * than the real one (round it down), so the text is at least the floor on screen.
 */
export function placeOverview(
  graph: Graph,
  layout: Layout,
  overview: HostsOverview,
  zoom: number,
  floor: number,
): OverviewPlaces {
  const u = floor / zoom;
  const top = graph.nodes.filter((n) => !n.parentId);
  const boxes = new Map<string, Box>();
  for (const n of top) {
    const b = layout[n.id];
    if (b) boxes.set(n.id, b);
  }
  const hosts: HostCardPlace[] = [];
  for (const h of overview.hosts) {
    const b = boxes.get(h.id);
    if (!b) continue;
    // under the host's row of network cards, or as low as the box lets it; never over the VXLAN
    // lanes above that row
    let netTop = Number.POSITIVE_INFINITY;
    let netBottom = b.y;
    for (const n of graph.nodes)
      if (n.parentId === h.id && n.data.kind === 'network') {
        const nb = absolute(graph, layout, n.id);
        if (!nb) continue;
        netTop = Math.min(netTop, nb.y);
        netBottom = Math.max(netBottom, nb.y + nb.h);
      }
    const lowest = b.y + b.h - HOST_CARD_H * u - 0.2 * u;
    const y = Math.min(netBottom + 0.5 * u, lowest);
    const cardTop = Number.isFinite(netTop) ? Math.max(netTop, y) : y;
    const w =
      (Math.max(
        h.name.length * BOLD * OVERVIEW_EM.hostName,
        (h.ip?.length ?? 0) * MONO * OVERVIEW_EM.hostIp,
        META_W * OVERVIEW_EM.hostMeta,
      ) +
        1.5) *
      u;
    const x = b.x + b.w / 2;
    hosts.push({ id: h.id, x, y: cardTop, box: { x: x - w / 2, y: cardTop, w, h: HOST_CARD_H * u } });
  }

  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const b of boxes.values()) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w);
    y1 = Math.max(y1, b.y + b.h);
  }
  // a tag may stick out of the drawing by a floor: the fit leaves that much room and more
  const area = { x: x0 - u, y: y0 - u, w: x1 - x0 + 2 * u, h: y1 - y0 + 2 * u };

  const pad = 0.15 * u;
  const gap = 0.3 * u;
  const lineH = 1.25;
  // a host's summary card is as untouchable as another tag
  const placed: Box[] = hosts.map((h) => h.box);
  const machines: MachineTagPlace[] = [];
  for (const m of overview.machines) {
    const b = boxes.get(m.id);
    if (!b) continue;
    const nameW = m.name.length * BOLD * OVERVIEW_EM.machineName * u;
    const ipW = m.ip ? m.ip.length * MONO * OVERVIEW_EM.machineIp * u : 0;
    const rowH = OVERVIEW_EM.machineName * lineH * u + 2 * pad;
    const stackH = rowH + (m.ip ? OVERVIEW_EM.machineIp * lineH * u : 0);
    const cx = b.x + b.w / 2;
    const cy = b.y + b.h / 2;
    const candidates: Omit<MachineTagPlace, 'id'>[] = [];
    for (const showIp of m.ip && !m.lan ? [true, false] : [!!m.ip]) {
      const rowW = nameW + (showIp ? 0.5 * u + ipW : 0) + 2 * pad;
      const stackW = Math.max(nameW, showIp ? ipW : 0) + 2 * pad;
      const sH = showIp ? stackH : rowH;
      const overW = m.name.length * BOLD * u + (showIp ? OVER.gap * u + ipW : 0) + 2 * (OVER.padX + OVER.border) * u;
      const overH = (OVER.lineH + 2 * (OVER.padY + OVER.border)) * u;
      candidates.push(
        { layout: 'stack', showIp, box: { x: cx - stackW / 2, y: cy - sH / 2, w: stackW, h: sH } },
        // centred on the card, or from its left or right edge when that keeps another card (the LAN
        // switch beside the PCs) in sight
        ...[cx - overW / 2, b.x, b.x + b.w - overW].map((x) => ({
          layout: 'over' as const,
          showIp,
          box: { x, y: cy - overH / 2, w: overW, h: overH },
        })),
        { layout: 'row', showIp, box: { x: b.x + b.w + gap, y: cy - rowH / 2, w: rowW, h: rowH } },
        { layout: 'row', showIp, box: { x: b.x - gap - rowW, y: cy - rowH / 2, w: rowW, h: rowH } },
        { layout: 'stack', showIp, box: { x: cx - stackW / 2, y: b.y - gap - sH, w: stackW, h: sH } },
        { layout: 'stack', showIp, box: { x: cx - stackW / 2, y: b.y + b.h + gap, w: stackW, h: sH } },
      );
    }
    // above or under the card, nudged clear of a tag already placed (the router's, beside the
    // internet core on a tablet), while still mostly over or under its own card
    for (const c of candidates.slice())
      if (c.layout === 'stack' && (c.box.y + c.box.h <= b.y || c.box.y >= b.y + b.h))
        for (const p of placed) {
          if (overlap(c.box, p) === 0) continue;
          for (const x of [p.x - c.box.w, p.x + p.w]) {
            const across = Math.min(x + c.box.w, b.x + b.w) - Math.max(x, b.x);
            if (across >= Math.min(b.w, c.box.w) / 2) candidates.push({ ...c, box: { ...c.box, x } });
          }
        }
    const hostIds = new Set(overview.hosts.map((h) => h.id));
    // another tag or a host's summary is never covered; blank cards (and the world's edge) as little as can be
    const cost = (c: Omit<MachineTagPlace, 'id'>) => {
      let tags = 0;
      for (const p of placed) tags += overlap(c.box, p);
      let cards = outside(c.box, area);
      let hostBox = 0;
      for (const [id, o] of boxes)
        if (id !== m.id) {
          cards += overlap(c.box, o);
          if (hostIds.has(id)) hostBox += overlap(c.box, o);
        }
      return { tags, cards, hostBox };
    };
    const scored = candidates.map((c) => ({ c, ...cost(c) }));
    const free = scored.filter((x) => x.tags === 0);
    // in order of preference: the first that covers nothing, else the one covering the least card
    // (a LAN machine is always tagged, even over another tag: its address is what the lesson needs)
    const least = (xs: typeof scored) =>
      xs.reduce<(typeof scored)[number] | null>(
        (a, x) => (!a || x.tags < a.tags || (x.tags === a.tags && x.cards < a.cards) ? x : a),
        null,
      );
    // (a box's area minus its overlap leaves float dust: a tag right on its card "covers" 1e-10 of it)
    const dust = 1e-6 * u * u;
    // a tag on, over or under its own card before one beside it, which reads as the neighbour's: the
    // internet core's tag sat left of it on a tablet; covering a host box's blank top strip is fine
    const own = (x: (typeof scored)[number]) => x.c.layout !== 'row';
    const best =
      free.find((x) => own(x) && x.cards < dust) ??
      free.find((x) => own(x) && x.cards - x.hostBox < dust) ??
      free.find((x) => x.cards < dust) ??
      least(free) ??
      (m.lan ? least(scored) : null);
    if (!best) continue;
    placed.push(best.c.box);
    machines.push({ id: m.id, ...best.c });
  }
  return { unit: u, hosts, machines };
}
