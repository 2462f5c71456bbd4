/**
 * Where a marker sits while a big card (the Docker host's group) handles the packet: by the end of
 * the cable it is at, not on the card's far corner, and clear of every label and card drawn there.
 * Pure: PacketLayer measures, this chooses.
 */
export type Pt = { x: number; y: number };
export type Rect = { x: number; y: number; w: number; h: number };

function hits(c: Pt, r: number, b: Rect): boolean {
  const nx = Math.max(b.x, Math.min(c.x, b.x + b.w));
  const ny = Math.max(b.y, Math.min(c.y, b.y + b.h));
  return Math.hypot(c.x - nx, c.y - ny) < r;
}

/**
 * `end`: where the cable meets the card (`box`); `along(d)`: the cable's point `d` flow units from
 * that end. Tries just inside the card by the end, then along the cable, then sideways inside the
 * card; the first spot whose halo (`rLabel`) covers no label and whose dot (`rCard`) no card wins.
 */
export function markerSpot(
  end: Pt,
  along: (d: number) => Pt,
  box: Rect,
  obstacles: { labels: readonly Rect[]; cards: readonly Rect[] },
  rLabel: number,
  rCard: number,
): Pt {
  const r = rLabel;
  const near = (a: number, b: number) => Math.abs(a - b) < r;
  // on a border the spot steps inside; an end already inside (a handle under a header) stays
  const inward: Pt = near(end.y, box.y)
    ? { x: 0, y: 1 }
    : near(end.y, box.y + box.h)
      ? { x: 0, y: -1 }
      : near(end.x, box.x)
        ? { x: 1, y: 0 }
        : near(end.x, box.x + box.w)
          ? { x: -1, y: 0 }
          : { x: 0, y: 0 };
  const inside = { x: end.x + inward.x * (r + 2), y: end.y + inward.y * (r + 2) };
  const tries: Pt[] = [inside];
  for (let d = r / 3; d <= 12 * r; d += r / 3) tries.push(along(d));
  for (let k = 1; k <= 10; k++) {
    const dx = inward.x === 0 ? k * r : 0;
    const dy = inward.x === 0 ? 0 : k * r;
    tries.push({ x: inside.x + dx, y: inside.y + dy }, { x: inside.x - dx, y: inside.y - dy });
  }
  const free = (c: Pt) =>
    !obstacles.labels.some((b) => hits(c, rLabel, b)) && !obstacles.cards.some((b) => hits(c, rCard, b));
  return tries.find(free) ?? inside;
}
