/**
 * Short share links (loaded on demand: lz-string and, for a recipe, the engine stay out of the
 * first paint). Two forms, whichever is shorter:
 * - `#c=` the lines that built the World (its recipe) and the pinned positions, when replaying the
 *   lines from the default World gives exactly this World (checked here before the link is made);
 * - `#w=` the project JSON itself.
 * Both are lz-string's URI-safe compression of JSON. Old `#project=` links (base64url) still open.
 */
import LZ from 'lz-string';
import type { World } from '../sim/model';
import type { Recipe, XY } from '../store/docSlice';
import { isRecipe, type ParseResult, type ProjectDoc, parseProject, serializeProject } from './project';
import { type Engine, replayRecipe } from './recipe';

export const WORLD_KEY = 'w';
export const RECIPE_KEY = 'c';

/** Pinned positions keyed so they survive a replay: containers and networks by name (their ids are the World's). */
function pinnedByName(world: World, pinned: Record<string, XY>): Record<string, XY> {
  const out: Record<string, XY> = {};
  for (const [id, p] of Object.entries(pinned)) {
    const c = id.startsWith('ctr:') ? world.containers[id.slice(4)] : undefined;
    const n = id.startsWith('net:') ? world.networks[id.slice(4)] : undefined;
    out[c ? `ctr:=${c.name}` : n ? `net:=${n.name}` : id] = p;
  }
  return out;
}

function pinnedById(world: World, pinned: Record<string, XY>): Record<string, XY> {
  const out: Record<string, XY> = {};
  for (const [key, p] of Object.entries(pinned)) {
    if (!isXY(p)) continue;
    const m = /^(ctr|net):=(.*)$/.exec(key);
    if (!m) {
      out[key] = { x: p.x, y: p.y };
      continue;
    }
    const found =
      m[1] === 'ctr'
        ? Object.values(world.containers).find((c) => c.name === m[2])
        : Object.values(world.networks).find((n) => n.name === m[2]);
    if (found) out[`${m[1]}:${found.id}`] = { x: p.x, y: p.y };
  }
  return out;
}

const isXY = (p: unknown): p is XY =>
  typeof p === 'object' && p !== null && Number.isFinite((p as XY).x) && Number.isFinite((p as XY).y);

/** The fragment (without `#`) of the shortest link that opens `doc` exactly. `start`: the default World; `eng`: the engine. */
export function shareFragment(doc: ProjectDoc, start: () => World, eng: Engine): string {
  const world = `${WORLD_KEY}=${LZ.compressToEncodedURIComponent(serializeProject({ world: doc.world, pinned: doc.pinned }))}`;
  const recipe = doc.recipe;
  if (!recipe) return world;
  const payload = JSON.stringify({ c: recipe, p: pinnedByName(doc.world, doc.pinned) });
  const byLines = `${RECIPE_KEY}=${LZ.compressToEncodedURIComponent(payload)}`;
  if (byLines.length >= world.length) return world;
  // only when the lines really rebuild this World (an undo, say, leaves the recipe behind)
  return JSON.stringify(replayRecipe(recipe, start(), eng)) === JSON.stringify(doc.world) ? byLines : world;
}

/** Opens a `#w=` or `#c=` payload. Never throws; a damaged link names its problem. */
export function openFragment(key: string, payload: string, start: () => World, eng: Engine): ParseResult {
  const text = LZ.decompressFromEncodedURIComponent(payload);
  if (!text) return { ok: false, error: 'the link is damaged (not lz-string data)' };
  if (key === WORLD_KEY) return parseProject(text);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'the link is damaged (not valid JSON)' };
  }
  const r = raw as { c?: unknown; p?: unknown };
  if (typeof raw !== 'object' || raw === null || !isRecipe(r.c))
    return { ok: false, error: 'the link is damaged (no list of commands)' };
  const recipe: Recipe = r.c;
  if (recipe.flat().length > 5000) return { ok: false, error: 'the link holds more than 5000 commands' };
  let world: World;
  try {
    world = replayRecipe(recipe, start(), eng);
  } catch (e) {
    return { ok: false, error: `the link's commands could not be replayed (${(e as Error).message})` };
  }
  const pinned = typeof r.p === 'object' && r.p !== null ? pinnedById(world, r.p as Record<string, XY>) : {};
  return { ok: true, doc: { world, pinned, recipe } };
}
