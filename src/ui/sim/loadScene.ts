import { sceneLine } from '../../i18n/sceneComments';
import { type Scene, sceneWorld } from '../../sim/scenes';
import type { AppStore } from '../../store/appStore';
import type { RunOutcome } from '../../store/docSlice';
import { replaceDocument } from '../replaceDocument';

/** What loading a scene did: each script line and its outcome. */
export interface SceneLoad {
  results: { line: string; outcome: RunOutcome }[];
  /** lines that failed although the scene does not expect them to */
  unexpected: string[];
}

/**
 * Replaces the document with a lesson: a fresh World of the scene's preset (sceneWorld), then the
 * script's lines, as one undo step (replaceDocument). The script's comments echo in `lang`.
 */
export function loadScene(store: AppStore, scene: Scene, note?: string, lang = 'en'): SceneLoad {
  const script = scene.script.map((l) => sceneLine(l, lang));
  const results = replaceDocument(store, sceneWorld(scene), script, {
    note,
    keepRecipe: (scene.world ?? 'default') === 'default' && (scene.hosts ?? 1) === 1,
  });
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
