import { useMemo } from 'react';
import { worldToGraph } from '../../store/graph';
import { useApp } from '../../store/instance';

/** The graph of the current World, recomputed only when the World object changes. */
export function useGraph() {
  const world = useApp((s) => s.world);
  return useMemo(() => worldToGraph(world), [world]);
}
