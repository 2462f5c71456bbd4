import type { StateCreator } from 'zustand';
import type { Session } from '../sim/console';
import type { Trace, World } from '../sim/model';
import type { AppState } from './appStore';
import { engine, hostSession, promptOf } from './engine';

/** A canvas position a person chose by dragging (React Flow coordinates, relative to the parent node). */
export interface XY {
  x: number;
  y: number;
}

/** One line the console printed: a command as typed (with its prompt) or what it answered. */
export interface LogEntry {
  id: number;
  kind: 'cmd' | 'out' | 'err' | 'note';
  text: string;
  /** for `cmd`: the prompt shown before it */
  prompt?: string;
  /** for `cmd`: 'gesture' when a canvas gesture produced it */
  source?: 'console' | 'gesture';
  /** for `note`: an i18n key the console shows instead of `text`, in the reader's language */
  key?: string;
}

/** What a gesture or console line did, for the caller (snap back on failure, tests). */
export interface RunOutcome {
  ok: boolean;
  output: string;
  exitCode: number;
  trace?: Trace;
}

/**
 * How to rebuild the World from the default one (`createDefaultWorld()`): console lines as typed
 * (a string) and the docker lines of each canvas gesture (an array, run at the Docker host, all or
 * nothing). Share links carry it instead of the World when replaying it gives the same World.
 */
export type Recipe = (string | string[])[];

/**
 * The document: the World and the positions a person pinned. These two fields are the only ones
 * the undo history (zundo) records, so a playback cursor or a console keystroke never becomes a step.
 */
export interface DocSlice {
  world: World;
  /** node id -> position the user dragged it to; everything else is laid out automatically */
  pinned: Record<string, XY>;
  /** where console lines run: a stack, since `docker run -it … bash` enters a container */
  stack: Session['stack'];
  /** exit code of the console's last command, for `$?` on the next line (a gesture leaves it) */
  lastExit: number;
  /** a heredoc or an open quote still being typed (the prompt is `>`) */
  pending?: Session['pending'];
  log: LogEntry[];
  /** the lines that built `world` from the default World; null when unknown (an import, an undo) */
  recipe: Recipe | null;
  /** lines typed, oldest first (↑/↓ history) */
  history: string[];
  /** Runs one console line through the engine and echoes it. */
  run: (line: string) => RunOutcome;
  /**
   * Runs the docker commands a canvas gesture stands for, as one undo step. All or nothing: if a
   * line fails, its error is echoed and the World stays as it was (the node snaps back).
   */
  gesture: (lines: string[], unpin?: string[]) => RunOutcome;
  /** Records a position a person dragged a node to (one undo step per drop). */
  pin: (id: string, pos: XY) => void;
  /** Pins many positions at once (an automatic arrangement), as one undo step. */
  pinAll: (positions: Record<string, XY>) => void;
  /** Replaces the whole document (import, share link, new project); clears the console stack. `recipe`: how `world` was built, if known. */
  loadDocument: (world: World, pinned: Record<string, XY>, recipe?: Recipe | null) => void;
  note: (text: string) => void;
}

let nextLogId = 1;

/**
 * After a gesture: a console inside a container the gesture removed or stopped is back where it
 * came from at once (as a terminal attached to it would be), with the engine's own note, so the
 * prompt never names a container that is gone.
 */
function leaveDeadFrames(world: World, stack: Session['stack']): { stack: Session['stack']; notes: LogEntry[] } {
  const notes: LogEntry[] = [];
  let next = stack;
  while (next.length > 1) {
    const top = next[next.length - 1];
    if (top.kind !== 'container') break;
    const c = world.containers[top.id];
    if (c && c.state === 'running') break;
    next = next.slice(0, -1);
    const back = next[next.length - 1];
    const where = back.kind === 'machine' ? back.id : back.id.slice(0, 12);
    const text = `[${c ? c.name : top.id.slice(0, 12)} is ${c ? 'no longer running' : 'removed'}; back on ${where}]`;
    notes.push({ id: nextLogId++, kind: 'note', text });
  }
  return { stack: next, notes };
}
const LOG_LIMIT = 2000;

/** The prompt for a console position, e.g. `root@docker-host:~#` or `root@3f2a9c1b7d0e:/#` inside a container. */
export function promptFor(world: World, stack: Session['stack']): string {
  return promptOf({ world, stack });
}

