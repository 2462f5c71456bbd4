import { produce } from '../containerIndex';
import { lookupContainer } from '../lookup';
import type { CommandResult, World } from '../model';
import { taskContainerRemoved } from '../swarm/taskContainer';
import { stopExitCode } from './daemonRestart';
import { detachKeysValid } from './exec';
import { all, type FlagSpec, isSet, last, type Parsed, parseFlags } from './flags';
import {
  atOnceExitCode,
  exitsAtOnce,
  isShellCommand,
  oneShotCmd,
  removeContainer,
  startContainer,
  stopContainer,
} from './lifecycle';
import { mainCmd, rerunOneShots } from './oneShot';
import { argsError, daemon, fail, flagError, ok } from './output';
import { execFormatError } from './platform';
import { portLines } from './ports';
import { pruneFilter } from './pruneFilters';
import { cancelRestart, isRestarting, processExited, resetRestartManager } from './restartManager';
import { rmLinks } from './rmLink';
import { nginxStartFailure } from './run';
import type { On } from './scope';
import { killSignalError, parseSignal, signalOutcome } from './signals';

/** start, stop, restart, rm, rename, logs, port: commands over existing containers. */

type Step = (d: World, id: string, ref?: string) => string | null;

/**
 * Applies `step` to each named container in turn, as the CLI does: successes print the name as
 * given, failures print the daemon error; later names still run (Docker's own partial effect).
 */
export function eachContainer(
  world: World,
  refs: string[],
  step: Step,
): { world: World; out: string[]; errs: string[]; order: { line: string; missing: boolean }[] } {
  let w = world;
  const out: string[] = [];
  const errs: string[] = [];
  /** Every line in argument order; `missing`: the daemon's not-found error. */
  const order: { line: string; missing: boolean }[] = [];
  for (const ref of refs) {
    const found = lookupContainer(w, ref);
    if (!found.ok) {
      errs.push(daemon(found.error));
      order.push({ line: daemon(found.error), missing: found.error.startsWith('No such container') });
      continue;
    }
    let err: string | null = null;
    const next = produce(w, (d) => {
      err = step(d, found.value.id, ref);
    });
    if (err) {
      errs.push(daemon(err));
      order.push({ line: daemon(err), missing: false });
      continue;
    }
    w = next;
    out.push(ref);
    order.push({ line: ref, missing: false });
  }
  return { world: w, out, errs, order };
}

/** v28 renamed stop/restart's -t to --timeout; --time is hidden and deprecated (docker/cli#5485). */
const STOP_FLAGS: FlagSpec[] = [
  { long: 'timeout', short: 't', value: true },
  { long: 'time', value: true },
  { long: 'signal', short: 's', value: true },
];

/** pflag's refusal of a -t/--timeout or --time value strconv.ParseInt (base 0) cannot read, or null. */
function intFlagError(p: Parsed): string | null {
  for (const [flag, name] of [
    ['timeout', '-t, --timeout'],
    ['time', '--time'],
  ] as const) {
    for (const v of all(p, flag)) {
      const m = /^[+-]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]*|0[bB][01]+|[1-9]\d*)$/.exec(v);
      if (!m) return `invalid argument "${v}" for "${name}" flag: strconv.ParseInt: parsing "${v}": invalid syntax`;
    }
  }
  return null;
}

/** Starting a container whose main process ends at once leaves it exited again. */
const startStep: Step = (d, id) => {
  // daemon/start.go: a paused container is refused before anything else.
  if (d.containers[id].paused) return 'cannot start a paused container, try unpause instead';
  // start.go: a restarting container counts as running, so start leaves it to its restart manager
  if (isRestarting(d.containers[id])) return null;
  const wasRunning = d.containers[id].state === 'running';
  const e = startContainer(d, id);
  if (e) return e.message;
  if (!wasRunning) resetRestartManager(d, id);
  const own = d.containers[id];
  if (own.platform && !wasRunning) {
    // an image of another platform: its first exec fails in runc's init
    own.logs = [...(own.logs ?? []), execFormatError(own)];
    processExited(d, id, 255);
    return null;
  }
  // A one-shot CMD (`ping -c 2 …`) runs again: `rerunOneShots` does that after the step.
  const c = d.containers[id];
  const failed = nginxStartFailure(d, c);
  if (failed) {
    // json-file keeps what earlier runs wrote; this run's lines follow
    c.logs = [...(c.logs ?? []), ...failed];
    processExited(d, id, 1);
  } else if (exitsAtOnce(c) && !oneShotCmd(c)) processExited(d, id, atOnceExitCode(c));
  return null;
};

