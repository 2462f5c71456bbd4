import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession, runLine, tokenize } from '../../../src/sim/console';
import { splitList } from '../../../src/sim/shell/lists';
import { splitPipeline } from '../../../src/sim/shell/pipe';
import { createDefaultWorld } from '../../../src/sim/world';

/** Whatever a user types with shell punctuation, the console answers (no throw) and stays pure. */

const WORDS = ['echo', 'hi', 'curl', '-s', 'localhost:9', 'ping', '-c', '1', 'x', 'grep', 'head', '-2', 'wc', '-l'];
const PUNCT = ['|', '||', '&&', ';', '$(', ')', '"', "'", '\\', '$?', ' '];
const line = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...PUNCT)), { maxLength: 12 })
  .map((xs) => xs.join(' '));

describe('shell punctuation never breaks the console', () => {
  const s = createSession(createDefaultWorld());

  it('tokenize, splitPipeline and splitList accept any line', () => {
    fc.assert(
      fc.property(line, (l) => {
        expect(Array.isArray(tokenize(l))).toBe(true);
        const p = splitPipeline(l, 'bash');
        expect(p.ok ? p.segments.length >= 1 : p.error.length > 0).toBe(true);
        expect(splitList(l).length).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('runLine answers every line with an exit code, and the same line gives the same answer', () => {
    fc.assert(
      fc.property(line, (l) => {
        const a = runLine(s, l);
        const b = runLine(s, l);
        expect(Number.isInteger(a.exitCode)).toBe(true);
        expect(b.output).toBe(a.output);
        expect(s.world.clock).toBe(createSession(createDefaultWorld()).world.clock);
      }),
      { numRuns: 150 },
    );
  });
});
