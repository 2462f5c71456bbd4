import { produce } from '../containerIndex';
import { containersOn, lookupNetwork } from '../lookup';
import type { CommandResult, Network, World } from '../model';
import { connect, disconnect } from './connect';
import { all, isSet, parseFlags } from './flags';
import { dockerInspect } from './inspect';
import { networkCreate } from './networkCreate';
import { networkLs } from './networkLs';
import { argsError, daemon, fail, flagError, ok, unknownSubcommand } from './output';
import { pruneFilter } from './pruneFilters';
import type { On } from './scope';

/** `docker network create|ls|rm|prune|connect|disconnect|inspect`. */

/** Why a network cannot go (fact 16, v28.1+ wording), or null. */
function activeEndpointsError(world: World, n: Network): string | null {
  // libnetwork network.go Delete: a config-only network another network takes its config from
  if (n.configOnly && Object.values(world.networks).some((o) => o.configFrom === n.name))
    return `error while removing network: configuration network "${n.name}" is in use`;
  const users = containersOn(world, n.id);
  if (!users.length) return null;
  const shown = users.slice(0, 2).map((c) => `name:"${c.name}" id:"${c.id.slice(0, 12)}"`);
  if (users.length > 2) shown.push('...');
  return `error while removing network: network ${n.name} has active endpoints (${shown.join(', ')})`;
}

/** Deletes a network; stopped containers keep its name, which the daemon resolves again at start. */
function deleteNetwork(d: World, n: Network): void {
  for (const c of Object.values(d.containers)) {
    for (const ep of c.endpoints) if (ep.networkId === n.id) ep.networkId = n.name;
  }
  delete d.networks[n.id];
}

function rm(world: World, argv: string[]): CommandResult {
  const p = parseFlags(argv, [{ long: 'force', short: 'f' }]);
  if (!p.ok) return fail(world, flagError('network rm', p.error), 125);
  if (p.value.args.length < 1) return fail(world, argsError('network rm', 'at least', 1), 1);
  let w = world;
  const out: string[] = [];
  let failed = false;
  for (const ref of p.value.args) {
    const found = lookupNetwork(w, ref);
    if (!found.ok) {
      if (!isSet(p.value, 'force')) {
        out.push(daemon(found.error));
        failed = true;
      }
      continue;
    }
    const n = found.value;
    const err = n.predefined ? `${n.name} is a pre-defined network and cannot be removed` : activeEndpointsError(w, n);
    if (err) {
      out.push(daemon(err));
      failed = true;
      continue;
    }
    w = produce(w, (d) => deleteNetwork(d, n));
    out.push(ref);
  }
  return { world: w, output: out.join('\n'), exitCode: failed ? 1 : 0 };
}

function prune(world: World, argv: string[]): CommandResult {
  const p = parseFlags(argv, [
    { long: 'force', short: 'f' },
    { long: 'filter', value: true },
  ]);
  if (!p.ok) return fail(world, flagError('network prune', p.error), 125);
  if (p.value.args.length) return fail(world, argsError('network prune', 'none', 0), 1);
  const filter = pruneFilter(all(p.value, 'filter'), world.clock);
  if (!filter.ok)
    return fail(
      world,
      filter.flag ? flagError('network prune', filter.error) : daemon(filter.error),
      filter.flag ? 125 : 1,
    );
  // daemon/prune.go NetworksPrune: config-only networks are never pruned
  const gone = Object.values(world.networks).filter(
    (n) => !n.predefined && !n.configOnly && containersOn(world, n.id).length === 0 && filter.keep(n.created, n.labels),
  );
  const next = produce(world, (d) => {
    for (const n of gone) deleteNetwork(d, d.networks[n.id]);
  });
  const lines: string[] = [];
  if (!isSet(p.value, 'force')) {
    // The console has no stdin: behave as if the user answered "y".
    lines.push(
      'WARNING! This will remove all custom networks not used by at least one container.',
      'Are you sure you want to continue? [y/N] y',
    );
  }
  // cli/command/network/prune.go: "Deleted Networks:\n" and a name per line, then Fprintln: a blank line.
  if (gone.length) lines.push('Deleted Networks:', ...gone.map((n) => n.name), '');
  return ok(next, lines.join('\n'));
}

/** Dispatches `docker network SUBCOMMAND …`. */
export function dockerNetwork(world: World, argv: string[], on: On): CommandResult {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'create':
      return networkCreate(world, rest, on.daemon);
    case 'ls':
    case 'list':
      return networkLs(world, rest, on.daemon);
    case 'rm':
    case 'remove':
      return rm(world, rest);
    case 'prune':
      return prune(world, rest);
    case 'connect':
      return connect(world, rest);
    case 'disconnect':
      return disconnect(world, rest);
    case 'inspect':
      return dockerInspect(world, rest, 'network');
    case undefined:
      return ok(world, NETWORK_HELP);
    case '--help':
      return ok(world, NETWORK_HELP);
    case '-h':
      return ok(world, `Flag shorthand -h has been deprecated, use --help\n${NETWORK_HELP}`);
    default:
      if (sub.startsWith('-')) return fail(world, flagError('network', `unknown flag: ${sub.split('=')[0]}`), 125);
      return fail(world, unknownSubcommand('network', sub), 1);
  }
}

const NETWORK_HELP = `
Usage:  docker network COMMAND

Manage networks

Commands:
  connect     Connect a container to a network
  create      Create a network
  disconnect  Disconnect a container from a network
  inspect     Display detailed information on one or more networks
  ls          List networks
  prune       Remove all unused networks
  rm          Remove one or more networks

Run 'docker network COMMAND --help' for more information on a command.`.slice(1);
