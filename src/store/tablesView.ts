import type { Trace, World } from '../sim/model';
import { tablesAt } from '../sim/net/tablesAt';
import { nextVisible, type ProtoFilters } from '../sim/playback/filters';
import type { TraceWorlds } from './playbackSlice';

/** What the Inspector's tables show: a World, and the step it stands for (null: the live World). */
export interface TablesView {
  world: World;
  /** 0-based step the tables are as of; -1 before the first; null when they are the live World's */
  step: number | null;
}

/**
 * While a trace is played back, its tables as of the current step (tablesAt); the live World when
 * no trace is loaded, playback is past its last shown step, or the World moved on since the
 * command (another command, undo, a new document: the trace's before no longer leads here).
 */
export function tablesView(
  world: World,
  trace: Trace | null,
  worlds: TraceWorlds | null,
  cursor: number,
  filters: ProtoFilters,
): TablesView {
  if (!trace || !worlds || worlds.after !== world) return { world, step: null };
  if (nextVisible(trace.steps, cursor, filters) === -1) return { world, step: null };
  return { world: tablesAt(worlds.before, worlds.after, trace.steps, cursor), step: cursor };
}
