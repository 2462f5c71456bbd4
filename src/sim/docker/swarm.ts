import { produce } from '../containerIndex';
import { isIPv4 } from '../ipam';
import type { CommandResult, World } from '../model';
import { cidrBounds, ipString } from '../net/addr';
import { addNodeToSwarm, createSwarm, dropNode, dropSwarm } from '../swarm/lifecycle';
import { joinTokens, leaderOf, nodeOf, notManagerError, randomBase36, systemAddr } from '../swarm/state';
import type { Swarm } from '../swarm/types';
import { all, isSet, last, type Parsed, parseFlags } from './flags';
import { SWARM_HELP } from './helpSwarm';
import { argsError, daemon, fail, flagError, ok, unknownSubcommand } from './output';
import { swarmSpecs } from './serviceFlags';

/** `docker swarm init|join|join-token|leave` (docker/cli cli/command/swarm, moby daemon/cluster). */

const rpc = (code: string, desc: string) => `rpc error: code = ${code} desc = ${desc}`;

const ERR_SWARM_EXISTS =
  'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.';

/**
 * resolveAdvertiseAddr: an IP (with an optional port) or one of the node's interface names; the
 * port defaults to the listen port 2377. Returns "IP:PORT" or the daemon's error.
 */
function advertiseAddr(world: World, machine: string, given: string | undefined): { addr: string } | { error: string } {
  const m = world.machines[machine];
  if (given === undefined) {
    const ip = systemAddr(m);
    return ip
      ? { addr: `${ip}:2377` }
      : { error: "could not find the system's IP address - specify one with --advertise-addr" };
  }
  const colon = given.lastIndexOf(':');
  const host = colon >= 0 ? given.slice(0, colon) : given;
  const port = colon >= 0 ? given.slice(colon + 1) : '2377';
  const iface = m.ifaces.find((i) => i.name === host);
  if (iface?.addrs[0]) return { addr: `${iface.addrs[0].ip}:${port}` };
  if (isIPv4(host) && host !== '0.0.0.0' && /^\d+$/.test(port)) return { addr: `${host}:${port}` };
  return { error: 'advertise address must be a non-zero IP address or network interface (with optional port number)' };
}

/** init.go / join.go: `--availability` lower-cased, one of active, pause, drain (only when given). */
function availability(p: Parsed): { value?: 'active' | 'pause' | 'drain'; error?: string } {
  const given = last(p, 'availability');
  if (given === undefined) return {};
  const v = given.toLowerCase();
  if (v === 'active' || v === 'pause' || v === 'drain') return { value: v };
  return { error: `invalid availability "${given}", only active, pause and drain are supported` };
}

/**
 * moby daemon/cluster validateDefaultAddrPool and getDataPathPort (listen_addr.go): the pools as
 * the CLI sends them (net.IPNet.String(): host bits cleared), the mask length 24 unless given
 * (at most 29, not shorter than a pool's prefix), the VXLAN port 4789 unless 1024-49151 is given.
 */
function dataPathOptions(
  p: Parsed,
): { dataPathPort?: number; addrPools?: string[]; poolMaskLength?: number } | { error: string } {
  const pools = all(p, 'default-addr-pool')
    .flatMap((v) => v.split(','))
    .map((c) => {
      const bits = Number(c.split('/')[1]);
      return `${ipString(cidrBounds(c).first)}/${bits}`;
    });
  const size = Number(last(p, 'default-addr-pool-mask-length') ?? '24') || 24;
  if (pools.length) {
    if (size > 29) return { error: `subnet size is out of range: ${size}` };
    const wide = pools.find((c) => size < Number(c.split('/')[1]));
    if (wide) return { error: `invalid CIDR: "${wide}". Subnet size is too small for pool: ${size}` };
  }
  const port = Number(last(p, 'data-path-port') ?? '0');
  if (port !== 0 && (port < 1024 || port > 49151))
    return { error: `Datapath port number is not in valid range (1024-49151) : ${port}` };
  return {
    ...(port ? { dataPathPort: port } : {}),
    ...(pools.length ? { addrPools: pools, poolMaskLength: size } : {}),
  };
}

function joinCommand(s: Swarm, role: 'worker' | 'manager'): string {
  const leader = leaderOf(s)!;
  return `To add a ${role} to this swarm, run the following command:\n\n    docker swarm join --token ${joinTokens(s)[role]} ${leader.addr}\n`;
}