function outputEntries(output: string, exitCode: number): LogEntry[] {
  if (!output) return [];
  return [{ id: nextLogId++, kind: exitCode === 0 ? 'out' : 'err', text: output }];
}

function appendLog(log: LogEntry[], entries: LogEntry[]): LogEntry[] {
  const next = log.concat(entries);
  return next.length > LOG_LIMIT ? next.slice(next.length - LOG_LIMIT) : next;
}

export const createDocSlice =
  (initial: World, recipe: Recipe | null = null): StateCreator<AppState, [['temporal', unknown]], [], DocSlice> =>
  (set, get) => ({
    world: initial,
    pinned: {},
    stack: hostSession(initial).stack,
    lastExit: 0,
    log: [],
    recipe,
    history: [],
    run: (line) => {
      const { world, stack, lastExit, log, history, pending, recipe } = get();
      const prompt = pending ? '>' : promptFor(world, stack);
      // the session carries `$?` and a half-typed heredoc from line to line, as the headless console does
      const res = engine().runLine({ world, stack, lastExit, ...(pending ? { pending } : {}) }, line);
      const entries: LogEntry[] = [
        { id: nextLogId++, kind: 'cmd', text: line, prompt, source: 'console' },
        ...outputEntries(res.output, res.exitCode),
      ];
      const trimmed = line.trim();
      const nextHistory = trimmed && history[history.length - 1] !== trimmed ? [...history, trimmed] : history;
      set({
        world: res.session.world,
        stack: res.session.stack,
        lastExit: res.session.lastExit ?? lastExit,
        pending: res.session.pending,
        log: appendLog(log, entries),
        history: nextHistory,
        recipe: recipe && [...recipe, line],
      });
      if (res.trace) get().loadTrace(res.trace, { before: world, after: res.session.world });
      return { ok: res.exitCode === 0, output: res.output, exitCode: res.exitCode, trace: res.trace };
    },
    gesture: (lines, unpin = []) => {
      const { world, stack, log } = get();
      // gestures speak to the Docker host's daemon whatever machine the console is on
      let session = { world, stack: hostSession(world).stack };
      const entries: LogEntry[] = [];
      let last: RunOutcome = { ok: true, output: '', exitCode: 0 };
      for (const line of lines) {
        const prompt = promptFor(session.world, session.stack);
        const res = engine().runLine(session, line);
        entries.push(
          { id: nextLogId++, kind: 'cmd', text: line, prompt, source: 'gesture' },
          ...outputEntries(res.output, res.exitCode),
        );
        last = { ok: res.exitCode === 0, output: res.output, exitCode: res.exitCode, trace: res.trace };
        if (!last.ok) break;
        session = res.session;
      }
      if (last.ok) {
        // a node that moved to another network drops its pin and takes its new place, in the same step
        let pinned = get().pinned;
        if (unpin.some((id) => id in pinned)) {
          pinned = { ...pinned };
          for (const id of unpin) delete pinned[id];
        }
        const left = leaveDeadFrames(session.world, stack);
        const recipe = get().recipe;
        set({
          world: session.world,
          pinned,
          stack: left.stack,
          log: appendLog(log, [...entries, ...left.notes]),
          recipe: recipe && [...recipe, [...lines]],
        });
      } else {
        // earlier lines of the gesture printed success, yet nothing of it stays: say so
        if (entries.filter((e) => e.kind === 'cmd').length > 1)
          entries.push({ id: nextLogId++, kind: 'note', text: '', key: 'console.rolledBack' });
        set({ log: appendLog(log, entries) });
      }
      if (last.ok && last.trace) get().loadTrace(last.trace, { before: world, after: session.world });
      return last;
    },
    pin: (id, pos) => set({ pinned: { ...get().pinned, [id]: { x: Math.round(pos.x), y: Math.round(pos.y) } } }),
    pinAll: (positions) => set({ pinned: { ...get().pinned, ...positions } }),
    loadDocument: (world, pinned, recipe = null) =>
      set({ world, pinned, stack: hostSession(world).stack, lastExit: 0, pending: undefined, recipe }),
    note: (text) => set({ log: appendLog(get().log, [{ id: nextLogId++, kind: 'note', text }]) }),
  });
