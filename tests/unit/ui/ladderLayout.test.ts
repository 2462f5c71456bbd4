import { describe, expect, it } from 'vitest';
import { traceLadder } from '../../../src/sim/playback/ladder';
import { layoutLadder } from '../../../src/ui/ladder/layout';
import { sceneTrace } from '../../fixtures/sceneTrace';

const ladder = traceLadder(sceneTrace('nat-portfwd', 'remote-80'));
const names = ['remote', 'internet', 'router', 'LAN', 'docker-host', 'docker0', 'web'];

describe('ladder layout', () => {
  it.each([
    [1264, 14, false],
    [1904, 19, false],
    [750, 14, true],
  ])('%i px wide at %i px type: comment column %s inline, everything within the width', (width, fs, inline) => {
    const l = layoutLadder(ladder, names, width, fs);
    expect(l.inline).toBe(inline);
    expect(l.width).toBeLessThanOrEqual(width);
    // columns in order, apart by at least 9 characters, inside the columns' area
    for (let i = 1; i < l.colX.length; i++) expect(l.colX[i] - l.colX[i - 1]).toBeGreaterThanOrEqual(fs * 0.61 * 9 - 1);
    expect(l.colX[0]).toBeGreaterThan(l.gutter);
    expect(l.colX.at(-1)!).toBeLessThan(l.colsRight);
    expect(l.height).toBe(l.headH + l.rowH * (ladder.arrows.length + 1));
  });

  it('too narrow even inline: the columns keep their minimum and the picture scrolls', () => {
    const l = layoutLadder(ladder, names, 320, 14);
    expect(l.inline).toBe(true);
    expect(l.width).toBeGreaterThan(320);
  });
});
