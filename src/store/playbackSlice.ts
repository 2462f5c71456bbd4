import type { StateCreator } from 'zustand';
import type { Trace } from '../sim/model';

/**
 * Packet playback (issue 4). Owned by the simulation-mode work; the main store spreads this slice in.
 * Playback never enters the undo history.
 */
export interface PlaybackSlice {
  trace: Trace | null;
  /** index of the current step, -1 before the first */
  cursor: number;
  loadTrace: (trace: Trace | null) => void;
}

export const createPlaybackSlice: StateCreator<PlaybackSlice, [], [], PlaybackSlice> = (set) => ({
  trace: null,
  cursor: -1,
  loadTrace: (trace) => set({ trace, cursor: trace ? 0 : -1 }),
});
