import { describe, expect, test } from 'vitest';
import { COMPACT_MAX_EM, FULL_MIN_EM, floorPx, readability } from '../../../src/ui/canvas/readability';

describe('semantic zoom: the detail a zoom can show above the floor', () => {
  test.each([
    // zoom, node font, floor -> detail
    [1, 14, 10, 'full'],
    [0.84, 14, 10, 'full'],
    [0.82, 14, 10, 'compact'],
    [0.47, 14, 10, 'compact'],
    [0.45, 14, 10, 'none'],
    [0.75, 22, 14, 'full'],
    [0.57, 22, 14, 'compact'],
    [0.4, 22, 14, 'none'],
  ] as const)('zoom %f, %i px text, %i px floor: %s', (zoom, font, floor, detail) => {
    expect(readability(zoom, font, floor).detail).toBe(detail);
  });

  test('whatever it picks, the smallest text it shows is at least the floor', () => {
    for (const [font, floor] of [
      [14, 10],
      [22, 14],
      [14, 13],
      [22, 18],
    ])
      for (let z = 0.05; z <= 2.5; z += 0.01) {
        const r = readability(z, font, floor);
        if (r.detail === 'full') expect(font * FULL_MIN_EM * z).toBeGreaterThanOrEqual(floor);
        if (r.detail === 'compact') expect(font * r.em * z).toBeGreaterThanOrEqual(floor);
        if (r.detail === 'none') expect(font * COMPACT_MAX_EM * z).toBeLessThan(floor);
      }
  });

  test('presenter mode and larger labels raise the floor', () => {
    expect([floorPx(false, false), floorPx(true, false), floorPx(false, true), floorPx(true, true)]).toEqual([
      10, 14, 13, 18,
    ]);
  });
});
