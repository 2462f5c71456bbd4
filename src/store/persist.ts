import { type ProjectDoc, parseProject, serializeProject } from '../io/project';
import type { AppStore } from './appStore';

/** Where autosave writes. */
export const SAVE_KEY = 'whalewire.save';
/** Prefix of keys holding saves that could not be read, kept aside instead of overwritten. */
export const UNREADABLE_PREFIX = 'whalewire.unreadable.';

/** The part of the Web Storage API we use. */
export type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage if the browser lets us touch it (private modes and sandboxed frames throw), else null. */
export function browserStorage(): KeyValue | null {
  try {
    const s = globalThis.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

/** Every call guarded: storage may throw on read (SecurityError) or write (QuotaExceededError). */
export function safeGet(s: KeyValue | null, key: string): string | null {
  try {
    return s ? s.getItem(key) : null;
  } catch {
    return null;
  }
}
export function safeSet(s: KeyValue | null, key: string, value: string): boolean {
  try {
    if (!s) return false;
    s.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
export function safeRemove(s: KeyValue | null, key: string): void {
  try {
    s?.removeItem(key);
  } catch {
    // nothing to do: the item stays, which is the safe side
  }
}

export type LoadResult =
  | { status: 'empty' }
  | { status: 'ok'; doc: ProjectDoc }
  /** the text is kept under `keptKey` (null if even that failed: then only in memory) */
  | { status: 'unreadable'; error: string; text: string; keptKey: string | null };

/**
 * Reads the autosave. A save that cannot be read is copied aside under its own key before anything
 * else happens, so the next autosave cannot destroy it.
 */
export function loadSave(s: KeyValue | null, stamp: string): LoadResult {
  const text = safeGet(s, SAVE_KEY);
  if (text === null) return { status: 'empty' };
  const parsed = parseProject(text);
  if (parsed.ok) return { status: 'ok', doc: parsed.doc };
  const keptKey = UNREADABLE_PREFIX + stamp;
  const kept = safeSet(s, keptKey, text);
  if (kept) safeRemove(s, SAVE_KEY);
  return { status: 'unreadable', error: parsed.error, text, keptKey: kept ? keptKey : null };
}

/**
 * Writes the document and preferences whenever they change, debounced. Returns the unsubscribe.
 * When the autosave could not set the unreadable save aside, `hold` keeps autosave off until the
 * person dismisses the message, so the only copy is not overwritten.
 */
export function startAutosave(store: AppStore, s: KeyValue | null, hold: () => boolean, delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failing = false;
  const write = () => {
    timer = null;
    if (hold()) return;
    const st = store.getState();
    const saved = safeSet(
      s,
      SAVE_KEY,
      serializeProject({
        world: st.world,
        pinned: st.pinned,
        prefs: { theme: st.theme, lang: st.lang },
        recipe: st.recipe,
      }),
    );
    // storage blocked or full: say so once (not at every change), so a reload does not lose work unannounced
    if (!saved && !failing) st.notify({ tone: 'error', key: 'notice.saveFailed' });
    failing = !saved;
  };
  const unsub = store.subscribe((st, prev) => {
    if (st.world === prev.world && st.pinned === prev.pinned && st.theme === prev.theme && st.lang === prev.lang)
      return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  });
  const flush = () => {
    if (timer) {
      clearTimeout(timer);
      write();
    }
  };
  globalThis.addEventListener?.('pagehide', flush);
  return () => {
    unsub();
    globalThis.removeEventListener?.('pagehide', flush);
  };
}
