import type { World } from '../sim/model';

/**
 * Structural check of a World that came from outside (a save, a file, a link). It does not prove
 * the World is one Docker could reach; it proves the app can draw it and the engine can read it
 * without crashing. Returns the first problem found, or null.
 */
export function worldProblem(w: unknown): string | null {
  if (!isObj(w)) return 'world is not an object';
  if (w.schema !== 1) return `unknown world schema ${JSON.stringify(w.schema)}`;
  for (const k of ['rng', 'clock', 'seq', 'lastEphemeralPort'] as const)
    if (typeof w[k] !== 'number' || !Number.isFinite(w[k])) return `world.${k} is not a number`;
  for (const k of ['machines', 'networks', 'containers'] as const) if (!isObj(w[k])) return `world.${k} is missing`;
  const machines = w.machines as Record<string, unknown>;
  const networks = w.networks as Record<string, unknown>;
  const containers = w.containers as Record<string, unknown>;
  if (!machines['docker-host']) return 'the docker-host machine is missing';
  for (const [key, m] of Object.entries(machines)) {
    if (!isObj(m) || m.id !== key || typeof m.hostname !== 'string') return `machine ${key} is malformed`;
    if (!Array.isArray(m.ifaces) || !m.ifaces.every(isIface)) return `machine ${key} has malformed interfaces`;
    for (const k of ['routes', 'arp', 'conntrack', 'nameservers', 'listeners', 'tools', 'forwards'])
      if (!Array.isArray(m[k])) return `machine ${key}.${k} is not a list`;
  }
  for (const [key, n] of Object.entries(networks)) {
    if (!isObj(n) || n.id !== key || !isHex64(key)) return `network ${short(key)} is malformed`;
    if (typeof n.name !== 'string' || !['bridge', 'host', 'null'].includes(n.driver as string))
      return `network ${short(key)} has a bad name or driver`;
    if (n.ipam !== null && !(isObj(n.ipam) && typeof n.ipam.subnet === 'string' && typeof n.ipam.gateway === 'string'))
      return `network ${String(n.name)} has a malformed IPAM config`;
    if (!Array.isArray(n.fdb)) return `network ${String(n.name)} has no FDB list`;
  }
  for (const [key, c] of Object.entries(containers)) {
    if (!isObj(c) || c.id !== key || !isHex64(key)) return `container ${short(key)} is malformed`;
    if (typeof c.name !== 'string' || typeof c.image !== 'string' || typeof c.networkMode !== 'string')
      return `container ${short(key)} has a bad name, image or network mode`;
    if (!['created', 'running', 'exited'].includes(c.state as string))
      return `container ${String(c.name)} has a bad state`;
    for (const k of ['endpoints', 'ports', 'env', 'cmd', 'arp'])
      if (!Array.isArray(c[k])) return `container ${String(c.name)}.${k} is not a list`;
    for (const ep of c.endpoints as unknown[])
      if (!isObj(ep) || typeof ep.networkId !== 'string' || !networks[ep.networkId])
        return `container ${String(c.name)} is attached to a network that does not exist`;
  }
  return null;
}

/** True when `w` passes {@link worldProblem}. */
export function isWorld(w: unknown): w is World {
  return worldProblem(w) === null;
}

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function isHex64(s: string): boolean {
  return /^[0-9a-f]{64}$/.test(s);
}
function short(s: string): string {
  return JSON.stringify(s.slice(0, 16));
}
function isIface(f: unknown): boolean {
  return isObj(f) && typeof f.name === 'string' && typeof f.mac === 'string' && Array.isArray(f.addrs);
}
