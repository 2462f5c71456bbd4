import { describe, expect, it } from 'vitest';
import { followView } from '../../../src/ui/sim/follow';

/** The follow camera: zoom in when no text shows, re-centre a marker near the edge, else stay. */
describe('followView', () => {
  const pane = { w: 1000, h: 400 };
  it.each([
    [
      'too small to read: zoom in to full detail',
      { x: 900, y: 300 },
      { x: 0, y: 0, zoom: 0.3 },
      { x: 900, y: 300, zoom: 0.83 },
    ],
    ['readable, marker in the middle: stay', { x: 500, y: 200 }, { x: 0, y: 0, zoom: 0.9 }, null],
    [
      'readable, marker near the right edge: re-centre',
      { x: 960, y: 300 },
      { x: 0, y: 0, zoom: 0.9 },
      { x: 960, y: 300, zoom: 0.9 },
    ],
    [
      'readable, marker above the pane: re-centre',
      { x: 500, y: -50 },
      { x: 0, y: 0, zoom: 0.9 },
      { x: 500, y: -50, zoom: 0.9 },
    ],
  ])('%s', (_name, p, t, want) => {
    expect(followView(p, { ...t, ...pane }, 0.46, 0.83)).toEqual(want);
  });
});
