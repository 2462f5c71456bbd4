import type { World } from '../../sim/model';
import type { Where } from '../../sim/where';
import { engine, engineReady } from '../../store/engine';

/**
 * What a tool prints on a machine or in a container, asked without touching the document: the
 * line runs on a throwaway session and its World is dropped. The inspector shows tables this way,
 * so it never computes networking itself.
 */
export function probe(world: World, where: Where, line: string): { output: string; ok: boolean } {
  if (!engineReady()) return { output: '', ok: true };
  const res = engine().runLine({ world, stack: [where] }, line);
  return { output: res.output, ok: res.exitCode === 0 };
}
