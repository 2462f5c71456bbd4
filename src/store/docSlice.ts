import type { StateCreator } from 'zustand';
import type { Session } from '../sim/console';
import type { Trace, World } from '../sim/model';
import type { AppState } from './appStore';
import { engine, hostSession, promptOf } from './engine';
import { feedOtherTabs } from './termSlice';

/** What Ctrl+C types: bash echoes it, and the engine reads it as the interrupt (captureJobs.ts). */
const INTERRUPT = '^C';

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
  /** the terminal's running tcpdump: in the foreground it holds the terminal until Ctrl+C */
  capture?: Session['capture'];
  log: LogEntry[];
  /** the lines that built `world` from the default World; null when unknown (an import, an undo) */
  recipe: Recipe | null;
  /** lines typed, oldest first (↑/↓ history) */
  history: string[];
  /** Runs one console line through the engine and echoes it. */
  run: (line: string) => RunOutcome;
  /**
   * Ctrl+C in the console: stops a foreground tcpdump (`^C`, then its summary), or at a prompt
   * drops what was typed (`typed^C`, `$?` 130) and any half-typed heredoc, as bash does.
   */
  interrupt: (typed: string) => void;
  /**
   * Runs the docker commands a canvas gesture stands for, as one undo step. All or nothing: if a
   * line fails, its error is echoed and the World stays as it was (the node snaps back).
   */
  gesture: (lines: string[], unpin?: string[]) => RunOutcome;
  /**
   * Adds the next Docker host to the LAN (docker-host-2 at 192.168.0.11 …), as one undo step; the
   * console echoes it as a comment line, since no command of a real machine does this.
   */
  addHost: () => RunOutcome;
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
      const { world, stack, lastExit, log, history, pending, recipe, capture } = get();
      // a foreground tcpdump holds the terminal: what is typed shows without a prompt
      const prompt = pending ? '>' : capture && !capture.background ? '' : promptFor(world, stack);
      // the session carries `$?`, a half-typed heredoc and a running tcpdump from line to line, as the headless console does
      const res = engine().runLine(
        { world, stack, lastExit, ...(pending ? { pending } : {}), ...(capture ? { capture } : {}) },
        line,
      );
      // the line's packets reach the tcpdumps running in the other terminals
      const fed = res.trace ? feedOtherTabs(get(), res.session.world, res.trace, world.clock) : null;
      const entries: LogEntry[] = [
        { id: nextLogId++, kind: 'cmd', text: line, prompt, source: 'console' },
        ...outputEntries(res.output, res.exitCode),
      ];
      const trimmed = line.trim();
      const nextHistory = trimmed && history[history.length - 1] !== trimmed ? [...history, trimmed] : history;
      set({
        world: fed?.world ?? res.session.world,
        ...(fed ? { tabs: fed.tabs } : {}),
        stack: res.session.stack,
        lastExit: res.session.lastExit ?? lastExit,
        pending: res.session.pending,
        capture: res.session.capture,
        log: appendLog(log, entries),
        history: nextHistory,
        recipe: recipe && [...recipe, line],
      });
      if (res.trace) get().loadTrace(res.trace, { before: world, after: res.session.world });
      if (res.edit) {
        const refused = get().openEditor(res.edit.owner, res.edit.path, 'console');
        if (refused) get().note(refused);
      }
      return { ok: res.exitCode === 0, output: res.output, exitCode: res.exitCode, trace: res.trace };
    },
    interrupt: (typed) => {
      const { world, stack, lastExit, log, pending, capture, recipe } = get();
      if (capture && !capture.background) {
        const res = engine().runLine({ world, stack, lastExit, capture }, INTERRUPT);
        const text = [INTERRUPT, res.output].filter(Boolean).join('\n');
        set({
          world: res.session.world,
          capture: res.session.capture,
          lastExit: res.session.lastExit ?? 0,
          log: appendLog(log, [{ id: nextLogId++, kind: 'out', text }]),
          recipe: recipe && [...recipe, INTERRUPT],
        });
        return;
      }
      const prompt = pending ? '>' : promptFor(world, stack);
      set({
        pending: undefined,
        lastExit: 130,
        log: appendLog(log, [
          { id: nextLogId++, kind: 'cmd', text: `${typed}${INTERRUPT}`, prompt, source: 'console' },
        ]),
        // a heredoc's lines so far are in the recipe, and no line stands for dropping them
        ...(pending ? { recipe: null } : {}),
      });
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
    addHost: () => {
      const { world, log } = get();
      const r = engine().addDockerHost(world);
      if (!r.ok) {
        set({ log: appendLog(log, [{ id: nextLogId++, kind: 'err', text: r.error }]) });
        return { ok: false, output: r.error, exitCode: 1 };
      }
      const ip = r.world.machines[r.id].ifaces.find((f) => f.name === 'eth0')?.addrs[0]?.ip ?? '';
      const text = `# ${r.id} joins the LAN at ${ip}: a Docker daemon of its own (docker0 172.17.0.1/16)`;
      const prompt = promptFor(world, hostSession(world).stack);
      set({ world: r.world, log: appendLog(log, [{ id: nextLogId++, kind: 'cmd', text, prompt, source: 'gesture' }]) });
      return { ok: true, output: '', exitCode: 0 };
    },
    pin: (id, pos) => set({ pinned: { ...get().pinned, [id]: { x: Math.round(pos.x), y: Math.round(pos.y) } } }),
    pinAll: (positions) => set({ pinned: { ...get().pinned, ...positions } }),
    loadDocument: (world, pinned, recipe = null) =>
      set({
        world,
        pinned,
        stack: hostSession(world).stack,
        lastExit: 0,
        pending: undefined,
        capture: undefined,
        recipe,
      }),
    note: (text) => set({ log: appendLog(get().log, [{ id: nextLogId++, kind: 'note', text }]) }),
  });
