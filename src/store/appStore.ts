import { temporal } from 'zundo';
import { createStore, type StoreApi } from 'zustand';
import type { World } from '../sim/model';
import { createDefaultWorld } from '../sim/world';
import { createDocSlice, type DocSlice, type Recipe, type XY } from './docSlice';
import { createEditorSlice, type EditorSlice } from './editorSlice';
import { createPlaybackSlice, type PlaybackSlice } from './playbackSlice';
import { createTermSlice, type TermSlice } from './termSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

/** The whole app state: document (undoable), playback (never undoable) and view. */
export type AppState = DocSlice & PlaybackSlice & UiSlice & TermSlice & EditorSlice;

/** What the undo history records. */
export interface Tracked {
  world: World;
  pinned: Record<string, XY>;
}

/**
 * Every line advances the simulated clock, even one Docker refuses; that alone is not a change a
 * person would want to undo, so it never becomes a history step.
 */
export function sameWorldButClock(a: World, b: World): boolean {
  if (a === b) return true;
  for (const k of Object.keys(a) as (keyof World)[]) if (k !== 'clock' && a[k] !== b[k]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}

/** The store's undo controls (zundo's temporal store). */
export interface HistoryApi {
  undo: () => void;
  redo: () => void;
  clear: () => void;
  /** stop and restart recording (a multi-line load that must be one undo step) */
  pause: () => void;
  resume: () => void;
  pastStates: Partial<Tracked>[];
  futureStates: Partial<Tracked>[];
}

export type AppStore = StoreApi<AppState> & { temporal: StoreApi<HistoryApi> };

/**
 * Builds a store around a World. Vanilla (no React) so the store tests run in node.
 * Only `world` and `pinned` enter history, and only when one of them is a new object:
 * engine functions return the same World on failure, so a failed command adds no step.
 */
export function createAppStore(world?: World, recipe?: Recipe | null): AppStore {
  const initial = world ?? createDefaultWorld();
  // a fresh default World is built by no lines at all
  const initialRecipe = recipe !== undefined ? recipe : world === undefined ? [] : null;
  const store = createStore<AppState>()(
    temporal(
      (set, get, api) => ({
        ...createDocSlice(initial, initialRecipe)(set, get, api),
        ...(createPlaybackSlice as unknown as (s: typeof set, g: typeof get, a: typeof api) => PlaybackSlice)(
          set,
          get,
          api,
        ),
        ...createUiSlice(set, get, api),
        ...createTermSlice(set, get, api),
        ...createEditorSlice(set, get, api),
      }),
      {
        partialize: (s): Tracked => ({ world: s.world, pinned: s.pinned }),
        equality: (a, b) => a.pinned === b.pinned && sameWorldButClock(a.world, b.world),
        limit: 200,
      },
    ),
  ) as unknown as AppStore;
  store.subscribe((st, prev) => {
    if (st.world === prev.world || !st.selected) return;
    const next = followSelection(prev.world, st.world, st.selected);
    if (next !== st.selected) store.setState({ selected: next });
  });
  return store;
}

/**
 * The selection after the World changed: a node that is gone is no longer selected (the Inspector
 * and toolbar would act on nothing), except a container re-created under the same name (Publish
 * port removes and runs it again), which stays selected as its new self.
 */
export function followSelection(before: World, after: World, selected: string): string | null {
  if (selected.startsWith('ctr:')) {
    if (after.containers[selected.slice(4)]) return selected;
    const name = before.containers[selected.slice(4)]?.name;
    const again = name ? Object.values(after.containers).find((c) => c.name === name) : undefined;
    return again ? `ctr:${again.id}` : null;
  }
  if (selected.startsWith('net:')) return after.networks[selected.slice(4)] ? selected : null;
  return selected;
}
