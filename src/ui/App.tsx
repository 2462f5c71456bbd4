import { type ReactFlowInstance, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import '../styles/app.css';
import '../styles/panels.css';
import '../styles/lower.css';
import '../styles/overlay.css';
import { lazy, Suspense, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from '../i18n/translate';
import { openShareFragment } from '../io/shareLink';
import { loadEngine } from '../store/engine';
import { appStore, useApp } from '../store/instance';
import { AfterCanvas } from './AfterCanvas';
import { Canvas } from './canvas/Canvas';
import { fitCanvas } from './canvas/fit';
import type { FlowNode } from './canvas/flow';
import { EditorHost } from './editor/EditorHost';
import { Notices } from './Notices';
import { Toolbar } from './Toolbar';
import { useShortcuts } from './useShortcuts';

/** Dialogs (and the image catalogue and project I/O they use) load on first use, never on first paint. */
const Dialogs = lazy(() => import('./Dialogs'));
/** The panels around the canvas are fetched once it has been drawn (AfterCanvas), not before the first picture. */
const Dock = lazy(() => import('./Dock').then((m) => ({ default: m.Dock })));
const Inspector = lazy(() => import('./panels/Inspector').then((m) => ({ default: m.Inspector })));
/** The right-click menu is fetched the first time one opens. */
const ContextMenu = lazy(() => import('./ContextMenu').then((m) => ({ default: m.ContextMenu })));

/**
 * A share link pasted into the tab that already shows the app changes only the URL's fragment, so
 * the page does not reload: open it here as boot does (main.tsx), or refuse it with a message.
 */
function useShareLinkInPlace() {
  useEffect(() => {
    const onHash = async () => {
      const shared = await openShareFragment(location.hash, loadEngine);
      if (!shared) return;
      const s = appStore().getState();
      if (shared.ok) {
        for (const n of s.notices) if (n.key === 'notice.badLink') s.dismiss(n.id);
        s.loadDocument(shared.doc.world, shared.doc.pinned, shared.doc.recipe ?? null);
        s.notify({ tone: 'info', key: 'notice.openedLink' });
      } else
        s.notify({ tone: 'error', key: 'notice.badLink', params: { error: shared.error }, refusal: shared.refusal });
      history.replaceState(null, '', location.pathname + location.search);
    };
    const listener = () => void onHash();
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  }, []);
}

/**
 * A `#challenge=` link (at boot or pasted later) opens the challenges dialog, which reads the link
 * (ChallengesDialog): no import here, so the first bundle gains no chunk boundary.
 */
function useChallengeLink() {
  const ready = useApp((s) => s.ready);
  useEffect(() => {
    if (!ready) return;
    const open = () => {
      if (/(?:^#?|&)challenge=/.test(location.hash)) appStore().getState().openDialog({ kind: 'challenges' });
    };
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, [ready]);
}

/** The app shell: toolbar, canvas with inspector, console and simulation dock; presenter mode keeps canvas, the active terminal (large) and simulation. */
export function App() {
  const { t } = useTranslation();
  const presenter = useApp((s) => s.presenter);
  const dialogOpen = useApp((s) => s.dialog !== null);
  const menuOpen = useApp((s) => s.menu !== null);
  const inspectorOpen = useApp((s) => s.inspectorOpen);
  const dockHeight = useApp((s) => s.dockHeight);
  const inspectorWidth = useApp((s) => s.inspectorWidth);
  const rf = useRef<ReactFlowInstance<FlowNode> | null>(null);
  const onFit = useCallback(() => {
    const s = appStore().getState();
    if (rf.current) fitCanvas(rf.current, s.presenter, s.largeLabels);
  }, []);
  const onReady = useCallback((inst: ReactFlowInstance<FlowNode>) => {
    rf.current = inst;
  }, []);
  useShortcuts(onFit);
  useShareLinkInPlace();
  useChallengeLink();
  return (
    <ReactFlowProvider>
      <div
        className={`app${presenter ? ' presenter' : ''}${inspectorOpen ? '' : ' insp-closed'}`}
        data-testid="app"
        style={
          {
            '--dock-h': dockHeight === null ? undefined : `${dockHeight}px`,
            '--insp-w': inspectorWidth === null ? undefined : `${inspectorWidth}px`,
          } as React.CSSProperties
        }
      >
        {!presenter && <Toolbar onFit={onFit} />}
        <main className="stage">
          <Canvas onReady={onReady} />
          <AfterCanvas>
            <Notices />
            <EditorHost />
          </AfterCanvas>
          {presenter && (
            <div className="presenter-actions">
              {/* the toolbar is hidden here: the class's who-can-talk matrix and challenges stay one click (or M) away */}
              <button
                type="button"
                onClick={() => appStore().getState().openDialog({ kind: 'matrix' })}
                data-testid="presenter-matrix"
                aria-keyshortcuts="M"
              >
                {t('toolbar.matrixKey')}
              </button>
              <button
                type="button"
                className="exit-presenter"
                onClick={() => appStore().getState().togglePresenter()}
                data-testid="exit-presenter"
              >
                {t('toolbar.exitPresenter')}
              </button>
            </div>
          )}
          {!presenter && !inspectorOpen && (
            <button
              type="button"
              className="insp-reopen"
              aria-controls="inspector"
              aria-expanded={false}
              onClick={() => appStore().getState().setInspectorOpen(true)}
              data-testid="insp-open"
            >
              {t('panels.openInspector')}
            </button>
          )}
        </main>
        {/* the panels wait for the canvas's first picture: their grid cells keep their size meanwhile */}
        <AfterCanvas>
          <Suspense fallback={null}>
            {!presenter && inspectorOpen && <Inspector />}
            <Dock />
          </Suspense>
          {menuOpen && (
            <Suspense fallback={null}>
              <ContextMenu />
            </Suspense>
          )}
          {dialogOpen && (
            <Suspense fallback={null}>
              <Dialogs />
            </Suspense>
          )}
        </AfterCanvas>
      </div>
    </ReactFlowProvider>
  );
}
