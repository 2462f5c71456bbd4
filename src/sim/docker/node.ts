import type { CommandResult, World } from '../model';
import { nodeOf, notManagerError } from '../swarm/state';
import { isSet, parseFlags } from './flags';
import { argsError, daemon, fail, flagError, naturalCompare, ok, table, unknownSubcommand } from './output';

/** `docker node ls` (cli/command/node/list.go, formatter.go): every node the managers know, Down ones too. */
function ls(world: World, argv: string[], machine: string): CommandResult {
  const p = parseFlags(argv, [{ long: 'quiet', short: 'q' }]);
  if (!p.ok) return fail(world, flagError('node ls', p.error), 125);
  if (p.value.args.length) return fail(world, argsError('node ls', 'none', 0), 1);
  const err = notManagerError(world, machine);
  if (err) return fail(world, daemon(err), 1);
  const self = nodeOf(world, machine)!;
  const host = (m: string) => world.machines[m]?.hostname ?? m;
  const nodes = [...world.swarm!.nodes].sort((a, b) => naturalCompare(host(a.machine), host(b.machine)));
  if (isSet(p.value, 'quiet')) return ok(world, nodes.map((n) => n.id).join('\n'));
  const managerStatus = (n: (typeof nodes)[number]) => {
    if (n.role !== 'manager') return '';
    if (n.status === 'down') return 'Unreachable';
    return world.swarm!.nodes.find((x) => x.role === 'manager' && x.status === 'ready') === n ? 'Leader' : 'Reachable';
  };
  const rows = [
    ['ID  ', 'HOSTNAME', 'STATUS', 'AVAILABILITY', 'MANAGER STATUS', 'ENGINE VERSION'],
    ...nodes.map((n) => [
      `${n.id} ${n.id === self.id ? '*' : ' '}`,
      host(n.machine),
      n.status === 'ready' ? 'Ready' : 'Down',
      'Active',
      managerStatus(n),
      '28.5.2',
    ]),
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
