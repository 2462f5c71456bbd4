import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18n, initI18n, pickLang, switchLang } from './i18n';
import { openShareFragment } from './io/shareLink';
import { createAppStore } from './store/appStore';
import { loadEngine } from './store/engine';
import { setAppStore } from './store/instance';
import { browserStorage, loadSave, newGuard, startAutosave } from './store/persist';
import { startTabsPersist } from './store/tabsPersist';
import { keepViewPrefs } from './store/viewPrefs';
import { App } from './ui/App';
import { canvasDrawn } from './ui/canvas/useCanvasDrawn';
import { installTestApi } from './ui/testApi';

// not a top-level await: lazy chunks import from this one, which must finish evaluating first
void boot();

/**
 * Boot: restore the autosave (an unreadable one is kept aside and reported), open a share link
 * if the URL carries one (a damaged link changes nothing), pick theme and language, then render.
 */
async function boot() {
  const storage = browserStorage();
  // a save is checked by the schema (a lazy chunk, fetched only when there is a save) before the store exists
  const guard = newGuard(storage);
  const saved = await loadSave(storage, new Date().toISOString().replace(/[:.]/g, '-'));
  const store = createAppStore(
    saved.status === 'ok' ? saved.doc.world : undefined,
    saved.status === 'ok' ? saved.doc.recipe : undefined,
  );
  setAppStore(store);
  const s = store.getState();
  if (saved.status === 'ok') {
    store.setState({ pinned: saved.doc.pinned });
  }
  const prefs = saved.status === 'ok' ? saved.doc.prefs : undefined;
  const prefersDark = globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches;
  s.setTheme(prefs?.theme ?? (prefersDark ? 'dark' : 'light'));
  s.setLang(pickLang(location.search, prefs?.lang, navigator.language));
  store.temporal.getState().clear();
  keepViewPrefs(store, storage);

  if (saved.status === 'unreadable')
    s.notify({
      tone: 'error',
      key: 'notice.unreadableSave',
      params: { error: saved.error },
      refusal: saved.refusal,
      keptAside: { storageKey: saved.keptKey, text: saved.text },
    });

  // an old link opens at once; a short one once its decoder (and, for commands, the engine) has loaded
  void openShareFragment(location.hash, loadEngine).then((shared) => {
    if (!shared) return;
    const st = store.getState();
    if (shared.ok) {
      // the person's own project stays one undo away
      st.loadDocument(shared.doc.world, shared.doc.pinned, shared.doc.recipe ?? null);
      st.notify({ tone: 'info', key: 'notice.openedLink' });
    } else {
      st.notify({ tone: 'error', key: 'notice.badLink', params: { error: shared.error }, refusal: shared.refusal });
    }
    history.replaceState(null, '', location.pathname + location.search);
  });

  initI18n(store.getState().lang);
  const applyView = () => {
    const st = store.getState();
    document.documentElement.dataset.theme = st.theme;
    document.documentElement.lang = st.lang;
    if (i18n().language !== st.lang) void switchLang(st.lang);
  };
  applyView();
  store.subscribe((st, prev) => {
    if (st.theme !== prev.theme || st.lang !== prev.lang) applyView();
  });

  startTabsPersist(store, storage);
  startAutosave(
    store,
    storage,
    () => store.getState().notices.some((n) => n.keptAside && n.keptAside.storageKey === null),
    250,
    guard,
  );

  const root = document.getElementById('root');
  const render = () => {
    if (!root) return;
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  };
  // a Korean page draws once its catalogue (a chunk of its own) is there, never in English first
  if (store.getState().lang === 'ko') switchLang('ko').then(render, render);
  else render();

  // the engine's chunks (most of the app's code) are fetched and run once the canvas has been drawn:
  // on a slow laptop they took the main thread from the first picture (issue 11)
  canvasDrawn.then(loadEngine).then(
    () => {
      store.setState({ ready: true });
      installTestApi(store);
      registerOfflineCopy();
    },
    (e: unknown) => console.error('whalewire: the engine failed to load', e),
  );
}

/**
 * Production builds work offline after the first visit (src/sw/sw.js; the dev server has no sw.js).
 * The worker is registered once the world is drawn and the engine has arrived, not at the page's
 * `load`: its install fetches and stores every built file, and on a slow laptop that ran during
 * the first render (issue 11).
 */
function registerOfflineCopy() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || location.protocol === 'file:') return;
  navigator.serviceWorker.register('./sw.js').catch((e: unknown) => console.warn('whalewire: no offline copy', e));
}
