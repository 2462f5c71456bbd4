import { afterLine, backgroundLine, jobControl } from './captureJobs';
import { runCompose } from './compose';
import { continueLine } from './continuation';
import { runDocker, shellSessionEnded } from './docker';
import { settleHealth } from './docker/health';
import { settleRestarts } from './docker/restartManager';
import { defaultCwd, resolvePath, showCwd } from './fs';
import { DOCKER_HOST } from './ids';
import { findContainer } from './lookup';
import type { CommandResult, Trace, World } from './model';
import type { CaptureJob } from './net/tcpdumpJob';
import { runShell, setLineRunner } from './shell';
import { FILTERS } from './shell/filters';
import { tokenize } from './shell/lexer';
import { expandStatus, firstSubstitution, type ListItem, splitList } from './shell/lists';
import { showsMeter } from './shell/packet/curlMeter';
import { isStderrLine, runFilters, splitPipeline, toolArgv, toolOf } from './shell/pipe';
import { parseCommand } from './shell/redirect';
import { readStdin, redirectStdout, streamsOf } from './shell/streams';
import { sudoArgv } from './shell/sudo';
import { enteredShell, hasTool, shellFlavor, shellVoice } from './shell/tools';
import { activeSession, createTerminals, feedOtherTerminals, switchLine, withActive } from './terminals';
import type { Where } from './where';

/** Where a console line runs; a container frame remembers how it was entered. */
export type Frame = Where & {
  /** `run`: the shell is the container's main process, so `exit` stops the container */
  via?: 'run' | 'exec';
};

/** A console: the World and where typed lines run (a stack: `docker run -it … bash` pushes a container). */
export interface Session {
  world: World;
  stack: Frame[];
  /** a `sh -c LINE` run by the shell layer: its `exit` ends that shell quietly (no "logout") */
  sub?: boolean;
  /** exit code of the last command, for `$?` (absent: 0) */
  lastExit?: number;
  /** a line still being typed: an open quote or a heredoc's body (continuation.ts); the prompt is `>` */
  pending?: Pending;
  /** the terminal's running tcpdump (captureJobs.ts); absent: none */
  capture?: CaptureJob;
}

/** The first line of a command that continues on the next lines, and what it waits for. */
export interface Pending {
  /** the lines so far (the command line first, then a heredoc's body) */
  lines: string[];
  heredoc?: { delim: string; strip: boolean };
}

export interface LineResult {
  session: Session;
  /** the machine or container id the line ran on (for the runner's --json "machine") */
  machine: string;
  output: string;
  exitCode: number;
  trace?: Trace;
  /** a `sh -c` line ran `exit`: the rest of its list does not run */
  exited?: boolean;
  /** `nano FILE` / `vi FILE`: the UI opens its editor on this file of this machine or container */
  edit?: { owner: string; path: string };
}

/** Simulated time each command takes, so `docker ps` shows containers ageing. */
export const LINE_MS = 1000;

export function createSession(world: World): Session {
  return { world, stack: [{ kind: 'machine', id: DOCKER_HOST }] };
}

/**
 * Lesson scenes and the narration catalogue travel with the engine chunk (loaded right after the
 * first paint) instead of the page's initial JS: every lesson added and every narration key would
 * otherwise grow the first paint. The UI reaches them through the store's `engine()`.
 */
export { formatExplain } from '../i18n/trace';
export { feedTerminal } from './captureJobs';
export { openForEdit, saveEdited } from './editorFile';
export { checkpointHolds, provenChoices, TOPICS } from './lessonFrame';
export { SCENES, sceneById, sceneContainers, sceneWorld } from './scenes';
export { tokenize } from './shell/lexer';
/** Adds a Docker host to the LAN (the canvas gesture; the runner's --hosts N). */
export { addDockerHost } from './world';

/** The frame lines run in now. */
export function currentFrame(session: Session): Frame {
  return session.stack[session.stack.length - 1];
}

