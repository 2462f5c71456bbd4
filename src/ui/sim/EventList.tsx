import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Step } from '../../sim/model';
import { type PlaceNames, placeOf } from './placeName';
import { STOP_ACTIONS, visibleIndices } from './playbackLogic';
import { PROTO_COLOURS, protoLabel, stepCategory } from './protocol';
import { usePlaceNames } from './usePlaceNames';
import { useSim } from './useSim';

const Row = memo(function Row(props: { index: number; step: Step; names: PlaceNames | null; current: boolean }) {
  const { t } = useTranslation();
  const { index, step, names, current } = props;
  const where = placeOf(step, names);
  // the engine's action id, in words of the chosen language (a Korean class read "transmit")
  const action = t(`sim.act.${step.action}`, { defaultValue: step.action });
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // scroll the list only: scrollIntoView would also scroll the panel and the page
    const row = ref.current;
    const list = row?.closest('ol');
    if (!current || !row || !list) return;
    // by the rows' boxes on screen: offsetTop is already relative to the list (its offsetParent),
    // so subtracting the list's own offsetTop scrolled step 36 out of view, to rows 3–7
    const l = list.getBoundingClientRect();
    const r = row.getBoundingClientRect();
    if (r.top < l.top) list.scrollTop -= l.top - r.top;
    else if (r.bottom > l.bottom) list.scrollTop += r.bottom - l.bottom;
  }, [current]);
  return (
    <li>
      <button
        ref={ref}
        type="button"
        className={`sim-event${current ? ' sim-event--current' : ''}${STOP_ACTIONS.has(step.action) ? ' sim-event--drop' : ''}`}
        aria-current={current ? 'step' : undefined}
        aria-label={t('sim.jumpTo', { n: index + 1, action, where })}
        onClick={() => useSim.getState().jumpTo(index)}
        data-testid="sim-event"
      >
        <span className="sim-event__n">{index + 1}</span>
        <span className="sim-event__where">{where}</span>
        <span className="sim-event__proto" style={{ borderColor: PROTO_COLOURS[stepCategory(step)] }}>
          {protoLabel(step)}
        </span>
        <span className="sim-event__action" data-action={step.action}>
          {action}
        </span>
      </button>
    </li>
  );
});

/** The trace's steps that pass the protocol filters; clicking one jumps there. */
export const EventList = memo(function EventList() {
  const { t } = useTranslation();
  const trace = useSim((s) => s.trace);
  const cursor = useSim((s) => s.cursor);
  const filters = useSim((s) => s.filters);
  const asking = useSim((s) => s.predict.phase === 'ask');
  const names = usePlaceNames();
  // the list would give the answer away (a 'drop' row) while the class is predicting
  if (!trace || asking) return null;
  const shown = visibleIndices(trace.steps, filters);
  return (
    <section className="sim-section sim-events" aria-label={t('sim.events')}>
      <h3>{t('sim.events')}</h3>
      <div className="sim-event sim-event--head" aria-hidden="true">
        <span>{t('sim.col.step')}</span>
        <span>{t('sim.col.where')}</span>
        <span>{t('sim.col.proto')}</span>
        <span>{t('sim.col.action')}</span>
      </div>
      <ol className="sim-events__list">
        {shown.map((i) => (
          <Row key={i} index={i} step={trace.steps[i]} names={names} current={i === cursor} />
        ))}
      </ol>
    </section>
  );
});
