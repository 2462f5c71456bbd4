import { type Cell, type Party, reachCell, reachParties } from '../../sim/matrix';
import type { World } from '../../sim/model';

/** The matrix of one World as far as it is worked out: cells by "from>to", rows done so far. */
export interface MatrixState {
  world: World;
  parties: Party[];
  cells: Map<string, Cell>;
  rowsDone: number;
  /** wall-clock ms the whole matrix took, once done */
  ms: number | null;
}

export const cellKey = (from: string, to: string) => `${from}>${to}`;

const cache = new WeakMap<World, MatrixState>();

/**
 * Works the matrix out a row at a time between frames (a 50-container World has 3,080 cells, about
 * 3 s of packets), so the dialog stays responsive and fills in as it goes. A World already worked
 * out is kept (Worlds are immutable), so reopening the dialog is instant.
 */
export function runMatrix(world: World, onProgress: (s: MatrixState) => void): () => void {
  const hit = cache.get(world);
  if (hit && hit.ms !== null) {
    onProgress(hit);
    return () => {};
  }
  const state: MatrixState = hit ?? { world, parties: reachParties(world), cells: new Map(), rowsDone: 0, ms: null };
  cache.set(world, state);
  let stopped = false;
  let spent = 0;
  const tick = () => {
    if (stopped) return;
    const t0 = performance.now();
    const from = state.parties[state.rowsDone];
    for (const to of state.parties)
      if (to.id !== from.id) state.cells.set(cellKey(from.id, to.id), reachCell(world, from, to));
    spent += performance.now() - t0;
    state.rowsDone++;
    if (state.rowsDone >= state.parties.length) state.ms = Math.round(spent);
    onProgress({ ...state });
    if (state.ms === null) timer = setTimeout(tick, 0);
  };
  let timer = setTimeout(tick, 0);
  if (state.parties.length === 0) {
    clearTimeout(timer);
    state.ms = 0;
    onProgress({ ...state });
  }
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
