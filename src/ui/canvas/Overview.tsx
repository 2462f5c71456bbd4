import { MiniMap, type ReactFlowState, useStore } from '@xyflow/react';
import { memo, useCallback } from 'react';
import type { Box } from './layout';

/**
 * Room a fitted view leaves at its edges: the zoom buttons sit at the bottom left, so the left side
 * keeps clear of them; in presenter mode the right side keeps clear of the Exit button (the fit is
 * height-bound there, so the side margin costs no size). Shared by the Fit button, the automatic
 * fit and React Flow's first fit.
 */
export function fitOptions(presenter: boolean) {
  return {
    padding: { top: '12px', right: presenter ? '220px' : '24px', bottom: '12px', left: '60px' },
  } as const;
}

/**
 * The minimap, shown only when part of the graph lies outside the view: when everything is in sight
 * it would only cover nodes (it sat over pc1/pc2 before). Never in presenter mode. `bounds` is the
 * graph's extent in flow coordinates.
 */
export const Overview = memo(function Overview({
  bounds,
  dark,
  hidden,
}: {
  bounds: Box | null;
  dark: boolean;
  hidden: boolean;
}) {
  const offscreen = useStore(
    useCallback(
      (s: ReactFlowState) => {
        if (!bounds || !s.width || !s.height) return false;
        const [tx, ty, z] = s.transform;
        const slack = 4;
        return (
          bounds.x * z + tx < -slack ||
          bounds.y * z + ty < -slack ||
          (bounds.x + bounds.w) * z + tx > s.width + slack ||
          (bounds.y + bounds.h) * z + ty > s.height + slack
        );
      },
      [bounds],
    ),
  );
  if (hidden || !offscreen) return null;
  return (
    <MiniMap
      position="bottom-right"
      maskColor={dark ? 'rgba(13,17,23,0.6)' : 'rgba(238,242,246,0.6)'}
      pannable
      zoomable
      nodeStrokeWidth={3}
      className="minimap"
      style={{ width: 120, height: 76 }}
    />
  );
});

/** The extent of the top-level nodes (children sit inside the host box). */
export function boundsOf(layout: Record<string, Box>, topLevel: string[]): Box | null {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const id of topLevel) {
    const b = layout[id];
    if (!b) continue;
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w);
    y1 = Math.max(y1, b.y + b.h);
  }
  return x0 === Number.POSITIVE_INFINITY ? null : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
