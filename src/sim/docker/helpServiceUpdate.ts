import type { FlagRow, HelpEntry } from './helpData';
import { SERVICE_CREATE_FLAGS } from './helpSwarm';

/**
 * `docker service update|rollback --help` as docker/cli v28.5.2 declares them
 * (cli/command/service/update.go, rollback.go). update takes addServiceFlags without
 * buildServiceDefaultFlagMapping, so those rows carry no "(default …)" suffix, plus its own
 * `-add`/`-rm` pairs; create-only flags (--mode, --name, --env, --publish …) are not among them.
 */

/** The rows addServiceFlags adds (create and update share them). */
const COMMON = new Set([
  'cap-add',
  'cap-drop',
  'credential-spec',
  'detach',
  'endpoint-mode',
  'entrypoint',
  'health-cmd',
  'health-interval',
  'health-retries',
  'health-start-interval',
  'health-start-period',
  'health-timeout',
  'hostname',
  'init',
  'isolation',
  'limit-cpu',
  'limit-memory',
  'limit-pids',
  'log-driver',
  'log-opt',
  'max-concurrent',
  'no-healthcheck',
  'no-resolve-image',
  'oom-score-adj',
  'quiet',
  'read-only',
  'replicas',
  'replicas-max-per-node',
  'reserve-cpu',
  'reserve-memory',
  'restart-condition',
  'restart-delay',
  'restart-max-attempts',
  'restart-window',
  'stop-grace-period',
  'stop-signal',
  'tty',
  'user',
  'with-registry-auth',
  'workdir',
]);

/** buildServiceDefaultFlagMapping's flags: create's usage ends in " (default …)", update's does not. */
const MAPPED = /^(stop-grace-period|restart-(condition|delay)|update-.*|rollback-.*|endpoint-mode)$/;

const HOST = 'custom host-to-IP mapping ("host:ip")';

/** update.go's own flags. */
const OWN: FlagRow[] = [
  ['', 'args', 'command', 'Service command args'],
  ['', 'config-add', 'config', 'Add or update a config file on a service'],
  ['', 'config-rm', 'list', 'Remove a configuration file'],
  ['', 'constraint-add', 'list', 'Add or update a placement constraint'],
  ['', 'constraint-rm', 'list', 'Remove a constraint'],
  ['', 'container-label-add', 'list', 'Add or update a container label'],
  ['', 'container-label-rm', 'list', 'Remove a container label by its key'],
  ['', 'dns-add', 'list', 'Add or update a custom DNS server'],
  ['', 'dns-option-add', 'list', 'Add or update a DNS option'],
  ['', 'dns-option-rm', 'list', 'Remove a DNS option'],
  ['', 'dns-rm', 'list', 'Remove a custom DNS server'],
  ['', 'dns-search-add', 'list', 'Add or update a custom DNS search domain'],
  ['', 'dns-search-rm', 'list', 'Remove a DNS search domain'],
  ['', 'env-add', 'list', 'Add or update an environment variable'],
  ['', 'env-rm', 'list', 'Remove an environment variable'],
  ['', 'force', '', 'Force update even if no changes require it'],
  ['', 'generic-resource-add', 'list', 'Add a Generic resource'],
  ['', 'generic-resource-rm', 'list', 'Remove a Generic resource'],
  ['', 'group-add', 'list', 'Add an additional supplementary user group to the container'],
  ['', 'group-rm', 'list', 'Remove a previously added supplementary user group from the container'],
  ['', 'host-add', 'list', `Add a ${HOST}`],
  ['', 'host-rm', 'list', `Remove a ${HOST}`],
  ['', 'image', 'string', 'Service image tag'],
  ['', 'label-add', 'list', 'Add or update a service label'],
  ['', 'label-rm', 'list', 'Remove a label by its key'],
  ['', 'mount-add', 'mount', 'Add or update a mount on a service'],
  ['', 'mount-rm', 'list', 'Remove a mount by its target path'],
  ['', 'network-add', 'network', 'Add a network'],
  ['', 'network-rm', 'list', 'Remove a network'],
  ['', 'placement-pref-add', 'pref', 'Add a placement preference'],
  ['', 'placement-pref-rm', 'pref', 'Remove a placement preference'],
  ['', 'publish-add', 'port', 'Add or update a published port'],
  ['', 'publish-rm', 'port', 'Remove a published port by its target port'],
  ['', 'rollback', '', 'Rollback to previous specification'],
  ['', 'secret-add', 'secret', 'Add or update a secret on a service'],
  ['', 'secret-rm', 'list', 'Remove a secret'],
  ['', 'sysctl-add', 'list', 'Add or update a Sysctl option'],
  ['', 'sysctl-rm', 'list', 'Remove a Sysctl option'],
  ['', 'ulimit-add', 'ulimit', 'Add or update a ulimit option (default [])'],
  ['', 'ulimit-rm', 'list', 'Remove a ulimit option'],
];

/** update's rows, sorted as pflag prints them. */
export const SERVICE_UPDATE_FLAGS: FlagRow[] = [
  ...SERVICE_CREATE_FLAGS.filter(([, l]) => COMMON.has(l) || /^(update|rollback)-/.test(l)).map(
    ([s, l, t, u]): FlagRow => [s, l, t, MAPPED.test(l) ? u.replace(/ \(default [^)]*\)$/, '') : u],
  ),
  ...OWN,
].sort((a, b) => (a[1] < b[1] ? -1 : 1));

export const SERVICE_UPDATE_HELP: Record<string, HelpEntry> = {
  'service update': { use: 'update [OPTIONS] SERVICE', short: 'Update a service', flags: SERVICE_UPDATE_FLAGS },
  'service rollback': {
    use: 'rollback [OPTIONS] SERVICE',
    short: "Revert changes to a service's configuration",
    flags: [
      ['d', 'detach', '', 'Exit immediately instead of waiting for the service to converge'],
      ['q', 'quiet', '', 'Suppress progress output'],
    ],
  },
};
