import { type ProjectDoc, serializeProject } from '../io/envelope';
import type { Refusal } from '../io/zodRefusal';
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
  | { status: 'unreadable'; error: string; refusal?: Refusal; text: string; keptKey: string | null };

/**
 * Reads the autosave. A save that cannot be read is copied aside under its own key before anything
 * else happens, so the next autosave cannot destroy it. The schema (zod) is loaded only when there
 * is a save to check, so a first visit's paint does not wait for it.
 */
export async function loadSave(s: KeyValue | null, stamp: string): Promise<LoadResult> {
  const text = safeGet(s, SAVE_KEY);
  if (text === null) return { status: 'empty' };
  const { parseProject } = await import('../io/project');
  const parsed = parseProject(text);
  if (parsed.ok) return { status: 'ok', doc: parsed.doc };
  const keptKey = UNREADABLE_PREFIX + stamp;
  const kept = safeSet(s, keptKey, text);
  if (kept) safeRemove(s, SAVE_KEY);
  return { status: 'unreadable', error: parsed.error, refusal: parsed.refusal, text, keptKey: kept ? keptKey : null };
}

/** The stamp of the newest autosave, `{tab, rev}`: which tab wrote it and its revision (beside the save, cheap to read). */
export const STAMP_KEY = 'whalewire.save.stamp';
/** Prefix of keys holding a version set aside when two tabs' work met; nothing is overwritten. */
export const COPY_PREFIX = 'whalewire.copy.';

export interface Stamp {
  tab: string;
  rev: number;
}
/**
 * One tab's view of the autosave: the stamp it last loaded or wrote. When the stored stamp is
 * another, some other tab saved newer work: this tab stops writing (`conflict`) until the person
 * chooses (src/store/tabConflict.ts).
 */
export interface SaveGuard {
  tab: string;
  seen: Stamp | null;
  conflict: boolean;
  /** the text last written or loaded (without its stamp): an unchanged document is not written again */
  last: string;
}

export function readStamp(s: KeyValue | null): Stamp | null {
  try {
    const x = JSON.parse(safeGet(s, STAMP_KEY) ?? 'null');
    return x && typeof x.tab === 'string' && typeof x.rev === 'number' ? { tab: x.tab, rev: x.rev } : null;
  } catch {
    return null;
  }
}
export const sameStamp = (a: Stamp | null, b: Stamp | null) => a?.tab === b?.tab && a?.rev === b?.rev;

/** A guard for this tab, seeing the save as it is now (call it when the save is read). */
export function newGuard(
  s: KeyValue | null,
  tab: string = globalThis.crypto?.randomUUID?.() ?? `${Math.random()}`,
): SaveGuard {
  return { tab, seen: readStamp(s), conflict: false, last: '' };
}

/** The document as autosave writes it (without the stamp). */
export function docText(st: ReturnType<AppStore['getState']>): string {
  return serializeProject({
    world: st.world,
    pinned: st.pinned,
    prefs: { theme: st.theme, lang: st.lang },
    recipe: st.recipe,
  });
}

/** Writes `text` as the save with this tab's next stamp (also inside it, as `saved: {tab, rev}`); false if storage refused. */
export function writeStamped(s: KeyValue | null, guard: SaveGuard, text: string): boolean {
  const next = { tab: guard.tab, rev: (readStamp(s)?.rev ?? 0) + 1 };
  // the text is one JSON object: the stamp goes in before its closing brace
  if (!safeSet(s, SAVE_KEY, `${text.slice(0, -1)},"saved":${JSON.stringify(next)}}`)) return false;
  safeSet(s, STAMP_KEY, JSON.stringify(next));
  guard.seen = next;
  guard.last = text;
  return true;
}

/** The store, storage and guard of the running autosave, for the conflict notice's buttons. */
export let activeAutosave: { store: AppStore; s: KeyValue | null; guard: SaveGuard } | null = null;

/**
 * Writes the document and preferences whenever they change, debounced. Returns the unsubscribe.
 * When the autosave could not set the unreadable save aside, `hold` keeps autosave off until the
 * person dismisses the message, so the only copy is not overwritten. Several tabs share one save:
 * each write is stamped, and a tab that finds another's stamp (on writing, or told by the
 * `storage` event) writes nothing more and asks the person (`notice.otherTab`). A tab closed while
 * asking keeps its work under {@link COPY_PREFIX}.
 */
export function startAutosave(
  store: AppStore,
  s: KeyValue | null,
  hold: () => boolean,
  delayMs = 250,
  guard = newGuard(s),
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failing = false;
  activeAutosave = { store, s, guard };
  const conflict = () => {
    if (!guard.conflict) store.getState().notify({ tone: 'error', key: 'notice.otherTab', tabConflict: true });
    guard.conflict = true;
  };
  const write = () => {
    timer = null;
    if (hold() || guard.conflict) return;
    const st = store.getState();
    const text = docText(st);
    if (text === guard.last) return;
    if (!sameStamp(readStamp(s), guard.seen)) return conflict();
    const saved = writeStamped(s, guard, text);
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
    if (guard.conflict) safeSet(s, COPY_PREFIX + new Date().toISOString(), docText(store.getState()));
    else if (timer) {
      clearTimeout(timer);
      write();
    }
  };
  const onStorage = (e: StorageEvent) => {
    if (e.key === STAMP_KEY && !sameStamp(readStamp(s), guard.seen)) conflict();
  };
  globalThis.addEventListener?.('pagehide', flush);
  globalThis.addEventListener?.('storage', onStorage);
  return () => {
    unsub();
    globalThis.removeEventListener?.('pagehide', flush);
    globalThis.removeEventListener?.('storage', onStorage);
  };
}
