import { getViewportForBounds, type ReactFlowInstance, type Viewport } from '@xyflow/react';
import { DOCKER_HOST } from '../../sim/ids';
import type { FlowNode } from './flow';
import type { Box } from './layout';
import { metricsFor } from './metrics';
import { fitOptions } from './Overview';
import { COMPACT_MAX_EM, floorPx } from './readability';

/** The canvas's zoom range (React Flow's minZoom and maxZoom). */
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 2.5;

/** The smallest zoom a fit may take with larger labels: compact type stays above the room's floor. */
const largeLabelsMinZoom = (presenter: boolean) =>
  floorPx(presenter, true) / (COMPACT_MAX_EM * metricsFor(presenter).font);

const rect = (b: Box) => ({ x: b.x, y: b.y, width: b.w, height: b.h });

/**
 * The view {@link fitCanvas} settles on, computed from the layout before React Flow has drawn or
 * measured anything: `drawing` is the extent of every node, `host` the Docker host's box, and
 * `width` × `height` the pane. The canvas opens at it, so its first picture is already fitted and
 * React Flow needs no measure-then-fit round (issue 11).
 */
export function fittedViewport(
  drawing: Box,
  host: Box | null,
  width: number,
  height: number,
  presenter: boolean,
  largeLabels: boolean,
): Viewport {
  const { padding } = fitOptions(presenter);
  const whole = getViewportForBounds(rect(drawing), width, height, MIN_ZOOM, MAX_ZOOM, padding);
  if (!largeLabels) return whole;
  const minZoom = largeLabelsMinZoom(presenter);
  const target = whole.zoom >= minZoom || !host ? drawing : host;
  return getViewportForBounds(rect(target), width, height, minZoom, MAX_ZOOM, padding);
}

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
  const minZoom = largeLabelsMinZoom(presenter);
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
    MIN_ZOOM,
    MAX_ZOOM,
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
