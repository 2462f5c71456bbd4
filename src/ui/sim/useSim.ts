import { create } from 'zustand';
import type { World } from '../../sim/model';
import { createPlaybackSlice, type PlaybackSlice } from '../../store/playbackSlice';

/**
 * The store simulation mode reads. Until the app's main store spreads the playback slice in, a
 * store of that slice alone stands in (the visual harness and early tests use it).
 */
export const useSim = create<PlaybackSlice & { world?: World }>()((...a) => createPlaybackSlice(...a));
