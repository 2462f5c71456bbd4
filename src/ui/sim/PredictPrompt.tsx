import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/instance';
import { nameOfId, type PlaceNames } from './placeName';
import { ARRIVES, predictAnswer, predictChoices } from './playbackLogic';
import { expectedPath } from './predictPath';
import { usePlaceNames } from './usePlaceNames';
import { useSim } from './useSim';

function answerText(t: (k: string, o?: Record<string, string>) => string, answer: string, names: PlaceNames | null) {
  return answer === ARRIVES ? t('sim.predict.arrives') : t('sim.predict.stopsAt', { where: nameOfId(answer, names) });
}

/** Predict mode: the question before playing, then right or wrong and the running score. */
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

  if (predict.phase !== 'revealed' || predict.answer === null) return null;
  const right = predict.history.filter((h) => h.correct).length;
  return (
    <section
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
