import '../../i18n/matrix';
import './matrix.css';
import { useId, useRef, useState } from 'react';
import { resolveParticles } from '../../i18n/josa';
import { formatExplain } from '../../i18n/trace';
import { useTranslation } from '../../i18n/translate';
import { type Party, verdict } from '../../sim/matrix';
import { appStore, useApp } from '../../store/instance';
import { outcomeText } from '../sim/outcomeText';
import { useDialogFocus } from '../useDialogFocus';
import { ClassroomTabs } from './ClassroomTabs';
import { MatrixGrid, type Mode } from './MatrixGrid';
import { cellKey } from './matrixRun';
import { NetworkToggles } from './NetworkToggles';
import { playProbe } from './playProbe';
import { useMatrix } from './useMatrix';

/**
 * Who can talk to whom in the current World: a grid of rows (senders) and columns (receivers),
 * ping or HTTP, each cell coloured and worded (reaches, or the engine's reason it does not).
 * Choosing a cell plays its packet in the simulation panel and closes the dialog so the class sees it.
 */
export default function MatrixDialog() {
  const { t } = useTranslation();
  const world = useApp((s) => s.world);
  const lang = useApp((s) => s.lang);
  const state = useMatrix(world);
  const [mode, setMode] = useState<Mode>('ping');
  const [active, setActive] = useState<[number, number]>([0, 1]);
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const close = () => appStore().getState().openDialog(null);
  const onKeyDown = useDialogFocus(ref, close);
  const play = (from: Party, to: Party) => {
    const cell = state?.cells.get(cellKey(from.id, to.id));
    const v = cell && verdict(mode === 'ping' ? cell.ping : cell.http);
    if (!v) return;
    close();
    playProbe(from, mode, v.target);
  };
  const parties = state?.parties ?? [];
  const from = parties[active[0]];
  const to = parties[active[1]];
  const cell = from && to && from.id !== to.id ? state?.cells.get(cellKey(from.id, to.id)) : undefined;
  const probes = cell ? (mode === 'ping' ? cell.ping : cell.http) : [];
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        ref={ref}
        className="modal mx-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        data-testid="matrix-dialog"
      >
        <ClassroomTabs current="matrix" titleId={titleId} />
        {/* the intro and the count share a line, as the title and the play button below do: the lines
            they took back let the grid fit a 1280x720 dialog whole */}
        <div className="mx-introrow">
          <p className="dim small mx-intro">{t('matrix.intro')}</p>
          <span className="dim small" role="status" data-testid="matrix-status">
            {!state || state.ms === null
              ? t('matrix.computing', { done: state?.rowsDone ?? 0, total: parties.length })
              : t('matrix.done', { count: state.cells.size, ms: state.ms })}
          </span>
        </div>
        <div className="mx-bar">
          <fieldset className="mx-mode">
            <legend>{t('matrix.mode')}</legend>
            {(['ping', 'http'] as const).map((m) => (
              <label key={m}>
                <input
                  type="radio"
                  name="mx-mode"
                  checked={mode === m}
                  onChange={() => setMode(m)}
                  data-testid={`matrix-mode-${m}`}
                  data-autofocus={m === 'ping' ? true : undefined}
                />
                {t(`matrix.mode.${m}`)}
              </label>
            ))}
          </fieldset>
          <ul className="mx-legend" aria-label={t('matrix.legend')}>
            <li className="mx-ok">{t('matrix.legend.ok')}</li>
            <li className="mx-fail">{t('matrix.legend.fail')}</li>
            <li className="mx-none">{t('matrix.legend.none')}</li>
            <li className="mx-self">{t('matrix.legend.self')}</li>
          </ul>
        </div>
        <section className="mx-scroll" aria-label={t('matrix.title')}>
          {state && <MatrixGrid state={state} mode={mode} active={active} onActive={setActive} onPlay={play} />}
        </section>
        <section className="mx-details" aria-live="polite" data-testid="matrix-details">
          {cell && from && to ? (
            <>
              <div className="mx-details__head">
                <h3>
                  {from.label} → {to.label} · {t(`matrix.mode.${mode}`)}
                </h3>
                {probes.length > 0 && (
                  <button type="button" className="primary" onClick={() => play(from, to)} data-testid="matrix-play">
                    {t('matrix.play')}
                  </button>
                )}
              </div>
              {probes.length === 0 && <p>{t('matrix.result.none')}</p>}
              <ol>
                {probes.map((p) => (
                  <li key={p.line} className={p.ok ? 'mx-ok' : 'mx-fail'}>
                    <code>{p.line}</code> {p.ok ? '✓' : '✗'} {outcomeText(lang, p.summary)}
                    {p.why && <div className="mx-why">{resolveParticles(formatExplain(lang, p.why))}</div>}
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <p className="dim small">{t('matrix.detailsEmpty')}</p>
          )}
        </section>
        {/* Close beside the networks, not on a row of its own under them */}
        <div className="mx-foot">
          <NetworkToggles />
          <div className="modal-actions">
            <button type="button" onClick={close} data-testid="matrix-close">
              {t('matrix.close')}
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
