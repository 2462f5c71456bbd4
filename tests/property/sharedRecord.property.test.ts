import fc from 'fast-check';
import { produce as immerProduce } from 'immer';
import { describe, expect, it } from 'vitest';
import { produce } from '../../src/sim/containerIndex';
import type { Container, World } from '../../src/sim/model';
import { GONE, isShared, withChanges } from '../../src/sim/sharedRecord';

/**
 * A shared record (src/sim/sharedRecord.ts, issue 12) reads as the plain record with the same
 * history: same keys in the same order, same values, same JSON; and a recipe run by the engine's
 * `produce` (through a transaction's view of World.containers) leaves the same record as immer's
 * own produce on a plain one.
 */

const KEYS = Array.from({ length: 12 }, (_, i) => `k${i}`);
type Op = { kind: 'set' | 'del' | 'edit'; key: string; n: number };
const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('set', 'del', 'edit'),
  key: fc.constantFrom(...KEYS),
  n: fc.nat(1000),
});

const asC = (key: string, n: number) => ({ id: key, name: `n${n}`, endpoints: [{ n }] }) as unknown as Container;

/** The ops on a plain record, mutating it as a recipe on a draft does. */
function apply(r: Record<string, Container>, ops: Op[]): void {
  for (const { kind, key, n } of ops) {
    if (kind === 'set') r[key] = asC(key, n);
    else if (kind === 'del') delete r[key];
    else if (r[key]) {
      r[key].name = `e${n}`;
      (r[key].endpoints as unknown as { n: number }[]).push({ n });
    }
  }
}

describe('shared record', () => {
  it('reads as the plain record with the same history, batch after batch', () => {
    fc.assert(
      fc.property(fc.array(fc.array(op, { maxLength: 40 }), { minLength: 1, maxLength: 8 }), (batches) => {
        let plain: Record<string, Container> = {};
        let shared: Record<string, Container> = {};
        for (const ops of batches) {
          plain = { ...plain };
          const changes: [string, Container | typeof GONE][] = [];
          for (const { kind, key, n } of ops) {
            if (kind === 'del') {
              delete plain[key];
              changes.push([key, GONE]);
            } else {
              plain[key] = asC(key, n);
              changes.push([key, plain[key]]);
            }
          }
          const before = JSON.stringify(shared);
          const next = withChanges(shared, changes);
          // the old record is left as it was
          expect(JSON.stringify(shared)).toBe(before);
          shared = next;
          expect(isShared(shared)).toBe(true);
          expect(Object.keys(shared)).toEqual(Object.keys(plain));
          expect(Object.values(shared)).toEqual(Object.values(plain));
          expect(JSON.stringify(shared)).toBe(JSON.stringify(plain));
          expect({ ...shared }).toEqual(plain);
          for (const k of KEYS) {
            expect(k in shared).toBe(k in plain);
            expect(Object.hasOwn(shared, k)).toBe(Object.hasOwn(plain, k));
            expect(shared[k]).toBe(plain[k]);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('many removals (packing) keep order and entries', () => {
    let plain: Record<string, Container> = {};
    let shared: Record<string, Container> = {};
    for (let round = 0; round < 5; round++) {
      const changes: [string, Container | typeof GONE][] = [];
      for (let i = 0; i < 300; i++) {
        const key = `r${(i * 7 + round * 13) % 400}`;
        if ((i + round) % 3 === 0) {
          delete plain[key];
          changes.push([key, GONE]);
        } else {
          plain[key] = asC(key, i);
          changes.push([key, plain[key]]);
        }
      }
      shared = withChanges(shared, changes);
      plain = { ...plain };
      expect(Object.keys(shared)).toEqual(Object.keys(plain));
      expect(JSON.stringify(shared)).toBe(JSON.stringify(plain));
    }
  });

  it('refuses writes as a frozen record does', () => {
    const r = withChanges<Container>({}, [['a', asC('a', 1)]]);
    expect(() => {
      (r as Record<string, unknown>).b = 1;
    }).toThrow(TypeError);
    expect(() => {
      delete (r as Record<string, unknown>).a;
    }).toThrow(TypeError);
    expect(Object.keys(r)).toEqual(['a']);
  });

  it("a recipe through the engine's produce leaves what immer leaves on a plain record", () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 20 }),
        fc.array(op, { maxLength: 20 }),
        fc.array(op, { maxLength: 20 }),
        (setup, first, second) => {
          // containers and networks both go through a transaction's view; networks get the ops reversed
          const both = (d: World, ops: Op[]) => {
            apply(d.containers, ops);
            apply(d.networks as unknown as Record<string, Container>, [...ops].reverse());
          };
          const start = immerProduce({ containers: {}, networks: {} } as unknown as World, (d) => both(d, setup));
          // the reference: immer on plain records
          const a1 = immerProduce(start, (d) => both(d, first));
          const a2 = immerProduce(a1, (d) => both(d, second));
          // the engine: shared records after the first recipe
          const b1 = produce(start, (d) => both(d, first));
          const b2 = produce(b1, (d) => both(d, second));
          for (const [a, b] of [
            [a1, b1],
            [a2, b2],
          ]) {
            expect(Object.keys(b.containers)).toEqual(Object.keys(a.containers));
            expect(Object.keys(b.networks)).toEqual(Object.keys(a.networks));
            expect(JSON.stringify(b)).toBe(JSON.stringify(a));
            for (const c of Object.values(b.containers)) expect(Object.isFrozen(c)).toBe(true);
          }
          // a container immer left untouched keeps its identity (one set to an equal new object does
          // not, in either), and an empty recipe gives the World back
          for (const k of Object.keys(b1.containers))
            if (a1.containers[k] === start.containers[k]) expect(b1.containers[k]).toBe(start.containers[k]);
          expect(produce(b2, () => {})).toBe(b2);
        },
      ),
      { numRuns: 200 },
    );
  });
});
