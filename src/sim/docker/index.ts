import { defaultCwd } from '../fs';
import type { CommandResult, World } from '../model';
import { advertiseAcrossDaemons } from '../net/garp';
import { runShell } from '../shell';
import type { Where } from '../where';
import { dockerContainerPrune, dockerKill, dockerPort, dockerRename, dockerRm, dockerStartStop } from './containers';
import { dockerExec } from './exec';
import { globalFlags } from './globalFlags';
import { commandHelp, globalOptions, leadingHelp, MANAGEMENT } from './help';
import { dockerImage, dockerImages, dockerPull } from './image';
import { dockerRmi } from './imageRm';
import { dockerInspect } from './inspect';
import { dockerLogs } from './logs';
import { dockerNetwork } from './network';
import { dockerNode } from './node';
import { fail, flagError, ok, unknownSubcommand } from './output';
import { dockerAttach, dockerPause, dockerTop } from './procs';
import { dockerPs } from './ps';
import { dockerCreate, dockerRun } from './run';
import { daemonView, mergeView, type On } from './scope';
import { dockerService } from './service';
import { dockerStats } from './stats';
import { dockerSwarm } from './swarm';

export { shellSessionEnded } from './run';

/**
 * The docker CLI: `argv` is everything after `docker`. Returns the new World and what the CLI
 * prints. A failed command returns the input World unchanged (except Docker's own partial effects:
 * a `run` whose start fails leaves the container Created; `rm`/`stop`/`network rm` of several
 * names apply the ones that succeed). Never throws.
 */
export function runDocker(world: World, argv0: string[], where: Where): CommandResult {
  if (where.kind === 'container' || !world.machines[where.id]?.tools.includes('docker') || !world.daemons[where.id]) {
    return fail(world, 'bash: docker: command not found', 127);
  }
  try {
    const globals = globalFlags(argv0);
    if (globals && !globals.ok) return fail(world, globals.output, globals.exitCode);
    const argv = globals ? globals.rest : argv0;
    const help = leadingHelp(argv);
    if (help) return ok(world, help);
    // dockerd did not come back up (daemonConfig.ts): client.IsErrConnectionFailed's words
    if (world.daemons[where.id].down)
      return fail(
        world,
        'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
        1,
      );
    // the daemon is the machine the line runs on; the command sees that daemon's part of the World
    const daemonId = where.id;
    let whole = world;
    const on: On = {
      daemon: daemonId,
      cwd: where.cwd ?? defaultCwd(where),
      shell: (w, cmd, at, line) => {
        const r = runShell(mergeView(whole, w, daemonId), cmd, at, line);
        whole = r.world;
        return { ...r, world: daemonView(r.world, daemonId) };
      },
    };
    // swarm commands reach the whole cluster (tasks start on every node): they see the whole World
    if (SWARM_WIDE.has(argv[0])) return withHelp(world, argv, dispatch(world, argv, on));
    const r = withHelp(world, argv, dispatch(daemonView(world, daemonId), argv, on));
    // the view held only this daemon's containers: neighbours on other hosts hear its new links now
    return { ...r, world: advertiseAcrossDaemons(world, mergeView(whole, r.world, daemonId), daemonId, r.world) };
  } catch (e) {
    // A bug must not take the console down: report it the way a crashing CLI would.
    return fail(world, `docker: internal error: ${e instanceof Error ? e.message : String(e)}`, 1);
  }
}

/**
 * cobra answers --help (and -h where the command has no -h of its own) before running the
 * command; where our parser met it as an unknown flag (so not after run's IMAGE), print v28's help.
 */
