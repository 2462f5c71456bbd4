import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/instance';
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
  useEffect(() => {
    // fetched while the page is idle, so the first click on a node shows its tables at once
    const id = setTimeout(() => void load(), 1200);
    return () => clearTimeout(id);
  }, []);
  return (
    <aside className="inspector" aria-label={t('insp.title')} data-testid="inspector">
      <header className="panel-head">
        <span>{t('insp.title')}</span>
        {name && (
          <span className="insp-head-name mono" data-testid="insp-head-name">
            {name}
          </span>
        )}
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