/** `docker start|stop|restart NAME…`; a --time on stop/restart gets pflag's deprecation notice first. */
export function dockerStartStop(
  world: World,
  verb: 'start' | 'stop' | 'restart',
  argv: string[],
  on: On,
  cmdPath: string = verb,
): CommandResult {
  const r = startStop(world, verb, argv, on, cmdPath);
  const dashes = argv.indexOf('--');
  const used = (dashes < 0 ? argv : argv.slice(0, dashes)).some((a) => a === '--time' || a.startsWith('--time='));
  if (verb === 'start' || !used) return r;
  const notice = 'Flag --time has been deprecated, use --timeout instead';
  return { ...r, output: r.output ? `${notice}\n${r.output}` : notice };
}

function startStop(
  world: World,
  verb: 'start' | 'stop' | 'restart',
  argv: string[],
  on: On,
  cmdPath: string,
): CommandResult {
  const p = parseFlags(
    argv,
    verb === 'start'
      ? [
          { long: 'attach', short: 'a' },
          { long: 'interactive', short: 'i' },
          { long: 'detach-keys', value: true },
        ]
      : STOP_FLAGS,
  );
  // pflag IntVar (strconv.ParseInt base 0) for -t/--timeout and the hidden --time
  const badInt = p.ok && verb !== 'start' ? intFlagError(p.value) : null;
  if (!p.ok || badInt) return fail(world, flagError(cmdPath, p.ok ? badInt! : p.error), 125);
  if (p.value.args.length < 1) return fail(world, argsError(cmdPath, 'at least', 1), 1);
  // daemon/stop.go containerStop: a running container's stop signal must parse
  const rawSig = verb === 'start' ? undefined : last(p.value, 'signal') || undefined;
  const sigErr = rawSig ? parseSignal(rawSig) : null;
  const attach = verb === 'start' && (isSet(p.value, 'attach') || isSet(p.value, 'interactive'));
  if (attach && p.value.args.length > 1)
    return fail(world, 'you cannot start and attach multiple containers at once', 1);
  // start.go attaches (daemon/attach.go checks the keys) before it starts the container
  const keys = attach ? last(p.value, 'detach-keys') : undefined;
  if (keys && lookupContainer(world, p.value.args[0]).ok && !detachKeysValid(keys))
    return fail(world, daemon(`Invalid detach keys (${keys}) provided`), 1);
  const step: Step =
    verb === 'start'
      ? startStep
      : verb === 'stop'
        ? (d, id, ref) => {
            // docker stop sends SIGTERM: servers exit 0; PID 1 without a handler (shell, sleep, node) is killed (137).
            const c = d.containers[id];
            if (sigErr && !sigErr.ok && c.state === 'running') return `cannot stop container: ${ref}: ${sigErr.error}`;
            const code = sigErr?.ok ? (signalOutcome(c, sigErr.sig) ?? 137) : stopExitCode(c);
            // kill.go: stopping a running (or restarting) container cancels its restart manager
            if (c.state === 'running' || isRestarting(c)) cancelRestart(d, id, true);
            stopContainer(d, id, code);
            return null;
          }
        : (d, id, ref) => {
            const c = d.containers[id];
            // daemon/restart.go: containerStop's error, wrapped
            if (sigErr && !sigErr.ok && c.state === 'running')
              return `Cannot restart container ${ref}: ${sigErr.error}`;
            const auto = c.autoRemove;
            c.autoRemove = false;
            cancelRestart(d, id, true);
            stopContainer(d, id, 0);
            c.autoRemove = auto;
            return startStep(d, id);
          };
  const r = eachContainer(world, p.value.args, step);
  if (verb !== 'stop') {
    const rerun = rerunOneShots(world, r.world, on);
    r.world = rerun.world;
    if (verb === 'start' && attach) {
      // start -a: the container's output instead of its name, and its exit status (cli start.go).
      const out = Object.values(rerun.outputs).filter((o) => o !== '');
      const c = r.out.length ? lookupContainer(r.world, r.out[0]) : null;
      const id = c?.ok ? c.value.id : '';
      const code = r.errs.length ? 1 : id in rerun.outputs ? (r.world.containers[id]?.exitCode ?? 0) : 0;
      // -ai on a shell container whose main process has a terminal: the console enters it.
      const shell = c?.ok && c.value.state === 'running' && c.value.tty && c.value.interactive;
      if (shell && isSet(p.value, 'interactive') && isShellCommand(mainCmd(c.value))) {
        return { world: r.world, output: '', exitCode: 0, enter: id };
      }
      return { world: r.world, output: [...out, ...r.errs].join('\n'), exitCode: code };
    }
  }
  if (verb === 'start') {
    // cli/command/container/start.go: each container in turn, its error printed at once.
    const lines = r.order.map((e) => e.line);
    if (r.errs.length) {
      lines.push(`Error: failed to start containers: ${p.value.args.filter((a) => !r.out.includes(a)).join(', ')}`);
    }
    return { world: r.world, output: lines.join('\n'), exitCode: r.errs.length ? 1 : 0 };
  }
  return { world: r.world, output: [...r.out, ...r.errs].join('\n'), exitCode: r.errs.length ? 1 : 0 };
}

