import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runLine, runScript } from '../../src/sim/console';
import { reachCell, reachParties } from '../../src/sim/matrix';
import { createDefaultWorld } from '../../src/sim/world';

/**
 * The matrix agrees with the console: for random Worlds (containers on random networks, some
 * published, some internal), every probe of a cell ends as the same ping or curl typed alone, and
 * a cell stops at the first address that answers.
 */

const NETS = ['bridge', 'front', 'back'];
const spec = fc.record({
  internal: fc.boolean(),
  boxes: fc.array(
    fc.record({
      image: fc.constantFrom('nicolaka/netshoot', 'nginx', 'redis'),
      nets: fc.subarray(NETS, { minLength: 1 }),
      publish: fc.option(fc.constantFrom(80, 6379, 3030), { nil: null }),
    }),
    { minLength: 2, maxLength: 4 },
  ),
  pairs: fc.array(fc.tuple(fc.nat(9), fc.nat(9)), { minLength: 1, maxLength: 3 }),
});

describe('matrix ↔ single commands', () => {
  it('each probe ends as the same line typed in the console (exit 0 iff the cell says ok)', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const lines = ['docker network create front', `docker network create ${s.internal ? '--internal ' : ''}back`];
        s.boxes.forEach((b, i) => {
          const p = b.publish ? ` -p ${8000 + i}:${b.publish}` : '';
          lines.push(`docker run -d --name c${i} --network ${b.nets[0]}${p} ${b.image}`);
          for (const n of b.nets.slice(1)) lines.push(`docker network connect ${n} c${i}`);
        });
        const session = runScript(createDefaultWorld(), `${lines.join('\n')}\n`).session;
        const parties = reachParties(session.world);
        // sources with both tools: netshoot containers and the machines
        const sources = parties.filter(
          (p) => p.kind === 'machine' || session.world.containers[p.id]?.image === 'nicolaka/netshoot',
        );
        for (const [a, b] of s.pairs) {
          const from = sources[a % sources.length];
          const to = parties[b % parties.length];
          if (from.id === to.id) continue;
          const cell = reachCell(session.world, from, to);
          for (const probe of [...cell.ping, ...cell.http]) {
            const r = runLine(session, probe.line);
            expect(r.exitCode === 0, probe.line).toBe(probe.ok);
            expect(r.trace?.outcome.summary, probe.line).toBe(probe.summary);
          }
          for (const list of [cell.ping, cell.http]) {
            // only the last probe may have answered
            expect(list.slice(0, -1).every((p) => !p.ok)).toBe(true);
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
