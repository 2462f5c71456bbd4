/**
 * The camera that follows a packet when the whole world is too small to read (several Docker hosts
 * fitted into a laptop's canvas draw cards without text). Pure: PacketLayer asks, React Flow moves.
 */
export type Pt = { x: number; y: number };

export interface View {
  /** React Flow's transform: screen = flow * zoom + (x, y) */
  x: number;
  y: number;
  zoom: number;
  /** the pane's size in screen px */
  w: number;
  h: number;
}

/**
 * Where to centre the view so the marker at `p` (flow coordinates) can be read, or null to stay:
 * below `readable` zoom (no text on the cards) it zooms in to `full`; a marker outside the middle
 * 70% of the pane is brought back to the centre at the same zoom; otherwise the view stays, so a
 * class watching one host is not shaken at every step.
 */
export function followView(
  p: Pt,
  v: View,
  readable: number,
  full: number,
): { x: number; y: number; zoom: number } | null {
  const tooSmall = v.zoom < readable;
  const sx = p.x * v.zoom + v.x;
  const sy = p.y * v.zoom + v.y;
  const off = sx < v.w * 0.15 || sx > v.w * 0.85 || sy < v.h * 0.15 || sy > v.h * 0.85;
  if (!tooSmall && !off) return null;
  return { x: p.x, y: p.y, zoom: tooSmall ? full : v.zoom };
}
