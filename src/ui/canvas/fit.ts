import { getViewportForBounds, type ReactFlowInstance } from '@xyflow/react';
import { DOCKER_HOST } from '../../sim/ids';
import type { FlowNode } from './flow';
import { metricsFor } from './metrics';
import { fitOptions } from './Overview';
import { COMPACT_MAX_EM, floorPx } from './readability';

/**
 * The Fit button, the F key and the automatic fit. With larger labels the view never zooms out so
 * far that compact type (readability.ts) falls below the room's floor: when the whole world does
 * not fit at that size, the Docker host is centred and the rest is a pan away (the minimap shows).
 */
export function fitCanvas(
  rf: ReactFlowInstance<FlowNode>,
  presenter: boolean,
  largeLabels: boolean,
  duration = 300,
): void {
  const opts = { ...fitOptions(presenter), duration };
  if (!largeLabels) {
    void rf.fitView(opts);
    return;
  }
  const minZoom = floorPx(presenter, true) / (COMPACT_MAX_EM * metricsFor(presenter).font);
  const pane = document.querySelector<HTMLElement>('[data-testid="canvas"] .react-flow');
  const top = rf.getNodes().filter((n) => !n.parentId);
  if (!pane || top.length === 0) {
    void rf.fitView(opts);
    return;
  }
  const whole = getViewportForBounds(
    rf.getNodesBounds(top),
    pane.clientWidth,
    pane.clientHeight,
    0.05,
    2.5,
    opts.padding,
  );
  if (whole.zoom >= minZoom || !rf.getNode(DOCKER_HOST)) void rf.fitView({ ...opts, minZoom });
  else void rf.fitView({ ...opts, minZoom, nodes: [{ id: DOCKER_HOST }] });
}

/**
 * Focuses one Docker host (its overview card's button, its menu, a double-click): the host fitted
 * to the view, but never so far out that its cards' compact type falls below the room's floor;
 * a host wider than that is centred and its edges are a pan away.
 */
export function zoomToHost(
  rf: ReactFlowInstance<FlowNode>,
  host: string,
  presenter: boolean,
  largeLabels: boolean,
  duration = 300,
): void {
  // a hair above the threshold, so rounding never leaves the view just short of compact detail
  const minZoom = (floorPx(presenter, largeLabels) / (COMPACT_MAX_EM * metricsFor(presenter).font)) * 1.002;
  void rf.fitView({ ...fitOptions(presenter), duration, minZoom, nodes: [{ id: host }] });
}
