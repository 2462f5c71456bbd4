import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n, pickLang } from './i18n';
import { openShareFragment } from './io/shareLink';
import { createAppStore } from './store/appStore';
import { loadEngine } from './store/engine';
import { setAppStore } from './store/instance';
import { browserStorage, loadSave, startAutosave } from './store/persist';
import { startTabsPersist } from './store/tabsPersist';
import { keepViewPrefs } from './store/viewPrefs';
import { App } from './ui/App';
import { installTestApi } from './ui/testApi';

/**
 * Boot: restore the autosave (an unreadable one is kept aside and reported), open a share link
 * if the URL carries one (a damaged link changes nothing), pick theme and language, then render.
 */
const storage = browserStorage();
const saved = loadSave(storage, new Date().toISOString().replace(/[:.]/g, '-'));
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
    st.notify({ tone: 'error', key: 'notice.badLink', params: { error: shared.error } });
  }
  history.replaceState(null, '', location.pathname + location.search);
});

const i18n = initI18n(store.getState().lang);
const applyView = () => {
  const st = store.getState();
  document.documentElement.dataset.theme = st.theme;
  document.documentElement.lang = st.lang;
  if (i18n.language !== st.lang) i18n.changeLanguage(st.lang);
};
applyView();
store.subscribe((st, prev) => {
  if (st.theme !== prev.theme || st.lang !== prev.lang) applyView();
});

startTabsPersist(store, storage);
startAutosave(store, storage, () =>
  store.getState().notices.some((n) => n.keptAside && n.keptAside.storageKey === null),
);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

loadEngine().then(
  () => {
    store.setState({ ready: true });
    installTestApi(store);
  },
  (e: unknown) => console.error('whalewire: the engine failed to load', e),
);
