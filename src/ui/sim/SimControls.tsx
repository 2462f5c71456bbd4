import { memo } from 'react';
import { useTranslation } from '../../i18n/translate';
import { nextVisible, prevVisible } from '../../sim/playback/filters';
import { nextPhaseStep, prevPhaseStep } from '../../sim/playback/phaseNav';
import { phaseIndexAt, phasesOf } from '../../sim/playback/phases';
import { SPEEDS } from '../../store/playbackSlice';
import { Icon } from './icons';
import { useSim } from './useSim';

/** Play/pause, step back/forward, restart and speed. Buttons disable at the ends of the trace. */
export const SimControls = memo(function SimControls() {
  const { t } = useTranslation();
  const trace = useSim((s) => s.trace);
  const cursor = useSim((s) => s.cursor);
  const playing = useSim((s) => s.playing);
  const speed = useSim((s) => s.speed);
  const filters = useSim((s) => s.filters);
  const asking = useSim((s) => s.predict.phase === 'ask');
  const { togglePlay, stepBack, stepForward, restart, setSpeed } = useSim.getState();
  const steps = trace?.steps ?? [];
  const canBack = !asking && prevVisible(steps, cursor, filters) !== -1;
  const canForward = !asking && nextVisible(steps, cursor, filters) !== -1;
  const none = !trace || asking;
  const phases = trace ? phasesOf(trace) : [];
  const phase = phaseIndexAt(phases, cursor);
  const canPhaseBack = !asking && prevPhaseStep(steps, phases, cursor, filters) !== -1;
  const canPhaseForward = !asking && nextPhaseStep(steps, phases, cursor, filters) !== -1;
  const { prevPhase, nextPhase } = useSim.getState();

  return (
    <div className="sim-controls" role="toolbar" aria-label={t('sim.panel')}>
      <button type="button" onClick={restart} disabled={none} aria-label={t('sim.restart')} title={t('sim.restart')}>
        <Icon name="restart" />
      </button>
      <button
        type="button"
        onClick={prevPhase}
        disabled={!canPhaseBack}
        aria-label={t('sim.phase.prev')}
        title={`${t('sim.phase.prev')} (PageUp)`}
        data-testid="sim-phase-prev"
      >
        <Icon name="phasePrev" />
      </button>
      <button
        type="button"
        onClick={stepBack}
        disabled={!canBack}
        aria-label={t('sim.stepBack')}
        title={t('sim.stepBack')}
      >
        <Icon name="back" />
      </button>
      <button
        type="button"
        className="sim-controls__play"
        onClick={togglePlay}
        disabled={none}
        aria-label={playing ? t('sim.pause') : t('sim.play')}
        aria-pressed={playing}
        title={playing ? t('sim.pause') : t('sim.play')}
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        onClick={stepForward}
        disabled={!canForward}
        aria-label={t('sim.stepForward')}
        title={t('sim.stepForward')}
      >
        <Icon name="forward" />
      </button>
      <button
        type="button"
        onClick={nextPhase}
        disabled={!canPhaseForward}
        aria-label={t('sim.phase.next')}
        title={`${t('sim.phase.next')} (PageDown)`}
        data-testid="sim-phase-next"
      >
        <Icon name="phaseNext" />
      </button>
      <label className="sim-controls__speed">
        {/* the select says "1x" itself: the bar keeps its room */}
        <span className="sr-only">{t('sim.speed')}</span>
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label={t('sim.speed')}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}x
            </option>
          ))}
        </select>
      </label>
      <span className="sim-controls__where">
        <span className="sim-controls__pos" aria-live="polite" data-testid="sim-position">
          {trace && cursor >= 0 ? t('sim.stepOf', { n: cursor + 1, total: steps.length }) : ''}
        </span>
        <span className="sim-controls__phase" data-testid="sim-phase-position">
          {phase >= 0
            ? t('sim.phase.of', {
                n: phase + 1,
                total: phases.length,
                kind: t(`sim.phase.kind.${phases[phase].kind}`),
              })
            : ''}
        </span>
      </span>
    </div>
  );
});
