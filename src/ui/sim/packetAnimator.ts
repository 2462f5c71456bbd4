import { PROTO_COLOURS } from './protoColours';
import { isReversed, type StepPlan } from './stepPlan';

type Point = { x: number; y: number };

/** Where things are on the canvas, in flow coordinates. Backed by React Flow's store and DOM. */
export interface CanvasGeometry {
  nodeCentre(id: string): Point | null;
  /** where a marker sits while the packet is handled inside a node: its top-right corner, clear of the label */
  nodeBadge(id: string): Point | null;
  /**
   * For a card that holds others (the Docker host): where the packet is while handled there, by the
   * end of cable `link`, its halo (`r.label`) off labels and its dot (`r.card`) off cards. Null: use
   * `nodeBadge`.
   */
  nodeSpot?(id: string, link: string, r: { label: number; card: number }): Point | null;
  /** the edge's end nodes */
  edgeEnds(id: string): { source: string; target: string } | null;
  /**
   * The drawn edge a trace link travels: itself, or for a cable between two machines (drawn once,
   * named after one end's interface) the edge whose other end is `if:<machine>:<ifname>`.
   */
  edgeOf?(link: string): string | null;
  /** the drawn path of an edge, when it is in the DOM */
  edgePath(id: string): SVGPathElement | null;
  /** forget cached lookups: called once per step, as the graph may have changed in between */
  refresh?(): void;
  /** the canvas zoom (1 = 100%), so markers can keep a legible size when zoomed out */
  zoom(): number;
  /** ids of edges touching a node, with the node at their other end */
  edgesOf(nodeId: string): { id: string; other: string }[];
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * One way along an edge: the drawn curve when there is one, else a straight line between centres.
 * `straight` trades the curve for a line between the path's ends: a flood on a bridge with
 * hundreds of ports then costs no path sampling per frame.
 */
function track(geo: CanvasGeometry, edge: string, reversed: boolean, straight = false): ((t: number) => Point) | null {
  const path = geo.edgePath(edge);
  if (path) {
    const len = path.getTotalLength();
    if (straight) {
      const a = path.getPointAtLength(0);
      const b = path.getPointAtLength(len);
      const [p, q] = reversed ? [b, a] : [a, b];
      return (t) => ({ x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t });
    }
    return (t) => {
      const p = path.getPointAtLength((reversed ? 1 - t : t) * len);
      return { x: p.x, y: p.y };
    };
  }
  const ends = geo.edgeEnds(edge);
  const a = ends && geo.nodeCentre(ends.source);
  const b = ends && geo.nodeCentre(ends.target);
  if (!a || !b) return null;
  const [p, q] = reversed ? [b, a] : [a, b];
  return (t) => ({ x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t });
}

/** The part of a track a step covers: all of it, or one half of a cable between two machines. */
function halfOf(tr: (t: number) => Point, half: 'first' | 'second' | undefined): (t: number) => Point {
  if (half === 'first') return (t) => tr(t / 2);
  if (half === 'second') return (t) => tr(0.5 + t / 2);
  return tr;
}

/** The screen boxes of the words on the canvas's cards (each text node's, so `eth0 8.8.8.8` is two). */
function cardTextBoxes(root: ParentNode): DOMRect[] {
  const out: DOMRect[] = [];
  const range = document.createRange();
  for (const card of root.querySelectorAll('.react-flow__node')) {
    const walk = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (!n.textContent?.trim()) continue;
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width > 0) out.push(r);
    }
  }
  return out;
}

/** An HTML box holding a little SVG drawn around the box's centre (overflow shows). */
function box(cls: string, testId: string, size: number): { el: HTMLDivElement; svg: SVGSVGElement } {
  const el = document.createElement('div');
  el.className = cls;
  el.setAttribute('data-testid', testId);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `${-size / 2} ${-size / 2} ${size} ${size}`);
  el.append(svg);
  return { el, svg };
}

/**
 * Draws packet markers into an HTML layer inside React Flow's viewport. Each marker is its own
 * composited box moved by a CSS transform, so a frame costs no repaint of the canvas under it
 * (changing an SVG attribute made Chromium repaint the whole viewport layer every frame).
 * No React render per frame. One instance per PacketLayer; `show` replaces whatever was on screen.
 */
