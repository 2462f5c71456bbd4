import type { Scene } from '../../sim/scenes';
import { createDefaultWorld } from '../../sim/world';
import type { AppStore } from '../../store/appStore';
import type { Recipe, RunOutcome } from '../../store/docSlice';

/** What loading a scene did: each script line and its outcome. */
export interface SceneLoad {
  results: { line: string; outcome: RunOutcome }[];
  /** lines that failed although the scene does not expect them to */
  unexpected: string[];
}

/**
 * Replaces the document with a lesson: a fresh default World, then each script line through the
 * store's own `run`, so the console echoes every command as if typed. The whole load is ONE undo
 * step: recording is paused while the lines run, the person's World is put back, and the finished
 * World is loaded with recording on. Undo therefore returns exactly the work that was there.
 * Clears the loaded trace, whose ids belonged to the old World.
 */
export function loadScene(store: AppStore, scene: Scene, note?: string): SceneLoad {
  const { world: before, pinned } = store.getState();
  const temporal = store.temporal.getState();
  const results: SceneLoad['results'] = [];
  let after = before;
  let recipe: Recipe | null = null;
  temporal.pause();
  try {
    store.getState().loadDocument(createDefaultWorld(), {}, []);
    if (note) store.getState().note(note);
    for (const line of scene.script) results.push({ line, outcome: store.getState().run(line) });
    after = store.getState().world;
    recipe = store.getState().recipe;
    store.setState({ world: before, pinned });
  } finally {
    temporal.resume();
  }
  store.getState().loadDocument(after, {}, recipe);
  store.getState().loadTrace(null);
  const unexpected = results
    .filter((r) => !r.outcome.ok && !r.line.trim().startsWith('#') && !scene.expectedFailures.includes(r.line))
    .map((r) => r.line);
  return { results, unexpected };
}

/** Whether a World holds the person's own work (anything beyond the default World's Docker state). */
export function hasUserWork(store: AppStore): boolean {
  const { world } = store.getState();
  return (
    Object.keys(world.containers).length > 0 ||
    Object.values(world.networks).some((n) => !n.predefined) ||
    store.temporal.getState().pastStates.length > 0
  );
}
