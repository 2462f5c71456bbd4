import { useMemo } from 'react';
import { useApp } from '../../store/instance';
import { type TablesView, tablesView } from '../../store/tablesView';

/** The World the Inspector's tables read: as of the current playback step, else the live one. */
export function useTablesView(): TablesView {
  const world = useApp((s) => s.world);
  const trace = useApp((s) => s.trace);
  const worlds = useApp((s) => s.traceWorlds);
  const cursor = useApp((s) => s.cursor);
  const filters = useApp((s) => s.filters);
  return useMemo(() => tablesView(world, trace, worlds, cursor, filters), [world, trace, worlds, cursor, filters]);
}
