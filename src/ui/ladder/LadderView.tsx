import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from '../../i18n/translate';
import { downloadText } from '../../io/download';
import type { Trace } from '../../sim/model';
import { type LadderArrow, traceLadder } from '../../sim/playback/ladder';
import { useApp } from '../../store/instance';
import { nameOfId } from '../sim/placeName';
import { usePlaceNames } from '../sim/usePlaceNames';
import { useSim } from '../sim/useSim';
import { useElementSize } from '../useLayoutSize';
import { LadderSvg } from './LadderSvg';
import { layoutLadder } from './layout';
import './ladder.css';

const cache = new WeakMap<Trace, ReturnType<typeof traceLadder>>();
function ladderOf(trace: Trace) {
  let l = cache.get(trace);
  if (!l) {
    l = traceLadder(trace);
    cache.set(trace, l);
  }
  return l;
}

/** The file name of an export: the command, tidied (`ladder-remote-curl-s-http-124.111.46.91.svg`). */
function fileName(command: string): string {
  const slug = command
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `ladder-${slug || 'trace'}.svg`;
}

/**
 * The ladder diagram of the loaded trace over the canvas (the simulation panel's controls stay in
 * view below it): the current hop highlighted and kept in view, a click or Enter on a hop seeks
 * there, "Save SVG" writes the picture for slides. Loaded on first open, outside the initial bundle.
 */
export default function LadderView(props: { onClose: () => void }) {
  const { t } = useTranslation();
  const trace = useSim((s) => s.trace);
  const cursor = useSim((s) => s.cursor);
  const hideAhead = useSim((s) => s.predict.enabled);
  const presenter = useApp((s) => s.presenter);
  const names = usePlaceNames();
  const scrollRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const rootRef = useRef<HTMLElement>(null);
  const { width } = useElementSize(scrollRef);
  const ladder = useMemo(() => (trace ? ladderOf(trace) : null), [trace]);
  const colNames = useMemo(() => ladder?.columns.map((c) => nameOfId(c, names)) ?? [], [ladder, names]);
  const fs = presenter ? 19 : 14;
  const layout = useMemo(
    () => (ladder ? layoutLadder(ladder, colNames, Math.max(width - 4, 320), fs, presenter) : null),
    [ladder, colNames, width, fs, presenter],
  );
  const current = ladder && cursor >= 0 ? ladder.arrowOfStep[cursor] : -1;
  // while a class predicts, the hops still to come stay hidden
  const shownUpTo = !ladder ? -1 : hideAhead ? (cursor < 0 ? -1 : current) : ladder.arrows.length;

  useEffect(() => {
    rootRef.current?.focus({ preventScroll: true });
  }, []);
  useEffect(() => {
    void current;
    const box = scrollRef.current;
    const row = box?.querySelector('[data-current="true"]');
    if (!box || !row) return;
    const b = box.getBoundingClientRect();
    const r = row.getBoundingClientRect();
    const pad = 60;
    if (r.top < b.top + pad) box.scrollTop -= b.top + pad - r.top;
    else if (r.bottom > b.bottom - pad) box.scrollTop += r.bottom - b.bottom + pad;
  }, [current]);

  if (!trace || !ladder || !layout) return null;
  const arrowName = (a: LadderArrow) =>
    t('ladder.arrow', { n: a.step + 1, label: a.line, from: nameOfId(a.from, names), to: nameOfId(a.to, names) });
  const save = () => {
    const svg = svgRef.current;
    if (!svg) return;
    const copy = svg.cloneNode(true) as SVGSVGElement;
    for (const n of copy.querySelectorAll('[data-highlight]')) n.remove();
    for (const n of copy.querySelectorAll('[tabindex], [role], [aria-current]')) {
      n.removeAttribute('tabindex');
      n.removeAttribute('aria-current');
      if (n !== copy) n.removeAttribute('role');
    }
    const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
    downloadText(fileName(trace.command), text, 'image/svg+xml');
  };
  return (
    <section
      ref={rootRef}
      className={`ladder${presenter ? ' ladder--presenter' : ''}`}
      aria-label={t('ladder.title')}
      tabIndex={-1}
      data-testid="ladder"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <header className="ladder__bar">
        <h2>{t('ladder.title')}</h2>
        <code className="ladder__command" title={trace.command}>
          {trace.command}
        </code>
        <button type="button" onClick={save} title={t('ladder.exportHint')} data-testid="ladder-export">
          {t('ladder.export')}
        </button>
        <button type="button" onClick={props.onClose} data-testid="ladder-close">
          {t('ladder.close')}
        </button>
      </header>
      <div className="ladder__scroll" ref={scrollRef}>
        {/* the column names stay in view while the hops scroll under them */}
        <div
          className="ladder__names"
          style={{ width: layout.width, height: layout.headH, marginBottom: -layout.headH }}
          aria-hidden="true"
        >
          {colNames.map((n, i) => (
            <span key={ladder.columns[i]} style={{ left: layout.colX[i], fontSize: layout.fs }}>
              {n}
            </span>
          ))}
        </div>
        <LadderSvg
          ladder={ladder}
          layout={layout}
          names={colNames}
          current={current}
          shownUpTo={shownUpTo}
          title={`${t('ladder.title')}: ${trace.command}`}
          timeWord={t('ladder.time')}
          arrowName={arrowName}
          onSeek={(step) => useSim.getState().jumpTo(step)}
          svgRef={svgRef}
        />
      </div>
    </section>
  );
}
