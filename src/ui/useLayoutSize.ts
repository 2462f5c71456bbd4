import { type RefObject, useEffect, useState } from 'react';

/** A tablet held upright: the app stacks its panels under the canvas (app.css has the same query). */
export const STACKED_QUERY = '(max-width: 900px) and (orientation: portrait)';

/** Whether a media query matches, following changes (a tablet turned, a window resized). */
export function useMedia(query: string): boolean {
  const [match, setMatch] = useState(() => globalThis.matchMedia?.(query).matches ?? false);
  useEffect(() => {
    const mq = globalThis.matchMedia?.(query);
    if (!mq) return;
    const on = () => setMatch(mq.matches);
    on();
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, [query]);
  return match;
}

/** An element's rendered size in CSS px (0 until it is laid out), kept current as it resizes. */
export function useElementSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      const r = el.getBoundingClientRect();
      setSize((s) => (s.width === r.width && s.height === r.height ? s : { width: r.width, height: r.height }));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

const readViewport = () => ({ width: globalThis.innerWidth ?? 0, height: globalThis.innerHeight ?? 0 });

/** The window's inner size, kept current. */
export function useViewport(): { width: number; height: number } {
  const [vp, setVp] = useState(readViewport);
  useEffect(() => {
    const on = () => setVp(readViewport());
    globalThis.addEventListener?.('resize', on);
    return () => globalThis.removeEventListener?.('resize', on);
  }, []);
  return vp;
}