/**
 * The shell prompt for the current frame: `root@3866c4fcd4b6:/#` inside a container (its
 * hostname, the short id by default), `root@docker-host:~#` on a machine (bash's \h: up to the first dot).
 */
export function prompt(session: Session): string {
  if (session.pending) return '>';
  const f = currentFrame(session);
  const dir = showCwd(f.cwd ?? defaultCwd(f));
  if (f.kind === 'container') {
    const c = session.world.containers[f.id];
    return `root@${(c?.hostname ?? f.id.slice(0, 12)).split('.')[0]}:${dir}#`;
  }
  const m = session.world.machines[f.id];
  return `root@${(m?.hostname ?? f.id).split('.')[0]}:${dir}#`;
}

/** `@NAME`: a machine id, or a container name / id / unique id prefix. */
function resolveTarget(world: World, name: string): Frame | null {
  if (world.machines[name]) return { kind: 'machine', id: name };
  const c = findContainer(world, name);
  return c ? { kind: 'container', id: c.id } : null;
}

function advance(world: World): World {
  // the health probes due by the line's end have run, so what the page shows is their verdict
  return settleHealth({ ...world, clock: world.clock + LINE_MS });
}

/** Pops container frames whose container is gone or no longer running, saying so. */
export function dropDeadFrames(session: Session): { session: Session; notes: string[] } {
  const notes: string[] = [];
  let stack = session.stack;
  while (stack.length > 1) {
    const top = stack[stack.length - 1];
    if (top.kind !== 'container') break;
    const c = session.world.containers[top.id];
    if (c && c.state === 'running') break;
    stack = stack.slice(0, -1);
    const back = stack[stack.length - 1];
    const label = c ? c.name : top.id.slice(0, 12);
    notes.push(
      `[${label} is ${c ? 'no longer running' : 'removed'}; back on ${back.kind === 'machine' ? back.id : back.id.slice(0, 12)}]`,
    );
  }
  return { session: stack === session.stack ? session : { ...session, stack }, notes };
}

/** Runs a parsed command at a frame: docker where the docker CLI exists, else the shell. */
function execute(world0: World, argv0: string[], where: Where, line: string): CommandResult {
  // restart policies: the restarts due by now happen before the command sees the World
  const world = settleHealth(settleRestarts(world0));
  // `COMPOSE_PROJECT_NAME=x docker compose …`: the one environment variable a line may set here
  const env = /^COMPOSE_PROJECT_NAME=/.test(argv0[0] ?? '') ? { COMPOSE_PROJECT_NAME: argv0[0].slice(21) } : undefined;
  const argv = env ? argv0.slice(1) : argv0;
  if (argv[0] === 'sudo' && hasTool(world, where, 'sudo')) {
    const s = sudoArgv(argv);
    if ('error' in s) return { world, output: s.error, exitCode: 1 };
    const name = s.argv[0];
    const known = ['docker', 'docker-compose', 'sudo'].includes(name) || hasTool(world, where, name);
    if (!known) return { world, output: `sudo: ${name}: command not found`, exitCode: 1 };
    return execute(world, s.argv, where, line.replace(/^\s*sudo\s+/, ''));
  }
  if (argv[0] === 'docker' && argv[1] === 'compose' && hasTool(world, where, 'docker'))
    return runCompose(world, argv.slice(2), where, 'v2', env);
  if (argv[0] === 'docker-compose' && hasTool(world, where, 'docker'))
    return runCompose(world, argv.slice(1), where, 'v1', env);
  if (argv[0] === 'docker' && hasTool(world, where, 'docker')) return runDocker(world, argv.slice(1), where);
  return runShell(world, argv, where, line);
}

/** Leaves the current container: a `run -it` shell is the main process, so its container stops with the shell's code (and `--rm` removes it). */
function leave(session: Session, world: World, exitCode: number): Session {
  const top = currentFrame(session);
  const w = top.kind === 'container' && top.via === 'run' ? shellSessionEnded(world, top.id, exitCode) : world;
  return { world: w, stack: session.stack.slice(0, -1) };
}

