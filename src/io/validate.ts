import type { World } from '../sim/model';

/**
 * Structural check of a World that came from outside (a save, a file, a link). It does not prove
 * the World is one Docker could reach; it proves the app can draw it and the engine can read it
 * without crashing: every field the engine or the canvas reads has the type and form the model
 * (src/sim/model.ts) says, addresses included. Returns the first problem found, or null.
 */
export function worldProblem(w: unknown): string | null {
  if (!isObj(w)) return 'world is not an object';
  if (w.schema !== 2) return `unknown world schema ${JSON.stringify(w.schema)}`;
  for (const k of ['rng', 'clock', 'seq'] as const)
    if (typeof w[k] !== 'number' || !Number.isFinite(w[k])) return `world.${k} is not a number`;
  for (const k of ['machines', 'networks', 'containers', 'daemons'] as const)
    if (!isObj(w[k])) return `world.${k} is missing`;
  const machines = w.machines as Record<string, unknown>;
  const networks = w.networks as Record<string, unknown>;
  const containers = w.containers as Record<string, unknown>;
  const daemons = w.daemons as Record<string, unknown>;
  if (!machines['docker-host']) return 'the docker-host machine is missing';
  if (!daemons['docker-host']) return 'the docker-host daemon is missing';
  for (const [key, d] of Object.entries(daemons)) {
    const m = machines[key];
    if (!isObj(m) || m.kind !== 'docker-host') return `daemon ${key} is not a Docker host of this world`;
    const bad = isObj(d) ? check(d, `daemon ${key}`, DAEMON) : `daemon ${key} is malformed`;
    if (bad) return bad;
  }
  for (const [key, m] of Object.entries(machines)) {
    if (!isObj(m) || m.id !== key || typeof m.hostname !== 'string') return `machine ${key} is malformed`;
    if (!Array.isArray(m.ifaces) || !m.ifaces.every(isIface)) return `machine ${key} has malformed interfaces`;
    for (const k of ['routes', 'arp', 'conntrack', 'nameservers', 'listeners', 'tools', 'forwards'])
      if (!Array.isArray(m[k])) return `machine ${key}.${k} is not a list`;
    const bad = check(m, `machine ${key}`, MACHINE);
    if (bad) return bad;
  }
  for (const [key, n] of Object.entries(networks)) {
    // Swarm-scoped networks carry swarmkit's 25-character base36 ids.
    const swarmId = isObj(n) && n.scope === 'swarm' && /^[0-9a-z]{25}$/.test(key);
    if (!isObj(n) || n.id !== key || !(isHex64(key) || swarmId)) return `network ${short(key)} is malformed`;
    if (typeof n.name !== 'string' || !['bridge', 'host', 'null', 'overlay'].includes(n.driver as string))
      return `network ${short(key)} has a bad name or driver`;
    if (n.ipam !== null && !(isObj(n.ipam) && typeof n.ipam.subnet === 'string' && typeof n.ipam.gateway === 'string'))
      return `network ${String(n.name)} has a malformed IPAM config`;
    if (!Array.isArray(n.fdb)) return `network ${String(n.name)} has no FDB list`;
    if (n.daemon !== null && !daemons[n.daemon as string])
      return `network ${String(n.name)} belongs to a daemon that does not exist`;
    const bad = check(n, `network ${n.name}`, NETWORK);
    if (bad) return bad;
  }
  const sw = w.swarm;
  if (sw !== undefined) {
    if (!isObj(sw) || !Array.isArray(sw.nodes) || !isObj(sw.services) || !isObj(sw.tasks) || !isObj(sw.ipamLast))
      return 'the swarm is malformed';
    for (const n of sw.nodes)
      if (!isObj(n) || typeof n.machine !== 'string' || !machines[n.machine]) return 'a swarm node is not a machine';
  }
  for (const [key, c] of Object.entries(containers)) {
    if (!isObj(c) || c.id !== key || !isHex64(key)) return `container ${short(key)} is malformed`;
    if (typeof c.name !== 'string' || typeof c.image !== 'string' || typeof c.networkMode !== 'string')
      return `container ${short(key)} has a bad name, image or network mode`;
    if (!['created', 'running', 'exited'].includes(c.state as string))
      return `container ${String(c.name)} has a bad state`;
    for (const k of ['endpoints', 'ports', 'env', 'cmd', 'arp'])
      if (!Array.isArray(c[k])) return `container ${String(c.name)}.${k} is not a list`;
    if (!daemons[c.daemon as string]) return `container ${String(c.name)} runs on a daemon that does not exist`;
    for (const ep of c.endpoints as unknown[]) {
      if (!isObj(ep) || typeof ep.networkId !== 'string' || !networks[ep.networkId])
        return `container ${String(c.name)} is attached to a network that does not exist`;
      const owner = (networks[ep.networkId] as Record<string, unknown>).daemon;
      if (owner !== null && owner !== c.daemon)
        return `container ${String(c.name)} is attached to a network of another daemon`;
    }
    const bad = check(c, `container ${c.name}`, CONTAINER);
    if (bad) return bad;
  }
  return filesProblem(w.files);
}

/** `world.files` (optional): owner -> absolute path -> text, or null for a directory. */
function filesProblem(files: unknown): string | null {
  if (files === undefined) return null;
  if (!isObj(files)) return 'world.files is not an object';
  for (const [owner, tree] of Object.entries(files)) {
    if (!isObj(tree)) return `world.files.${owner} is not an object`;
    for (const [path, v] of Object.entries(tree))
      if (!path.startsWith('/') || (v !== null && typeof v !== 'string'))
        return `world.files.${owner} has a malformed entry ${JSON.stringify(path)}`;
  }
  return null;
}

