import type * as Console from '../sim/console';
import { DOCKER_HOST } from '../sim/ids';
import type { World } from '../sim/model';

/**
 * The engine (docker CLI, shells, packet engine) is most of the app's own code and nothing on the
 * first paint needs it: the default World and the canvas do not. It is imported right after the
 * first paint; gestures and console lines only exist once it has arrived.
 */
let mod: typeof Console | null = null;
let pending: Promise<typeof Console> | null = null;

export function loadEngine(): Promise<typeof Console> {
  pending ??= import('../sim/console').then((m) => {
    mod = m;
    return m;
  });
  return pending;
}

/** The loaded engine; throws if called before {@link loadEngine} resolved. */
export function engine(): typeof Console {
  if (!mod) throw new Error('the engine is still loading');
  return mod;
}

export function engineReady(): boolean {
  return mod !== null;
}

/** A console session at the Docker host (what `createSession` returns, without loading the engine). */
export function hostSession(world: World): Console.Session {
  return { world, stack: [{ kind: 'machine', id: DOCKER_HOST }] };
}

/** The shell prompt; a plain host prompt while the engine loads. */
export function promptOf(session: Console.Session): string {
  if (mod) return mod.prompt(session);
  const top = session.stack[session.stack.length - 1];
  return `root@${session.world.machines[top.id]?.hostname ?? top.id}:~#`;
}