/**
 * whalewire's `@machine` prefix names where the whole line runs: in `@router ip route add … && ip route`
 * the second command runs on the router too (an item with its own `@` keeps it).
 */
function onMachine(items: ListItem[]): ListItem[] {
  const at = /^@\S+/.exec(items[0]?.text.trimStart() ?? '')?.[0];
  if (!at) return items;
  return items.map((it, i) =>
    i === 0 || it.text.trim() === '' || it.text.trimStart().startsWith('@')
      ? it
      : { ...it, text: `${at} ${it.text.trimStart()}` },
  );
}

/** `a && b || c ; d`: each command runs when its operator lets it, as in bash. */
function runList(session: Session, items: ListItem[], stdin?: string): LineResult {
  const here = currentFrame(session);
  const bad = items.findIndex((it, i) => it.text === '' && !(i === items.length - 1 && it.op === ';'));
  if (bad >= 0) {
    const next = items[bad + 1]?.op ?? items[bad].op;
    const output =
      bad === items.length - 1
        ? 'bash: syntax error: unexpected end of file'
        : `bash: syntax error near unexpected token \`${next}'`;
    return { session, machine: here.id, output, exitCode: 2 };
  }
  let s = session;
  const outs: string[] = [];
  let exitCode = 0;
  let trace: Trace | undefined;
  let machine = here.id;
  for (const it of items) {
    if (it.text === '' || (it.op === '&&' && exitCode !== 0) || (it.op === '||' && exitCode === 0)) continue;
    const r = runOne(s, it.text, stdin);
    s = r.session;
    if (r.output) outs.push(r.output);
    exitCode = r.exitCode;
    trace = r.trace ?? trace;
    machine = r.machine;
    if (r.exited) return { session: s, machine, output: outs.join('\n'), exitCode, trace, exited: true };
  }
  return { session: s, machine, output: outs.join('\n'), exitCode, trace };
}

/** Replaces each `$( … )` by what its command prints on stdout; its stderr goes to the terminal. */
function expand(session: Session, line: string): { session: Session; line: string; stderr: string[] } {
  let s = session;
  let out = line;
  const stderr: string[] = [];
  for (let guard = 0; guard < 20; guard++) {
    const sub = firstSubstitution(out);
    if (!sub) break;
    const r = runOne(s, sub.command);
    // a substitution runs in a subshell: it cannot enter or leave a container for the line
    s = { ...r.session, stack: s.stack };
    const tool = toolOf(tokenize(sub.command));
    const lines = r.output === '' ? [] : r.output.split('\n');
    stderr.push(...lines.filter((l) => isStderrLine(tool, l)));
    const value = lines
      .filter((l) => !isStderrLine(tool, l))
      .join(' ')
      .trim();
    out = out.slice(0, sub.start) + value + out.slice(sub.end);
  }
  return { session: s, line: out, stderr };
}

/** Runs one console line (DESIGN.md §5); a line that opens a quote or a heredoc waits for the next ones. */
export function runLine(session: Session, line: string): LineResult {
  const job = session.pending ? null : jobControl(session, line);
  if (job) return job;
  const c = continueLine(session, line);
  if (c.wait) return { session: c.session, machine: currentFrame(session).id, output: '', exitCode: 0 };
  const bg = backgroundLine(c.line);
  return afterLine(session, runOne(nextLine(c.session), bg ?? c.line, c.stdin), bg !== null);
}

/** An interactive dash counts the lines it reads: its messages say `sh: 3: foo: not found`. */
function nextLine(session: Session): Session {
  const top = currentFrame(session);
  if (session.sub || top.shell?.kind !== 'dash' || top.shell.script) return session;
  const shell = { ...top.shell, line: (top.shell.line ?? 0) + 1 };
  return { ...session, stack: [...session.stack.slice(0, -1), { ...top, shell }] };
}

