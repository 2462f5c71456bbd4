/**
 * The two answers to "this project changed in another tab" (loaded when a button is pressed).
 * Either way nothing is lost: the version not kept goes to its own storage key (offered for
 * download), and after Load theirs this tab's own World is also one undo away.
 */
import type { AppStore } from './appStore';
import {
  COPY_PREFIX,
  docText,
  type KeyValue,
  readStamp,
  SAVE_KEY,
  type SaveGuard,
  safeGet,
  safeSet,
  writeStamped,
} from './persist';

function keepCopy(store: AppStore, s: KeyValue | null, text: string, stamp: string) {
  const key = `${COPY_PREFIX}${stamp}`;
  const kept = safeSet(s, key, text);
  const st = store.getState();
  for (const n of st.notices) if (n.tabConflict) st.dismiss(n.id);
  st.notify({
    tone: 'info',
    key: 'notice.tabCopy',
    keptAside: { storageKey: kept ? key : null, text, file: 'whalewire-copy.json' },
  });
}

/** Opens the other tab's save here; this tab's document is kept as a copy. */
export async function loadTheirs(store: AppStore, s: KeyValue | null, guard: SaveGuard, stamp: string) {
  const { parseProject } = await import('../io/project');
  const text = safeGet(s, SAVE_KEY);
  const res = text === null ? null : parseProject(text);
  if (!res?.ok) return;
  const mine = docText(store.getState());
  const cur = readStamp(s);
  store.getState().loadDocument(res.doc.world, res.doc.pinned, res.doc.recipe ?? null);
  guard.seen = cur;
  guard.last = docText(store.getState());
  guard.conflict = false;
  keepCopy(store, s, mine, stamp);
}

/** Makes this tab's document the save; the other tab's save is kept as a copy first. */
export function keepMine(store: AppStore, s: KeyValue | null, guard: SaveGuard, stamp: string) {
  keepCopy(store, s, safeGet(s, SAVE_KEY) ?? '', stamp);
  guard.conflict = !writeStamped(s, guard, docText(store.getState()));
}
