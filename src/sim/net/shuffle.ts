import { nextU32 } from '../prng';
import { type Ctx, rngView } from './ctx';

/** Docker shuffles several A records on every answer (fact 30); ours is seeded by the World PRNG. */
export function shuffle<T>(ctx: Ctx, xs: T[]): T[] {
  if (xs.length < 2) return xs;
  const out = [...xs];
  const w = rngView(ctx);
  for (let i = out.length - 1; i > 0; i--) {
    const j = nextU32(w) % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
