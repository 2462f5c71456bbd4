import type { CommandResult, Container, Network, World } from '../model';
import type { Where } from '../where';

/**
 * Several Docker hosts, one World: a docker command talks to one daemon (the machine its console
 * line runs on) and sees only that daemon's containers and networks, as a real CLI does. The
 * command runs on a view of the World holding just those (swarm-scoped networks, daemon null,
 * are in every view), so every enumeration inside it (name and id-prefix lookup, IPAM pools,
 * port clashes, ps, network ls, generated names) is per daemon without each asking; what it
 * creates names the daemon it got explicitly (`On.daemon`). The result is merged back.
 */

/** What a docker command is told explicitly: its daemon, and how to run a shell in the whole World. */
export interface On {
  /** the daemon's machine id (a key of World.daemons) */
  daemon: string;
  /** the CLI's working directory on that machine (files named by --env-file, --cidfile …); absent: ~ */
  cwd?: string;
  /**
   * Runs a shell command in a container (exec, one-shot CMDs) on the whole World: packets reach
   * other hosts. Takes and returns a World as the command holds it (a view or a whole World; the
   * merge at the end accepts both).
   */
  shell: (world: World, cmd: string[], where: Where, line: string) => CommandResult;
}

const netInView = (n: Network, daemon: string) => n.daemon === daemon || n.daemon === null;
const ctrInView = (c: Container, daemon: string) => c.daemon === daemon;

/** Whether the World holds no daemon but `daemon` (one Docker host: the view is the World itself). */
export function soleDaemon(world: World, daemon: string): boolean {
  for (const d in world.daemons) if (d !== daemon) return false;
  return true;
}

function filterTable<T>(table: Record<string, T>, keep: (x: T) => boolean): Record<string, T> {
  const out: Record<string, T> = {};
  for (const id in table) if (keep(table[id])) out[id] = table[id];
  return out;
}

/** The World as `daemon` sees it (the World itself when it is the only daemon). */
export function daemonView(world: World, daemon: string): World {
  if (soleDaemon(world, daemon)) return world;
  return {
    ...world,
    networks: filterTable(world.networks, (n) => netInView(n, daemon)),
    containers: filterTable(world.containers, (c) => ctrInView(c, daemon)),
  };
}

/**
 * `result` (what a command made of `daemon`'s view, or of the whole World) merged into `world`:
 * what the result holds wins; what it lacks stays if it was outside the view, and was removed if
 * it was inside. Creation order is kept (new entries come last).
 */
function mergeTable<T>(
  before: Record<string, T>,
  after: Record<string, T>,
  inView: (x: T) => boolean,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const id in before) {
    if (id in after) out[id] = after[id];
    else if (!inView(before[id])) out[id] = before[id];
  }
  for (const id in after) if (!(id in out)) out[id] = after[id];
  return out;
}

/** The whole World after a command that ran on `daemon`'s view of `world` and returned `result`. */
export function mergeView(world: World, result: World, daemon: string): World {
  if (result === world || soleDaemon(world, daemon)) return result;
  return {
    ...result,
    networks: mergeTable(world.networks, result.networks, (n) => netInView(n, daemon)),
    containers: mergeTable(world.containers, result.containers, (c) => ctrInView(c, daemon)),
  };
}
