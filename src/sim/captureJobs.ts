import type { LineResult, Session } from './console';
import type { Trace, World } from './model';
import { feedCapture, stopCapture } from './net/tcpdumpJob';
import { tokenize } from './shell/lexer';
import { toolOf } from './shell/pipe';

/**
 * A terminal's running tcpdump, as bash and a tty show it. `tcpdump …` holds the terminal (the
 * foreground): packets that commands in other terminals send print in it, and the only key it
 * takes is Ctrl+C (`^C` as a line), which stops it with its summary. `tcpdump … &` runs in the
 * background: bash prints `[1] PID`, the terminal keeps taking commands and their packets print
 * among their output; `fg` brings it to the front, `kill %1` ends it, `jobs` lists it.
 */

/** What bash prints for a job: `[1]+  Running                 tcpdump -n &`. */
const jobLine = (state: string, command: string) => `[1]+  ${state.padEnd(24)}${command}`;

/** The line a terminal types: `^C` stands for Ctrl+C (the runner's and the page's). */
export const INTERRUPT = '^C';

function result(session: Session, output: string, exitCode = 0): LineResult {
  return { session, machine: session.stack[session.stack.length - 1].id, output, exitCode };
}

function stopped(session: Session): { session: Session; lines: string[] } {
  const job = session.capture;
  if (!job) return { session, lines: [] };
  const s = stopCapture(session.world, job);
  const { capture: _, ...rest } = session;
  return { session: { ...rest, world: s.world }, lines: s.lines };
}

/**
 * Lines that speak to the terminal's job rather than run a command: Ctrl+C, `fg`, `jobs`,
 * `kill %1`, and anything typed while tcpdump holds the terminal. Null: run the line as usual.
 */
export function jobControl(session: Session, line: string): LineResult | null {
  const t = line.trim();
  const job = session.capture;
  if (t === INTERRUPT) {
    // Ctrl+C at a prompt only gives a new prompt; in the foreground it stops tcpdump
    if (!job || job.background) return result(session, '');
    const s = stopped(session);
    return result({ ...s.session, lastExit: 0 }, s.lines.join('\n'));
  }
  if (job && !job.background) {
    if (t === '') return result(session, '');
    return result(
      session,
      'whalewire: tcpdump is running in this terminal: press Ctrl+C to stop it (or start it with & to keep typing here)',
      0,
    );
  }
  const argv = tokenize(t);
  if (argv[0] === 'jobs' && argv.length === 1)
    return result(session, job ? jobLine('Running', `${job.command} &`) : '');
  if (argv[0] === 'fg' && argv.length <= 2) {
    if (!job) return result(session, 'bash: fg: current: no such job', 1);
    return result({ ...session, capture: { ...job, background: false } }, job.command);
  }
  if (argv[0] === 'kill' && argv.length === 2 && /^%(1|%|\+)?$/.test(argv[1])) {
    if (!job) return result(session, `bash: kill: ${argv[1]}: no such job`, 1);
    const s = stopped(session);
    return result(s.session, [...s.lines, jobLine('Terminated', job.command)].join('\n'));
  }
  return null;
}

/** `tcpdump … &`: the line without its `&` when it starts a capture in the background, else null. */
export function backgroundLine(line: string): string | null {
  const m = /^(.*[^&|])&\s*$/.exec(line.trim());
  if (!m) return null;
  const words = tokenize(m[1]);
  const tool = words[0]?.startsWith('@') ? toolOf(words.slice(1)) : toolOf(words);
  return tool === 'tcpdump' ? m[1].trim() : null;
}

/** A job's number and a PID for it, from the World's clock (deterministic). */
const pidOf = (world: World) => 2000 + (Math.floor(world.clock / 1000) % 30000);

/**
 * After a line ran in a terminal: a capture it armed in the background gets its `[1] PID`; a
 * background capture already running sees the line's packets, printed among its output (after a
 * ping's first line, before other output: packets go out before answers come back).
 */
export function afterLine(before: Session, r: LineResult, background: boolean): LineResult {
  const job = r.session.capture;
  if (!job) return r;
  if (!before.capture) {
    if (!background) return r;
    const session = { ...r.session, capture: { ...job, background: true } };
    return { ...r, session, output: [`[1] ${pidOf(before.world)}`, r.output].filter(Boolean).join('\n') };
  }
  if (!job.background || !r.trace) return r;
  const fed = feedCapture(r.session.world, job, r.trace, before.world.clock);
  if (fed.lines.length === 0) return { ...r, session: { ...r.session, capture: fed.job } };
  let session: Session = { ...r.session, world: fed.world, capture: fed.job };
  const extra = [...fed.lines];
  if (fed.done) {
    const { capture: _, ...rest } = session;
    session = rest;
  }
  const out = r.output === '' ? [] : r.output.split('\n');
  const at = out[0]?.startsWith('PING ') ? 1 : 0;
  const lines = [...out.slice(0, at), ...extra, ...out.slice(at)];
  if (fed.done) lines.push(jobLine('Done', job.command));
  return { ...r, session, output: lines.join('\n') };
}

/**
 * Another terminal's capture sees a line's packets: what it printed (for that terminal's screen)
 * and its session after. `clockMs`: the World's clock when the line started.
 */
export function feedTerminal(
  term: Omit<Session, 'world'>,
  world: World,
  trace: Trace,
  clockMs: number,
): { term: Omit<Session, 'world'>; world: World; lines: string[] } {
  const job = term.capture;
  if (!job) return { term, world, lines: [] };
  const fed = feedCapture(world, job, trace, clockMs);
  if (!fed.done) return { term: { ...term, capture: fed.job }, world: fed.world, lines: fed.lines };
  const { capture: _, ...rest } = term;
  const lines = job.background ? [...fed.lines, jobLine('Done', job.command)] : fed.lines;
  return { term: rest, world: fed.world, lines };
}
