import { useStore } from 'zustand';
import type { AppState, AppStore, HistoryApi } from './appStore';
import { hostSession } from './engine';

/** The page's one store, set once at boot (main.tsx) before React renders. */
let current: AppStore | null = null;

export function setAppStore(store: AppStore): void {
  current = store;
}

export function appStore(): AppStore {
  if (!current) throw new Error('store used before boot');
  return current;
}

/** Subscribes a component to a slice of the app state (return primitives or stable references). */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore(), selector);
}

/** Subscribes to the undo history. */
export function useHistory<T>(selector: (s: HistoryApi) => T): T {
  return useStore(appStore().temporal, selector);
}

/** Undo / redo one document step; a console inside a container that no longer exists goes back to the host. */
export function undo(store: AppStore = appStore()): void {
  store.temporal.getState().undo();
  resetStackIfGone(store);
}
export function redo(store: AppStore = appStore()): void {
  store.temporal.getState().redo();
  resetStackIfGone(store);
}

function resetStackIfGone(store: AppStore): void {
  const { stack, world } = store.getState();
  if (stack.some((w) => w.kind === 'container' && !world.containers[w.id]))
    store.setState({ stack: hostSession(world).stack });
}
