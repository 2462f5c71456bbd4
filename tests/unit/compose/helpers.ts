import { type LineResult, runScript, type Session } from '../../../src/sim/console';
import type { World } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';

/**
 * Runs console steps from the default World (a step is one line, or a heredoc's several lines);
 * `r[i]` is what step i's last line gave.
 */
export function steps(list: string[], world: World = createDefaultWorld(7)): { r: LineResult[]; session: Session } {
  const run = runScript(world, `${list.join('\n')}\n`);
  const r: LineResult[] = [];
  let at = -1;
  for (const s of list) {
    at += s.split('\n').length;
    r.push(run.results[at]);
  }
  return { r, session: run.session };
}

/** A heredoc writing `body` to `file`. */
export const write = (file: string, body: string) => `cat > ${file} <<'EOF'\n${body.replace(/\n$/, '')}\nEOF`;
