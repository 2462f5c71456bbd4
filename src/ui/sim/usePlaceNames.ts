import type { World } from '../../sim/model';
import { buildPlaceNames, type PlaceNames } from './placeName';
import { useSim } from './useSim';

const cache = new WeakMap<World, PlaceNames>();

/** Readable names for the current World's ids, built once per World and shared by every caller. */
export function usePlaceNames(): PlaceNames | null {
  const world = useSim((s) => s.world);
  if (!world) return null;
  let names = cache.get(world);
  if (!names) {
    names = buildPlaceNames(world);
    cache.set(world, names);
  }
  return names;
}
