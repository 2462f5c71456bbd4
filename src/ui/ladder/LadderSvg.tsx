import { memo, type Ref } from 'react';
import type { Ladder, LadderArrow } from '../../sim/playback/ladder';
import type { PhaseKind } from '../../sim/playback/phases';
import { type LadderLayout, textWidth } from './layout';

/**
 * Colours are attributes, not CSS, so the exported file looks the same on a slide. The paper is
 * white in either theme (a printed page); every colour meets WCAG AA on it.
 */
const INK = '#1b1f24';
const LINE = '#8c959f';
const NAT = '#b4410a';
const DROP = '#b3001b';
const CURRENT = '#fff3bf';
const KIND: Record<PhaseKind, string> = {
  arp: '#8a5a00',
  ndp: '#8a5a00',
  dns: '#7b3aa6',
  handshake: '#1a7f37',
  request: '#1a7f37',
  response: '#0a58ca',
  nat: NAT,
  close: '#57606a',
};
const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';
const SANS = 'system-ui, -apple-system, "Segoe UI", "Noto Sans KR", sans-serif';
const NAT_WORD: Record<string, string> = {
  snat: 'MASQUERADE',
  dnat: 'DNAT',
  'un-nat': 'un-NAT',
  masquerade: 'MASQUERADE',
};

export interface LadderSvgProps {
  ladder: Ladder;
  layout: LadderLayout;
  /** column names, in column order */
  names: string[];
  /** the arrow of the current step, or -1 */
  current: number;
  /** arrows after this index are not drawn (predict mode: what is still to come stays hidden) */
  shownUpTo: number;
  title: string;
  /** the time axis's word */
  timeWord: string;
  /** an arrow's accessible name */
  arrowName: (a: LadderArrow, i: number) => string;
  onSeek?: (step: number) => void;
  svgRef?: Ref<SVGSVGElement>;
}

const Arrow = memo(function Arrow(props: {
  a: LadderArrow;
  i: number;
  layout: LadderLayout;
  colOf: Map<string, number>;
  current: boolean;
  name: string;
  onSeek?: (step: number) => void;
}) {
  const { a, i, layout: L, colOf, current, onSeek } = props;
  // the arrow's line; inline, it sits higher to leave a line for the comment under it
  const y = L.headH + L.rowH * (L.inline ? 0.42 : 0.5) + L.rowH * i + L.fs * 0.35;
  // the comment: right of the columns, or (inline) under the arrow
  const cy = L.inline ? y + L.fs * 1.35 : y - L.fs * 0.2;
  const x1 = L.colX[colOf.get(a.from) ?? 0];
  const x2 = L.colX[colOf.get(a.to) ?? 0];
  const dir = x2 >= x1 ? 1 : -1;
  const head = L.fs * 0.6;
  const colour = a.nat.length > 0 ? NAT : KIND[a.kind];
  // the label centred over the arrow, kept inside the columns' area
  const w = textWidth(a.short, L.fs);
  const mid = (x1 + x2) / 2;
  const lx = Math.min(Math.max(mid, L.gutter + w / 2 + 2), L.colsRight - w / 2 - 2);
  const seek = () => onSeek?.(a.step);
  return (
    <g
      role={onSeek ? 'button' : undefined}
      tabIndex={onSeek ? 0 : undefined}
      aria-label={props.name}
      aria-current={current ? 'step' : undefined}
      data-testid="ladder-arrow"
      data-step={a.step + 1}
      data-current={current ? 'true' : undefined}
      onClick={seek}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          seek();
        }
      }}
      style={onSeek ? { cursor: 'pointer' } : undefined}
    >
      {current && (
        <rect x={0} y={L.headH + L.rowH * i} width={L.width} height={L.rowH} fill={CURRENT} data-highlight="" />
      )}
      {/* a generous hit area: the whole row */}
      <rect x={0} y={L.headH + L.rowH * i} width={L.width} height={L.rowH} fill="transparent" />
      <text x={L.gutter - L.fs * 0.5} y={y + L.fs * 0.35} textAnchor="end" fontSize={L.small} fill={L.muted}>
        {a.step + 1}
      </text>
      <line
        x1={x1}
        y1={y}
        x2={x2 - dir * head}
        y2={y}
        stroke={colour}
        strokeWidth={current ? 3 : 1.6}
        strokeDasharray={a.kind === 'arp' ? '5 3' : undefined}
      />
      <path d={`M${x2},${y} l${-dir * head},${-head / 2} v${head} z`} fill={colour} />
      <text
        x={lx}
        y={y - L.fs * 0.45}
        textAnchor="middle"
        fontSize={L.fs}
        fontFamily={MONO}
        fill={INK}
        fontWeight={current ? 700 : 400}
        stroke="#fff"
        strokeWidth={3}
        paintOrder="stroke"
      >
        {a.short}
      </text>
      {a.nat.length > 0 && !L.inline && (
        <text
          x={x1 + dir * L.fs * 0.4}
          y={y + L.fs * 1.15}
          textAnchor={dir > 0 ? 'start' : 'end'}
          fontSize={L.small}
          fontFamily={SANS}
          fontWeight={700}
          fill={NAT}
        >
          {a.nat.map((n) => NAT_WORD[n.action] ?? n.action).join(' + ')}
        </text>
      )}
      <text x={L.commentX} y={cy} fontSize={L.small} fontFamily={MONO} fill={L.muted}>
        {a.ends || a.label}
        {L.inline &&
          a.nat.map((n) => (
            <tspan key={n.action + n.rewrite} fill={NAT} fontWeight={700}>
              {`  ${NAT_WORD[n.action] ?? n.action} ${n.rewrite}`}
            </tspan>
          ))}
      </text>
      {!L.inline &&
        a.nat.map((n, k) => (
          <text
            key={n.action + n.rewrite}
            x={L.commentX}
            y={y + L.fs * (0.85 + k * 0.95)}
            fontSize={L.small}
            fontFamily={MONO}
            fill={NAT}
          >
            {`${NAT_WORD[n.action] ?? n.action} ${n.rewrite}`}
          </text>
        ))}
      <title>{a.line}</title>
    </g>
  );
});

