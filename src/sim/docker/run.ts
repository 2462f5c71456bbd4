import { EPOCH_MS } from '../clock';
import { produce } from '../containerIndex';
import { imageHasTool, imageInfo } from '../images';
import type { CommandResult, Container, World } from '../model';
import { CREATE_FLAGS, createContainer, envFlagError } from './create';
import { all, isSet, last, parseFlags } from './flags';
import { heldHostPort, nginxBindFailure, nginxEntrypointLog, nginxReadOnlyFailure } from './hostBind';
import { missingImage, pullProgress } from './image';
import { atOnceExitCode, commandKeepsRunning, exitsAtOnce, isShellCommand, startContainer } from './lifecycle';
import { argsError, daemon, fail, flagError, ok, withHelp } from './output';
import { execFormatError } from './platform';
import { processExited } from './restartManager';
import type { On } from './scope';

/** `docker run`, `docker create`, `docker exec`. */

/** runc's message when the command is not in the image (exec and run differ in the wrapper). */
const notFound = (cmd: string) => `exec: "${cmd}": executable file not found in $PATH`;

/** The command a container's main process runs: CMD given, else the image's default. */
function mainCommand(image: string, cmd: string[]): string[] {
  return cmd.length ? cmd : imageInfo(image).defaultCmd;
}

/**
 * `--pull always`: create.go pulls before it creates and shows the pull's progress on stderr
 * (jsonmessage, no "Using default tag" line: that is pull.go's). `missing`, the default, stays
 * silent here for the reason dockerRun gives.
 */
function pulledFirst(world: World, flags: Parameters<typeof last>[0], on: On): string[] {
  return last(flags, 'pull') === 'always' ? pullProgress(world, on.daemon, flags.args[0]) : [];
}

/** `docker create`: prints the new id. */
export function dockerCreate(world: World, argv: string[], on: On, cmdPath = 'create'): CommandResult {
  const p = parseFlags(argv, CREATE_FLAGS, false);
  const envErr = p.ok ? envFlagError(p.value) : null;
  if (!p.ok || envErr) return fail(world, flagError(cmdPath, p.ok ? envErr! : p.error), 125);
  if (p.value.args.length < 1) return fail(world, argsError(cmdPath, 'at least', 1), 1);
  const r = createContainer(world, p.value, on.daemon, undefined, on.cwd);
  // create.go's own errors (--cidfile) reach main bare: exit 1
  if (!r.ok && r.plain) return fail(world, [...(r.pulled ?? []), r.error].join('\n'), 1);
  if (!r.ok && !r.daemon) return fail(world, withHelp(cmdPath, r.error), 125);
  // create.go returns the daemon's errors as they are: printed bare by main, exit status 1
  const missing = last(p.value, 'pull') === 'never' ? null : missingImage(world, on.daemon, p.value.args[0]);
  if (missing) return fail(world, [missing.unable, missing.denied, missing.hint].join('\n'), 1);
  if (!r.ok) return fail(world, daemon(r.error), 1);
  return ok(r.world, [...pulledFirst(world, p.value, on), ...(r.pulled ?? []), ...r.warnings, r.id].join('\n'));
}

/**
 * `docker run` (and `docker container run`): create, start, then behave like the main process:
 * `-d` prints the id; a shell with `-it` enters the container; a one-shot CMD runs through the
 * shell engine and leaves the container exited with its code; servers stay up.
 */