function withHelp(world: World, argv: string[], r: CommandResult): CommandResult {
  if (r.exitCode !== 125) return r;
  const asked = r.output.startsWith('unknown flag: --help\n');
  const short = r.output.startsWith("unknown shorthand flag: 'h' in -h");
  if (!asked && !short) return r;
  const path = argv.filter((a) => !a.startsWith('-')).slice(0, MANAGEMENT.includes(argv[0]) ? 2 : 1);
  const help = commandHelp(path.join(' '));
  if (!help) return r;
  return ok(world, `${short ? 'Flag shorthand -h has been deprecated, use --help\n' : ''}${help}`);
}

const SWARM_WIDE = new Set(['swarm', 'node', 'service']);

function dispatch(world: World, argv: string[], on: On): CommandResult {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'swarm':
      return dockerSwarm(world, rest, on.daemon);
    case 'node':
      return dockerNode(world, rest, on.daemon);
    case 'service':
      return dockerService(world, rest, on.daemon, on.cwd);
    case 'run':
      return dockerRun(world, rest, on);
    case 'create':
      return dockerCreate(world, rest, on);
    case 'start':
    case 'stop':
    case 'restart':
      return dockerStartStop(world, cmd, rest, on);
    case 'rm':
      return dockerRm(world, rest);
    case 'kill':
      return dockerKill(world, rest);
    case 'ps':
      return dockerPs(world, rest);
    case 'inspect':
      return dockerInspect(world, rest, 'any');
    case 'port':
      return dockerPort(world, rest);
    case 'rename':
      return dockerRename(world, rest);
    case 'logs':
      return dockerLogs(world, rest);
    case 'exec':
      return dockerExec(world, rest, on);
    case 'network':
      return dockerNetwork(world, rest, on);
    case 'images':
      return dockerImages(world, rest, on);
    case 'image':
      return dockerImage(world, rest, on);
    case 'pull':
      return dockerPull(world, rest, on);
    case 'rmi':
      return dockerRmi(world, rest, on);
    case 'pause':
    case 'unpause':
      return dockerPause(world, cmd, rest);
    case 'top':
      return dockerTop(world, rest);
    case 'stats':
      return dockerStats(world, rest);
    case 'attach':
      return dockerAttach(world, rest);
    case 'container':
      return container(world, rest, on);
    case 'version':
      return ok(world, VERSION);
    case 'help':
      return helpCommand(world, rest, on);
    case undefined:
    case '--help':
      return ok(world, rootHelp());
    case '-h':
      return ok(world, `Flag shorthand -h has been deprecated, use --help\n${rootHelp()}`);
    case '-v':
    case '--version':
      return ok(world, 'Docker version 28.5.2, build ecc6942');
    default:
      if (cmd.startsWith('--')) return fail(world, flagError('', `unknown flag: ${cmd.split('=')[0]}`), 125);
      if (cmd.startsWith('-')) return fail(world, flagError('', `unknown shorthand flag: '${cmd[1]}' in ${cmd}`), 125);
      // cmd/docker/docker.go (v28): the root command's RunE for an unknown name.
      return fail(world, `docker: unknown command: docker ${cmd}\n\nRun 'docker --help' for more information`, 1);
  }
}

/** cli/cobra.go's helpCommand: `docker help [command]` prints that command's help. */
function helpCommand(world: World, args: string[], on: On): CommandResult {
  if (args.length === 0) return ok(world, rootHelp());
  const text = commandHelp(args.join(' '));
  if (text) return ok(world, text);
  if (args.length === 1 && ['container', 'network', 'image'].includes(args[0])) return dispatch(world, [args[0]], on);
  return fail(world, `unknown help topic: ${args.join(' ')}`, 1);
}

