/**
 * The canvas as shown, as a PNG or an SVG for slides: React Flow's documented way (html-to-image on
 * the flow element), without the zoom buttons, minimap and panels. Loaded on demand: html-to-image
 * stays out of the first paint.
 */
import { toBlob, toSvg } from 'html-to-image';
import { downloadBlob } from './download';

const LEFT_OUT = ['react-flow__controls', 'react-flow__minimap', 'react-flow__panel', 'react-flow__attribution'];

/** Downloads the canvas's visible area as `whalewire-canvas.png` or `.svg`; false when there is no canvas. */
export async function exportCanvasImage(kind: 'png' | 'svg'): Promise<boolean> {
  const flow = document.querySelector<HTMLElement>('[data-testid="canvas"] .react-flow');
  if (!flow) return false;
  const opts = {
    width: flow.clientWidth,
    height: flow.clientHeight,
    backgroundColor: getComputedStyle(flow).backgroundColor || getComputedStyle(document.body).backgroundColor,
    pixelRatio: 1,
    filter: (node: Node) => !(node instanceof HTMLElement && LEFT_OUT.some((c) => node.classList?.contains(c))),
  };
  // html-to-image 1.11.12+ drops the CSS styles of SVG elements (bubkoo/html-to-image#516: React
  // Flow's edges vanish); the edges' computed paint is written on them as attributes meanwhile
  const restore = paintEdges(flow);
  try {
    return await save(flow, kind, opts);
  } finally {
    restore();
  }
}

function paintEdges(flow: HTMLElement): () => void {
  const undo: (() => void)[] = [];
  for (const el of flow.querySelectorAll<SVGElement>('.react-flow__edges path, .react-flow__edges circle')) {
    const cs = getComputedStyle(el);
    for (const attr of ['stroke', 'stroke-width', 'fill', 'stroke-dasharray', 'opacity'] as const) {
      const old = el.getAttribute(attr);
      el.setAttribute(attr, cs.getPropertyValue(attr));
      undo.push(() => (old === null ? el.removeAttribute(attr) : el.setAttribute(attr, old)));
    }
  }
  return () => {
    for (const u of undo) u();
  };
}

async function save(flow: HTMLElement, kind: 'png' | 'svg', opts: Parameters<typeof toSvg>[1]): Promise<boolean> {
  if (kind === 'png') {
    const blob = await toBlob(flow, opts);
    if (!blob) return false;
    downloadBlob('whalewire-canvas.png', blob, 'image/png');
    return true;
  }
  // a data: URL of the SVG text (the CSP's connect-src keeps fetch() away from data: URLs)
  const url = await toSvg(flow, opts);
  downloadBlob('whalewire-canvas.svg', decodeURIComponent(url.slice(url.indexOf(',') + 1)), 'image/svg+xml');
  return true;
}