export function dockerRun(world: World, argv: string[], on: On, cmdPath = 'run'): CommandResult {
  const p = parseFlags(argv, CREATE_FLAGS, false);
  const envErr = p.ok ? envFlagError(p.value) : null;
  if (!p.ok || envErr) return fail(world, flagError(cmdPath, p.ok ? envErr! : p.error), 125);
  if (p.value.args.length < 1) return fail(world, argsError(cmdPath, 'at least', 1), 1);
  const detach = isSet(p.value, 'detach');
  if (detach && all(p.value, 'attach').length) {
    // run.go runContainer, once the options parsed: a plain error, exit 1
    const parsed = createContainer(world, p.value, on.daemon, undefined, on.cwd);
    if (!parsed.ok && !parsed.daemon && !parsed.plain) return fail(world, withHelp(cmdPath, parsed.error), 125);
    return fail(world, 'conflicting options: cannot specify both --attach and --detach', 1);
  }
  // Create and start in one recipe, so the containers record is copied once (issue 12); a start
  // that does not happen or fails takes the two steps again from `world`, which gives the same draws.
  let startErr: string | null = null;
  let startTried = false;
  const both = createContainer(
    world,
    p.value,
    on.daemon,
    (d, id) => {
      const c = d.containers[id];
      if (c.cmd.length && !imageHasTool(c.image, c.cmd[0])) return;
      startTried = true;
      const e = startContainer(d, id);
      if (e) startErr = e.message;
    },
    on.cwd,
  );
  const created = startTried && !startErr ? both : createContainer(world, p.value, on.daemon, undefined, on.cwd);
  // run.go toStatusError: 127 when the words say a file is missing
  if (!created.ok && created.plain) {
    // a `whalewire:` line names what is not simulated; it is no CLI error to add help to
    const said = created.error.startsWith('whalewire:') ? created.error : withHelp(cmdPath, created.error);
    const out = [...(created.pulled ?? []), said].join('\n');
    return fail(world, out, statusCode(created.error));
  }
  if (!created.ok && !created.daemon) return fail(world, withHelp(cmdPath, created.error), 125);
  // the daemon looks the image up before anything else; the CLI then pulls it, and fails as pull does
  const missing = last(p.value, 'pull') === 'never' ? null : missingImage(world, on.daemon, p.value.args[0]);
  if (missing) return fail(world, [missing.unable, withHelp(cmdPath, missing.denied), missing.hint].join('\n'), 125);
  if (!created.ok) return fail(world, withHelp(cmdPath, daemon(created.error)), 125);
  const id = created.id;
  const lines = [...pulledFirst(world, p.value, on), ...(created.pulled ?? []), ...created.warnings];
  if (detach) lines.push(id);
  const c0 = created.world.containers[id];
  const main = mainCommand(c0.image, c0.cmd);

  // The OCI runtime looks the executable up before the process starts.
  // The image's own default command is always there; a CMD the user gives must be on $PATH.
  if (c0.cmd.length && !imageHasTool(c0.image, c0.cmd[0])) {
    const msg = `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${notFound(c0.cmd[0])}: unknown`;
    const w = produce(created.world, (d) => {
      d.containers[id].exitCode = 127;
      if (d.containers[id].autoRemove) delete d.containers[id];
    });
    return fail(w, [...lines, withHelp(cmdPath, daemon(msg))].join('\n'), 127);
  }

  if (!both.ok) throw new Error('docker run: create gave two answers');
  const started = both.world;
  if (startErr) {
    // Docker's partial effect: the container exists, in state Created, with no address; with
    // --rm the daemon removes it (cli/command/container/run.go waits for that removal).
    const w = produce(created.world, (d) => {
      d.rng = started.rng;
      if (d.containers[id].autoRemove) delete d.containers[id];
    });
    return fail(w, [...lines, withHelp(cmdPath, daemon(startErr))].join('\n'), statusCode(startErr));
  }
  const c = started.containers[id];
  const info = imageInfo(c.image);
  // Real `docker run` of an image not yet present prints "Unable to find image 'nginx:latest'
  // locally" and the pull progress on stderr first. The seed articles' transcripts (004: `docker
  // run -d --name nginx nginx` prints only the id) were taken with the image already pulled, and
  // learners compare their screen with them, so the run stays silent and only records the image
  // (create.ts); `docker pull` shows the progress, and `docker images` lists what was run.
  const terminal = c.tty && c.interactive;

  // an image of another platform: runc's init cannot exec its first binary (no emulation here)
  if (c.platform) {
    const msg = execFormatError(c);
    const w = produce(started, (d) => {
      d.containers[id].logs = [...(d.containers[id].logs ?? []), msg];
      processExited(d, id, 255);
    });
    return detach ? ok(w, lines.join('\n')) : { world: w, output: [...lines, msg].join('\n'), exitCode: 255 };
  }
  // nginx exits 1 at start: its root is read-only, or (--network host) another process holds its port
  const log = nginxStartFailure(started, c);
  if (log) {
    const w = produce(started, (d) => {
      d.containers[id].logs = log;
      processExited(d, id, 1);
    });
    return detach ? ok(w, lines.join('\n')) : { world: w, output: [...lines, ...log].join('\n'), exitCode: 1 };
  }

  if (!detach && terminal && isShellCommand(main)) {
    return { world: started, output: lines.join('\n'), exitCode: 0, enter: id };
  }
  // A one-shot CMD runs to its end: in the foreground its output is shown; detached (-d) it only
  // reaches `docker logs`, and the container exits with the command's own code either way.
  const oneShot = () => !detach || !commandKeepsRunning(c.cmd, c.tty || c.interactive);
  if (c.cmd.length > 0 && !isShellCommand(c.cmd) && oneShot()) {
    const cwd = c.workingDir ? { cwd: c.workingDir } : {};
    const res = on.shell(started, c.cmd, { kind: 'container', id, ...cwd }, c.cmd.join(' '));
    const after = produce(res.world, (d) => {
      const dc = d.containers[id];
      if (!dc) return;
      if (res.output !== '') dc.logs = res.output.split('\n');
      processExited(d, id, res.exitCode);
    });
    if (detach) return ok(after, lines.join('\n'));
    return { ...res, world: after, output: [...lines, res.output].filter((l) => l !== '').join('\n') };
  }
  if (exitsAtOnce(c)) {
    const code = atOnceExitCode(c);
    const w = produce(started, (d) => processExited(d, id, code));
    if (!detach && code === 1) lines.push(...info.missingEnvLog!);
    return { world: w, output: lines.join('\n'), exitCode: detach ? 0 : code };
  }
  if (detach && pingForever(c.cmd)) return detachedPing(started, id, lines, on);
  if (!detach) lines.push(...startupLog(started, id));
  return ok(started, lines.join('\n'));
}

