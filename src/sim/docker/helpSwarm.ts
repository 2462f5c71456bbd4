import type { FlagRow, HelpEntry } from './helpData';
import { FORMAT_USAGE, INSPECT_FORMAT } from './helpNetwork';

/**
 * `docker swarm|service|node SUBCOMMAND --help` as docker/cli v28.5.2 declares them
 * (cli/command/swarm, service, node). A row's varname is pflag's UnquoteUsage of the flag's
 * Value.Type() (ListOpts "list", PortOpt "port", NanoCPUs "decimal", Uint64Opt "uint" …); its
 * usage carries pflag's own " (default …)" where the default is not the type's zero (UlimitOpt's
 * "[]"), and service flags' buildServiceDefaultFlagMapping suffixes (swarmkit's defaults:
 * 10s grace period, restart on "any" after 5s, parallelism 1, monitor 5s, "pause", "stop-first").
 * The parsers take their flags from these rows (serviceFlags.ts swarmSpecs), so a flag the help
 * lists is one they accept.
 */

const DUR = '(ns|us|ms|s|m|h)';
const HDUR = '(ms|s|m|h)';

/** service create's flags (create.go + addServiceFlags), sorted as pflag prints them. */
export const SERVICE_CREATE_FLAGS: FlagRow[] = [
  ['', 'cap-add', 'list', 'Add Linux capabilities'],
  ['', 'cap-drop', 'list', 'Drop Linux capabilities'],
  ['', 'config', 'config', 'Specify configurations to expose to the service'],
  ['', 'constraint', 'list', 'Placement constraints'],
  ['', 'container-label', 'list', 'Container labels'],
  ['', 'credential-spec', 'credential-spec', 'Credential spec for managed service account (Windows only)'],
  ['d', 'detach', '', 'Exit immediately instead of waiting for the service to converge'],
  ['', 'dns', 'list', 'Set custom DNS servers'],
  ['', 'dns-option', 'list', 'Set DNS options'],
  ['', 'dns-search', 'list', 'Set custom DNS search domains'],
  ['', 'endpoint-mode', 'string', 'Endpoint mode (vip or dnsrr) (default "vip")'],
  ['', 'entrypoint', 'command', 'Overwrite the default ENTRYPOINT of the image'],
  ['e', 'env', 'list', 'Set environment variables'],
  ['', 'env-file', 'list', 'Read in a file of environment variables'],
  ['', 'generic-resource', 'list', 'User defined resources'],
  ['', 'group', 'list', 'Set one or more supplementary user groups for the container'],
  ['', 'health-cmd', 'string', 'Command to run to check health'],
  ['', 'health-interval', 'duration', `Time between running the check ${HDUR}`],
  ['', 'health-retries', 'int', 'Consecutive failures needed to report unhealthy'],
  ['', 'health-start-interval', 'duration', `Time between running the check during the start period ${HDUR}`],
  [
    '',
    'health-start-period',
    'duration',
    `Start period for the container to initialize before counting retries towards unstable ${HDUR}`,
  ],
  ['', 'health-timeout', 'duration', `Maximum time to allow one check to run ${HDUR}`],
  ['', 'host', 'list', 'Set one or more custom host-to-IP mappings (host:ip)'],
  ['', 'hostname', 'string', 'Container hostname'],
  ['', 'init', '', 'Use an init inside each service container to forward signals and reap processes'],
  ['', 'isolation', 'string', 'Service container isolation mode'],
  ['l', 'label', 'list', 'Service labels'],
  ['', 'limit-cpu', 'decimal', 'Limit CPUs'],
  ['', 'limit-memory', 'bytes', 'Limit Memory'],
  ['', 'limit-pids', 'int', 'Limit maximum number of processes (default 0 = unlimited)'],
  ['', 'log-driver', 'string', 'Logging driver for service'],
  ['', 'log-opt', 'list', 'Logging driver options'],
  ['', 'max-concurrent', 'uint', 'Number of job tasks to run concurrently (default equal to --replicas)'],
  [
    '',
    'mode',
    'string',
    'Service mode ("replicated", "global", "replicated-job", "global-job") (default "replicated")',
  ],
  ['', 'mount', 'mount', 'Attach a filesystem mount to the service'],
  ['', 'name', 'string', 'Service name'],
  ['', 'network', 'network', 'Network attachments'],
  ['', 'no-healthcheck', '', 'Disable any container-specified HEALTHCHECK'],
  ['', 'no-resolve-image', '', 'Do not query the registry to resolve image digest and supported platforms'],
  // sic: create.go's usage ends in a blank, which pflag keeps
  ['', 'oom-score-adj', 'int', "Tune host's OOM preferences (-1000 to 1000) "],
  ['', 'placement-pref', 'pref', 'Add a placement preference'],
  ['p', 'publish', 'port', 'Publish a port as a node port'],
  ['q', 'quiet', '', 'Suppress progress output'],
  ['', 'read-only', '', "Mount the container's root filesystem as read only"],
  ['', 'replicas', 'uint', 'Number of tasks'],
  ['', 'replicas-max-per-node', 'uint', 'Maximum number of tasks per node (default 0 = unlimited)'],
  ['', 'reserve-cpu', 'decimal', 'Reserve CPUs'],
  ['', 'reserve-memory', 'bytes', 'Reserve Memory'],
  ['', 'restart-condition', 'string', 'Restart when condition is met ("none", "on-failure", "any") (default "any")'],
  ['', 'restart-delay', 'duration', `Delay between restart attempts ${DUR} (default 5s)`],
  ['', 'restart-max-attempts', 'uint', 'Maximum number of restarts before giving up'],
  ['', 'restart-window', 'duration', `Window used to evaluate the restart policy ${DUR}`],
  ['', 'rollback-delay', 'duration', `Delay between task rollbacks ${DUR} (default 0s)`],
  ['', 'rollback-failure-action', 'string', 'Action on rollback failure ("pause", "continue") (default "pause")'],
  ['', 'rollback-max-failure-ratio', 'float', 'Failure rate to tolerate during a rollback (default 0)'],
  ['', 'rollback-monitor', 'duration', `Duration after each task rollback to monitor for failure ${DUR} (default 5s)`],
  ['', 'rollback-order', 'string', 'Rollback order ("start-first", "stop-first") (default "stop-first")'],
  [
    '',
    'rollback-parallelism',
    'uint',
    'Maximum number of tasks rolled back simultaneously (0 to roll back all at once) (default 1)',
  ],
  ['', 'secret', 'secret', 'Specify secrets to expose to the service'],
  ['', 'stop-grace-period', 'duration', `Time to wait before force killing a container ${DUR} (default 10s)`],
  ['', 'stop-signal', 'string', 'Signal to stop the container'],
  ['', 'sysctl', 'list', 'Sysctl options'],
  ['t', 'tty', '', 'Allocate a pseudo-TTY'],
  ['', 'ulimit', 'ulimit', 'Ulimit options (default [])'],
  ['', 'update-delay', 'duration', `Delay between updates ${DUR} (default 0s)`],
  [
    '',
    'update-failure-action',
    'string',
    'Action on update failure ("pause", "continue", "rollback") (default "pause")',
  ],
  ['', 'update-max-failure-ratio', 'float', 'Failure rate to tolerate during an update (default 0)'],
  ['', 'update-monitor', 'duration', `Duration after each task update to monitor for failure ${DUR} (default 5s)`],
  ['', 'update-order', 'string', 'Update order ("start-first", "stop-first") (default "stop-first")'],
  [
    '',
    'update-parallelism',
    'uint',
    'Maximum number of tasks updated simultaneously (0 to update all at once) (default 1)',
  ],
  ['u', 'user', 'string', 'Username or UID (format: <name|uid>[:<group|gid>])'],
  ['', 'with-registry-auth', '', 'Send registry authentication details to swarm agents'],
  ['w', 'workdir', 'string', 'Working directory inside the container'],
];