/** True when `w` passes {@link worldProblem}. */
export function isWorld(w: unknown): w is World {
  return worldProblem(w) === null;
}

/** A field check: null when `v` fits, else where inside `v` it fails (`[0].ip`) and what it should be. */
type Miss = { at: string; want: string };
type Check = (v: unknown) => Miss | null;

// a dotted quad, each part 0-255 without leading zeros (what the engine writes). A pattern, not
// ip-num: this check runs at boot, before first paint, and ip-num is loaded only with the engine.
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);
const isIPv4 = (s: unknown) => typeof s === 'string' && IPV4.test(s);
const is =
  (ok: (v: unknown) => boolean, want: string): Check =>
  (v) =>
    ok(v) ? null : { at: '', want };
const str = is((v) => typeof v === 'string', 'a string');
const num = is((v) => typeof v === 'number' && Number.isFinite(v), 'a number');
const bool = is((v) => typeof v === 'boolean', 'true or false');
const ip = is(isIPv4, 'an IPv4 address');
const cidr = is((v) => {
  if (typeof v !== 'string') return false;
  const [a, p, extra] = v.split('/');
  return extra === undefined && isIPv4(a) && /^\d{1,2}$/.test(p ?? '') && Number(p) <= 32;
}, 'a CIDR block');
const port = is((v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 65535, 'a port number');
const oneOf = (...xs: unknown[]): Check => is((v) => xs.includes(v), `one of ${xs.join(', ')}`);
const opt =
  (c: Check): Check =>
  (v) =>
    v === undefined ? null : c(v);
const nullable =
  (c: Check): Check =>
  (v) =>
    v === null ? null : c(v);
const list =
  (c: Check): Check =>
  (v) => {
    if (!Array.isArray(v)) return { at: '', want: 'a list' };
    for (let i = 0; i < v.length; i++) {
      const e = c(v[i]);
      if (e) return { at: `[${i}]${e.at}`, want: e.want };
    }
    return null;
  };
const dict =
  (c: Check): Check =>
  (v) => {
    if (!isObj(v)) return { at: '', want: 'an object' };
    for (const [k, x] of Object.entries(v)) {
      const e = c(x);
      if (e) return { at: `[${JSON.stringify(k)}]${e.at}`, want: e.want };
    }
    return null;
  };
type Shape = Record<string, Check>;
const shape =
  (s: Shape): Check =>
  (v) => {
    if (!isObj(v)) return { at: '', want: 'an object' };
    for (const [k, c] of Object.entries(s)) {
      const e = c(v[k]);
      if (e) return { at: `.${k}${e.at}`, want: e.want };
    }
    return null;
  };

/** The first field of `o` that does not fit `s`, named for a person: `container c1.ports[0].hostPort should be …`. */
function check(o: Record<string, unknown>, what: string, s: Shape): string | null {
  const e = shape(s)(o);
  return e ? `${what}${e.at} should be ${e.want}` : null;
}

const TUPLE = shape({ src: ip, dst: ip, sport: port, dport: port });
const ARP = shape({ ip, mac: str, dev: str, state: str });
const MACHINE: Shape = {
  kind: oneOf('docker-host', 'pc', 'router', 'server'),
  ifaces: list(shape({ name: str, mac: str, addrs: list(shape({ ip, prefix: num })), segment: nullable(str) })),
  routes: list(
    shape({
      // "default", a CIDR block, or a bare address (a host route)
      dst: (v) => (v === 'default' || isIPv4(v) ? null : cidr(v)),
      via: opt(ip),
      dev: str,
      src: opt(ip),
      metric: opt(num),
    }),
  ),
  arp: list(ARP),
  conntrack: list(
    shape({ proto: oneOf('tcp', 'udp', 'icmp'), orig: TUPLE, reply: TUPLE, state: opt(str), timeout: num }),
  ),
  nameservers: list(ip),
  listeners: list(shape({ port, proto: oneOf('tcp', 'udp'), app: str, bindIp: str })),
  tools: list(str),
  forwards: list(shape({ proto: oneOf('tcp', 'udp'), publicPort: port, toIp: ip, toPort: port })),
  zone: opt(dict(ip)),
  httpBody: opt(str),
};
const DAEMON: Shape = { lastEphemeralPort: port, images: opt(list(str)) };
const NETWORK: Shape = {
  name: str,
  created: str,
  internal: bool,
  labels: opt(dict(str)),
  options: opt(dict(str)),
  ipam: nullable(shape({ subnet: cidr, gateway: ip, ipRange: opt(cidr) })),
  bridge: nullable(str),
  bridgeMac: opt(nullable(str)),
  fdb: list(shape({ mac: str, port: str })),
};
const CONTAINER: Shape = {
  cmd: list(str),
  env: list(str),
  hostname: str,
  endpoints: list(
    shape({
      networkId: str,
      aliases: opt(list(str)),
      ipamIp: opt(ip),
      ip: opt(ip),
      mac: opt(str),
      ifname: opt(str),
      veth: opt(str),
      vethMac: opt(str),
    }),
  ),
  ports: list(
    shape({
      hostIp: str,
      hostPort: nullable(port),
      containerPort: port,
      proto: oneOf('tcp', 'udp'),
      boundPort: opt(port),
    }),
  ),
  arp: list(ARP),
  startedAt: opt(num),
};

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
