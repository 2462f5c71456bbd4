import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from '../i18n/translate';
import { appStore, useApp } from '../store/instance';
import { DOCK_MIN, dockMax } from '../store/panelSizes';
import { ConsolePanel } from './panels/ConsolePanel';
import { Splitter } from './Splitter';
import { STACKED_QUERY, useElementSize, useMedia, useViewport } from './useLayoutSize';

type Pane = 'console' | 'sim';

/** The simulation panel loads after the first draw (its controls, lessons and tables are not needed to see the canvas). */
const SimulationPanel = lazy(() => import('./sim/SimulationPanel').then((m) => ({ default: m.SimulationPanel })));
const PresenterGuide = lazy(() => import('./sim/PresenterGuide').then((m) => ({ default: m.PresenterGuide })));

/**
 * The dock under the canvas: console and packet simulation side by side, its height dragged (or
 * moved with the arrow keys) at the splitter on its top edge. Stacked on a tablet held upright, the
 * two take turns behind tabs, each then as wide as the screen. Presenter mode shows the active terminal (large), under the lesson's guide, beside the simulation.
 */
export function Dock() {
  const { t } = useTranslation();
  const presenter = useApp((s) => s.presenter);
  const dockHeight = useApp((s) => s.dockHeight);
  const stacked = useMedia(STACKED_QUERY) && !presenter;
  const [pane, setPane] = useState<Pane>('console');
  const ref = useRef<HTMLDivElement>(null);
  const size = useElementSize(ref);
  const vp = useViewport();
  const tab = (p: Pane, label: string) => (
    <button
      type="button"
      role="tab"
      id={`dock-tab-${p}`}
      aria-selected={pane === p}
      aria-controls={`dock-${p}`}
      tabIndex={pane === p ? 0 : -1}
      className="dock-tab"
      data-testid={`dock-tab-${p}`}
      onClick={() => setPane(p)}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
        const next: Pane = p === 'console' ? 'sim' : 'console';
        setPane(next);
        document.getElementById(`dock-tab-${next}`)?.focus();
      }}
    >
      {label}
    </button>
  );
  const paneProps = (p: Pane) =>
    stacked ? { role: 'tabpanel', 'aria-labelledby': `dock-tab-${p}`, hidden: pane !== p } : { hidden: false };
  return (
    <div className={`dock${stacked ? ' dock--tabs' : ''}`} id="dock" ref={ref} data-testid="dock">
      {!presenter && (
        <Splitter
          axis="row"
          value={dockHeight ?? size.height}
          min={DOCK_MIN}
          max={dockMax(vp.height)}
          onChange={(h) => appStore().getState().setPanelSize({ dockHeight: h })}
          label={t('panels.resizeDock')}
          controls="dock"
          testId="dock-splitter"
        />
      )}
      {stacked && (
        <div className="dock-tabs" role="tablist" aria-label={t('panels.dockTabs')}>
          {tab('console', t('console.title'))}
          {tab('sim', t('sim.panel'))}
        </div>
      )}
      <div className="dock-pane" id="dock-console" {...paneProps('console')}>
        {/* one element in both modes, so switching presenter mode keeps the console mounted */}
        <div className="dock-stack">
          {presenter && (
            <Suspense fallback={null}>
              <PresenterGuide />
            </Suspense>
          )}
          <ConsolePanel />
        </div>
      </div>
      <div className="dock-pane" id="dock-sim" {...paneProps('sim')}>
        <section className="sim-dock" aria-label={t('sim.dock')} data-testid="sim-dock">
          <Suspense fallback={null}>
            <SimulationPanel />
          </Suspense>
        </section>
      </div>
    </div>
  );
}
