import { current, type Draft, isDraft } from 'immer';
import type { Machine, Network, World } from '../model';
import { nextU32 } from '../prng';
import type { Swarm, SwarmNode, SwarmService, SwarmTask } from './types';

/** Reading and small writes of `World.swarm` (pure; the writers take an immer draft). */

/**
 * A plain snapshot of a part of an immer draft (the value itself when it is no draft): scanning a
 * draft's tasks or containers makes a proxy of each one, which cost 250 ms a `service create` at
 * 500 tasks; read-only scans go through this. Never write to what it returns.
 */
export function plain<T>(x: T): T {
  return isDraft(x) ? (current(x as Draft<T>) as T) : x;
}

const B36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/** `n` lower-case base36 characters from the World's PRNG (swarmkit identity.NewID gives 25). */
export function randomBase36(w: World, n = 25): string {
  let s = '';
  while (s.length < n) s += B36[nextU32(w) % 36];
  return s;
}

/** The node record of `machine` in the World's swarm (also a Down one), or null. */
export function nodeOf(world: World, machine: string): SwarmNode | null {
  return world.swarm?.nodes.find((n) => n.machine === machine && n.status === 'ready') ?? null;
}

/** The daemon's view of itself: manager, worker or not in a swarm. */
export function roleOf(world: World, machine: string): 'manager' | 'worker' | null {
  return nodeOf(world, machine)?.role ?? null;
}

export const ERR_NO_SWARM_MANAGER =
  'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';
export const ERR_WORKER =
  "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.";

/** daemon/cluster errNoManager: why a manager-only command cannot run here, or null on a manager. */
export function notManagerError(world: World, machine: string): string | null {
  const role = roleOf(world, machine);
  if (role === 'manager') return null;
  return role === 'worker' ? ERR_WORKER : ERR_NO_SWARM_MANAGER;
}

/** The worker and manager join tokens (swarmkit ca.GenerateJoinToken: SWMTKN-1-<digest>-<secret>). */
export function joinTokens(s: Swarm): { worker: string; manager: string } {
  return {
    worker: `SWMTKN-1-${s.caDigest}-${s.workerSecret}`,
    manager: `SWMTKN-1-${s.caDigest}-${s.managerSecret}`,
  };
}

/** The first ready manager: raft's leader in this simulation. */
export function leaderOf(s: Swarm): SwarmNode | undefined {
  return s.nodes.find((n) => n.role === 'manager' && n.status === 'ready');
}

/** The address a daemon advertises by default: its first non-loopback interface's IPv4. */
export function systemAddr(m: Machine): string | null {
  for (const i of m.ifaces) if (i.segment && i.addrs[0]) return i.addrs[0].ip;
  return null;
}

/** A service by full id, name, or unique id prefix (daemon/cluster/helpers.go getService). */
export function lookupService(s: Swarm, ref: string): { ok: true; value: SwarmService } | { ok: false; error: string } {
  const all = Object.values(s.services);
  const byId = all.find((v) => v.id === ref);
  if (byId) return { ok: true, value: byId };
  const byName = all.find((v) => v.name === ref);
  if (byName) return { ok: true, value: byName };
  const byPrefix = ref ? all.filter((v) => v.id.startsWith(ref)) : [];
  if (byPrefix.length === 1) return { ok: true, value: byPrefix[0] };
  if (byPrefix.length > 1)
    return { ok: false, error: `service ${ref} is ambiguous (${byPrefix.length} matches found)` };
  return { ok: false, error: `service ${ref} not found` };
}

/** The ready nodes tasks may be scheduled on (every active node, managers included), in join order. */
export function schedulableNodes(s: Swarm): SwarmNode[] {
  return s.nodes.filter((n) => n.status === 'ready');
}

/**
 * swarmkit's spread scheduler for one new task of `serviceId`: the ready node with the fewest of
 * this service's running tasks, then the fewest tasks of any service, then join order.
 */
export function pickNode(
  s: Swarm,
  serviceId: string,
  live: SwarmTask[] = Object.values(plain(s.tasks)).filter((t) => t.desired === 'running'),
  fits: (n: SwarmNode) => boolean = () => true,
): SwarmNode | undefined {
  // one pass over the tasks (a read through a draft per node and task cost a proxy each)
  const mine = new Map<string, number>();
  const total = new Map<string, number>();
  for (const t of live) {
    total.set(t.node, (total.get(t.node) ?? 0) + 1);
    if (t.serviceId === serviceId) mine.set(t.node, (mine.get(t.node) ?? 0) + 1);
  }
  let best: SwarmNode | undefined;
  let bestKey: [number, number] = [Infinity, Infinity];
  for (const n of schedulableNodes(s)) {
    if (!fits(n)) continue;
    const key: [number, number] = [mine.get(n.machine) ?? 0, total.get(n.machine) ?? 0];
    if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      best = n;
      bestKey = key;
    }
  }
  return best;
}

/** A standalone container on an overlay that is not --attachable (fact 80: the daemon relays swarmkit's PermissionDenied). */
export const notAttachable = (name: string) =>
  `Could not attach to network ${name}: rpc error: code = PermissionDenied desc = network ${name} not manually attachable.`;

/**
 * Whether `daemon` lists a swarm-scoped network (fact 74): a manager knows them all; every node
 * has ingress; a worker has another overlay while a running task or container of its own is on it:
 * the network is created there when the first one joins, and removed when the last one stops
 * (moby daemon/cluster/executor/container controller.go Shutdown -> removeNetworks, which keeps a
 * network that still has active endpoints; the daemon's releaseNetwork detaches a standalone one).
 */
export function swarmNetworkListed(world: World, daemon: string, net: Network): boolean {
  const me = nodeOf(world, daemon);
  if (!me) return false;
  if (me.role === 'manager' || net.ingress) return true;
  for (const id in world.containers) {
    const c = world.containers[id];
    if (c.daemon === daemon && c.state === 'running' && c.endpoints.some((e) => e.networkId === net.id)) return true;
  }
  return false;
}
