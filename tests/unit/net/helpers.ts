import { expect } from 'vitest';
import { createSession, type LineResult, runLine, type Session } from '../../../src/sim/console';
import type { Trace } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';

/** Runs setup lines (each must succeed) and returns the session. */
export function setup(lines: string[], seed?: number): Session {
  let s = createSession(createDefaultWorld(seed));
  for (const line of lines) {
    const r = runLine(s, line);
    if (r.exitCode !== 0) throw new Error(`setup failed: ${line}\n${r.output}`);
    s = r.session;
  }
  return s;
}

/** Runs one line and returns its result (the session is in `.session`). */
export const run = (s: Session, line: string): LineResult => runLine(s, line);

export const actions = (t: Trace | undefined) => (t?.steps ?? []).map((x) => x.action);
export const keys = (t: Trace | undefined) => (t?.steps ?? []).map((x) => x.explain.key);

/** Asserts `want` appears in `got` in order (other items may sit between). */
export function expectInOrder(got: string[], want: string[]): void {
  let i = 0;
  for (const g of got) if (g === want[i]) i++;
  expect(i, `expected in order ${JSON.stringify(want)}\n got ${JSON.stringify(got)}`).toBe(want.length);
}

/** Table changes of a trace, flattened. */
export const changes = (t: Trace | undefined) => (t?.steps ?? []).flatMap((x) => x.changes);

/** Lines of output without the timing values, which are checked separately. */
export const lines = (out: string) => out.split('\n');