const INIT_SPECS = swarmSpecs(SWARM_HELP['swarm init'].flags);

function init(world: World, argv: string[], machine: string): CommandResult {
  const p = parseFlags(argv, INIT_SPECS);
  if (!p.ok) return fail(world, flagError('swarm init', p.error), 125);
  if (p.value.args.length) return fail(world, argsError('swarm init', 'none', 0), 1);
  const avail = availability(p.value);
  if (avail.error) return fail(world, avail.error, 1);
  if (nodeOf(world, machine)) return fail(world, daemon(ERR_SWARM_EXISTS), 1);
  if (world.swarm) {
    // One cluster a World: a second, separate swarm is outside what whalewire models.
    const leader = leaderOf(world.swarm);
    return fail(
      world,
      `whalewire: this World already has a swarm (managed from ${leader?.machine ?? 'another node'}); join it with the command \`docker swarm join-token worker\` prints there`,
      1,
    );
  }
  const adv = advertiseAddr(world, machine, last(p.value, 'advertise-addr'));
  if ('error' in adv) return fail(world, daemon(adv.error), 1);
  const dataPath = dataPathOptions(p.value);
  if ('error' in dataPath) return fail(world, daemon(dataPath.error), 1);
  let nodeId = '';
  const next = produce(world, (d) => {
    nodeId = createSwarm(d, machine, adv.addr, dataPath);
    if (avail.value) d.swarm!.nodes[0].availability = avail.value;
  });
  const s = next.swarm!;
  return ok(
    next,
    `Swarm initialized: current node (${nodeId}) is now a manager.\n\n${joinCommand(s, 'worker')}\nTo add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.`,
  );
}

const TOKEN = /^SWMTKN-1-([0-9a-z]{50})-([0-9a-z]{25})$/;

/** The token's root CA digest as sha256 hex (swarmkit ParseJoinToken: `%0[1]*s` of the base-36 number). */
function base36ToHex(s: string): string {
  let n = 0n;
  for (const ch of s) n = n * 36n + BigInt(Number.parseInt(ch, 36));
  return n.toString(16).padStart(64, '0');
}

function join(world: World, argv: string[], machine: string): CommandResult {
  const p = parseFlags(argv, swarmSpecs(SWARM_HELP['swarm join'].flags));
  if (!p.ok) return fail(world, flagError('swarm join', p.error), 125);
  if (p.value.args.length !== 1) return fail(world, argsError('swarm join', 'exactly', 1), 1);
  const avail = availability(p.value);
  if (avail.error) return fail(world, avail.error, 1);
  if (nodeOf(world, machine)) return fail(world, daemon(ERR_SWARM_EXISTS), 1);
  const adv = advertiseAddr(world, machine, last(p.value, 'advertise-addr'));
  if ('error' in adv) return fail(world, daemon(adv.error), 1);
  const token = last(p.value, 'token') ?? '';
  const parsed = TOKEN.exec(token);
  if (token !== '' && !parsed) return fail(world, daemon('invalid join token'), 1);
  const target = p.value.args[0].includes(':') ? p.value.args[0] : `${p.value.args[0]}:2377`;
  const s = world.swarm;
  const manager = s?.nodes.find((n) => n.role === 'manager' && n.status === 'ready' && n.addr === target);
  if (!s || !manager) {
    return fail(
      world,
      daemon(
        'Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the "docker info" command to see the current swarm status of your node.',
      ),
      1,
    );
  }
  const tokens = joinTokens(s);
  const role = token === tokens.manager ? 'manager' : token === tokens.worker ? 'worker' : null;
  // swarmkit ca.DownloadRootCA: the token's CA digest must match the manager's root CA first
  if (!role && parsed && parsed[1] !== s.caDigest) {
    const hex = base36ToHex(parsed[1]);
    // go-digest Parse refuses more than 64 hex digits (ErrDigestInvalidLength)
    const msg =
      hex.length > 64 ? 'invalid checksum digest length' : `remote CA does not match fingerprint. Expected: ${hex}`;
    return fail(world, daemon(msg), 1);
  }
  if (!role)
    return fail(world, daemon(rpc('InvalidArgument', 'A valid join token is necessary to join this cluster')), 1);
  const next = produce(world, (d) => {
    addNodeToSwarm(d, machine, role, adv.addr, avail.value);
  });
  return ok(next, `This node joined a swarm as a ${role}.`);
}