/** `docker kill [-s SIGNAL] NAME…`: SIGKILL by default (exit 137); names printed, errors at the end. */
export function dockerKill(world: World, argv: string[], cmdPath = 'kill'): CommandResult {
  const p = parseFlags(argv, [{ long: 'signal', short: 's', value: true }]);
  if (!p.ok) return fail(world, flagError(cmdPath, p.error), 125);
  if (p.value.args.length < 1) return fail(world, argsError(cmdPath, 'at least', 1), 1);
  // daemon/kill.go ContainerKill parses the signal before it looks the container up
  const raw = last(p.value, 'signal') || 'KILL';
  const bad = killSignalError(raw);
  if (bad) return fail(world, p.value.args.map(() => daemon(bad)).join('\n'), 1);
  const sig = (parseSignal(raw) as { sig: number }).sig;
  const r = eachContainer(world, p.value.args, (d, id) => {
    // daemon/kill.go: Kill refuses a container that is not running.
    if (d.containers[id].state !== 'running' && !isRestarting(d.containers[id]))
      return `container ${id} is not running`;
    const code = signalOutcome(d.containers[id], sig);
    if (code === null && d.containers[id].state === 'running') return null;
    cancelRestart(d, id, true);
    stopContainer(d, id, code ?? 137);
    return null;
  });
  return { world: r.world, output: [...r.out, ...r.errs].join('\n'), exitCode: r.errs.length ? 1 : 0 };
}

/** `docker container prune [-f]`: removes every container that is not running (cli/command/container/prune.go). */
export function dockerContainerPrune(world: World, argv: string[]): CommandResult {
  const p = parseFlags(argv, [
    { long: 'force', short: 'f' },
    { long: 'filter', value: true },
  ]);
  if (!p.ok) return fail(world, flagError('container prune', p.error), 125);
  if (p.value.args.length) return fail(world, argsError('container prune', 'none', 0), 1);
  const filter = pruneFilter(all(p.value, 'filter'), world.clock);
  if (!filter.ok)
    return fail(
      world,
      filter.flag ? flagError('container prune', filter.error) : daemon(filter.error),
      filter.flag ? 125 : 1,
    );
  const gone = Object.values(world.containers)
    .filter((c) => c.state !== 'running' && filter.keep(c.created, c.labels ?? {}))
    .sort((a, b) => a.seq - b.seq);
  const next = produce(world, (d) => {
    for (const c of gone) removeContainer(d, c.id);
  });
  const lines: string[] = [];
  if (!isSet(p.value, 'force')) {
    // The console has no stdin: behave as if the user answered "y".
    lines.push('WARNING! This will remove all stopped containers.', 'Are you sure you want to continue? [y/N] y');
  }
  if (gone.length) lines.push('Deleted Containers:', ...gone.map((c) => c.id), '');
  lines.push('Total reclaimed space: 0B');
  return ok(next, lines.join('\n'));
}

