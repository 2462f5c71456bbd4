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

/**
 * The smallest zoom at which compact type (readability.ts) is at the room's floor: below it the
 * cards are blank boxes.
 */
export const compactMinZoom = (presenter: boolean, largeLabels: boolean) =>
  floorPx(presenter, largeLabels) / (COMPACT_MAX_EM * metricsFor(presenter).font);

const rect = (b: Box) => ({ x: b.x, y: b.y, width: b.w, height: b.h });

/**
 * What a fit shows: the whole drawing, or the Docker host alone. The whole drawing unless it fits
 * only so far out that the cards go blank: then a world with one Docker host (a compose lesson's six
 * bridges on a 768 px tablet fitted at zoom 0.37, 0.46 is the floor) shows its host, readable, and
 * the LAN is a pan away; larger labels do so with any number of hosts. Several hosts at the normal
 * floor keep the whole picture: the hosts overview names each and zooms to one (HostsOverview).
 */
export function fitTarget(wholeZoom: number, hosts: number, presenter: boolean, largeLabels: boolean) {
  if (wholeZoom >= compactMinZoom(presenter, largeLabels) || hosts === 0) return 'whole' as const;
  return hosts === 1 || largeLabels ? ('host' as const) : ('whole' as const);
}

/**
 * The view of one Docker host at the compact floor or closer. A host wider than the pane at that
 * zoom keeps its left edge in sight (the default bridge, docker0, the lesson's first column) and
 * the rest is a pan away: centred, both its first and last bridge were cut.
 */
export function hostViewport(host: Box, width: number, height: number, presenter: boolean, largeLabels: boolean) {
  const { padding } = fitOptions(presenter);
  // a hair above the threshold, so rounding never leaves the view just short of compact detail
  const minZoom = compactMinZoom(presenter, largeLabels) * 1.002;
  const vp = getViewportForBounds(rect(host), width, height, minZoom, MAX_ZOOM, padding);
  const left = Number.parseFloat(padding.left);
  if (host.w * vp.zoom > width - left - Number.parseFloat(padding.right)) return { ...vp, x: left - host.x * vp.zoom };
  return vp;
}

/**
 * The view {@link fitCanvas} settles on, computed from the layout before React Flow has drawn or
 * measured anything: `drawing` is the extent of every node, `host` the first Docker host's box,
 * `hosts` how many there are, and `width` × `height` the pane. The canvas opens at it, so its first
 * picture is already fitted and React Flow needs no measure-then-fit round (issue 11).
 */
export function fittedViewport(
  drawing: Box,
  host: Box | null,
  hosts: number,
  width: number,
  height: number,
  presenter: boolean,
  largeLabels: boolean,
): Viewport {
  const { padding } = fitOptions(presenter);
  const whole = getViewportForBounds(rect(drawing), width, height, MIN_ZOOM, MAX_ZOOM, padding);
  if (!host || fitTarget(whole.zoom, hosts, presenter, largeLabels) === 'whole') return whole;
  return hostViewport(host, width, height, presenter, largeLabels);
}

/**
 * The Fit button, the F key and the automatic fit: the whole world, or its Docker host when the
 * whole would leave every card blank ({@link fitTarget}; the minimap then shows the rest).
 */
export function fitCanvas(
  rf: ReactFlowInstance<FlowNode>,
  presenter: boolean,
  largeLabels: boolean,
  duration = 300,
): void {
  const opts = { ...fitOptions(presenter), duration };
  const pane = document.querySelector<HTMLElement>('[data-testid="canvas"] .react-flow');
  const top = rf.getNodes().filter((n) => !n.parentId);
  const host = rf.getNode(DOCKER_HOST);
  if (!pane || top.length === 0 || !host) {
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
  const hosts = top.filter((n) => n.type === 'host').length;
  if (fitTarget(whole.zoom, hosts, presenter, largeLabels) === 'whole') {
    void rf.fitView(opts);
    return;
  }
  const b = rf.getNodesBounds([host]);
  const box = { x: b.x, y: b.y, w: b.width, h: b.height };
  void rf.setViewport(hostViewport(box, pane.clientWidth, pane.clientHeight, presenter, largeLabels), { duration });
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
  const minZoom = compactMinZoom(presenter, largeLabels) * 1.002;
  void rf.fitView({ ...fitOptions(presenter), duration, minZoom, nodes: [{ id: host }] });
}
