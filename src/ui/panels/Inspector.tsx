import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from '../../i18n/translate';
import { appStore, useApp } from '../../store/instance';
import { INSPECTOR_MIN, inspectorMax } from '../../store/panelSizes';
import { Splitter } from '../Splitter';
import { useElementSize, useViewport } from '../useLayoutSize';
import { StepTouches } from './StepTouches';
import { nodeLabel } from './stepFlash';

const load = () => import('./InspectorBody');
const InspectorBody = lazy(load);

/** The Inspector panel: what the current playback step touches, then the selected node's tables. */
export function Inspector() {
  const { t } = useTranslation();
  const selected = useApp((s) => s.selected);
  // the name stays in sight however far the tables scroll
  const name = useApp((s) =>
    s.selected === 'seg:lan' ? t('node.lanSwitch') : s.selected ? nodeLabel(s.world, s.selected) : '',
  );
  const width = useApp((s) => s.inspectorWidth);
  const vp = useViewport();
  const ref = useRef<HTMLElement>(null);
  const size = useElementSize(ref);
  useEffect(() => {
    // fetched while the page is idle, so the first click on a node shows its tables at once
    const id = setTimeout(() => void load(), 1200);
    return () => clearTimeout(id);
  }, []);
  return (
    <aside className="inspector" id="inspector" aria-label={t('insp.title')} data-testid="inspector" ref={ref}>
      <Splitter
        axis="column"
        value={width ?? size.width}
        min={INSPECTOR_MIN}
        max={inspectorMax(vp.width)}
        onChange={(w) => appStore().getState().setPanelSize({ inspectorWidth: w })}
        label={t('panels.resizeInspector')}
        controls="inspector"
        testId="insp-splitter"
      />
      <header className="panel-head">
        <span>{t('insp.title')}</span>
        {name && (
          <span className="insp-head-name mono" data-testid="insp-head-name">
            {name}
          </span>
        )}
        <button
          type="button"
          className="insp-close"
          aria-label={t('panels.closeInspector')}
          title={t('panels.closeInspector')}
          aria-controls="inspector"
          aria-expanded
          onClick={() => appStore().getState().setInspectorOpen(false)}
          data-testid="insp-close"
        >
          ×
        </button>
      </header>
      <div className="insp-body">
        <StepTouches />
        {selected ? (
          <Suspense fallback={<div className="dim">…</div>}>
            <InspectorBody selected={selected} />
          </Suspense>
        ) : (
          <div className="dim">{t('insp.nothing')}</div>
        )}
      </div>
    </aside>
  );
}