/** `docker rm [-f] NAME…`. */
export function dockerRm(world: World, argv: string[], cmdPath = 'rm'): CommandResult {
  const p = parseFlags(argv, [
    { long: 'force', short: 'f' },
    { long: 'volumes', short: 'v' },
    { long: 'link', short: 'l' },
  ]);
  if (!p.ok) return fail(world, flagError(cmdPath, p.error), 125);
  if (p.value.args.length < 1) return fail(world, argsError(cmdPath, 'at least', 1), 1);
  if (isSet(p.value, 'link')) return rmLinks(world, p.value.args);
  const force = isSet(p.value, 'force');
  const r = eachContainer(world, p.value.args, (d, id) => {
    const c = d.containers[id];
    // daemon/delete.go cleanupContainer (v25+): a paused container is named apart.
    if (c.paused && !force)
      return `cannot remove container "/${c.name}": container is paused and must be unpaused first`;
    if ((c.state === 'running' || isRestarting(c)) && !force) {
      const state = isRestarting(c) ? 'restarting' : 'running';
      return `cannot remove container "/${c.name}": container is ${state}: stop the container before removing or force remove`;
    }
    const wasRunning = c.state === 'running';
    removeContainer(d, id);
    taskContainerRemoved(d, id, wasRunning);
    return null;
  });
  // cli/command/container/rm.go: with -f a missing container is only reported, not an error.
  // Names and those notes print as they come; the other errors are joined at the end.
  const shown = r.order.filter((e) => (force && e.missing) || r.out.includes(e.line)).map((e) => e.line);
  const errs = r.order.filter((e) => !shown.includes(e.line) && !(force && e.missing)).map((e) => e.line);
  return { world: r.world, output: [...shown, ...errs].join('\n'), exitCode: errs.length ? 1 : 0 };
}

/** `docker rename OLD NEW`. */
export function dockerRename(world: World, argv: string[], cmdPath = 'rename'): CommandResult {
  if (argv.length !== 2) return fail(world, argsError(cmdPath, 'exactly', 2), 1);
  const [ref, name] = argv;
  const found = lookupContainer(world, ref);
  if (!found.ok) return fail(world, daemon(found.error), 1);
  const bare = name.replace(/^\//, '');
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(bare)) {
    return fail(world, daemon(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`), 1);
  }
  if (found.value.name === bare) {
    return fail(world, daemon(`Renaming a container with the same name as its current name`), 1);
  }
  const clash = Object.values(world.containers).find((c) => c.name === bare);
  if (clash) {
    return fail(
      world,
      daemon(
        `Error when allocating new name: Conflict. The container name "/${bare}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`,
      ),
      1,
    );
  }
  return ok(
    produce(world, (d) => {
      d.containers[found.value.id].name = bare;
    }),
    '',
  );
}

/** `docker port NAME [PRIVATE_PORT[/PROTO]]`. */
export function dockerPort(world: World, argv0: string[], cmdPath = 'port'): CommandResult {
  // port has no flags of its own, but cobra still parses (and refuses) flags before the arguments.
  const p = parseFlags(argv0, []);
  if (!p.ok) return fail(world, flagError(cmdPath, p.error), 125);
  const argv = p.value.args;
  if (argv.length < 1 || argv.length > 2) return fail(world, argsError(cmdPath, 'at least', 1, 2), 1);
  const found = lookupContainer(world, argv[0]);
  if (!found.ok) return fail(world, daemon(found.error), 1);
  // cli/command/container/port.go (v28): the port as typed in the error, "tcp" when no proto.
  const [num, proto] = argv[1] ? argv[1].split('/') : [];
  if (argv[1] && !(/^\d+$/.test(num) && Number(num) <= 65535)) {
    const why = /^\d+$/.test(num) ? 'value out of range' : 'invalid syntax';
    return fail(world, `Error: invalid port (${num}): strconv.ParseUint: parsing "${num}": ${why}`, 1);
  }
  const filter = argv[1] ? `${num}/${proto || 'tcp'}` : undefined;
  const lines = portLines(world, found.value, filter);
  if (filter && lines.length === 0) {
    return fail(world, `Error: No public port '${argv[1]}' published for ${argv[0]}`, 1);
  }
  return ok(world, lines.join('\n'));
}
