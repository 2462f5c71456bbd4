import { kindAt, resolvePath } from '../fs';
import { imageHasTool } from '../images';
import { imageUsers } from '../imageUsers';
import { lookupContainer } from '../lookup';
import type { CommandResult, Container, World } from '../model';
import { all, boolFlagError, type FlagSpec, isSet, last, parseFlags } from './flags';
import { goQuote } from './goParse';
import { isShellCommand } from './lifecycle';
import { argsError, daemon, fail, flagError, ok } from './output';
import { isRestarting } from './restartManager';
import { kvFile } from './runOptsCheck';
import type { On } from './scope';

/**
 * `docker exec` as docker/cli v28.5.2 cli/command/container/exec.go sends it (parseExec reads
 * --env-file through opts.ReadKVEnvStrings, -e through opts.ValidateEnv) and moby v28.5.2
 * daemon/exec.go ContainerExecCreate answers it: the container must be running, the user must
 * be in its passwd file (getUser), --detach-keys must be a key sequence term.ToBytes reads; the
 * exec runs in -w (else the container's WorkingDir, else /) as -u (else the container's User).
 */

const FLAGS: FlagSpec[] = [
  { long: 'detach', short: 'd' },
  { long: 'detach-keys', value: true },
  { long: 'env', short: 'e', value: true },
  { long: 'env-file', value: true },
  { long: 'interactive', short: 'i' },
  { long: 'privileged' },
  { long: 'tty', short: 't' },
  { long: 'user', short: 'u', value: true },
  { long: 'workdir', short: 'w', value: true },
];

/** runc's message when the command is not in the image. */
const notFound = (cmd: string) => `exec: "${cmd}": executable file not found in $PATH`;

/** moby/term ToBytes: comma-separated single characters, `ctrl-X` (X in @, a-z, [, \, ], ^, _) or DEL. */
export function detachKeysValid(keys: string): boolean {
  return keys.split(',').every((k) => k.length === 1 || k === 'DEL' || /^ctrl-[@a-z[\\\]^_]$/.test(k));
}

/** moby/sys/user GetExecUserPath's refusal of `user[:group]`, or null (a numeric uid needs no entry). */
function userError(image: string, spec: string): string | null {
  const name = spec.split(':')[0];
  if (name === '' || /^\d+$/.test(name) || name in imageUsers(image)) return null;
  return `unable to find user ${name}: no matching entries in passwd file`;
}

/** `docker exec [OPTIONS] CONTAINER COMMAND [ARG…]`: runs CMD in a running container, or enters it for a shell with -it. */
export function dockerExec(world: World, argv: string[], on: On, cmdPath = 'exec'): CommandResult {
  const p = parseFlags(argv, FLAGS, false);
  const badEnv = p.ok ? all(p.value, 'env').find((e) => e.split('=')[0] === '') : undefined;
  const flagErr = p.ok
    ? (boolFlagError(p.value, FLAGS) ??
      (badEnv !== undefined
        ? `invalid argument "${badEnv}" for "-e, --env" flag: invalid environment variable: ${badEnv}`
        : null))
    : p.error;
  if (!p.ok || flagErr) return fail(world, flagError(cmdPath, flagErr!), 125);
  const [ref, ...cmd] = p.value.args;
  if (cmd.length < 1) return fail(world, argsError(cmdPath, 'at least', 2), 1);
  // parseExec: the env files, then the -e values (which override them)
  const env: string[] = [];
  for (const f of all(p.value, 'env-file')) {
    const r = kvFile(world, on.daemon, on.cwd ?? '/root', f, true);
    if (r.error !== undefined) return fail(world, r.error, 1);
    env.push(...(r.lines ?? []));
  }
  env.push(...all(p.value, 'env'));
  const found = lookupContainer(world, ref);
  if (!found.ok) return fail(world, daemon(found.error), 1);
  const c = found.value;
  const refused = execCreateError(c, last(p.value, 'user'), last(p.value, 'detach-keys'));
  if (refused) return fail(world, daemon(refused), 1);
  const workdir = last(p.value, 'workdir') || c.workingDir || '';
  const chdir = chdirError(world, c, workdir);
  if (chdir) return fail(world, `OCI runtime exec failed: exec failed: ${chdir.error}`, chdir.code);
  if (!imageHasTool(c.image, cmd[0])) {
    return fail(
      world,
      `OCI runtime exec failed: exec failed: unable to start container process: ${notFound(cmd[0])}: unknown`,
      127,
    );
  }
  const user = last(p.value, 'user') || c.user || '';
  const where = {
    kind: 'container' as const,
    id: c.id,
    ...(workdir ? { cwd: resolvePath('/', workdir) } : {}),
    ...(user ? { user: user.split(':')[0] } : {}),
    ...(isSet(p.value, 'privileged') ? { privileged: true } : {}),
    ...(env.length ? { env } : {}),
    tty: isSet(p.value, 'tty'),
  };
  if (isShellCommand(cmd) && isSet(p.value, 'interactive') && isSet(p.value, 'tty')) {
    const { user: u, env: e, privileged } = where;
    const as = {
      tty: true,
      ...(u ? { user: u } : {}),
      ...(e ? { env: e } : {}),
      ...(privileged ? { privileged } : {}),
    };
    return { world, output: '', exitCode: 0, enter: c.id, enterAs: as, ...(where.cwd ? { cwd: where.cwd } : {}) };
  }
  // -d: the command runs in the background, nothing is attached
  if (isShellCommand(cmd) || isSet(p.value, 'detach')) {
    if (isSet(p.value, 'detach') && !isShellCommand(cmd))
      return { ...on.shell(world, cmd, where, cmd.join(' ')), output: '', exitCode: 0 };
    return ok(world, '');
  }
  return on.shell(world, cmd, where, cmd.join(' '));
}

/** ContainerExecCreate's refusals, in its order (getActiveContainer, getUser, term.ToBytes), or null. */
function execCreateError(c: Container, user: string | undefined, keys: string | undefined): string | null {
  // daemon/exec.go getActiveContainer
  if (isRestarting(c)) return `Container ${c.id} is restarting, wait until the container is running`;
  if (c.state !== 'running') return `container ${c.id} is not running`;
  if (c.paused) return `Container ${c.id} is paused, unpause the container before exec`;
  if (user) {
    const e = userError(c.image, user);
    if (e) return e;
  }
  if (keys && !detachKeysValid(keys)) return `Invalid escape keys (${keys}) provided`;
  return null;
}

/**
 * runc's refusal of the exec's working directory, with the exit code moby's setExitCodeFromError
 * (daemon/errors.go) gives its words, or null. runc validates the process spec first (a relative
 * cwd: 128, none of the words it looks for), then chdir()s in finalizeNamespace before looking the
 * command up: ENOENT reads as a missing command (127), ENOTDIR gets the bind-mount hint (127).
 */
function chdirError(world: World, c: Container, workdir: string): { error: string; code: number } | null {
  if (workdir === '') return null;
  if (!workdir.startsWith('/')) return { error: 'Cwd must be an absolute path: unknown', code: 128 };
  const path = resolvePath('/', workdir);
  const kind = kindAt(world, c.id, path);
  if (kind === 'dir') return null;
  const failed = `unable to start container process: chdir to cwd (${goQuote(workdir)}) set in config.json failed`;
  if (kind === 'file') {
    return {
      error: `${failed}: not a directory: unknown: Are you trying to mount a directory onto a file (or vice-versa)? Check if the specified host path exists and is the expected type`,
      code: 127,
    };
  }
  return { error: `${failed}: no such file or directory: unknown`, code: 127 };
}
