import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import type { TableChange, World } from '../../sim/model';
import type { Where } from '../../sim/where';
import { useApp } from '../../store/instance';
import { probe } from './probe';
import { type FlashTable, hotKeys } from './stepFlash';

const NO_CHANGES: readonly TableChange[] = [];

/**
 * The current playback step's table changes on one canvas node, by table, and the step counter
 * (a new step remounts flashed rows, so their flash plays again).
 */
export function useStepFlash(nodeId: string | null): { hot: Map<FlashTable, Set<string>>; epoch: number } {
  const changes = useApp((s) => (s.cursor >= 0 ? s.trace?.steps[s.cursor]?.changes : undefined) ?? NO_CHANGES);
  const epoch = useApp((s) => s.epoch);
  const hot = useMemo(() => hotKeys(changes, nodeId), [changes, nodeId]);
  return { hot, epoch };
}

/**
 * A table of text cells. `keys` (one per row) are matched against `hot`: those rows flash and stay
 * marked while the step is current, and the first is scrolled into view.
 */
export function Table({
  head,
  rows,
  empty,
  keys,
  hot,
  epoch = 0,
}: {
  head: string[];
  rows: (string | number)[][];
  empty: string;
  keys?: string[];
  hot?: Set<string>;
  epoch?: number;
}) {
  const ref = useRef<HTMLTableElement>(null);
  const isHot = (i: number) => !!hot && !!keys && hot.has(keys[i]);
  const anyHot = rows.some((_, i) => isHot(i));
  useEffect(() => {
    if (anyHot && epoch >= 0) ref.current?.querySelector('tr.flash')?.scrollIntoView?.({ block: 'nearest' });
  }, [anyHot, epoch]);
  if (!rows.length) return <div className="dim small">{empty}</div>;
  return (
    <table className="tbl mono" ref={ref}>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          const flash = isHot(i);
          return (
            // rows have no identity of their own; a flashed row is remounted per step to replay its flash
            <tr
              key={flash ? `${i}@${epoch}` : i}
              className={flash ? 'flash' : undefined}
              data-testid={flash ? 'flash-row' : undefined}
            >
              {r.map((c, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <td key={j}>{String(c)}</td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function Section({
  title,
  children,
  testId,
  hot,
  note,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
  hot?: boolean;
  /** a short remark beside the title ("as of step 12" while playback shows a past state) */
  note?: string;
}) {
  return (
    <details open className={`insp-section${hot ? ' hot' : ''}`} data-testid={testId}>
      <summary>
        {title}
        {note && (
          <span className="insp-asof" data-testid="insp-asof">
            {note}
          </span>
        )}
      </summary>
      {children}
    </details>
  );
}

export function Props({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="props">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd className="mono">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A tool's output on a machine (`cat /etc/resolv.conf`); lines `mark` accepts are highlighted like a
 * flashed table row: replayed per step (`epoch`) and scrolled into view.
 */
export function ToolOutput({
  world,
  where,
  line,
  mark,
  epoch = 0,
}: {
  world: World;
  where: Where;
  line: string;
  mark?: (line: string) => boolean;
  epoch?: number;
}) {
  const ready = useApp((s) => s.ready);
  const ref = useRef<HTMLPreElement>(null);
  const out = useMemo(
    () => (ready ? probe(world, where, line) : { output: '…', ok: true }),
    [ready, world, where, line],
  );
  const lines = (out.output || ' ').split('\n');
  const marked = lines.map((l) => !!mark?.(l));
  const anyMarked = marked.includes(true);
  useEffect(() => {
    if (anyMarked && epoch >= 0) ref.current?.querySelector('.flash-line')?.scrollIntoView?.({ block: 'nearest' });
  }, [anyMarked, epoch]);
  return (
    <>
      <div className="dim small mono">$ {line}</div>
      <pre className={`tool-out mono${out.ok ? '' : ' err'}`} ref={ref}>
        {lines.map((l, i) => (
          <span
            // output lines are positional; a marked one is remounted per step to replay its flash
            key={marked[i] ? `${i}@${epoch}` : i}
            className={marked[i] ? 'flash-line' : undefined}
            data-testid={marked[i] ? 'flash-line' : undefined}
          >
            {l}
            {i < lines.length - 1 ? '\n' : ''}
          </span>
        ))}
      </pre>
    </>
  );
}