export class PacketAnimator {
  private markers: HTMLDivElement[] = [];
  private dropMark: HTMLDivElement;
  private dropText: SVGTextElement;
  /** a pill behind the reason: cables and labels crossing the text read as strike-through */
  private dropBack: SVGRectElement;
  private tracks: ((t: number) => Point)[] = [];
  private pulse = false;

  constructor(
    private layer: HTMLElement,
    private geo: CanvasGeometry,
  ) {
    const drop = box('sim-drop', 'packet-drop', 40);
    this.dropMark = drop.el;
    const cross = document.createElementNS(SVG, 'text');
    cross.setAttribute('class', 'sim-drop__x');
    cross.setAttribute('text-anchor', 'middle');
    cross.setAttribute('dominant-baseline', 'central');
    cross.textContent = '✕';
    this.dropText = document.createElementNS(SVG, 'text');
    this.dropText.setAttribute('class', 'sim-drop__reason');
    this.dropText.setAttribute('text-anchor', 'middle');
    this.dropText.setAttribute('y', '-26');
    this.dropBack = document.createElementNS(SVG, 'rect');
    this.dropBack.setAttribute('class', 'sim-drop__back');
    this.dropBack.setAttribute('rx', '4');
    drop.svg.append(cross, this.dropBack, this.dropText);
    this.dropMark.style.display = 'none';
    layer.append(this.dropMark);
  }

  private marker(i: number): HTMLDivElement {
    while (this.markers.length <= i) {
      const { el, svg } = box('sim-marker', 'packet-marker', 32);
      const halo = document.createElementNS(SVG, 'circle');
      halo.setAttribute('class', 'sim-marker__halo');
      halo.setAttribute('r', '16');
      const dot = document.createElementNS(SVG, 'circle');
      dot.setAttribute('class', 'sim-marker__dot');
      dot.setAttribute('r', '9');
      svg.append(halo, dot);
      this.layer.append(el);
      this.markers.push(el);
    }
    return this.markers[i];
  }

  /** Prepares the markers for a step; `dropReason` labels the ✕ of a drop. */
  show(plan: StepPlan | null, stepIndex: number, dropReason = ''): void {
    this.geo.refresh?.();
    this.tracks = [];
    this.pulse = false;
    this.dropMark.style.display = 'none';
    if (plan?.kind === 'move') {
      const edge = this.geo.edgeOf?.(plan.link) ?? plan.link;
      const ends = this.geo.edgeEnds(edge);
      const tr = ends && track(this.geo, edge, isReversed(plan, ends.source, ends.target));
      if (tr) this.tracks.push(halfOf(tr, plan.half));
    } else if (plan?.kind === 'flood') {
      const edges = this.geo.edgesOf(plan.node).filter((e) => e.id !== plan.except);
      const straight = edges.length > 24;
      for (const e of edges) {
        const ends = this.geo.edgeEnds(e.id);
        const tr = ends && track(this.geo, e.id, ends.target === plan.node, straight);
        if (tr) this.tracks.push(tr);
      }
    } else if (plan?.kind === 'at') {
      // the marker's size in flow units (kept at least 100% on screen); the dot pulses to 1.25x
      const z = Math.max(1, 1 / Math.max(0.05, this.geo.zoom()));
      // clear of labels by the dot's radius with its stroke in presenter mode (r 13 + 2), the largest
      const r = { label: 15 * z, card: 11 * z };
      const c = (plan.via ? this.geo.nodeSpot?.(plan.node, plan.via, r) : null) ?? this.geo.nodeBadge(plan.node);
      if (c) this.tracks.push(() => c);
      this.pulse = !plan.drop;
      if (plan.drop && c) {
        const z = Math.max(1, 1 / Math.max(0.05, this.geo.zoom()));
        this.dropMark.style.transform = `translate3d(${c.x}px, ${c.y}px, 0) scale(${z})`;
        this.dropMark.style.display = '';
        this.layer.append(this.dropMark); // above the markers
        this.setDropReason(dropReason);
      }
    }
    const colour = plan ? PROTO_COLOURS[plan.proto] : '';
    this.markers.forEach((m, i) => {
      m.style.display = i < this.tracks.length ? '' : 'none';
    });
    this.tracks.forEach((_, i) => {
      const m = this.marker(i);
      m.style.display = '';
      m.style.setProperty('--sim-colour', colour);
      m.setAttribute('data-step', String(stepIndex));
      m.setAttribute('data-proto', plan?.proto ?? '');
    });
    this.frame(0);
  }

