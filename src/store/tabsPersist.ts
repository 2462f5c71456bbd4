import type { AppStore } from './appStore';
import { type KeyValue, safeGet, safeSet } from './persist';
import { type TermTab, tabsToSave } from './termSlice';

/** Where the console's tabs are kept between visits (beside the autosave, which holds the World). */
export const TABS_KEY = 'whalewire.terminals';

/** Restores the tabs of an earlier visit, then saves them whenever they change. Unreadable data is ignored. */
export function startTabsPersist(store: AppStore, s: KeyValue | null): void {
  try {
    const raw = safeGet(s, TABS_KEY);
    const saved = raw ? (JSON.parse(raw) as { tabs?: unknown; active?: unknown }) : null;
    if (saved && Array.isArray(saved.tabs) && saved.tabs.every(isTab)) {
      const tabs = (saved.tabs as Omit<TermTab, 'log'>[]).map((t) => ({ ...t, log: [] }));
      store.getState().restoreTabs(tabs, typeof saved.active === 'number' ? saved.active : 0);
    }
  } catch {
    // a save from another build or hand-edited: start with one tab
  }
  let last = '';
  store.subscribe((st) => {
    const text = JSON.stringify(tabsToSave(st));
    if (text !== last) {
      last = text;
      safeSet(s, TABS_KEY, text);
    }
  });
}

function isTab(t: unknown): boolean {
  if (typeof t !== 'object' || t === null) return false;
  const x = t as Record<string, unknown>;
  return (
    typeof x.name === 'string' &&
    Array.isArray(x.stack) &&
    x.stack.length > 0 &&
    x.stack.every((f) => typeof f === 'object' && f !== null && typeof (f as { id?: unknown }).id === 'string') &&
    typeof x.lastExit === 'number' &&
    Array.isArray(x.history)
  );
}
