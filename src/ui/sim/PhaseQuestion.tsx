import { memo } from 'react';
import { useTranslation } from '../../i18n/translate';
import { PHASE_KINDS, phasesOf } from '../../sim/playback/phases';
import { useSim } from './useSim';

/**
 * Predict mode, phase by phase: at a phase boundary playback holds and asks "what happens next?"
 * (ARP, NAT, the response …); once answered, right or wrong shows while that phase plays.
 */
export const PhaseQuestion = memo(function PhaseQuestion() {
  const { t } = useTranslation();
  const trace = useSim((s) => s.trace);
  const next = useSim((s) => (s.predict.enabled && s.predict.scope === 'phases' ? s.predict.next : null));
  const history = useSim((s) => s.predict.history);
  if (!trace || !next) return null;
  const kind = (k: string) => t(`sim.phase.kind.${k}`);
  if (next.answer === null)
    return (
      <section className="sim-section sim-predict" aria-label={t('sim.predict.mode')} data-testid="sim-phase-question">
        <h3 id="sim-phase-q">{t('sim.predict.nextQuestion')}</h3>
        <fieldset className="sim-predict__choices sim-predict__next" aria-labelledby="sim-phase-q">
          {PHASE_KINDS.map((k) => (
            <button key={k} type="button" onClick={() => useSim.getState().answerNext(k)}>
              {kind(k)}
            </button>
          ))}
        </fieldset>
      </section>
    );
  const actual = phasesOf(trace)[next.phase].kind;
  const right = history.filter((h) => h.correct).length;
  return (
    <section
      className={`sim-section sim-predict sim-predict--${next.correct ? 'right' : 'wrong'}`}
      data-testid="sim-phase-result"
      aria-live="polite"
    >
      <strong>{next.correct ? t('sim.predict.right') : t('sim.predict.wrong')}</strong>{' '}
      <span>{t('sim.predict.yourAnswer', { answer: kind(next.answer) })}</span>{' '}
      <span>{t('sim.predict.nextWas', { kind: kind(actual) })}</span>{' '}
      <span className="sim-muted">
        {t('sim.predict.score', { right: String(right), total: String(history.length) })}
      </span>
    </section>
  );
});
