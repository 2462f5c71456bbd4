import { type KeyboardEvent, type PointerEvent, useRef } from 'react';
import { clampSize, SPLITTER_STEP } from '../store/panelSizes';

interface SplitterProps {
  /** 'row': a bar between rows that moves up and down; 'column': between columns, left and right */
  axis: 'row' | 'column';
  /** the size of the panel it resizes, in CSS px */
  value: number;
  min: number;
  max: number;
  /** the panel grows as the pointer moves up (a dock below) or left (a panel on the right) */
  onChange: (size: number) => void;
  label: string;
  controls: string;
  testId: string;
}

/**
 * A splitter as WAI-ARIA's window splitter pattern has it: dragged with the pointer, or focused and
 * moved with the arrow keys (Home and End go to the limits). It resizes the panel after it (below or
 * to the right), so moving towards that panel shrinks it.
 */
export function Splitter(props: SplitterProps) {
  const start = useRef<{ at: number; size: number } | null>(null);
  const clamp = (v: number) => clampSize(v, props.min, props.max) ?? props.value;
  const coord = (e: PointerEvent) => (props.axis === 'row' ? e.clientY : e.clientX);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { at: coord(e), size: props.value };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return;
    props.onChange(clamp(start.current.size - (coord(e) - start.current.at)));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    start.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const grow = props.axis === 'row' ? 'ArrowUp' : 'ArrowLeft';
    const shrink = props.axis === 'row' ? 'ArrowDown' : 'ArrowRight';
    const step = e.shiftKey ? SPLITTER_STEP * 4 : SPLITTER_STEP;
    let next: number | null = null;
    if (e.key === grow) next = props.value + step;
    else if (e.key === shrink) next = props.value - step;
    else if (e.key === 'Home') next = props.min;
    else if (e.key === 'End') next = props.max;
    if (next === null) return;
    e.preventDefault();
    props.onChange(clamp(next));
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: <hr> cannot take focus or pointer drags; role=separator with a value is the ARIA window splitter
    <div
      role="separator"
      tabIndex={0}
      aria-orientation={props.axis === 'row' ? 'horizontal' : 'vertical'}
      aria-valuenow={Math.round(props.value)}
      aria-valuemin={props.min}
      aria-valuemax={props.max}
      aria-label={props.label}
      aria-controls={props.controls}
      className={`splitter splitter--${props.axis}`}
      data-testid={props.testId}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
