import { useStore } from 'zustand';
import type { World } from '../../sim/model';
import { appStore } from '../../store/instance';
import type { PlaybackSlice } from '../../store/playbackSlice';

/**
 * What simulation mode reads from the app store: its own slice, the World (for readable names) and
 * the chosen language (the narration follows it even before the page's language has switched).
 */
export type SimState = PlaybackSlice & { world: World; lang?: string };

type Listener = (s: SimState, prev: SimState) => void;

/**
 * Subscribes a component to the playback slice of the app store (selectors return primitives or
 * stable references). `useSim.getState()` and `useSim.subscribe()` serve the rAF loop and event
 * handlers, which must not re-render anything.
 */
export function useSim<T>(selector: (s: SimState) => T): T {
  return useStore(appStore(), selector);
}
useSim.getState = (): SimState => appStore().getState();
useSim.subscribe = (listener: Listener): (() => void) => appStore().subscribe(listener);
