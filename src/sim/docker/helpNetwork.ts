import type { HelpEntry } from './helpData';

/** The --format usage texts (cli/command/formatter flagsHelper) and the network subcommands' v28 help. */

const FORMAT_TAIL = `'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`;

/** flagsHelper.FormatHelp (ps, network ls). */
export const FORMAT_USAGE = `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
${FORMAT_TAIL}`;

/** flagsHelper.InspectFormatHelp. */
export const INSPECT_FORMAT = `Format output using a custom template:\n${FORMAT_TAIL}`;

/** `docker network SUBCOMMAND --help` (keys are the subcommand). */
export const NETWORK_HELP: Record<string, HelpEntry> = {
  connect: {
    use: 'connect [OPTIONS] NETWORK CONTAINER',
    short: 'Connect a container to a network',
    flags: [
      ['', 'alias', 'strings', 'Add network-scoped alias for the container'],
      ['', 'driver-opt', 'strings', 'driver options for the network'],
      [
        '',
        'gw-priority',
        'int',
        'Highest gw-priority provides the default gateway. Accepts positive and negative values.',
      ],
      ['', 'ip', 'string', 'IPv4 address (e.g., "172.30.100.104")'],
      ['', 'ip6', 'string', 'IPv6 address (e.g., "2001:db8::33")'],
      ['', 'link', 'list', 'Add link to another container'],
      ['', 'link-local-ip', 'strings', 'Add a link-local address for the container'],
    ],
  },
  create: {
    use: 'create [OPTIONS] NETWORK',
    short: 'Create a network',
    flags: [
      ['', 'attachable', '', 'Enable manual container attachment'],
      ['', 'aux-address', 'map', 'Auxiliary IPv4 or IPv6 addresses used by Network driver (default map[])'],
      ['', 'config-from', 'string', 'The network from which to copy the configuration'],
      ['', 'config-only', '', 'Create a configuration only network'],
      ['d', 'driver', 'string', 'Driver to manage the Network (default "bridge")'],
      ['', 'gateway', 'strings', 'IPv4 or IPv6 Gateway for the master subnet'],
      ['', 'ingress', '', 'Create swarm routing-mesh network'],
      ['', 'internal', '', 'Restrict external access to the network'],
      ['', 'ip-range', 'strings', 'Allocate container ip from a sub-range'],
      ['', 'ipam-driver', 'string', 'IP Address Management Driver (default "default")'],
      ['', 'ipam-opt', 'map', 'Set IPAM driver specific options (default map[])'],
      ['', 'ipv4', '', 'Enable or disable IPv4 address assignment (default true)'],
      ['', 'ipv6', '', 'Enable or disable IPv6 address assignment'],
      ['', 'label', 'list', 'Set metadata on a network'],
      ['o', 'opt', 'map', 'Set driver specific options (default map[])'],
      ['', 'scope', 'string', "Control the network's scope"],
      ['', 'subnet', 'strings', 'Subnet in CIDR format that represents a network segment'],
    ],
  },
  disconnect: {
    use: 'disconnect [OPTIONS] NETWORK CONTAINER',
    short: 'Disconnect a container from a network',
    flags: [['f', 'force', '', 'Force the container to disconnect from a network']],
  },
  inspect: {
    use: 'inspect [OPTIONS] NETWORK [NETWORK...]',
    short: 'Display detailed information on one or more networks',
    flags: [
      ['f', 'format', 'string', INSPECT_FORMAT],
      ['v', 'verbose', '', 'Verbose output for diagnostics'],
    ],
  },
  ls: {
    use: 'ls [OPTIONS]',
    short: 'List networks',
    aliases: 'docker network ls, docker network list',
    flags: [
      ['f', 'filter', 'filter', 'Provide filter values (e.g. "driver=bridge")'],
      ['', 'format', 'string', FORMAT_USAGE],
      ['', 'no-trunc', '', 'Do not truncate the output'],
      ['q', 'quiet', '', 'Only display network IDs'],
    ],
  },
  prune: {
    use: 'prune [OPTIONS]',
    short: 'Remove all unused networks',
    flags: [
      ['', 'filter', 'filter', 'Provide filter values (e.g. "until=<timestamp>")'],
      ['f', 'force', '', 'Do not prompt for confirmation'],
    ],
  },
  rm: {
    use: 'rm NETWORK [NETWORK...]',
    short: 'Remove one or more networks',
    aliases: 'docker network rm, docker network remove',
    flags: [['f', 'force', '', 'Do not error if the network does not exist']],
  },
};
