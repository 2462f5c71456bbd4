import { describe, expect, test } from 'vitest';
import { type Entering, spreadEnds } from '../../../src/ui/canvas/ends';

const card = { x: 0, y: 0, w: 248, h: 120 };
const cable = (edge: string, fromX: number, side: 'top' | 'bottom' = 'top', ifname = 'eth0'): Entering => ({
  edge,
  node: 'c',
  side,
  fromX,
  label: `${ifname} ↔ veth1a2b3c4`,
  short: ifname,
});

describe('spreadEnds: one end a cable, ordered by where the cable comes from', () => {
  test('one cable on a side keeps the plain handle', () => {
    const { ends, counts } = spreadEnds([cable('a', 0)], () => card, 14);
    expect(ends.size).toBe(0);
    expect(counts.size).toBe(0);
  });

  test('three cables from right, left and middle get top-0..2 left to right, short labels on a 248 px card', () => {
    const { ends, counts } = spreadEnds(
      [cable('right', 900, 'top', 'eth1'), cable('left', -300, 'top', 'eth2'), cable('mid', 120)],
      () => card,
      14,
    );
    expect(counts.get('c')).toEqual([3, 0]);
    expect(['left', 'mid', 'right'].map((e) => ends.get(e)?.handle)).toEqual(['top-0', 'top-1', 'top-2']);
    for (const e of ends.values()) expect(e).toMatchObject({ short: true, row: 0 });
  });

  test('two short labels on a wide card stay full', () => {
    const wide = { ...card, w: 600 };
    const { ends } = spreadEnds([cable('a', 0), cable('b', 10)], () => wide, 14);
    expect(ends.get('a')).toEqual({ handle: 'top-0', short: false, row: 0 });
  });

  test('eight cables crowd even short labels: every other one a row further out', () => {
    const many = Array.from({ length: 8 }, (_, i) => cable(`e${i}`, i * 10, 'top', `eth${i}`));
    const { ends } = spreadEnds(many, () => card, 14);
    expect(many.map((c) => ends.get(c.edge)?.row)).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
  });

  test('sides are counted apart', () => {
    const { counts } = spreadEnds(
      [cable('a', 0), cable('b', 1), cable('c', 0, 'bottom'), cable('d', 1, 'bottom'), cable('e', 2, 'bottom')],
      () => card,
      14,
    );
    expect(counts.get('c')).toEqual([2, 3]);
  });
});
