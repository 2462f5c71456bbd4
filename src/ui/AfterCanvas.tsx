import type { ReactNode } from 'react';
import { useCanvasDrawn } from './canvas/useCanvasDrawn';

/** Its children mount once the canvas has painted its first frame (useCanvasDrawn); nothing before. */
export function AfterCanvas({ children }: { children: ReactNode }) {
  return useCanvasDrawn() ? children : null;
}