  /** Relabels a drop on screen (the language changed while it shows). */
  setDropReason(text: string): void {
    this.dropText.textContent = text;
    if (text && this.dropMark.style.display !== 'none') this.placeDropReason();
    // sized to the text once it is laid out (the mark is displayed by then)
    const b = text && this.dropMark.style.display !== 'none' ? this.dropText.getBBox() : null;
    this.dropBack.style.display = b ? '' : 'none';
    if (!b) return;
    this.dropBack.setAttribute('x', String(b.x - 6));
    this.dropBack.setAttribute('y', String(b.y - 3));
    this.dropBack.setAttribute('width', String(b.width + 12));
    this.dropBack.setAttribute('height', String(b.height + 6));
  }

  /**
   * Puts the reason above, below, right or left of the ✕, wherever it covers the least text of the
   * cards around (above when it covers none): above a card in the top row it hid the addresses of
   * the cards over it.
   */
  private placeDropReason(): void {
    const flow = this.layer.closest('.react-flow');
    if (!flow) return;
    const texts = cardTextBoxes(flow);
    const covered = () => {
      // the pill around the text (setDropReason: 6 and 3 units) and a little air
      const t = this.dropText.getBoundingClientRect();
      const [px, py] = [8 * (t.height / 15), 5 * (t.height / 15)];
      let area = 0;
      for (const r of texts) {
        const w = Math.min(t.right + px, r.right) - Math.max(t.left - px, r.left);
        const h = Math.min(t.bottom + py, r.bottom) - Math.max(t.top - py, r.top);
        if (w > 0 && h > 0) area += w * h;
      }
      return area;
    };
    // nearest first: over the ✕, under it, beside it, then a row further out (under its card)
    const spots: [string, string, string][] = [
      ['0', '-26', 'middle'],
      ['0', '36', 'middle'],
      ['24', '5', 'start'],
      ['-24', '5', 'end'],
      ['0', '56', 'middle'],
      ['0', '76', 'middle'],
      ['-24', '56', 'end'],
      ['24', '56', 'start'],
      ['0', '-46', 'middle'],
    ];
    let best = spots[0];
    let least = Number.POSITIVE_INFINITY;
    for (const spot of spots) {
      this.place(spot);
      const area = covered();
      if (area < least - 1) [best, least] = [spot, area];
      if (area === 0) break;
    }
    this.place(best);
  }

  private place([x, y, anchor]: [string, string, string]): void {
    this.dropText.setAttribute('x', x);
    this.dropText.setAttribute('y', y);
    this.dropText.setAttribute('text-anchor', anchor);
  }

  /** Places the markers at progress `t` (0…1) through the step. */
  frame(t: number): void {
    // never smaller on screen than at 100%: a whole-topology view is zoomed far out
    const z = Math.max(1, 1 / Math.max(0.05, this.geo.zoom()));
    const scale = z * (this.pulse ? 1 + 0.25 * Math.sin(Math.PI * Math.min(1, t * 2)) : 1);
    for (let i = 0; i < this.tracks.length; i++) {
      const p = this.tracks[i](t);
      const m = this.markers[i];
      // a pure translation per frame lets Chromium update the layer's transform directly; the
      // scale sits on the inner SVG and changes only with the zoom or during a pulse
      m.style.transform = `translate3d(${p.x}px, ${p.y}px, 0)`;
      const svg = m.firstElementChild as SVGSVGElement;
      const s = `scale(${scale})`;
      if (svg.style.transform !== s) svg.style.transform = s;
    }
  }

  /** Where the (first) marker is halfway through the step, in flow coordinates; null when none shows. */
  focus(): Point | null {
    return this.tracks[0]?.(0.5) ?? null;
  }

  /** Hides everything (no trace). */
  clear(): void {
    this.show(null, -1);
  }
}
