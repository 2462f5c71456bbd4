import type { World } from '../sim/model';
import type { Recipe, XY } from '../store/docSlice';
import { migrate } from '../store/migrations';
import type { ParseResult, ProjectDoc } from './envelope';
import { refusalEnglish, worldRefusal } from './worldSchema';

export { type ParseResult, type ProjectDoc, serializeProject } from './envelope';

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
  const refusal = worldRefusal(doc.world);
  if (refusal) return { ok: false, error: refusalEnglish(refusal), refusal };
  const pinned: Record<string, XY> = {};
  if (typeof doc.pinned === 'object' && doc.pinned !== null)
    for (const [k, v] of Object.entries(doc.pinned)) {
      if (!isXY(v)) {
        const refusal = { at: `pinned.${k}`, code: 'position', params: { name: k } };
        return { ok: false, error: refusalEnglish(refusal), refusal };
      }
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
