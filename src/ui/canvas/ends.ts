import type { Box } from './layout';

/** One cable entering a card from above or below, before its end on the card is chosen. */
export interface Entering {
  edge: string;
  /** the card it enters */
  node: string;
  side: 'top' | 'bottom';
  /** the x of its other end (absolute), which orders the ends so cables do not cross */
  fromX: number;
  /** its full label and the short one (the container-side interface name) */
  label: string;
  short: string;
}

/** Where one cable ends on its card and how its label is drawn there. */
export interface End {
  /** the card's handle id (`top-1`) */
  handle: string;
  /** draw the short label (the full ones would overlap their neighbours') */
  short: boolean;
  /** 0 just outside the card, 1 one label further out: neighbours' labels alternate rows when even short ones crowd */
  row: number;
}

/** The label's advance per character in node font px (app.css: 0.86 em monospace, 0.61 em a glyph) and its padding. */
const CHAR = 0.86 * 0.61;
const PAD = 14;
const labelW = (text: string, font: number) => text.length * CHAR * font + PAD;

/**
 * Spreads the cables that enter one side of a card over that side, one handle each, ordered by
 * where the cable comes from (left to right), so a container on three networks shows three ends
 * with three labels side by side instead of one pile. A label keeps its full text when every full
 * label of that side fits its slot (the card's width ÷ the cables), else shows the interface name;
 * when even those crowd, every other one moves one row further out. A side with one cable keeps
 * the card's plain `top` / `bottom` handle.
 *
 * @example spreadEnds([{edge:'a',node:'c',side:'top',fromX:0,…},{edge:'b',node:'c',side:'top',fromX:900,…}], boxes, 14)
 *   // a → top-0 (the left half), b → top-1; both short if "eth0 ↔ veth…" is wider than half the card
 */
export function spreadEnds(
  entering: Entering[],
  boxOf: (id: string) => Box,
  font: number,
): { ends: Map<string, End>; counts: Map<string, [number, number]> } {
  const groups = new Map<string, Entering[]>();
  for (const e of entering) {
    const key = `${e.node}\u0000${e.side}`;
    const g = groups.get(key);
    if (g) g.push(e);
    else groups.set(key, [e]);
  }
  const ends = new Map<string, End>();
  const counts = new Map<string, [number, number]>();
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const { node, side } = g[0];
    g.sort((a, b) => a.fromX - b.fromX || (a.edge < b.edge ? -1 : 1));
    const slot = boxOf(node).w / g.length;
    const fits = (texts: string[], room: number) => texts.every((t) => labelW(t, font) <= room - 4);
    const full = fits(
      g.map((e) => e.label),
      slot,
    );
    const stagger =
      !full &&
      !fits(
        g.map((e) => e.short),
        slot,
      );
    g.forEach((e, i) => {
      ends.set(e.edge, { handle: `${side}-${i}`, short: !full, row: stagger ? i % 2 : 0 });
    });
    const c = counts.get(node) ?? [0, 0];
    c[side === 'top' ? 0 : 1] = g.length;
    counts.set(node, c);
  }
  return { ends, counts };
}

/** The x of handle `i` of `n` along a side, as a share of the card's width (the middle of its slot). */
export const endAt = (i: number, n: number) => (i + 0.5) / n;
