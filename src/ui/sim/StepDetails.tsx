import { memo, useMemo } from 'react';
import { useTranslation } from '../../i18n/translate';
import { STOP_ACTIONS } from '../../sim/playback/predict';
import { engine } from '../../store/engine';
import { stepHeaders } from './headerDiff';
import { keepWords } from './keepWords';
import { useNarrationLang } from './lang';
import { nameOfId } from './placeName';
import { changeKey, formatEntry } from './tableEntry';
import { usePlaceNames } from './usePlaceNames';
import { useSim } from './useSim';

/** The current step's narration in the chosen language; a drop is marked as such. */
export const Narration = memo(function Narration() {
  const { t } = useTranslation();
  const lang = useNarrationLang();
  const step = useSim((s) => s.trace?.steps[s.cursor]);
  if (!step) return null;
  const drop = STOP_ACTIONS.has(step.action);
  return (
    <section
      className={`sim-section sim-narration${drop ? ' sim-narration--drop' : ''}`}
      aria-label={t('sim.narration')}
    >
      {drop && (
        <strong className="sim-narration__drop">✕ {t(step.action === 'refuse' ? 'sim.refused' : 'sim.dropped')}</strong>
      )}
      <p data-testid="sim-narration" aria-live="polite">
        {keepWords(engine().formatExplain(lang, step.explain))}
      </p>
    </section>
  );
});

/** The table entries the current step creates or uses, highlighted (re-keyed so the flash replays). */
export const TableChanges = memo(function TableChanges() {
  const { t } = useTranslation();
  const step = useSim((s) => s.trace?.steps[s.cursor]);
  const epoch = useSim((s) => s.epoch);
  const names = usePlaceNames();
  if (!step) return null;
  return (
    <section className="sim-section sim-tables" aria-label={t('sim.tables')}>
      <h3>{t('sim.tables')}</h3>
      {step.changes.length === 0 ? (
        <p className="sim-muted">{t('sim.noTableChange')}</p>
      ) : (
        <ul>
          {step.changes.map((c, i) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: entries have no identity; the epoch replays the flash
              key={`${epoch}-${i}`}
              className={`sim-change sim-change--${c.table} sim-change--hl`}
              data-testid="sim-change"
              data-table={c.table}
            >
              <span className="sim-change__label">{t(changeKey(c))}</span>{' '}
              <span className="sim-change__on">{t('sim.on', { where: nameOfId(c.on, names) })}</span>
              <code className="sim-change__entry">{formatEntry(c)}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});

/** The frame's headers by layer; fields rewritten at this hop show before → after. */
export const HeaderInspector = memo(function HeaderInspector() {
  const { t } = useTranslation();
  const trace = useSim((s) => s.trace);
  const cursor = useSim((s) => s.cursor);
  const layers = useMemo(() => (trace ? stepHeaders(trace.steps, cursor) : []), [trace, cursor]);
  if (layers.length === 0) return null;
  return (
    <section className="sim-section sim-headers" aria-label={t('sim.headers')} data-testid="sim-headers">
      <h3>{t('sim.headers')}</h3>
      {layers.map((layer) => (
        <div key={layer.name} className="sim-layer" data-layer={layer.name}>
          <h4>{layer.name}</h4>
          <dl>
            {layer.fields.map((f) => (
              <div
                key={f.name}
                className={`sim-field${f.before !== undefined ? ' sim-field--changed' : ''}`}
                data-field={`${layer.name}.${f.name}`}
              >
                <dt>{f.name}</dt>
                <dd>
                  {f.before !== undefined && (
                    <>
                      <del className="sim-field__before">{f.before}</del>
                      <span aria-hidden="true"> → </span>
                      <span className="sr-only">{t('sim.changedHere')}: </span>
                    </>
                  )}
                  <span className="sim-field__value">{f.value}</span>
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </section>
  );
});
