/**
 * Docker 28's `--help` text data: each command's Use line, description, aliases and flags as
 * docker/cli v28 declares them. A flag is [shorthand, name, varname, usage]; the usage already
 * carries pflag's " (default …)" suffix where v28 prints one (it depends on the flag's Go type,
 * so it is data, not derived). Taken from v28 `docker … --help` captures (run/create: 28.3,
 * ps/exec/root/images/pull: 28.0.4, logs/container inspect: 28.3, network create: 28.x with --ipv4) and, for
 * commands whose flags did not change between v24 captures and v29 source (rm, start, port,
 * inspect, network ls/inspect/rm/prune/disconnect), those; stop's -t is --timeout since v28.0
 * (docker/cli#5485, --time hidden and deprecated); network connect gained --gw-priority in v28.0.
 */

import { FORMAT_USAGE, INSPECT_FORMAT, NETWORK_HELP } from './helpNetwork';
import { RUN_FLAGS } from './helpRunFlags';
import { SERVICE_UPDATE_HELP } from './helpServiceUpdate';
import { SWARM_HELP } from './helpSwarm';

export type FlagRow = [short: string, long: string, varname: string, usage: string];

export interface HelpEntry {
  use: string;
  short: string;
  aliases?: string;
  flags: FlagRow[];
}

const PS_FLAGS: FlagRow[] = [
  ['a', 'all', '', 'Show all containers (default shows just running)'],
  ['f', 'filter', 'filter', 'Filter output based on conditions provided'],
  ['', 'format', 'string', FORMAT_USAGE],
  ['n', 'last', 'int', 'Show n last created containers (includes all states) (default -1)'],
  ['l', 'latest', '', 'Show the latest created container (includes all states)'],
  ['', 'no-trunc', '', "Don't truncate output"],
  ['q', 'quiet', '', 'Only display container IDs'],
  ['s', 'size', '', 'Display total file sizes'],
];

const EXEC_FLAGS: FlagRow[] = [
  ['d', 'detach', '', 'Detached mode: run command in the background'],
  ['', 'detach-keys', 'string', 'Override the key sequence for detaching a container'],
  ['e', 'env', 'list', 'Set environment variables'],
  ['', 'env-file', 'list', 'Read in a file of environment variables'],
  ['i', 'interactive', '', 'Keep STDIN open even if not attached'],
  ['', 'privileged', '', 'Give extended privileges to the command'],
  ['t', 'tty', '', 'Allocate a pseudo-TTY'],
  ['u', 'user', 'string', 'Username or UID (format: "<name|uid>[:<group|gid>]")'],
  ['w', 'workdir', 'string', 'Working directory inside the container'],
];

/** cliflags.ClientOptions.InstallFlags (v28), for root user's ~/.docker. */
export const GLOBAL_FLAGS: FlagRow[] = [
  ['', 'config', 'string', 'Location of client config files (default "/root/.docker")'],
  [
    'c',
    'context',
    'string',
    'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")',
  ],
  ['D', 'debug', '', 'Enable debug mode'],
  ['H', 'host', 'list', 'Daemon socket to connect to'],
  ['l', 'log-level', 'string', 'Set the logging level ("debug", "info", "warn", "error", "fatal") (default "info")'],
  ['', 'tls', '', 'Use TLS; implied by --tlsverify'],
  ['', 'tlscacert', 'string', 'Trust certs signed only by this CA (default "/root/.docker/ca.pem")'],
  ['', 'tlscert', 'string', 'Path to TLS certificate file (default "/root/.docker/cert.pem")'],
  ['', 'tlskey', 'string', 'Path to TLS key file (default "/root/.docker/key.pem")'],
  ['', 'tlsverify', '', 'Use TLS and verify the remote'],
  ['v', 'version', '', 'Print version information and quit'],
];

/** create is run without -d, --detach-keys and --sig-proxy, and pulls "before creating" (sic "|missing"). */
const CREATE_FLAGS: FlagRow[] = RUN_FLAGS.filter(([, l]) => !['detach', 'detach-keys', 'sig-proxy'].includes(l)).map(
  (f): FlagRow =>
    f[1] === 'pull'
      ? ['', 'pull', 'string', 'Pull image before creating ("always", "|missing", "never") (default "missing")']
      : f,
);