/** run.go toStatusError: the exit code its words give an error (a file missing 127, not executable 126). */
function statusCode(msg: string): number {
  if (/executable file not found|no such file or directory|system cannot find the file specified/.test(msg)) return 127;
  return /permission denied|is a directory/.test(msg) ? 126 : 125;
}

/** How many echo replies a detached endless ping keeps for `docker logs` (one per second after start). */
export const PING_LOG_REPLIES = 20;

/** `ping HOST` without -c: it runs until stopped, printing one line per second. */
export function pingForever(cmd: string[]): boolean {
  return cmd.length > 0 && (cmd[0].split('/').pop() ?? '') === 'ping' && commandKeepsRunning(cmd, false);
}

/**
 * `run -d … ping HOST`: the engine cannot run a process in the background, so the first
 * PING_LOG_REPLIES echoes are worked out at once and kept as the log; `docker logs` shows as
 * many as seconds have passed (`pingLogLines`). A ping that fails at once (bad address) exits
 * with its code as in the foreground.
 */
function detachedPing(world: World, id: string, lines: string[], on: On): CommandResult {
  const c = world.containers[id];
  const ping = (n: number) => {
    const cmd = [c.cmd[0], '-c', String(n), ...c.cmd.slice(1)];
    return on.shell(world, cmd, { kind: 'container', id }, cmd.join(' '));
  };
  // The log's text comes from PING_LOG_REPLIES echoes; the World keeps what the first one did
  // (ARP, conntrack, a few ms of clock), not the 20 s the whole run would take.
  const out = ping(PING_LOG_REPLIES).output.split('\n');
  const first = ping(1);
  const stats = out.findIndex((l, i) => l === '' && out[i + 1]?.startsWith('--- '));
  const after = produce(first.world, (d) => {
    const dc = d.containers[id];
    if (!dc) return;
    if (!out[0]?.startsWith('PING')) {
      if (first.output !== '') dc.logs = first.output.split('\n');
      processExited(d, id, first.exitCode);
      return;
    }
    dc.logs = stats < 0 ? out : out.slice(0, stats);
  });
  return ok(after, lines.join('\n'));
}

/** The lines of a detached endless ping's log printed by now: the header, then one reply a second. */
export function pingLogLines(world: World, c: World['containers'][string]): string[] {
  const logs = c.logs ?? [];
  const until = c.state === 'running' ? world.clock : (c.finishedAt ?? world.clock);
  const seconds = Math.max(0, Math.floor((until - c.startedAt) / 1000));
  return logs.slice(0, 1 + Math.min(seconds + 1, logs.length - 1));
}

/** The main process's first log lines, with the container's address filled in. */
export function startupLog(world: World, id: string): string[] {
  const c = world.containers[id];
  const info = imageInfo(c.image);
  if (!ownCmd(c)) return [];
  const ip = c.endpoints.find((e) => e.ip)?.ip ?? '127.0.0.1';
  const log = info.startupLog.map((l) => l.replaceAll('{ip}', ip));
  return info.app === 'nginx' ? nginxEntrypointLog(c, log) : log;
}

/**
 * nginx's own reasons to exit 1 as it starts, with its log: ngx_init_cycle creates its temp
 * paths (a read-only root refuses) before it opens its listening sockets (a held host port
 * refuses). Null: it starts. `docker run`, `docker start` and the restart manager ask it.
 */
export function nginxStartFailure(world: World, c: Container): string[] | null {
  if (imageInfo(c.image).app !== 'nginx' || !ownCmd(c)) return null;
  const held = heldHostPort(world, c);
  const failure =
    nginxReadOnlyFailure(c, world.clock, EPOCH_MS) ??
    (held !== null ? nginxBindFailure(held, world.clock, EPOCH_MS) : null);
  return failure ? [...startupLog(world, c.id), ...failure] : null;
}

/** The image's own CMD runs (none given, or the same one). */
const ownCmd = (c: Container) => c.cmd.length === 0 || c.cmd.join(' ') === imageInfo(c.image).defaultCmd.join(' ');

/**
 * For the console: the shell a `run -it … bash` session entered has exited (`exit`), so the
 * container stops with that code, and goes away when it was started with `--rm`.
 */
export function shellSessionEnded(world: World, containerId: string, exitCode = 0): World {
  const c = world.containers[containerId];
  if (c?.state !== 'running') return world;
  const main = mainCommand(c.image, c.cmd);
  // Only a container whose main process is that shell stops; `exec -it … bash` leaves it running.
  if (!isShellCommand(main)) return world;
  return produce(world, (d) => processExited(d, containerId, exitCode));
}