/** The diagram: column names and lifelines, one arrow a hop, and a ✕ where a packet stopped. */
export const LadderSvg = memo(function LadderSvg(props: LadderSvgProps) {
  const { ladder, layout: L, names, current, shownUpTo } = props;
  const colOf = new Map(ladder.columns.map((c, i) => [c, i]));
  const bottom = L.headH + L.rowH * (Math.min(ladder.arrows.length, shownUpTo + 1) + 0.5);
  return (
    <svg
      ref={props.svgRef}
      xmlns="http://www.w3.org/2000/svg"
      width={L.width}
      height={L.height}
      viewBox={`0 0 ${L.width} ${L.height}`}
      fontFamily={SANS}
      data-testid="ladder-svg"
    >
      <title>{props.title}</title>
      <rect width={L.width} height={L.height} fill="#fff" />
      <text x={L.gutter - L.fs * 0.5} y={L.headH - L.small} textAnchor="end" fontSize={L.small} fill={L.muted}>
        #
      </text>
      <line x1={L.gutter - 2} y1={L.headH} x2={L.gutter - 2} y2={bottom} stroke={LINE} strokeWidth={1} />
      <text
        x={L.gutter - L.fs * 0.5}
        y={bottom + L.fs * 0.2}
        textAnchor="end"
        fontSize={L.small}
        fill={L.muted}
        dominantBaseline="hanging"
      >
        {`${props.timeWord} ↓`}
      </text>
      {ladder.columns.map((c, i) => (
        <g key={c}>
          <text
            x={L.colX[i]}
            y={L.headH - L.small}
            textAnchor="middle"
            fontSize={L.fs}
            fontWeight={700}
            fill={INK}
            data-testid="ladder-column"
          >
            {names[i]}
          </text>
          <line
            x1={L.colX[i]}
            y1={L.headH - L.fs * 0.3}
            x2={L.colX[i]}
            y2={bottom}
            stroke={LINE}
            strokeDasharray="2 4"
          />
        </g>
      ))}
      {ladder.arrows.map((a, i) =>
        i > shownUpTo ? null : (
          <Arrow
            key={`${a.first}-${a.step}`}
            a={a}
            i={i}
            layout={L}
            colOf={colOf}
            current={i === current}
            name={props.arrowName(a, i)}
            onSeek={props.onSeek}
          />
        ),
      )}
      {ladder.stops.map((s) => {
        const row = ladder.arrowOfStep[s.step];
        if (row > shownUpTo) return null;
        // on the row of the hop that brought the packet there, just past the lifeline
        const x = L.colX[colOf.get(s.at) ?? 0] + L.fs * 0.3;
        const y = L.headH + L.rowH * (Math.max(row, 0) + 0.5) + L.fs * 0.9;
        return (
          <g key={`stop-${s.step}`} data-testid="ladder-stop">
            <text x={x} y={y} fontSize={L.fs * 1.3} fontWeight={700} fill={DROP}>
              ✕
            </text>
            <text x={x + L.fs * 1.3} y={y - L.fs * 0.1} fontSize={L.small} fontWeight={700} fill={DROP}>
              {s.action}
            </text>
          </g>
        );
      })}
    </svg>
  );
});