const ADDR = 'Listen address (format: "<ip|interface>[:port]")';
const ADVERTISE = 'Advertised address (format: "<ip|interface>[:port]")';
const DATA_PATH = 'Address or interface to use for data path traffic (format: "<ip|interface>")';
const AVAILABILITY = 'Availability of the node ("active", "pause", "drain") (default "active")';

/** Keyed by the command path below docker ("swarm init", "service ls" …). */
export const SWARM_HELP: Record<string, HelpEntry> = {
  'swarm init': {
    use: 'init [OPTIONS]',
    short: 'Initialize a swarm',
    flags: [
      ['', 'advertise-addr', 'string', ADVERTISE],
      ['', 'autolock', '', 'Enable manager autolocking (requiring an unlock key to start a stopped manager)'],
      ['', 'availability', 'string', AVAILABILITY],
      ['', 'cert-expiry', 'duration', `Validity period for node certificates ${DUR} (default 2160h0m0s)`],
      ['', 'data-path-addr', 'string', DATA_PATH],
      [
        '',
        'data-path-port',
        'uint32',
        'Port number to use for data path traffic (1024 - 49151). If no value is set or is set to 0, the default port (4789) is used.',
      ],
      ['', 'default-addr-pool', 'ipNetSlice', 'default address pool in CIDR format (default [])'],
      ['', 'default-addr-pool-mask-length', 'uint32', 'default address pool subnet mask length (default 24)'],
      ['', 'dispatcher-heartbeat', 'duration', `Dispatcher heartbeat period ${DUR} (default 5s)`],
      ['', 'external-ca', 'external-ca', 'Specifications of one or more certificate signing endpoints'],
      ['', 'force-new-cluster', '', 'Force create a new cluster from current state'],
      ['', 'listen-addr', 'node-addr', `${ADDR} (default 0.0.0.0:2377)`],
      ['', 'max-snapshots', 'uint', 'Number of additional Raft snapshots to retain'],
      ['', 'snapshot-interval', 'uint', 'Number of log entries between Raft snapshots (default 10000)'],
      ['', 'task-history-limit', 'int', 'Task history retention limit (default 5)'],
    ],
  },
  'swarm join': {
    use: 'join [OPTIONS] HOST:PORT',
    short: 'Join a swarm as a node and/or manager',
    flags: [
      ['', 'advertise-addr', 'string', ADVERTISE],
      ['', 'availability', 'string', AVAILABILITY],
      ['', 'data-path-addr', 'string', DATA_PATH],
      ['', 'listen-addr', 'node-addr', `${ADDR} (default 0.0.0.0:2377)`],
      ['', 'token', 'string', 'Token for entry into the swarm'],
    ],
  },
  'swarm join-token': {
    use: 'join-token [OPTIONS] (worker|manager)',
    short: 'Manage join tokens',
    flags: [
      ['q', 'quiet', '', 'Only display token'],
      ['', 'rotate', '', 'Rotate join token'],
    ],
  },
  'swarm leave': {
    use: 'leave [OPTIONS]',
    short: 'Leave the swarm',
    flags: [['f', 'force', '', 'Force this node to leave the swarm, ignoring warnings']],
  },
  'service create': {
    use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
    short: 'Create a new service',
    flags: SERVICE_CREATE_FLAGS,
  },
  'service inspect': {
    use: 'inspect [OPTIONS] SERVICE [SERVICE...]',
    short: 'Display detailed information on one or more services',
    flags: [
      ['f', 'format', 'string', INSPECT_FORMAT],
      ['', 'pretty', '', 'Print the information in a human friendly format'],
    ],
  },
  'service ls': {
    use: 'ls [OPTIONS]',
    short: 'List services',
    aliases: 'docker service ls, docker service list',
    flags: [
      ['f', 'filter', 'filter', 'Filter output based on conditions provided'],
      ['', 'format', 'string', FORMAT_USAGE],
      ['q', 'quiet', '', 'Only display IDs'],
    ],
  },
  'service ps': {
    use: 'ps [OPTIONS] SERVICE [SERVICE...]',
    short: 'List the tasks of one or more services',
    flags: [
      ['f', 'filter', 'filter', 'Filter output based on conditions provided'],
      ['', 'format', 'string', 'Pretty-print tasks using a Go template'],
      ['', 'no-resolve', '', 'Do not map IDs to Names'],
      ['', 'no-trunc', '', 'Do not truncate output'],
      ['q', 'quiet', '', 'Only display task IDs'],
    ],
  },
  'service rm': {
    use: 'rm SERVICE [SERVICE...]',
    short: 'Remove one or more services',
    aliases: 'docker service rm, docker service remove',
    flags: [],
  },
  'service scale': {
    use: 'scale SERVICE=REPLICAS [SERVICE=REPLICAS...]',
    short: 'Scale one or multiple replicated services',
    flags: [['d', 'detach', '', 'Exit immediately instead of waiting for the service to converge']],
  },
  'node ls': {
    use: 'ls [OPTIONS]',
    short: 'List nodes in the swarm',
    aliases: 'docker node ls, docker node list',
    flags: [
      ['f', 'filter', 'filter', 'Filter output based on conditions provided'],
      ['', 'format', 'string', FORMAT_USAGE],
      ['q', 'quiet', '', 'Only display IDs'],
    ],
  },
};
