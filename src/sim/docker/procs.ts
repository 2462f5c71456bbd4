import { EPOCH_MS } from '../clock';
import { imageInfo } from '../images';
import { lookupContainer } from '../lookup';
import type { CommandResult, World } from '../model';
import { eachContainer } from './containers';
import { detachKeysValid } from './exec';
import { boolFlagError, last, parseFlags } from './flags';
import { resumeHealthMonitor, stopHealthMonitor } from './healthState';
import { stableHex } from './imageStore';
import { isShellCommand } from './lifecycle';
import { argsError, daemon, fail, flagError, ok, table } from './output';
import { commandString } from './ps';

/** `docker pause|unpause|top|attach`: the container's processes. */

/**
 * `docker pause|unpause NAME…` (cli/command/container/pause.go): names printed as given, errors
 * joined at the end. The daemon (daemon/pause.go, daemon/errors.go) refuses a container that is
 * not running, or already (not) paused.
 *
 * The network is left as it is on purpose: the freezer cgroup stops the container's processes,
 * not its kernel network stack, so ARP, ping and even the TCP handshake are still answered; only
 * the app stops replying. src/sim/net decides "running" by `state` (net/index.ts, apps.ts), which
 * stays 'running'; the app itself reads `paused` and stalls an HTTP request (net/http.ts: curl -m N
 * says "Operation timed out after N milliseconds with 0 bytes received").
 */
export function dockerPause(
  world: World,
  verb: 'pause' | 'unpause',
  argv: string[],
  cmdPath: string = verb,
): CommandResult {
  if (argv.some((a) => a.startsWith('-') && a !== '-')) {
    const flag = argv.find((a) => a.startsWith('-'))!;
    const msg = flag.startsWith('--')
      ? `unknown flag: ${flag.split('=')[0]}`
      : `unknown shorthand flag: '${flag[1]}' in ${flag}`;
    return fail(world, flagError(cmdPath, msg), 125);
  }
  if (argv.length < 1) return fail(world, argsError(cmdPath, 'at least', 1), 1);
  const r = eachContainer(world, argv, (d, id) => {
    const c = d.containers[id];
    if (verb === 'pause') {
      if (c.state !== 'running') return `container ${id} is not running`;
      if (c.paused) return `Container ${id} is already paused`;
      c.paused = true;
      stopHealthMonitor(c);
    } else {
      if (!c.paused) return `Container ${id} is not paused`;
      delete c.paused;
      resumeHealthMonitor(c, d.clock);
    }
    return null;
  });
  return { world: r.world, output: [...r.out, ...r.errs].join('\n'), exitCode: r.errs.length ? 1 : 0 };
}

/** A host PID for a container's main process: stable per container. */
function hostPid(id: string): number {
  return 2000 + (Number.parseInt(stableHex(`pid:${id}`, 6), 16) % 60000);
}

/**
 * `docker top NAME [ps OPTIONS]`: the daemon runs `ps -ef` on the host and keeps the container's
 * PIDs; the CLI prints them with tabwriter(minwidth 20, padding 3) (cli/command/container/top.go).
 * Only the main process is listed (a shell's `exec` sessions are not tracked). `aux` gives the
 * BSD columns; other ps OPTIONS are accepted and the -ef columns shown.
 */
export function dockerTop(world: World, argv: string[], cmdPath = 'top'): CommandResult {
  if (argv.length < 1) return fail(world, argsError(cmdPath, 'at least', 1), 1);
  const found = lookupContainer(world, argv[0]);
  if (!found.ok) return fail(world, daemon(found.error), 1);
  const c = found.value;
  if (c.state !== 'running') return fail(world, daemon(`container ${c.id} is not running`), 1);
  const pid = hostPid(c.id);
  const started = new Date(EPOCH_MS + c.startedAt).toISOString().slice(11, 16);
  const tty = c.tty ? 'pts/0' : '?';
  const info = imageInfo(c.image);
  const main =
    info.app === 'nginx' && c.cmd.length === 0 ? 'nginx: master process nginx -g daemon off;' : commandString(c);
  const args = argv.slice(1);
  if (args.length === 1 && /^-?aux$/.test(args[0])) {
    // `docker top NAME aux`: BSD-style columns.
    const vsz = 2000 + (Number.parseInt(stableHex(`vsz:${c.image}`, 4), 16) % 20000);
    const rss = Math.round(vsz / 3);
    const aux = [
      ['USER', 'PID', '%CPU', '%MEM', 'VSZ', 'RSS', 'TTY', 'STAT', 'START', 'TIME', 'COMMAND'],
      ['root', String(pid), '0.0', '0.1', String(vsz), String(rss), tty, c.tty ? 'Ss+' : 'Ss', started, '0:00', main],
    ];
    return ok(world, table(aux, 20));
  }
  const rows = [
    ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
    ['root', String(pid), String(pid - 23), '0', started, tty, '00:00:00', main],
  ];
  return ok(world, table(rows, 20));
}

/**
 * `docker attach NAME`: a container whose main process is a shell with `-it` is entered as
 * `run -it` does. Any other running container has no prompt to show: the console cannot wait
 * for its next output, so the attach ends at once, as if detached with Ctrl-P Ctrl-Q
 * (nothing is printed, exit 0). A stopped or paused one is refused by the CLI's own check.
 */
export function dockerAttach(world: World, argv: string[], cmdPath = 'attach'): CommandResult {
  const specs = [{ long: 'detach-keys', value: true }, { long: 'no-stdin' }, { long: 'sig-proxy' }];
  const p = parseFlags(argv, specs);
  const bad = p.ok ? boolFlagError(p.value, specs) : p.error;
  if (!p.ok || bad) return fail(world, flagError(cmdPath, bad!), 125);
  const args = p.value.args;
  if (args.length !== 1) return fail(world, argsError(cmdPath, 'exactly', 1), 1);
  const found = lookupContainer(world, args[0]);
  if (!found.ok) return fail(world, daemon(found.error), 1);
  const c = found.value;
  if (c.state !== 'running') return fail(world, 'You cannot attach to a stopped container, start it first', 1);
  if (c.paused) return fail(world, 'You cannot attach to a paused container, unpause it first', 1);
  // daemon/attach.go ContainerAttach: the key sequence term.ToBytes reads
  const keys = last(p.value, 'detach-keys');
  if (keys && !detachKeysValid(keys)) return fail(world, daemon(`Invalid detach keys (${keys}) provided`), 1);
  const main = c.cmd.length ? c.cmd : imageInfo(c.image).defaultCmd;
  if (isShellCommand(main) && c.tty && c.interactive) return { world, output: '', exitCode: 0, enter: c.id };
  return ok(world, '');
}