function joinToken(world: World, argv: string[], machine: string): CommandResult {
  const p = parseFlags(argv, swarmSpecs(SWARM_HELP['swarm join-token'].flags));
  if (!p.ok) return fail(world, flagError('swarm join-token', p.error), 125);
  if (p.value.args.length !== 1) return fail(world, argsError('swarm join-token', 'exactly', 1), 1);
  const role = p.value.args[0];
  if (role !== 'worker' && role !== 'manager') return fail(world, `unknown role ${role}`, 1);
  const err = notManagerError(world, machine);
  if (err) return fail(world, daemon(err), 1);
  let s = world.swarm!;
  let w = world;
  if (isSet(p.value, 'rotate')) {
    w = produce(world, (d) => {
      const sw = d.swarm!;
      if (role === 'worker') sw.workerSecret = randomBase36(d);
      else sw.managerSecret = randomBase36(d);
      sw.index++;
    });
    s = w.swarm!;
  }
  const lines: string[] = [];
  if (isSet(p.value, 'rotate')) lines.push(`Successfully rotated ${role} join token.\n`);
  if (isSet(p.value, 'quiet')) lines.push(joinTokens(s)[role]);
  else lines.push(joinCommand(s, role).replace(/\n$/, ''));
  return ok(w, lines.join('\n'));
}

function leave(world: World, argv: string[], machine: string): CommandResult {
  const p = parseFlags(argv, swarmSpecs(SWARM_HELP['swarm leave'].flags));
  if (!p.ok) return fail(world, flagError('swarm leave', p.error), 125);
  if (p.value.args.length) return fail(world, argsError('swarm leave', 'none', 0), 1);
  const me = nodeOf(world, machine);
  if (!me) return fail(world, daemon('This node is not part of a swarm'), 1);
  const s = world.swarm!;
  if (me.role === 'manager' && !isSet(p.value, 'force')) {
    // daemon/cluster/swarm.go Leave: managerStats, removingManagerCausesLossOfQuorum, isLastManager.
    const reachable = s.nodes.filter((n) => n.role === 'manager' && n.status === 'ready').length;
    const unreachable = s.nodes.filter((n) => n.role === 'manager' && n.status === 'down').length;
    let msg = 'You are attempting to leave the swarm on a node that is participating as a manager. ';
    if (reachable - 2 <= unreachable) {
      if (reachable === 1 && unreachable === 0) {
        msg +=
          'Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. ';
        return fail(world, daemon(msg), 1);
      }
      msg += `Removing this node leaves ${reachable - 1} managers out of ${reachable + unreachable}. Without a Raft quorum your swarm will be inaccessible. `;
    }
    msg +=
      'The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message.';
    return fail(world, daemon(msg), 1);
  }
  const lastManager =
    me.role === 'manager' && s.nodes.filter((n) => n.role === 'manager' && n.status === 'ready').length === 1;
  const next = produce(world, (d) => {
    if (lastManager) dropSwarm(d);
    else dropNode(d, machine);
  });
  return ok(next, 'Node left the swarm.');
}

const SWARM_USAGE = `Usage:  docker swarm COMMAND

Manage Swarm

Commands:
  init        Initialize a swarm
  join        Join a swarm as a node and/or manager
  join-token  Manage join tokens
  leave       Leave the swarm

Run 'docker swarm COMMAND --help' for more information on a command.`;

/** `docker swarm SUBCOMMAND` run on `machine`'s daemon. */
export function dockerSwarm(world: World, argv: string[], machine: string): CommandResult {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'init':
      return init(world, rest, machine);
    case 'join':
      return join(world, rest, machine);
    case 'join-token':
      return joinToken(world, rest, machine);
    case 'leave':
      return leave(world, rest, machine);
    case undefined:
    case '--help':
      return ok(world, SWARM_USAGE);
    default:
      if (sub.startsWith('-')) return fail(world, flagError('swarm', `unknown flag: ${sub.split('=')[0]}`), 125);
      return fail(world, unknownSubcommand('swarm', sub), 1);
  }
}
