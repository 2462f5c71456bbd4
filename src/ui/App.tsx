import { type ReactFlowInstance, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import '../styles/app.css';
import { lazy, Suspense, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { openShareFragment } from '../io/shareLink';
import { loadEngine } from '../store/engine';
import { appStore, useApp } from '../store/instance';
import { ContextMenu } from './ContextMenu';
import { Canvas } from './canvas/Canvas';
import { fitCanvas } from './canvas/fit';
import type { FlowNode } from './canvas/flow';
import { Notices } from './Notices';
import { ConsolePanel } from './panels/ConsolePanel';
import { Inspector } from './panels/Inspector';
import { SimulationPanel } from './sim';
import { Toolbar } from './Toolbar';
import { useShortcuts } from './useShortcuts';

/** Dialogs (and the image catalogue and project I/O they use) load on first use, never on first paint. */
const Dialogs = lazy(() => import('./Dialogs'));

/** Re-fits the view when things appear or disappear (not on every change: a person's zoom stays). */
function useAutoFit(rf: React.RefObject<ReactFlowInstance<FlowNode> | null>) {
  const count = useApp((s) => Object.keys(s.world.containers).length * 1000 + Object.keys(s.world.networks).length);
  const presenter = useApp((s) => s.presenter);
  const largeLabels = useApp((s) => s.largeLabels);
  useEffect(() => {
    void count;
    const id = setTimeout(() => rf.current && fitCanvas(rf.current, presenter, largeLabels), 60);
    return () => clearTimeout(id);
  }, [count, presenter, largeLabels, rf]);
}

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
      } else s.notify({ tone: 'error', key: 'notice.badLink', params: { error: shared.error } });
      history.replaceState(null, '', location.pathname + location.search);
    };
    const listener = () => void onHash();
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  }, []);
}

/** The app shell: toolbar, canvas with inspector, console and simulation dock; presenter mode keeps canvas + simulation. */
export function App() {
  const { t } = useTranslation();
  const presenter = useApp((s) => s.presenter);
  const dialogOpen = useApp((s) => s.dialog !== null);
  const rf = useRef<ReactFlowInstance<FlowNode> | null>(null);
  const onFit = useCallback(() => {
    const s = appStore().getState();
    if (rf.current) fitCanvas(rf.current, s.presenter, s.largeLabels);
  }, []);
  const onReady = useCallback((inst: ReactFlowInstance<FlowNode>) => {
    rf.current = inst;
  }, []);
  useShortcuts(onFit);
  useAutoFit(rf);
  useShareLinkInPlace();
  return (
    <ReactFlowProvider>
      <div className={`app${presenter ? ' presenter' : ''}`} data-testid="app">
        {!presenter && <Toolbar onFit={onFit} />}
        <main className="stage">
          <Canvas onReady={onReady} />
          <Notices />
          {presenter && (
            <button
              type="button"
              className="exit-presenter"
              onClick={() => appStore().getState().togglePresenter()}
              data-testid="exit-presenter"
            >
              {t('toolbar.exitPresenter')}
            </button>
          )}
        </main>
        {!presenter && <Inspector />}
        <div className="dock">
          {!presenter && <ConsolePanel />}
          <section className="sim-dock" aria-label={t('sim.dock')} data-testid="sim-dock">
            <SimulationPanel />
          </section>
        </div>
        <ContextMenu />
        {dialogOpen && (
          <Suspense fallback={null}>
            <Dialogs />
          </Suspense>
        )}
      </div>
    </ReactFlowProvider>
  );
}
