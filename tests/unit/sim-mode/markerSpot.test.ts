import { describe, expect, it } from 'vitest';
import { markerSpot } from '../../../src/ui/sim/markerSpot';

// the Docker host's group, eth0's cable coming down onto its top border at x=900
const box = { x: 0, y: 300, w: 1000, h: 400 };
const down = (d: number) => ({ x: 900, y: 300 - d });

describe('marker spot inside a big card', () => {
  it('sits just inside the border under the cable, its label above left alone', () => {
    const eth0 = { x: 880, y: 282, w: 40, h: 16 };
    expect(markerSpot({ x: 900, y: 300 }, down, box, { labels: [eth0], cards: [] }, 13, 11)).toEqual({
      x: 900,
      y: 315,
    });
  });

  it('moves along the cable past a label it would cover', () => {
    // a header text right under the cable's end: inside is taken, so up the cable beyond eth0's label
    const header = { x: 860, y: 305, w: 120, h: 20 };
    const eth0 = { x: 880, y: 282, w: 40, h: 16 };
    const p = markerSpot({ x: 900, y: 300 }, down, box, { labels: [header, eth0], cards: [] }, 13, 11);
    expect(p.x).toBe(900);
    expect(p.y).toBeLessThanOrEqual(282 - 13);
  });

  it('keeps the dot off cards but lets the halo graze them; falls back inside when nothing is free', () => {
    const card = { x: 880, y: 328, w: 100, h: 50 };
    expect(markerSpot({ x: 900, y: 300 }, down, box, { labels: [], cards: [card] }, 13, 11)).toEqual({
      x: 900,
      y: 315,
    });
    const everywhere = { x: -1e4, y: -1e4, w: 2e4, h: 2e4 };
    expect(markerSpot({ x: 900, y: 300 }, down, box, { labels: [everywhere], cards: [] }, 13, 11)).toEqual({
      x: 900,
      y: 315,
    });
  });
});
