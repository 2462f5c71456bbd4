import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from '../../i18n/translate';
import { ARRIVES, predictAnswer, predictChoices } from '../../sim/playback/predict';
import { useApp } from '../../store/instance';
import { nameOfId, type PlaceNames } from './placeName';
import { expectedPath } from './predictPath';
import { usePlaceNames } from './usePlaceNames';
import { useSim } from './useSim';

function answerText(t: (k: string, o?: Record<string, string>) => string, answer: string, names: PlaceNames | null) {
  return answer === ARRIVES ? t('sim.predict.arrives') : t('sim.predict.stopsAt', { where: nameOfId(answer, names) });
}

/**
 * Predict mode: the question before playing; while it plays, the class's answer; at the end (played
 * or jumped to), right or wrong and the running score. A section that replaces the one holding focus
 * takes it, so a keyboard user keeps their place (and Space still plays and pauses).
 */
export const PredictPrompt = memo(function PredictPrompt() {
  const { t } = useTranslation();
  const trace = useSim((s) => s.trace);
  const predict = useSim((s) => s.predict);
  const names = usePlaceNames();
  const world = useApp((s) => s.world);
  const asking = predict.phase === 'ask';
  // the World of the moment the question is asked: the trace was just made on it
  const choices = useMemo(
    () => (trace && asking ? predictChoices(trace, expectedPath(world, trace)) : []),
    [trace, asking, world],
  );
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (predict.phase === 'ask') return;
    const a = document.activeElement;
    if (!a || a === document.body) ref.current?.focus({ preventScroll: true });
  }, [predict.phase]);
  if (!trace || !predict.enabled) return null;

  if (predict.phase === 'ask')
    return (
      <section className="sim-section sim-predict" aria-label={t('sim.predict.mode')} data-testid="sim-predict">
        <h3 id="sim-predict-q">{t('sim.predict.question')}</h3>
        <fieldset className="sim-predict__choices" aria-labelledby="sim-predict-q">
          {choices.map((c) => (
            <button key={c} type="button" onClick={() => useSim.getState().answerPredict(c)}>
              {answerText(t, c, names)}
            </button>
          ))}
        </fieldset>
      </section>
    );

  if (predict.phase === 'watching' && predict.answer !== null)
    return (
      <section
        ref={ref}
        tabIndex={-1}
        className="sim-section sim-predict sim-predict--watching"
        data-testid="sim-predict-watching"
        aria-live="polite"
      >
        <p>
          <strong>{t('sim.predict.yourAnswer', { answer: answerText(t, predict.answer, names) })}</strong>
        </p>
        <p className="sim-muted">{t('sim.predict.watching')}</p>
        <button type="button" className="sim-predict__now" onClick={() => useSim.getState().toEnd()}>
          {t('sim.predict.showNow')}
        </button>
      </section>
    );

  if (predict.phase !== 'revealed' || predict.answer === null) return null;
  const right = predict.history.filter((h) => h.correct).length;
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className={`sim-section sim-predict sim-predict--${predict.correct ? 'right' : 'wrong'}`}
      data-testid="sim-predict-result"
      aria-live="polite"
    >
      <strong>{predict.correct ? t('sim.predict.right') : t('sim.predict.wrong')}</strong>
      <p>{t('sim.predict.yourAnswer', { answer: answerText(t, predict.answer, names) })}</p>
      <p>{t('sim.predict.actual', { actual: answerText(t, predictAnswer(trace), names) })}</p>
      <p className="sim-muted">
        {t('sim.predict.score', { right: String(right), total: String(predict.history.length) })}
      </p>
    </section>
  );
});
