import { feedTerminal } from './captureJobs';
import type { LineResult, Session } from './console';
import { dropDeadFrames } from './console';
import type { Trace, World } from './model';

/**
 * Several terminals on one World, as people open several windows on a Docker host: each has its
 * own place (a stack of machine and container frames, each with its cwd), `$?` and half-typed
 * line; the World is shared. A terminal inside a container stays there while another terminal
 * changes the World; when it comes back to the front and its container is gone or stopped, it is
 * back where it came from, saying so. The headless runner switches with a `%term NAME` line.
 */

/** One terminal: everything of a Session but the World. */
export type Term = Omit<Session, 'world'> & {
  name: string;
  /** what its tcpdump printed while another terminal was in front (shown when it comes back) */
  backlog?: string[];
};

export interface Terminals {
  world: World;
  terms: Term[];
  /** index of the terminal lines go to */
  active: number;
}

/** `%term NAME`: the runner's line that switches terminal (opening it on the Docker host when new). */
export const SWITCH = /^%term\s+(\S+)\s*$/;

function termOf(session: Session, name: string, backlog?: string[]): Term {
  const { world: _, ...rest } = session;
  return backlog?.length ? { ...rest, name, backlog } : { ...rest, name };
}

export function createTerminals(session: Session, name = '1'): Terminals {
  return { world: session.world, terms: [termOf(session, name)], active: 0 };
}

/** The session of the active terminal. */
export function activeSession(t: Terminals): Session {
  const { name: _, backlog: __, ...rest } = t.terms[t.active];
  return { ...rest, world: t.world };
}

/** Takes a line's resulting session back into the active terminal. */
export function withActive(t: Terminals, session: Session): Terminals {
  const terms = t.terms.slice();
  terms[t.active] = termOf(session, t.terms[t.active].name);
  return { world: session.world, terms, active: t.active };
}

/** Brings terminal `name` to the front (a new one starts on the Docker host); notes say where a dead frame went. */
export function focusTerminal(t: Terminals, name: string): { terms: Terminals; notes: string[] } {
  let at = t.terms.findIndex((x) => x.name === name);
  let terms = t.terms;
  if (at < 0) {
    const first = t.terms[0];
    terms = [...t.terms, { name, stack: first.stack.slice(0, 1).map(({ kind, id }) => ({ kind, id })) }];
    at = terms.length - 1;
  }
  const moved = { ...t, terms, active: at };
  const dropped = dropDeadFrames(activeSession(moved));
  return { terms: withActive(moved, dropped.session), notes: dropped.notes };
}

/** A `%term NAME` line: the terminals after the switch and what the line prints; null for other lines. */
export function switchLine(t: Terminals, line: string): { terms: Terminals; result: LineResult } | null {
  const m = SWITCH.exec(line.trim());
  if (!m || t.terms[t.active].pending) return null;
  const backlog = t.terms.find((x) => x.name === m[1])?.backlog ?? [];
  const focused = focusTerminal(t, m[1]);
  const terms = focused.terms;
  const s = activeSession(terms);
  const top = s.stack[s.stack.length - 1];
  const output = [...backlog, ...focused.notes].join('\n');
  return { terms, result: { session: s, machine: top.id, output, exitCode: 0 } };
}

/**
 * A line's packets reach the captures of the terminals not in front: each keeps what its tcpdump
 * printed in its backlog. `clockMs`: the World's clock when the line started.
 */
export function feedOtherTerminals(t: Terminals, trace: Trace, clockMs: number): Terminals {
  let world = t.world;
  const terms = t.terms.map((term, i) => {
    if (i === t.active || !term.capture) return term;
    const { name, backlog, ...rest } = term;
    const fed = feedTerminal(rest, world, trace, clockMs);
    world = fed.world;
    const lines = [...(backlog ?? []), ...fed.lines];
    return lines.length ? { ...fed.term, name, backlog: lines } : { ...fed.term, name };
  });
  return { world, terms, active: t.active };
}
