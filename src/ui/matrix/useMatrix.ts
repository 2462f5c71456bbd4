import { useEffect, useState } from 'react';
import type { World } from '../../sim/model';
import { type MatrixState, runMatrix } from './matrixRun';

/** The matrix of `world`, filling in row by row. */
export function useMatrix(world: World): MatrixState | null {
  const [state, setState] = useState<MatrixState | null>(null);
  useEffect(() => runMatrix(world, setState), [world]);
  return state && state.world === world ? state : null;
}
