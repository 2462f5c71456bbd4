import type * as Console from '../sim/console';
import type { Session } from '../sim/console';
import type { World } from '../sim/model';
import type { Recipe } from '../store/docSlice';

/**
 * The World a recipe builds from the default one, as the store built it: console lines in one
 * session (its stack and `$?` carried from line to line), each gesture's lines at the Docker host.
 * The engine is deterministic (a seeded PRNG in the World), so the same lines give the same ids,
 * MACs and addresses. `start` is the default World (`createDefaultWorld()`) and `eng` the loaded
 * engine, both passed in so this lazy module does not change how the first paint's bundle splits.
 */
/** The engine's console (src/store/engine.ts loads it once for the whole app). */
export type Engine = Pick<typeof Console, 'createSession' | 'runLine'>;

export function replayRecipe(recipe: Recipe, start: World, eng: Engine): World {
  const { createSession, runLine } = eng;
  let session: Session = createSession(start);
  for (const item of recipe) {
    if (typeof item === 'string') {
      session = runLine(session, item).session;
      continue;
    }
    let g: Session = { world: session.world, stack: createSession(session.world).stack };
    for (const line of item) {
      const r = runLine(g, line);
      // all or nothing, as the store's gesture
      if (r.exitCode !== 0) {
        g = { ...g, world: session.world };
        break;
      }
      g = r.session;
    }
    // a console inside a container the gesture stopped or removed is back where it came from
    let stack = session.stack;
    while (stack.length > 1) {
      const top = stack[stack.length - 1];
      if (top.kind !== 'container' || g.world.containers[top.id]?.state === 'running') break;
      stack = stack.slice(0, -1);
    }
    session = { ...session, world: g.world, stack };
  }
  return session.world;
}
