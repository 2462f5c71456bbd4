import type { AppStore } from './appStore';
import { type KeyValue, safeGet, safeSet } from './persist';

/** Where the room's display choice lives: a setting of this browser, not part of a project or a share link. */
export const LARGE_LABELS_KEY = 'whalewire.largeLabels';

/** Restores "larger labels" and writes it back whenever it changes (storage failures change nothing). */
export function keepViewPrefs(store: AppStore, storage: KeyValue | null): () => void {
  if (safeGet(storage, LARGE_LABELS_KEY) === '1') store.getState().setLargeLabels(true);
  return store.subscribe((st, prev) => {
    if (st.largeLabels !== prev.largeLabels) safeSet(storage, LARGE_LABELS_KEY, st.largeLabels ? '1' : '0');
  });
}
