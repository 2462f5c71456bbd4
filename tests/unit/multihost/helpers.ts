import { createSession, type LineResult, runLine, type Session } from '../../../src/sim/console';
import type { World } from '../../../src/sim/model';
import { addDockerHost, createDefaultWorld } from '../../../src/sim/world';

/** The default World with Docker hosts 2..n added (what `npm run sim -- --hosts n` starts from). */
export function hostsWorld(n: number, seed?: number): World {
  let w = createDefaultWorld(seed);
  for (let i = 2; i <= n; i++) {
    const r = addDockerHost(w);
    if (!r.ok) throw new Error(r.error);
    w = r.world;
  }
  return w;
}

/** Runs lines from a session on `world` (each must succeed). */
export function setupOn(world: World, lines: string[]): Session {
  let s = createSession(world);
  for (const line of lines) {
    const r = runLine(s, line);
    if (r.exitCode !== 0) throw new Error(`setup failed: ${line}\n${r.output}`);
    s = r.session;
  }
  return s;
}

export const run = (s: Session, line: string): LineResult => runLine(s, line);
