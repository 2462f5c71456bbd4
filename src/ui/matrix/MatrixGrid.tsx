import { type KeyboardEvent, memo, useRef } from 'react';
import { resolveParticles } from '../../i18n/josa';
import { useTranslation } from '../../i18n/translate';
import { type Cell, type Party, verdict } from '../../sim/matrix';
import { cellKey, type MatrixState } from './matrixRun';
import { shortWhyKey } from './shortWhy';

export type Mode = 'ping' | 'http';

/** What a cell shows: its class (colour) and its text (the colour is never the only sign). */
export function cellLook(
  cell: Cell | undefined,
  mode: Mode,
): { tone: 'ok' | 'fail' | 'none' | 'wait'; whyKey?: string } {
  if (!cell) return { tone: 'wait' };
  const v = verdict(mode === 'ping' ? cell.ping : cell.http);
  if (!v) return { tone: 'none' };
  return v.ok ? { tone: 'ok' } : { tone: 'fail', whyKey: shortWhyKey(v.why) };
}

/**
 * The grid: rows send, columns receive. One tab stop (roving tabindex): the arrow keys, Home and
 * End move between cells, Enter or Space plays the cell's packet.
 */
export const MatrixGrid = memo(function MatrixGrid(props: {
  state: MatrixState;
  mode: Mode;
  active: [number, number];
  onActive: (rc: [number, number]) => void;
  onPlay: (from: Party, to: Party) => void;
}) {
  const { t } = useTranslation();
  const { state, mode, active, onActive, onPlay } = props;
  const { parties } = state;
  const ref = useRef<HTMLTableElement>(null);
  const move = (r: number, c: number) => {
    const n = parties.length;
    const rc: [number, number] = [Math.max(0, Math.min(n - 1, r)), Math.max(0, Math.min(n - 1, c))];
    onActive(rc);
    ref.current?.querySelector<HTMLElement>(`[data-rc="${rc[0]}:${rc[1]}"]`)?.focus();
  };
  const onKey = (e: KeyboardEvent, r: number, c: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [r - 1, c],
      ArrowDown: [r + 1, c],
      ArrowLeft: [r, c - 1],
      ArrowRight: [r, c + 1],
      Home: [r, 0],
      End: [r, parties.length - 1],
    };
    const to = moves[e.key];
    if (!to) return;
    e.preventDefault();
    move(to[0], to[1]);
  };
  const modeName = t(`matrix.mode.${mode}`);
  return (
    <table className="mx-grid" ref={ref} aria-label={t('matrix.title')} data-testid="matrix-grid">
      <thead>
        <tr>
          <th scope="col" className="mx-corner">
            {t('matrix.corner')}
          </th>
          {parties.map((p) => (
            <th key={p.id} scope="col" className={`mx-col mx-${p.kind}`}>
              {p.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {parties.map((from, r) => (
          <tr key={from.id}>
            <th scope="row" className={`mx-row mx-${from.kind}`}>
              {from.label}
            </th>
            {parties.map((to, c) => {
              if (from.id === to.id)
                return (
                  <td key={to.id} className="mx-self" aria-hidden="true">
                    ·
                  </td>
                );
              const cell = state.cells.get(cellKey(from.id, to.id));
              const look = cellLook(cell, mode);
              const text =
                look.tone === 'fail'
                  ? t('matrix.cell.fail', { why: t(look.whyKey ?? '') })
                  : t(`matrix.cell.${look.tone}`);
              const v = cell && verdict(mode === 'ping' ? cell.ping : cell.http);
              const result =
                look.tone === 'ok'
                  ? t('matrix.result.ok', { target: v?.target ?? '' })
                  : look.tone === 'fail'
                    ? t('matrix.result.fail', { why: t(look.whyKey ?? '') })
                    : look.tone === 'none'
                      ? t('matrix.result.none')
                      : t('matrix.cell.wait');
              const isActive = active[0] === r && active[1] === c;
              return (
                <td key={to.id} className={`mx-cell mx-${look.tone}${isActive ? ' mx-active' : ''}`}>
                  <button
                    type="button"
                    data-rc={`${r}:${c}`}
                    data-testid={`matrix-cell-${from.label}-${to.label}`}
                    data-tone={look.tone}
                    tabIndex={isActive ? 0 : -1}
                    aria-disabled={look.tone === 'wait' || look.tone === 'none'}
                    aria-label={resolveParticles(
                      t('matrix.cellLabel', { from: from.label, to: to.label, mode: modeName, result }),
                    )}
                    onFocus={() => onActive([r, c])}
                    onMouseEnter={() => onActive([r, c])}
                    onKeyDown={(e) => onKey(e, r, c)}
                    onClick={() => (look.tone === 'ok' || look.tone === 'fail') && onPlay(from, to)}
                  >
                    {text}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
