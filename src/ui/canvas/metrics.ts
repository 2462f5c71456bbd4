import type { ContainerData, NetworkData } from '../../store/graph';
import { isRandomId, nameParts } from './nameBreaks';
import { FULL_MIN_EM } from './readability';

/**
 * Node sizes for one display mode. Presenter mode uses larger type inside nodes (app.css sets the
 * same `font` on `.presenter .react-flow__node`) with gaps that grow less than the type, so once the
 * view is fitted the text takes a larger share of the screen. Heights are computed from the text a
 * node will wrap, so long names show in full and nothing overlaps by construction.
 */
export interface Metrics {
  /** px font size of node text (CSS: .react-flow__node font-size) */
  font: number;
  /** presenter sizes ÷ normal sizes: pinned positions are stored in normal units and scaled by this */
  scale: number;
  containerW: number;
  /** horizontal px a container card's borders and padding take (app.css) */
  cardChrome: number;
  /** extra vertical px for the thicker borders of this mode (app.css .presenter .node) */
  chromeY: number;
  networkW: number;
  machineW: number;
  machineH: number;
  segmentW: number;
  segmentH: number;
  hostHeader: number;
  pad: number;
  gapX: number;
  /** room above a container for its veth label */
  gapY: number;
  colGap: number;
  /** horizontal gaps in the LAN / internet band, left to right: leaves, internet, router, LAN, PCs */
  band: [number, number, number, number];
  /** between the band and the host box */
  bandToHost: number;
  /**
   * the internet hosts sit in a row above the internet core instead of a column beside it, so the
   * picture is wider and shorter: the canvas is wide on a 16:9 screen and the fit is height-bound
   */
  leavesAbove: boolean;
}

export const NORMAL: Metrics = {
  font: 14,
  scale: 1,
  containerW: 248,
  cardChrome: 27,
  chromeY: 0,
  networkW: 262,
  machineW: 228,
  // a name and two addresses in compact type (readability.ts) fit without growing the card
  machineH: 90,
  segmentW: 230,
  segmentH: 40,
  hostHeader: 48,
  pad: 28,
  gapX: 28,
  gapY: 50,
  colGap: 56,
  band: [130, 100, 60, 70],
  bandToHost: 56,
  leavesAbove: true,
};

export const PRESENTER: Metrics = {
  font: 22,
  scale: 1.45,
  containerW: 372,
  cardChrome: 30,
  chromeY: 6,
  networkW: 384,
  // "142.250.196.142" in compact type (readability.ts) fits
  machineW: 340,
  machineH: 130,
  segmentW: 400,
  segmentH: 52,
  hostHeader: 60,
  pad: 24,
  gapX: 28,
  gapY: 60,
  colGap: 48,
  band: [150, 150, 80, 80],
  bandToHost: 56,
  leavesAbove: true,
};

export function metricsFor(presenter: boolean): Metrics {
  return presenter ? PRESENTER : NORMAL;
}

// DejaVu Sans Mono and most UI monospace fonts advance 0.6 em; bold sans is estimated wide on purpose
const MONO = 0.61;
const BOLD = 0.66;

/** Lines a text takes in `width` px when each character is `em` × `px` wide (at least one). */
export function linesOf(text: string, px: number, em: number, width: number): number {
  const perLine = Math.max(1, Math.floor(width / (px * em)));
  return Math.max(1, Math.ceil(text.length / perLine));
}

/**
 * Lines a name takes as the card wraps it (nameBreaks.tsx): after a separator, and inside a part
 * only when that part alone is longer than a line. Never fewer than `linesOf` counts, but for a
 * random id (a swarm task's), which takes one line and ends in an ellipsis when it is longer.
 */
export function nameLinesOf(name: string, px: number, em: number, width: number): number {
  const perLine = Math.max(1, Math.floor(width / (px * em)));
  let lines = 1;
  let used = 0;
  for (const [i, whole] of nameParts(name).entries()) {
    let part = whole;
    if (used > 0 && used + part.length > perLine) {
      lines++;
      used = 0;
    }
    if (i > 0 && isRandomId(part)) {
      used = Math.min(used + part.length, perLine);
      continue;
    }
    while (part.length > perLine - used) {
      part = part.slice(perLine - used);
      lines++;
      used = 0;
    }
    used += part.length;
  }
  return lines;
}

/** The Compose tag's row (app.css .compose-tag: 0.86 em, padded), wrapped when the names are long. */
function composeH(tag: ContainerData['compose'], inner: number, f: number): number {
  if (!tag) return 0;
  const text = `Compose project ${tag.project}${tag.service ? ` · service ${tag.service}` : ''}`;
  return 6 + linesOf(text, f * 0.86, BOLD, inner - 8) * f * 0.86 * 1.3;
}

/** Height of a container card: title, image, one block per interface, published ports, each wrapped. */
export function containerHeight(d: ContainerData, m: Metrics = NORMAL): number {
  const f = m.font;
  const inner = m.containerW - m.cardChrome;
  // the name shares its row with the state dot and word (~5 em)
  const nameLines = nameLinesOf(d.name, f * 1.08, BOLD, inner - f * 5);
  const imageLines = linesOf(d.image, f * 0.92, MONO, inner);
  // the address line and the MAC line under it (app.css .iface .mac: FULL_MIN_EM)
  const ifaceH = 5 + f * (0.92 + FULL_MIN_EM) * 1.25;
  const ports = d.ports.join(', ');
  const portLines = ports ? linesOf(ports, f * FULL_MIN_EM, MONO, inner) : 0;
  return Math.ceil(
    22 +
      m.chromeY +
      nameLines * f * 1.08 * 1.3 +
      imageLines * f * 0.92 * 1.3 +
      4 +
      Math.max(1, d.ifaces.length) * ifaceH +
      (portLines ? 3 + portLines * f * FULL_MIN_EM * 1.3 : 0) +
      composeH(d.compose, inner, f),
  );
}

/** Height of a network card: name and badges (wrapping when the name is long), then three lines. */
export function networkHeight(d: NetworkData, m: Metrics = NORMAL): number {
  const f = m.font;
  const inner = m.networkW - 24;
  const badges = [
    d.driver,
    d.internal ? 'internal' : '',
    d.dns ? 'DNS' : '',
    d.overlay?.attachable ? 'attachable' : '',
    d.overlay?.ingress ? 'routing mesh' : '',
  ].filter(Boolean);
  const badgeW = badges.reduce((w, b) => w + b.length * f * 0.86 * 0.7 + f * 1.2, 0);
  const nameW = d.name.length * f * 1.08 * BOLD;
  const titleLines = nameW + badgeW > inner ? nameLinesOf(d.name, f * 1.08, BOLD, inner) + 1 : 1;
  const body = d.bridge || d.overlay ? 3 * f * 0.92 * 1.3 : 2 * f * 0.85 * 1.3;
  return Math.ceil(30 + m.chromeY + titleLines * f * 1.08 * 1.35 + body + composeH(d.compose, inner, f));
}