/** Keyed by the leaf command as the user reaches it ("run", "container run", "container ls" …). */
export const HELP: Record<string, HelpEntry> = {
  run: {
    use: 'run [OPTIONS] IMAGE [COMMAND] [ARG...]',
    short: 'Create and run a new container from an image',
    aliases: 'docker container run, docker run',
    flags: RUN_FLAGS,
  },
  ps: {
    use: 'ps [OPTIONS]',
    short: 'List containers',
    aliases: 'docker container ls, docker container list, docker container ps, docker ps',
    flags: PS_FLAGS,
  },
  exec: {
    use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
    short: 'Execute a command in a running container',
    aliases: 'docker container exec, docker exec',
    flags: EXEC_FLAGS,
  },
  create: {
    use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
    short: 'Create a new container',
    aliases: 'docker container create, docker create',
    flags: CREATE_FLAGS,
  },
  start: {
    use: 'start [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Start one or more stopped containers',
    aliases: 'docker container start, docker start',
    flags: [
      ['a', 'attach', '', 'Attach STDOUT/STDERR and forward signals'],
      ['', 'detach-keys', 'string', 'Override the key sequence for detaching a container'],
      ['i', 'interactive', '', "Attach container's STDIN"],
    ],
  },
  stop: {
    use: 'stop [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Stop one or more running containers',
    aliases: 'docker container stop, docker stop',
    flags: [
      ['s', 'signal', 'string', 'Signal to send to the container'],
      ['t', 'timeout', 'int', 'Seconds to wait before killing the container'],
    ],
  },
  restart: {
    use: 'restart [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Restart one or more containers',
    aliases: 'docker container restart, docker restart',
    flags: [
      ['s', 'signal', 'string', 'Signal to send to the container'],
      ['t', 'timeout', 'int', 'Seconds to wait before killing the container'],
    ],
  },
  kill: {
    use: 'kill [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Kill one or more running containers',
    aliases: 'docker container kill, docker kill',
    flags: [['s', 'signal', 'string', 'Signal to send to the container']],
  },
  pause: {
    use: 'pause CONTAINER [CONTAINER...]',
    short: 'Pause all processes within one or more containers',
    aliases: 'docker container pause, docker pause',
    flags: [],
  },
  unpause: {
    use: 'unpause CONTAINER [CONTAINER...]',
    short: 'Unpause all processes within one or more containers',
    aliases: 'docker container unpause, docker unpause',
    flags: [],
  },
  stats: {
    use: 'stats [OPTIONS] [CONTAINER...]',
    short: 'Display a live stream of container(s) resource usage statistics',
    aliases: 'docker container stats, docker stats',
    flags: [
      ['a', 'all', '', 'Show all containers (default shows just running)'],
      ['', 'format', 'string', FORMAT_USAGE],
      ['', 'no-stream', '', 'Disable streaming stats and only pull the first result'],
      ['', 'no-trunc', '', 'Do not truncate output'],
    ],
  },
  top: {
    use: 'top CONTAINER [ps OPTIONS]',
    short: 'Display the running processes of a container',
    aliases: 'docker container top, docker top',
    flags: [],
  },
  rename: {
    use: 'rename CONTAINER NEW_NAME',
    short: 'Rename a container',
    aliases: 'docker container rename, docker rename',
    flags: [],
  },
  attach: {
    use: 'attach [OPTIONS] CONTAINER',
    short: 'Attach local standard input, output, and error streams to a running container',
    aliases: 'docker container attach, docker attach',
    flags: [
      ['', 'detach-keys', 'string', 'Override the key sequence for detaching a container'],
      ['', 'no-stdin', '', 'Do not attach STDIN'],
      ['', 'sig-proxy', '', 'Proxy all received signals to the process (default true)'],
    ],
  },
  'container prune': {
    use: 'prune [OPTIONS]',
    short: 'Remove all stopped containers',
    flags: [
      ['', 'filter', 'filter', 'Provide filter values (e.g. "until=<timestamp>")'],
      ['f', 'force', '', 'Do not prompt for confirmation'],
    ],
  },
  rm: {
    use: 'rm [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Remove one or more containers',
    aliases: 'docker container rm, docker container remove, docker rm',
    flags: [
      ['f', 'force', '', 'Force the removal of a running container (uses SIGKILL)'],
      ['l', 'link', '', 'Remove the specified link'],
      ['v', 'volumes', '', 'Remove anonymous volumes associated with the container'],
    ],
  },
  port: {
    use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
    short: 'List port mappings or a specific mapping for the container',
    aliases: 'docker container port, docker port',
    flags: [],
  },
  logs: {
    use: 'logs [OPTIONS] CONTAINER',
    short: 'Fetch the logs of a container',
    aliases: 'docker container logs, docker logs',
    flags: [
      ['', 'details', '', 'Show extra details provided to logs'],
      ['f', 'follow', '', 'Follow log output'],
      [
        '',
        'since',
        'string',
        'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
      ],
      ['n', 'tail', 'string', 'Number of lines to show from the end of the logs (default "all")'],
      ['t', 'timestamps', '', 'Show timestamps'],
      [
        '',
        'until',
        'string',
        'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
      ],
    ],
  },
  inspect: {
    use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
    short: 'Return low-level information on Docker objects',
    flags: [
      ['f', 'format', 'string', INSPECT_FORMAT],
      ['s', 'size', '', 'Display total file sizes if the type is container'],
      ['', 'type', 'string', 'Only inspect objects of the given type'],
    ],
  },
  'container inspect': {
    use: 'inspect [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Display detailed information on one or more containers',
    flags: [
      ['f', 'format', 'string', INSPECT_FORMAT],
      ['s', 'size', '', 'Display total file sizes'],
    ],
  },
  images: {
    use: 'images [OPTIONS] [REPOSITORY[:TAG]]',
    short: 'List images',
    aliases: 'docker image ls, docker image list, docker images',
    flags: [
      ['a', 'all', '', 'Show all images (default hides intermediate images)'],
      ['', 'digests', '', 'Show digests'],
      ['f', 'filter', 'filter', 'Filter output based on conditions provided'],
      ['', 'format', 'string', FORMAT_USAGE],
      ['', 'no-trunc', '', "Don't truncate output"],
      ['q', 'quiet', '', 'Only show image IDs'],
      ['', 'tree', '', 'List multi-platform images as a tree (EXPERIMENTAL)'],
    ],
  },
  pull: {
    use: 'pull [OPTIONS] NAME[:TAG|@DIGEST]',
    short: 'Download an image from a registry',
    aliases: 'docker image pull, docker pull',
    flags: [
      ['a', 'all-tags', '', 'Download all tagged images in the repository'],
      ['', 'disable-content-trust', '', 'Skip image verification (default true)'],
      ['', 'platform', 'string', 'Set platform if server is multi-platform capable'],
      ['q', 'quiet', '', 'Suppress verbose output'],
    ],
  },
  ...Object.fromEntries(Object.entries(NETWORK_HELP).map(([k, v]) => [`network ${k}`, v])),
  ...SWARM_HELP,
  ...SERVICE_UPDATE_HELP,
};
