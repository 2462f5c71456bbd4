/**
 * The project envelope autosave, export and share links write: small and free of the schema, so
 * autosave can write it at first paint. Reading it back ({@link ../io/project}) loads the schema.
 */
import type { World } from '../sim/model';
import type { Recipe, XY } from '../store/docSlice';
import { CURRENT_VERSION } from '../store/envelopeVersion';
import type { Refusal } from './zodRefusal';

/** A document as the app uses it, whatever version it was saved in. */
export interface ProjectDoc {
  world: World;
  pinned: Record<string, XY>;
  prefs?: { theme?: 'light' | 'dark'; lang?: 'en' | 'ko' };
  /** the lines that built `world` from the default World, when known (absent in older files) */
  recipe?: Recipe | null;
}

/** A read project, or why not: `error` in English, `refusal` (when a field is to blame) for the page to translate. */
export type ParseResult = { ok: true; doc: ProjectDoc } | { ok: false; error: string; refusal?: Refusal };

/** The JSON text of a project: the same envelope autosave, export and share links use. */
export function serializeProject(doc: ProjectDoc, space?: number): string {
  return JSON.stringify(
    {
      format: 'whalewire',
      version: CURRENT_VERSION,
      world: doc.world,
      pinned: doc.pinned,
      prefs: doc.prefs ?? {},
      ...(doc.recipe ? { recipe: doc.recipe } : {}),
    },
    null,
    space,
  );
}
