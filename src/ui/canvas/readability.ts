/**
 * Semantic zoom for the back row: what the canvas shows at a zoom so that no text renders smaller
 * on screen than a floor (10 px on a laptop, 14 px in presenter mode, more with larger labels).
 *
 * - `full`: every line of every card; its smallest text is {@link FULL_MIN_EM} of the node font.
 * - `compact`: the lines a class reads from afar (names, addresses, published ports) in type
 *   {@link COMPACT_MAX_EM} of the node font; MACs, images, veth names and captions hide.
 *   The layout is sized for `full`, and the compact lines take less room than the full ones, so a
 *   card never grows.
 * - `none`: even compact type would be below the floor (a very large world zoomed out): text hides,
 *   the cards and cables stay as a map.
 */
export type Detail = 'full' | 'compact' | 'none';

/** The smallest text of a full card (app.css: MACs, published ports, edge labels), in node ems. */
export const FULL_MIN_EM = 0.86;
/** The most compact type can grow before a seed name ("yellowColorApp") no longer fits a card. */
export const COMPACT_MAX_EM = 1.55;

/** On-screen px floor for canvas text: presenter mode is read from the back of a room. */
export function floorPx(presenter: boolean, large: boolean): number {
  if (presenter) return large ? 18 : 14;
  return large ? 13 : 10;
}

export interface Readability {
  detail: Detail;
  /** compact type size in node ems (1 when full) */
  em: number;
}

/**
 * The detail level for `zoom` with node text of `font` px and a floor of `floor` px on screen.
 */
export function readability(zoom: number, font: number, floor: number): Readability {
  if (font * FULL_MIN_EM * zoom >= floor) return { detail: 'full', em: 1 };
  const need = floor / (font * zoom);
  if (need > COMPACT_MAX_EM) return { detail: 'none', em: COMPACT_MAX_EM };
  // as large as the cards hold: the point of compact detail is reading from the back
  return { detail: 'compact', em: COMPACT_MAX_EM };
}
