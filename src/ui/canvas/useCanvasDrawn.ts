import { useStoreApi } from '@xyflow/react';
import { useEffect, useState } from 'react';

/** however long the canvas takes, the rest of the app never waits longer than this for it */
const AT_THE_LATEST_MS = 4000;

let markDrawn: () => void = () => {};
/** Resolves when the canvas has first been drawn (useCanvasDrawn): what no first picture needs waits for it. */
export const canvasDrawn = new Promise<void>((resolve) => {
  markDrawn = resolve;
});

/**
 * True once the canvas has painted its first measured, fitted frame and one more frame has gone
 * by: the panels around it (console, simulation, inspector) mount then, so a slow laptop draws the
 * world first instead of rendering the whole app before the first picture (issue 11).
 */
export function useCanvasDrawn(): boolean {
  const store = useStoreApi();
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    let done = false;
    let frame = 0;
    const show = () => {
      markDrawn();
      setDrawn(true);
    };
    const finish = (late: boolean) => {
      if (done) return;
      done = true;
      unsubscribe();
      clearTimeout(timer);
      // a tab opened in the background has no frames: there the panels come when time is up
      if (late) return show();
      // two frames: the one that paints the canvas, then the next one starts; the panels render after it
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(show);
      });
    };
    const check = () => {
      const s = store.getState();
      if (s.fitViewQueued || s.width === 0) return;
      for (const n of s.nodeLookup.values()) if (!n.measured.width) return;
      finish(false);
    };
    const unsubscribe = store.subscribe(check);
    const timer = setTimeout(() => finish(true), AT_THE_LATEST_MS);
    check();
    return () => {
      done = true;
      unsubscribe();
      clearTimeout(timer);
      cancelAnimationFrame(frame);
    };
  }, [store]);
  return drawn;
}
