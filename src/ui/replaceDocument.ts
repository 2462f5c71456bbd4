import type { World } from '../sim/model';
import type { AppStore } from '../store/appStore';
import type { Recipe, RunOutcome } from '../store/docSlice';

/**
 * Replaces the document with `start`, then each line through the store's own `run`, so the console
 * echoes every command as if typed: a lesson scene (ui/sim/loadScene.ts) and a challenge's start
 * (ui/challenges/startChallenge.ts). The whole load is ONE undo step: recording is paused while the
 * lines run, the person's World is put back, and the finished World is loaded with recording on, so
 * undo returns exactly the work that was there. Clears the loaded trace, whose ids belonged to the
 * old World. A small module of its own: the challenge dialog uses it without the simulation panel.
 */
export function replaceDocument(
  store: AppStore,
  start: World,
  lines: readonly string[],
  opts: { note?: string; keepRecipe?: boolean } = {},
): { line: string; outcome: RunOutcome }[] {
  const { world: before, pinned } = store.getState();
  const temporal = store.temporal.getState();
  const results: { line: string; outcome: RunOutcome }[] = [];
  let after = before;
  let recipe: Recipe | null = null;
  temporal.pause();
  try {
    store.getState().loadDocument(start, {}, []);
    if (opts.note) store.getState().note(opts.note);
    for (const line of lines) results.push({ line, outcome: store.getState().run(line) });
    after = store.getState().world;
    recipe = store.getState().recipe;
    store.setState({ world: before, pinned });
  } finally {
    temporal.resume();
  }
  // a recipe replays from the default World: a World built on another start travels whole
  store.getState().loadDocument(after, {}, opts.keepRecipe === false ? null : recipe);
  store.getState().loadTrace(null);
  return results;
}
