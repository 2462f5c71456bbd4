import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/translate';
import type { Step } from '../../sim/model';
import { visibleIndices } from '../../sim/playback/filters';
import { type Phase, phaseIndexAt, phasesOf } from '../../sim/playback/phases';
import { STOP_ACTIONS } from '../../sim/playback/predict';
import { protoLabel, stepCategory } from '../../sim/playback/protocol';
import { Icon } from './icons';
import { type PlaceNames, placeOf } from './placeName';
import { PROTO_COLOURS } from './protoColours';
import { usePlaceNames } from './usePlaceNames';
import { useSim } from './useSim';
import './phases.css';

/**
 * After a row is clicked, the step's header diff comes into view: on a tablet (768 px) the detail
 * column is about 210 px tall, so reaching a row scrolled the headers above it out of sight and the
 * click changed what nobody saw. The nearest panel that scrolls (the detail column, or the whole
 * panel in one column) brings the headers' top in, or the first changed field's when both do not fit.
 */
function revealHeaderDiff(from: HTMLElement) {
  const panel = from.closest<HTMLElement>('.sim-panel');
  const headers = panel?.querySelector<HTMLElement>('[data-testid="sim-headers"]');
  if (!panel || !headers) return;
  const changed = headers.querySelector<HTMLElement>('.sim-field--changed');
  let box: HTMLElement | null = headers.parentElement;
  while (
    box &&
    box !== panel &&
    !(box.scrollHeight > box.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(box).overflowY))
  )
    box = box.parentElement;
  if (!box) return;
  const view = box.getBoundingClientRect();
  const head = headers.getBoundingClientRect();
  // the changed field, or with none the first layer (its top and as much as the view holds)
  const target = (changed ?? headers.querySelector<HTMLElement>('.sim-layer') ?? headers).getBoundingClientRect();
  if (target.top >= view.top && Math.min(target.bottom, target.top + view.height) <= view.bottom) return;
  // the headers' title too when it fits with the field, else the field at the top
  const aim = target.bottom - head.top <= view.height ? head.top : target.top - 8;
  box.scrollTop += aim - view.top;
}

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
    const list = row?.closest('.sim-events__list');
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
        onClick={(e) => {
          const row = e.currentTarget;
          useSim.getState().jumpTo(index);
          // once the step's headers are drawn
          requestAnimationFrame(() => requestAnimationFrame(() => revealHeaderDiff(row)));
        }}
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

/** A phase's heading: fold or unfold its rows, and play it as one unit. */
const PhaseHead = memo(function PhaseHead(props: {
  index: number;
  phase: Phase;
  open: boolean;
  current: boolean;
  onToggle: (index: number) => void;
}) {
  const { t } = useTranslation();
  const { index, phase, open, current } = props;
  const kind = t(`sim.phase.kind.${phase.kind}`);
  const n = index + 1;
  return (
    <div className={`sim-phase__head${current ? ' sim-phase__head--current' : ''}`}>
      <button
        type="button"
        className="sim-phase__toggle"
        aria-expanded={open}
        aria-label={t('sim.phase.heading', { n, kind, from: phase.start + 1, to: phase.end + 1 })}
        onClick={() => props.onToggle(index)}
        data-testid="sim-phase-toggle"
      >
        <span className="sim-phase__chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <span className="sim-phase__kind">{kind}</span>
        <span className="sim-phase__detail">{phase.detail}</span>
        <span className="sim-phase__range">
          {phase.start + 1}–{phase.end + 1}
        </span>
      </button>
      <button
        type="button"
        className="sim-phase__play"
        aria-label={t('sim.phase.play', { n, kind })}
        title={t('sim.phase.play', { n, kind })}
        onClick={() => useSim.getState().playPhase(index)}
        data-testid="sim-phase-play"
      >
        <Icon name="play" />
      </button>
    </div>
  );
});

/**
 * The trace's steps that pass the protocol filters, under a heading per phase (DNS, ARP, the
 * handshake, NAT …) that folds its rows away and plays the phase; clicking a row jumps there.
 * While a class predicts phase by phase, phases still to come stay out of the list.
 */
export const EventList = memo(function EventList() {
  const { t } = useTranslation();
  const trace = useSim((s) => s.trace);
  const cursor = useSim((s) => s.cursor);
  const filters = useSim((s) => s.filters);
  const asking = useSim((s) => s.predict.phase === 'ask');
  const hideAhead = useSim((s) => s.predict.enabled && s.predict.scope === 'phases');
  const names = usePlaceNames();
  const [folded, setFolded] = useState<ReadonlySet<number>>(new Set());
  // a new trace opens unfolded
  // biome-ignore lint/correctness/useExhaustiveDependencies: resets on a new trace only
  useEffect(() => setFolded(new Set()), [trace]);
  // the list would give the answer away (a 'drop' row) while the class is predicting
  if (!trace || asking) return null;
  const phases = phasesOf(trace);
  const current = phaseIndexAt(phases, cursor);
  const shown = visibleIndices(trace.steps, filters);
  const groups: { k: number; rows: number[] }[] = [];
  for (const i of shown) {
    const k = phaseIndexAt(phases, i);
    if (hideAhead && k > current) break;
    const last = groups[groups.length - 1];
    if (last && last.k === k) last.rows.push(i);
    else groups.push({ k, rows: [i] });
  }
  const toggle = (k: number) =>
    setFolded((f) => {
      const next = new Set(f);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });
  const allFolded = groups.length > 0 && groups.every((g) => folded.has(g.k));
  return (
    <section className="sim-section sim-events" aria-label={t('sim.events')}>
      <div className="sim-events__title">
        <h3>{t('sim.events')}</h3>
        <button
          type="button"
          className="sim-events__fold"
          onClick={() => setFolded(allFolded ? new Set() : new Set(groups.map((g) => g.k)))}
          data-testid="sim-phase-fold-all"
        >
          {allFolded ? t('sim.phase.expandAll') : t('sim.phase.collapseAll')}
        </button>
      </div>
      <div className="sim-event sim-event--head" aria-hidden="true">
        <span>{t('sim.col.step')}</span>
        <span>{t('sim.col.where')}</span>
        <span>{t('sim.col.proto')}</span>
        <span>{t('sim.col.action')}</span>
      </div>
      <ol className="sim-events__list">
        {groups.map(({ k, rows }) => (
          <li key={k} className={`sim-phase sim-phase--${phases[k].kind}`} data-testid="sim-phase">
            <PhaseHead index={k} phase={phases[k]} open={!folded.has(k)} current={k === current} onToggle={toggle} />
            {!folded.has(k) && (
              <ol className="sim-phase__steps">
                {rows.map((i) => (
                  <Row key={i} index={i} step={trace.steps[i]} names={names} current={i === cursor} />
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
});