function container(world: World, argv: string[], on: On): CommandResult {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'run':
      return dockerRun(world, rest, on, 'container run');
    case 'create':
      return dockerCreate(world, rest, on, 'container create');
    case 'start':
    case 'stop':
    case 'restart':
      return dockerStartStop(world, sub, rest, on, `container ${sub}`);
    case 'rm':
    case 'remove':
      return dockerRm(world, rest, 'container rm');
    case 'kill':
      return dockerKill(world, rest, 'container kill');
    case 'prune':
      return dockerContainerPrune(world, rest);
    case 'ls':
    case 'ps':
    case 'list':
      return dockerPs(world, rest, 'container ls');
    case 'inspect':
      return dockerInspect(world, rest, 'container');
    case 'port':
      return dockerPort(world, rest, 'container port');
    case 'rename':
      return dockerRename(world, rest, 'container rename');
    case 'logs':
      return dockerLogs(world, rest, 'container logs');
    case 'exec':
      return dockerExec(world, rest, on, 'container exec');
    case 'pause':
    case 'unpause':
      return dockerPause(world, sub, rest, `container ${sub}`);
    case 'top':
      return dockerTop(world, rest, 'container top');
    case 'stats':
      return dockerStats(world, rest, 'container stats');
    case 'attach':
      return dockerAttach(world, rest, 'container attach');
    case undefined:
    case '--help':
      return ok(world, CONTAINER_HELP);
    case '-h':
      return ok(world, `Flag shorthand -h has been deprecated, use --help\n${CONTAINER_HELP}`);
    default:
      if (sub.startsWith('-')) return fail(world, flagError('container', `unknown flag: ${sub.split('=')[0]}`), 125);
      return fail(world, unknownSubcommand('container', sub), 1);
  }
}

const CONTAINER_HELP = `Usage:  docker container COMMAND

Manage containers

Commands:
  attach      Attach local standard input, output, and error streams to a running container
  create      Create a new container
  exec        Execute a command in a running container
  inspect     Display detailed information on one or more containers
  kill        Kill one or more running containers
  logs        Fetch the logs of a container
  ls          List containers
  pause       Pause all processes within one or more containers
  port        List port mappings or a specific mapping for the container
  prune       Remove all stopped containers
  rename      Rename a container
  restart     Restart one or more containers
  rm          Remove one or more containers
  run         Create and run a new container from an image
  start       Start one or more stopped containers
  stats       Display a live stream of container(s) resource usage statistics
  stop        Stop one or more running containers
  top         Display the running processes of a container
  unpause     Unpause all processes within one or more containers

Run 'docker container COMMAND --help' for more information on a command.`;

const VERSION = `Client: Docker Engine - Community
 Version:           28.5.2
 API version:       1.51
 OS/Arch:           linux/amd64

Server: Docker Engine - Community
 Engine:
  Version:          28.5.2
  API version:      1.51 (minimum version 1.24)
  OS/Arch:          linux/amd64`;

/**
 * cli/cobra.go's root usage (the commands this simulator has), Global Options and additional help.
 * The Compose plugin is listed as Docker 28 lists a CLI plugin: its name decorated with `*`
 * (decoratedName) and its metadata's ShortDescription, among the management commands.
 */
const rootHelp = () =>
  `${ROOT_HELP}\n\nGlobal Options:\n${globalOptions()}\n\nRun 'docker COMMAND --help' for more information on a command.\n\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/`;

const ROOT_HELP = `Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers

Common Commands:
  run         Create and run a new container from an image
  exec        Execute a command in a running container
  ps          List containers
  pull        Download an image from a registry
  images      List images

Management Commands:
  compose*    Docker Compose
  container   Manage containers
  image       Manage images
  network     Manage networks

Commands:
  attach      Attach local standard input, output, and error streams to a running container
  create      Create a new container
  inspect     Return low-level information on Docker objects
  kill        Kill one or more running containers
  logs        Fetch the logs of a container
  pause       Pause all processes within one or more containers
  port        List port mappings or a specific mapping for the container
  rename      Rename a container
  restart     Restart one or more containers
  rm          Remove one or more containers
  rmi         Remove one or more images
  start       Start one or more stopped containers
  stats       Display a live stream of container(s) resource usage statistics
  stop        Stop one or more running containers
  top         Display the running processes of a container
  unpause     Unpause all processes within one or more containers`;
