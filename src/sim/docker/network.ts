import { dockerTime } from '../clock';
import { produce } from '../containerIndex';
import { driverNamed } from '../drivers';
import { takeIfindex } from '../ifindex';
import { inCidr, isIPv4, planNetworkIpam } from '../ipam';
import { containersOn, lookupNetwork } from '../lookup';
import type { CommandResult, Network, NetworkDriver, World } from '../model';
import { randomId } from '../prng';
import { connect, disconnect } from './connect';
import { all, isSet, keyValues, last, parseFlags } from './flags';
import { dockerInspect } from './inspect';
import { networkLs } from './networkLs';
import { argsError, daemon, fail, flagError, ok, unknownSubcommand } from './output';
import { createOverlay } from './overlayCreate';
import type { On } from './scope';

/** `docker network create|ls|rm|prune|connect|disconnect|inspect`. */

const PREDEFINED = new Set(['bridge', 'host', 'none']);

/** Whether `ip` is in `subnet`; false when the subnet does not parse (the daemon reports that). */
function inSubnet(ip: string, subnet: string): boolean {
  try {
    return inCidr(ip, subnet);
  } catch {
    return false;
  }
}

function create(world: World, argv: string[], daemonId: string): CommandResult {
  const p = parseFlags(argv, [
    { long: 'driver', short: 'd', value: true },
    { long: 'subnet', value: true },
    { long: 'gateway', value: true },
    { long: 'ip-range', value: true },
    { long: 'aux-address', value: true },
    { long: 'internal' },
    { long: 'attachable' },
    { long: 'label', value: true },
    { long: 'opt', short: 'o', value: true },
    { long: 'ipv6' },
    { long: 'ipam-driver', value: true },
    { long: 'scope', value: true },
  ]);
  if (!p.ok) return fail(world, flagError('network create', p.error), 125);
  if (p.value.args.length !== 1) return fail(world, argsError('network create', 'exactly', 1), 1);
  const name = p.value.args[0];
  const driver = last(p.value, 'driver') ?? 'bridge';
  const subnet = last(p.value, 'subnet');
  const gateway = last(p.value, 'gateway');
  const ipRange = last(p.value, 'ip-range');
  if ((gateway || ipRange) && !subnet)
    return fail(world, 'every ip-range or gateway must have a corresponding subnet', 1);
  // cli createIPAMConfig: each --aux-address name=IP must fall in the subnet
  const aux: Record<string, string> = {};
  for (const a of all(p.value, 'aux-address')) {
    const eq = a.indexOf('=');
    const ip = eq < 0 ? a : a.slice(eq + 1);
    if (!subnet || !isIPv4(ip) || !inSubnet(ip, subnet))
      return fail(world, `no matching subnet for aux-address ${ip}`, 1);
    aux[eq < 0 ? a : a.slice(0, eq)] = ip;
  }
  // daemon/network.go createNetwork: predefined name, overlay without swarm, ValidateIPAM; then
  // libnetwork NewNetwork: the name, the driver, the address pool.
  if (PREDEFINED.has(name)) return fail(world, daemon(`operation is not permitted on predefined ${name} network `), 1);
  if (driverNamed(driver)?.scope === 'swarm')
    return createOverlay(world, p.value, name, { subnet, gateway, ipRange }, daemonId);
  const drv = driverNamed(driver);
  const options = keyValues(p.value, 'opt');
  const skipGateway = drv?.skipsGateway?.(options, isSet(p.value, 'internal')) ?? false;
  const plan = planNetworkIpam(world, daemonId, { subnet, gateway, ipRange, skipGateway, aux });
  if (!plan.ok && plan.error.startsWith('invalid network config')) return fail(world, daemon(plan.error), 1);
  if (Object.values(world.networks).some((n) => n.name === name)) {
    return fail(world, daemon(`network with name ${name} already exists`), 1);
  }
  if (drv?.singleton) return fail(world, daemon(`only one instance of "${driver}" network is allowed`), 1);
  if (!drv) return fail(world, daemon(`plugin "${driver}" not found`), 1);
  const refused = drv.createError?.(world, daemonId, options, isSet(p.value, 'internal'));
  if (refused) return fail(world, daemon(refused), 1);
  if (!plan.ok) return fail(world, daemon(plan.error), 1);
  const linkRefused =
    drv.linkError?.(world, daemonId, options) ?? drv.configError?.(options, all(p.value, 'subnet').length);
  if (linkRefused) return fail(world, daemon(linkRefused), 1);
  let id = '';
  let conflict = '';
  const next = produce(world, (d) => {
    id = randomId(d);
    const net: Network = {
      id,
      name,
      driver: drv.name as NetworkDriver,
      daemon: drv.scope === 'swarm' ? null : daemonId,
      scope: 'local',
      created: dockerTime(d.clock),
      internal: isSet(p.value, 'internal'),
      attachable: isSet(p.value, 'attachable'),
      labels: keyValues(p.value, 'label'),
      options,
      ipam: plan.value.ipam,
      userSubnet: plan.value.userSubnet,
      predefined: false,
      ...drv.devices(d, id, options, daemonId),
      fdb: [],
    };
    // bridge_linux.go checkConflict: two networks may not share a Linux bridge
    const other = net.bridge
      ? Object.values(d.networks).find((n) => n.bridge === net.bridge && n.daemon === net.daemon)
      : undefined;
    if (other)
      conflict = `cannot create network ${id} (${net.bridge}): conflicts with network ${other.id} (${other.bridge}): networks have same bridge name`;
    // the bridge device is made now, on the daemon's host (ifindex.ts)
    if (net.daemon && drv.hostDevice(net, net.daemon)) net.ifindex = takeIfindex(d, net.daemon, 1);
    d.networks[id] = net;
  });
  if (conflict) return fail(world, daemon(conflict), 1);
  return ok(next, id);
}

/** Why a network cannot go (fact 16, v28.1+ wording), or null. */
function activeEndpointsError(world: World, n: Network): string | null {
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
  const gone = Object.values(world.networks).filter((n) => !n.predefined && containersOn(world, n.id).length === 0);
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
      return create(world, rest, on.daemon);
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
