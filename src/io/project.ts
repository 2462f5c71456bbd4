import type { World } from '../sim/model';
import type { Recipe, XY } from '../store/docSlice';
import { CURRENT_VERSION, migrate } from '../store/migrations';
import { worldProblem } from './validate';

/** A document as the app uses it, whatever version it was saved in. */
export interface ProjectDoc {
  world: World;
  pinned: Record<string, XY>;
  prefs?: { theme?: 'light' | 'dark'; lang?: 'en' | 'ko' };
  /** the lines that built `world` from the default World, when known (absent in older files) */
  recipe?: Recipe | null;
}

export type ParseResult = { ok: true; doc: ProjectDoc } | { ok: false; error: string };

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

function isXY(p: unknown): p is XY {
  return typeof p === 'object' && p !== null && Number.isFinite((p as XY).x) && Number.isFinite((p as XY).y);
}

/** Parses, migrates and validates a project. Never throws; a bad input names its problem. */
export function parseProject(text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not valid JSON' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, error: 'not a whalewire project' };
  let doc: Record<string, unknown>;
  try {
    doc = migrate(raw as Record<string, unknown>);
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  if (doc.format !== 'whalewire') return { ok: false, error: 'not a whalewire project' };
  const problem = worldProblem(doc.world);
  if (problem) return { ok: false, error: problem };
  const pinned: Record<string, XY> = {};
  if (typeof doc.pinned === 'object' && doc.pinned !== null)
    for (const [k, v] of Object.entries(doc.pinned)) {
      if (!isXY(v)) return { ok: false, error: `bad position for ${k}` };
      pinned[k] = { x: v.x, y: v.y };
    }
  const prefsIn = (doc.prefs ?? {}) as Record<string, unknown>;
  const prefs: ProjectDoc['prefs'] = {};
  if (prefsIn.theme === 'light' || prefsIn.theme === 'dark') prefs.theme = prefsIn.theme;
  if (prefsIn.lang === 'en' || prefsIn.lang === 'ko') prefs.lang = prefsIn.lang;
  const recipe = isRecipe(doc.recipe) ? { recipe: doc.recipe } : {};
  return { ok: true, doc: { world: doc.world as World, pinned, prefs, ...recipe } };
}

/** A recipe as saved: lines, or lists of lines (a gesture). Anything else is dropped (the World still opens). */
export function isRecipe(r: unknown): r is Recipe {
  return (
    Array.isArray(r) &&
    r.every((x) => typeof x === 'string' || (Array.isArray(x) && x.every((y) => typeof y === 'string')))
  );
}
