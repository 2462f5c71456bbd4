import { type ReactFlowInstance, useStoreApi } from '@xyflow/react';
import { type RefObject, useEffect } from 'react';
import { useApp } from '../../store/instance';
import { fitCanvas } from './fit';
import type { FlowNode } from './flow';

/** how long after things appear, disappear or change size a late measurement still refits */
const WATCH_MS = 2000;
/** frames the drawing must stay unchanged before it is fitted */
const STABLE_FRAMES = 3;

/**
 * Re-fits the view when things appear or disappear (not on every change: a person's zoom stays).
 * Fits once the drawing has settled (the pane's size and every node's measured size unchanged for a
 * few frames: a busy machine measures presenter-mode cards late, and a fit on the old sizes left
 * imported containers outside the view), and again if it changes within two seconds. It listens to
 * React Flow's store instead of polling every frame, and reads no layout from the DOM (issue 11).
 */
export function useAutoFit(rf: RefObject<ReactFlowInstance<FlowNode> | null>): void {
  const store = useStoreApi<FlowNode>();
  const count = useApp((s) => Object.keys(s.world.containers).length * 1000 + Object.keys(s.world.networks).length);
  const presenter = useApp((s) => s.presenter);
  const largeLabels = useApp((s) => s.largeLabels);
  // the Inspector closed or opened: the canvas's width changed, so the world is fitted to it again
  const inspectorOpen = useApp((s) => s.inspectorOpen);
  // the dock dragged taller or shorter: the canvas's height changed (a drawing fitted under a tall
  // dock stayed that small, its cards blank, once the dock was put back)
  const dockHeight = useApp((s) => s.dockHeight);
  useEffect(() => {
    void count;
    void inspectorOpen;
    void dockHeight;
    let last = '';
    let fitted = '';
    let frame = 0;
    const signature = () => {
      const s = store.getState();
      let sig = `${s.width}x${s.height}`;
      for (const n of s.nodeLookup.values())
        sig += `|${n.id}:${n.position.x},${n.position.y},${n.measured.width},${n.measured.height}`;
      return sig;
    };
    const settle = (left: number) => {
      frame = requestAnimationFrame(() => {
        if (left > 1) return settle(left - 1);
        frame = 0;
        // React Flow not mounted yet: the drawing will change, and this fits then
        if (!rf.current) return;
        fitted = last;
        fitCanvas(rf.current, presenter, largeLabels);
      });
    };
    const check = () => {
      const sig = signature();
      if (sig === last) return;
      last = sig;
      cancelAnimationFrame(frame);
      if (sig !== fitted) settle(STABLE_FRAMES);
    };
    // panning and zooming (a fit's own animation among them) change neither sizes nor nodes
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.transform !== prev.transform && s.width === prev.width && s.height === prev.height) return;
      check();
    });
    check();
    const stop = setTimeout(() => {
      unsubscribe();
      // never fitted within the window (a fit still to come is left to come)
      if (!fitted && !frame && rf.current) fitCanvas(rf.current, presenter, largeLabels);
    }, WATCH_MS);
    return () => {
      unsubscribe();
      clearTimeout(stop);
      cancelAnimationFrame(frame);
    };
  }, [count, presenter, largeLabels, inspectorOpen, dockHeight, rf, store]);
}