function runOne(session: Session, line: string, stdin?: string): LineResult {
  const raw = line.trim();
  if (raw === '' || raw.startsWith('#')) return { session, machine: currentFrame(session).id, output: '', exitCode: 0 };
  const list = splitList(raw);
  if (list.length > 1) return runList(session, onMachine(list), stdin);
  const expanded = expand(session, expandStatus(raw, session.lastExit ?? 0));
  const r = runCommandLine(expanded.session, expanded.line, stdin);
  const output = expanded.stderr.length ? [...expanded.stderr, r.output].filter(Boolean).join('\n') : r.output;
  return { ...r, output, session: { ...r.session, lastExit: r.exitCode } };
}

/** One pipeline, after lists and substitutions are taken care of. */
function runCommandLine(session: Session, trimmed: string, stdin?: string): LineResult {
  const here = currentFrame(session);

  const pipeline = splitPipeline(trimmed, shellFlavor(session.world, here));
  if (!pipeline.ok) return { session, machine: here.id, output: pipeline.error, exitCode: 2 };
  const [first, ...rest] = pipeline.segments;
  const parsed = [first, ...rest].map(parseCommand);
  const bad = parsed.find((p) => p.error);
  if (bad?.error) return { session, machine: here.id, output: bad.error, exitCode: 2 };
  const redirect = streamsOf(parsed[0].redirects);
  const out = streamsOf(parsed[parsed.length - 1].redirects).stdout;
  let argv = parsed[0].argv;
  let where: Frame = here;
  let oneShot = false;
  if (argv[0]?.startsWith('@')) {
    const target = resolveTarget(session.world, argv[0].slice(1));
    if (!target) {
      return {
        session,
        machine: here.id,
        output: `whalewire: no machine or container named "${argv[0].slice(1)}" (machines: ${Object.keys(session.world.machines).join(', ')})`,
        exitCode: 1,
      };
    }
    where = target;
    argv = argv.slice(1);
    oneShot = true;
    if (argv.length === 0) return { session, machine: where.id, output: '', exitCode: 0 };
  }

  const piped = rest.length > 0;
  let input = redirect.heredoc ? stdin : undefined;
  if (redirect.stdinFile) {
    const r = readStdin(session.world, where, redirect.stdinFile);
    if ('error' in r) return { session, machine: where.id, output: r.error, exitCode: 1 };
    input = r.text;
  }
  // `cat` with nothing to read but its stdin prints it (a heredoc, `< file`)
  const res =
    input !== undefined && argv.length === 1 && toolOf(argv) === 'cat'
      ? { world: session.world, output: input.replace(/\n$/, ''), exitCode: 0 }
      : execute(session.world, argv, where, piped || redirect.dropStderr ? first : trimmed);
  const segs = parsed.slice(1).map((p) => p.argv);
  // bash runs every command of a pipeline: the terminal gets each one's stderr and the last
  // command's stdout; a command that is not a text filter ignores what is piped into it
  const isFilter = (a: string[]) => Boolean(FILTERS[(a[0] ?? '').split('/').pop() ?? '']);
  let lastCmd = -1;
  segs.forEach((a, i) => {
    if (a.length && !isFilter(a)) lastCmd = i;
  });
  let world = res.world;
  let output = res.output;
  let exitCode = res.exitCode;
  let trace = res.trace;
  let tool = toolOf(argv);
  let toolArgs = argv;
  const passedBy: string[] = [];
  for (let i = 0; i <= lastCmd; i++) {
    if (isFilter(segs[i])) continue;
    passedBy.push(...output.split('\n').filter((l) => l !== '' && isStderrLine(tool, l)));
    const r = execute(world, segs[i], where, rest[i]);
    ({ world, output, exitCode } = r);
    trace = r.trace ?? trace;
    tool = toolOf(segs[i]);
    toolArgs = segs[i];
  }
  const filters = segs.slice(lastCmd + 1);
  if (filters.length) {
    const meter = tool === 'curl' && showsMeter(toolArgv(toolArgs));
    const f = runFilters(output, tool, redirect.mergeStderr, filters, shellVoice(session.world, where), meter);
    output = f.output;
    exitCode = f.exitCode;
  }
  if (passedBy.length) output = [...passedBy, output].filter(Boolean).join('\n');
  // a line typed takes a moment; the commands of a `sh -c` string run at once
  if (!session.sub) world = advance(world);
  let next: Session = { ...session, world };
  if (res.capture) {
    if (session.capture) {
      output = 'whalewire: this terminal already runs tcpdump ([1]); stop it first (fg, then Ctrl+C, or kill %1)';
      exitCode = 1;
    } else next = { ...next, capture: res.capture };
  }
  if (redirect.dropStderr) {
    output = output
      .split('\n')
      .filter((l) => !isStderrLine(tool, l))
      .join('\n');
  }
  if (out) {
    const r = redirectStdout(world, where, out, output, tool);
    output = r.output;
    if (r.exitCode !== undefined) exitCode = r.exitCode;
    next = { ...next, world: r.world };
    world = r.world;
  }

  if (res.exit && !oneShot && !piped) {
    if (session.stack.length > 1) {
      next = leave(next, world, res.exitCode);
      world = next.world;
      output = output ? `${output}\nexit` : 'exit';
    } else if (!session.sub) {
      output = output ? `${output}\nlogout` : 'logout';
    }
  } else if (res.enter && !oneShot && !piped) {
    // run, attach and start -ai enter the main process: leaving it stops the container; exec does not.
    const sub = argv[1] === 'container' ? argv[2] : argv[1];
    const isRun = argv[0] === 'docker' && (sub === 'run' || sub === 'attach' || sub === 'start');
    const via = isRun ? 'run' : 'exec';
    // `exec -it -w DIR` starts the shell in DIR; the main process starts in the container's WorkingDir
    const wd = world.containers[res.enter]?.workingDir;
    const cwd = res.cwd ? { cwd: res.cwd } : wd ? { cwd: resolvePath('/', wd) } : {};
    const frame: Frame = {
      kind: 'container',
      id: res.enter,
      via,
      ...enteredShell(world, res.enter, argv),
      ...cwd,
      ...res.enterAs,
    };
    next = { ...next, stack: [...next.stack, frame] };
  } else if (res.cwd && !oneShot && !piped) {
    next = { ...next, stack: [...next.stack.slice(0, -1), { ...currentFrame(next), cwd: res.cwd }] };
  }

  const dropped = dropDeadFrames(next);
  if (dropped.notes.length) output = [output, ...dropped.notes].filter(Boolean).join('\n');
  const exited = res.exit === true && session.sub === true && !piped;
  const edit = res.edit ? { edit: { owner: where.id, path: res.edit } } : {};
  return {
    session: dropped.session,
    machine: where.id,
    output,
    exitCode,
    trace,
    ...(exited ? { exited } : {}),
    ...edit,
  };
}

// `sh -c LINE` inside the shell layer runs LINE as the console would, at the same place
setLineRunner((world, where, line) => {
  const r = runLine({ world, stack: [where], sub: true }, line);
  return { world: r.session.world, output: r.output, exitCode: r.exitCode, trace: r.trace };
});

/**
 * Runs every line of a script from a fresh session; the headless runner and the seed tests use it.
 * `%term NAME` lines switch terminal (terminals.ts), so a session typed in several terminals replays.
 */
export function runScript(
  world: World,
  text: string,
): { lines: string[]; results: LineResult[]; session: Session; continued: boolean[] } {
  let terms = createTerminals(createSession(world));
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const results: LineResult[] = [];
  const continued: boolean[] = [];
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    continued.push(Boolean(activeSession(terms).pending));
    const sw = switchLine(terms, line);
    if (sw) {
      terms = sw.terms;
      results.push(sw.result);
      continue;
    }
    const before = activeSession(terms);
    const r = runLine(before, line);
    terms = withActive(terms, r.session);
    if (r.trace) terms = feedOtherTerminals(terms, r.trace, before.world.clock);
    results.push(r);
  }
  return { lines: lines.map((l) => l.replace(/\r$/, '')), results, session: activeSession(terms), continued };
}
