/**
 * Docker 28's `--help` text data: each command's Use line, description, aliases and flags as
 * docker/cli v28 declares them. A flag is [shorthand, name, varname, usage]; the usage already
 * carries pflag's " (default …)" suffix where v28 prints one (it depends on the flag's Go type,
 * so it is data, not derived). Taken from v28 `docker … --help` captures (run: 28.1+, ps and
 * exec: 28.0.4) and cli/cobra.go's root flags; only commands whose full text could be checked.
 */

export type FlagRow = [short: string, long: string, varname: string, usage: string];

export interface HelpEntry {
  use: string;
  short: string;
  aliases?: string;
  flags: FlagRow[];
}

const FORMAT_USAGE = `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`;

const RUN_FLAGS: FlagRow[] = [
  ['', 'add-host', 'list', 'Add a custom host-to-IP mapping (host:ip)'],
  ['', 'annotation', 'map', 'Add an annotation to the container (passed through to the OCI runtime) (default map[])'],
  ['a', 'attach', 'list', 'Attach to STDIN, STDOUT or STDERR'],
  ['', 'blkio-weight', 'uint16', 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)'],
  ['', 'blkio-weight-device', 'list', 'Block IO weight (relative device weight) (default [])'],
  ['', 'cap-add', 'list', 'Add Linux capabilities'],
  ['', 'cap-drop', 'list', 'Drop Linux capabilities'],
  ['', 'cgroup-parent', 'string', 'Optional parent cgroup for the container'],
  [
    '',
    'cgroupns',
    'string',
    `Cgroup namespace to use (host|private)
'host':    Run the container in the Docker host's cgroup namespace
'private': Run the container in its own private cgroup namespace
'':        Use the cgroup namespace as configured by the
           default-cgroupns-mode option on the daemon (default)`,
  ],
  ['', 'cidfile', 'string', 'Write the container ID to the file'],
  ['', 'cpu-period', 'int', 'Limit CPU CFS (Completely Fair Scheduler) period'],
  ['', 'cpu-quota', 'int', 'Limit CPU CFS (Completely Fair Scheduler) quota'],
  ['', 'cpu-rt-period', 'int', 'Limit CPU real-time period in microseconds'],
  ['', 'cpu-rt-runtime', 'int', 'Limit CPU real-time runtime in microseconds'],
  ['c', 'cpu-shares', 'int', 'CPU shares (relative weight)'],
  ['', 'cpus', 'decimal', 'Number of CPUs'],
  ['', 'cpuset-cpus', 'string', 'CPUs in which to allow execution (0-3, 0,1)'],
  ['', 'cpuset-mems', 'string', 'MEMs in which to allow execution (0-3, 0,1)'],
  ['d', 'detach', '', 'Run container in background and print container ID'],
  ['', 'detach-keys', 'string', 'Override the key sequence for detaching a container'],
  ['', 'device', 'list', 'Add a host device to the container'],
  ['', 'device-cgroup-rule', 'list', 'Add a rule to the cgroup allowed devices list'],
  ['', 'device-read-bps', 'list', 'Limit read rate (bytes per second) from a device (default [])'],
  ['', 'device-read-iops', 'list', 'Limit read rate (IO per second) from a device (default [])'],
  ['', 'device-write-bps', 'list', 'Limit write rate (bytes per second) to a device (default [])'],
  ['', 'device-write-iops', 'list', 'Limit write rate (IO per second) to a device (default [])'],
  ['', 'dns', 'list', 'Set custom DNS servers'],
  ['', 'dns-option', 'list', 'Set DNS options'],
  ['', 'dns-search', 'list', 'Set custom DNS search domains'],
  ['', 'domainname', 'string', 'Container NIS domain name'],
  ['', 'entrypoint', 'string', 'Overwrite the default ENTRYPOINT of the image'],
  ['e', 'env', 'list', 'Set environment variables'],
  ['', 'env-file', 'list', 'Read in a file of environment variables'],
  ['', 'expose', 'list', 'Expose a port or a range of ports'],
  ['', 'gpus', 'gpu-request', "GPU devices to add to the container ('all' to pass all GPUs)"],
  ['', 'group-add', 'list', 'Add additional groups to join'],
  ['', 'health-cmd', 'string', 'Command to run to check health'],
  ['', 'health-interval', 'duration', 'Time between running the check (ms|s|m|h) (default 0s)'],
  ['', 'health-retries', 'int', 'Consecutive failures needed to report unhealthy'],
  [
    '',
    'health-start-interval',
    'duration',
    'Time between running the check during the start period (ms|s|m|h) (default 0s)',
  ],
  [
    '',
    'health-start-period',
    'duration',
    'Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)',
  ],
  ['', 'health-timeout', 'duration', 'Maximum time to allow one check to run (ms|s|m|h) (default 0s)'],
  ['', 'help', '', 'Print usage'],
  ['h', 'hostname', 'string', 'Container host name'],
  ['', 'init', '', 'Run an init inside the container that forwards signals and reaps processes'],
  ['i', 'interactive', '', 'Keep STDIN open even if not attached'],
  ['', 'ip', 'ip', 'IPv4 address (e.g., 172.30.100.104)'],
  ['', 'ip6', 'ip', 'IPv6 address (e.g., 2001:db8::33)'],
  ['', 'ipc', 'string', 'IPC mode to use'],
  ['', 'isolation', 'string', 'Container isolation technology'],
  ['l', 'label', 'list', 'Set meta data on a container'],
  ['', 'label-file', 'list', 'Read in a line delimited file of labels'],
  ['', 'link', 'list', 'Add link to another container'],
  ['', 'link-local-ip', 'list', 'Container IPv4/IPv6 link-local addresses'],
  ['', 'log-driver', 'string', 'Logging driver for the container'],
  ['', 'log-opt', 'list', 'Log driver options'],
  ['', 'mac-address', 'string', 'Container MAC address (e.g., 92:d0:c6:0a:29:33)'],
  ['m', 'memory', 'bytes', 'Memory limit'],
  ['', 'memory-reservation', 'bytes', 'Memory soft limit'],
  ['', 'memory-swap', 'bytes', "Swap limit equal to memory plus swap: '-1' to enable unlimited swap"],
  ['', 'memory-swappiness', 'int', 'Tune container memory swappiness (0 to 100) (default -1)'],
  ['', 'mount', 'mount', 'Attach a filesystem mount to the container'],
  ['', 'name', 'string', 'Assign a name to the container'],
  ['', 'network', 'network', 'Connect a container to a network'],
  ['', 'network-alias', 'list', 'Add network-scoped alias for the container'],
  ['', 'no-healthcheck', '', 'Disable any container-specified HEALTHCHECK'],
  ['', 'oom-kill-disable', '', 'Disable OOM Killer'],
  ['', 'oom-score-adj', 'int', "Tune host's OOM preferences (-1000 to 1000)"],
  ['', 'pid', 'string', 'PID namespace to use'],
  ['', 'pids-limit', 'int', 'Tune container pids limit (set -1 for unlimited)'],
  ['', 'platform', 'string', 'Set platform if server is multi-platform capable'],
  ['', 'privileged', '', 'Give extended privileges to this container'],
  ['p', 'publish', 'list', "Publish a container's port(s) to the host"],
  ['P', 'publish-all', '', 'Publish all exposed ports to random ports'],
  ['', 'pull', 'string', 'Pull image before running ("always", "missing", "never") (default "missing")'],
  ['q', 'quiet', '', 'Suppress the pull output'],
  ['', 'read-only', '', "Mount the container's root filesystem as read only"],
  ['', 'restart', 'string', 'Restart policy to apply when a container exits (default "no")'],
  ['', 'rm', '', 'Automatically remove the container and its associated anonymous volumes when it exits'],
  ['', 'runtime', 'string', 'Runtime to use for this container'],
  ['', 'security-opt', 'list', 'Security Options'],
  ['', 'shm-size', 'bytes', 'Size of /dev/shm'],
  ['', 'sig-proxy', '', 'Proxy received signals to the process (default true)'],
  ['', 'stop-signal', 'string', 'Signal to stop the container'],
  ['', 'stop-timeout', 'int', 'Timeout (in seconds) to stop a container'],
  ['', 'storage-opt', 'list', 'Storage driver options for the container'],
  ['', 'sysctl', 'map', 'Sysctl options (default map[])'],
  ['', 'tmpfs', 'list', 'Mount a tmpfs directory'],
  ['t', 'tty', '', 'Allocate a pseudo-TTY'],
  ['', 'ulimit', 'ulimit', 'Ulimit options (default [])'],
  ['', 'use-api-socket', '', 'Bind mount Docker API socket and required auth'],
  ['u', 'user', 'string', 'Username or UID (format: <name|uid>[:<group|gid>])'],
  ['', 'userns', 'string', 'User namespace to use'],
  ['', 'uts', 'string', 'UTS namespace to use'],
  ['v', 'volume', 'list', 'Bind mount a volume'],
  ['', 'volume-driver', 'string', 'Optional volume driver for the container'],
  ['', 'volumes-from', 'list', 'Mount volumes from the specified container(s)'],
  ['w', 'workdir', 'string', 'Working directory inside the container'],
];

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
  ['H', 'host', 'string', 'Daemon socket to connect to'],
  ['l', 'log-level', 'string', 'Set the logging level ("debug", "info", "warn", "error", "fatal") (default "info")'],
  ['', 'tls', '', 'Use TLS; implied by --tlsverify'],
  ['', 'tlscacert', 'string', 'Trust certs signed only by this CA (default "/root/.docker/ca.pem")'],
  ['', 'tlscert', 'string', 'Path to TLS certificate file (default "/root/.docker/cert.pem")'],
  ['', 'tlskey', 'string', 'Path to TLS key file (default "/root/.docker/key.pem")'],
  ['', 'tlsverify', '', 'Use TLS and verify the remote'],
  ['v', 'version', '', 'Print version information and quit'],
];

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
};
