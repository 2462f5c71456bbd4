import { DOCKER_HOST } from '../../sim/ids';
import type { World } from '../../sim/model';

/** Quotes a name for the console only when it needs it (names are user-typed). */
export function shellArg(s: string): string {
  return /^[A-Za-z0-9_.:/@=+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The docker commands a container drop stands for (DESIGN §6): onto another network, leave the
 * one it was dragged from and join the new one; with a modifier, join as an extra network; onto
 * empty canvas, leave the one it was dragged from. Returns [] when the drop means nothing (back
 * onto its own network, or a plain move inside the host). Docker decides what is valid: these
 * lines go through the engine, which answers with its own error when they are not.
 */
export function dropCommands(
  world: World,
  containerId: string,
  from: string | null,
  onto: string | null | 'outside',
  addAsExtra: boolean,
): string[] {
  const c = world.containers[containerId];
  if (!c) return [];
  const name = shellArg(c.name);
  // a container can join only its own daemon's networks (or swarm-scoped ones)
  const mine = (id: string | null) => {
    const n = id ? world.networks[id] : undefined;
    return n && (n.daemon === c.daemon || n.daemon === null) ? n : undefined;
  };
  const netName = (id: string | null) => mine(id)?.name;
  // the docker CLI of the container's host: on another host than the first, `@host docker …`
  const docker = c.daemon === DOCKER_HOST ? 'docker' : `@${c.daemon} docker`;
  const fromName = netName(from);
  if (onto === 'outside') return fromName ? [`${docker} network disconnect ${shellArg(fromName)} ${name}`] : [];
  const toName = netName(onto);
  if (!toName || onto === from) return [];
  const connect = `${docker} network connect ${shellArg(toName)} ${name}`;
  if (addAsExtra || !fromName) return [connect];
  return [`${docker} network disconnect ${shellArg(fromName)} ${name}`, connect];
}

/** Of the networks a container is attached to, the one whose bridge node is nearest the drag start. */
export function nearestAttachedNetwork(
  world: World,
  containerId: string,
  centreOf: (networkId: string) => { x: number; y: number } | null,
  at: { x: number; y: number },
): string | null {
  const c = world.containers[containerId];
  if (!c) return null;
  let best: string | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (const ep of c.endpoints) {
    const p = centreOf(ep.networkId);
    const d = p ? (p.x - at.x) ** 2 + (p.y - at.y) ** 2 : Number.POSITIVE_INFINITY - 1;
    if (d < bestD) {
      bestD = d;
      best = ep.networkId;
    }
  }
  if (best) return best;
  // host / none: the mode's network
  return Object.values(world.networks).find((n) => n.daemon === c.daemon && n.name === c.networkMode)?.id ?? null;
}
