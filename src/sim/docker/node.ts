import type { CommandResult, World } from '../model';
import { nodeOf, notManagerError } from '../swarm/state';
import { isSet, last, parseFlags } from './flags';
import { SWARM_HELP } from './helpSwarm';
import { formatList } from './listFormat';
import { argsError, daemon, fail, flagError, naturalCompare, ok, table, unknownSubcommand } from './output';
import { swarmSpecs } from './serviceFlags';
import { enumError, labelMatches, matches, readFilters } from './swarmFilters';

/** node formatter's headers (cli/command/node/formatter.go). */
const HEADERS = {
  ID: 'ID',
  Self: '',
  Hostname: 'HOSTNAME',
  Status: 'STATUS',
  Availability: 'AVAILABILITY',
  ManagerStatus: 'MANAGER STATUS',
  EngineVersion: 'ENGINE VERSION',
  TLSStatus: 'TLS STATUS',
};

/** `docker node ls` (cli/command/node/list.go, formatter.go): every node the managers know, Down ones too. */
function ls(world: World, argv: string[], machine: string): CommandResult {
  const p = parseFlags(argv, swarmSpecs(SWARM_HELP['node ls'].flags));
  if (!p.ok) return fail(world, flagError('node ls', p.error), 125);
  if (p.value.args.length) return fail(world, argsError('node ls', 'none', 0), 1);
  const err = notManagerError(world, machine);
  if (err) return fail(world, daemon(err), 1);
  const self = nodeOf(world, machine)!;
  const host = (m: string) => world.machines[m]?.hostname ?? m;
  const f = readFilters(p.value, ['name', 'id', 'label', 'role', 'membership', 'node.label']);
  if (!f.ok) return fail(world, daemon(f.error), 1);
  const enumErr =
    enumError(f.value, 'role', ['WORKER', 'MANAGER']) ?? enumError(f.value, 'membership', ['PENDING', 'ACCEPTED']);
  if (enumErr) return fail(world, daemon(enumErr), 1);
  const nodes = [...world.swarm!.nodes]
    .filter(
      (n) =>
        matches(f.value, 'name', (w) => host(n.machine).startsWith(w)) &&
        matches(f.value, 'id', (w) => n.id.startsWith(w)) &&
        matches(f.value, 'role', (w) => w.toLowerCase() === n.role) &&
        matches(f.value, 'membership', (w) => w.toLowerCase() === 'accepted') &&
        labelMatches(f.value, 'label', {}) &&
        labelMatches(f.value, 'node.label', {}),
    )
    .sort((a, b) => naturalCompare(host(a.machine), host(b.machine)));
  if (isSet(p.value, 'quiet')) return ok(world, nodes.map((n) => n.id).join('\n'));
  const managerStatus = (n: (typeof nodes)[number]) => {
    if (n.role !== 'manager') return '';
    if (n.status === 'down') return 'Unreachable';
    return world.swarm!.nodes.find((x) => x.role === 'manager' && x.status === 'ready') === n ? 'Leader' : 'Reachable';
  };
  const row = (n: (typeof nodes)[number]) => ({
    ID: n.id,
    Self: n.id === self.id,
    Hostname: host(n.machine),
    Status: n.status === 'ready' ? 'Ready' : 'Down',
    Availability: { active: 'Active', pause: 'Pause', drain: 'Drain' }[n.availability ?? 'active'],
    ManagerStatus: managerStatus(n),
    EngineVersion: '28.5.2',
    TLSStatus: 'Ready',
  });
  const formatted = formatList(world, last(p.value, 'format'), () => nodes.map(row), HEADERS);
  if (formatted) return formatted;
  const rows = [
    ['ID  ', 'HOSTNAME', 'STATUS', 'AVAILABILITY', 'MANAGER STATUS', 'ENGINE VERSION'],
    ...nodes.map((n) => {
      const r = row(n);
      return [`${n.id} ${r.Self ? '*' : ' '}`, r.Hostname, r.Status, r.Availability, r.ManagerStatus, r.EngineVersion];
    }),
  ];
  return ok(world, table(rows));
}

const NODE_HELP = `Usage:  docker node COMMAND

Manage Swarm nodes

Commands:
  ls          List nodes in the swarm

Run 'docker node COMMAND --help' for more information on a command.`;

/** `docker node SUBCOMMAND` on `machine`'s daemon. */
export function dockerNode(world: World, argv: string[], machine: string): CommandResult {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'ls':
    case 'list':
      return ls(world, rest, machine);
    case undefined:
    case '--help':
      return ok(world, NODE_HELP);
    default:
      if (sub.startsWith('-')) return fail(world, flagError('node', `unknown flag: ${sub.split('=')[0]}`), 125);
      return fail(world, unknownSubcommand('node', sub), 1);
  }
}
