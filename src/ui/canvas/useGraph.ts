import { useMemo } from 'react';
import { worldToGraph } from '../../store/graph';
import { withoutNetworks } from '../../store/hiddenNetworks';
import { useApp } from '../../store/instance';

/** The graph of the current World, recomputed only when the World object or the hidden networks change. */
export function useGraph() {
  const world = useApp((s) => s.world);
  const hidden = useApp((s) => s.hiddenNetworks);
  const full = useMemo(() => worldToGraph(world), [world]);
  return useMemo(() => withoutNetworks(full, hidden), [full, hidden]);
}
