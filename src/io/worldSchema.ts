/**
 * The World as it is saved, shared and imported, described once with zod: every field the engine
 * or the canvas reads, with the type and form src/sim/model.ts gives it (addresses included).
 * Saves at boot, project files, share links and the inspect import all pass through
 * {@link worldRefusal}. Objects are loose: fields this schema does not name pass through unchanged
 * (the engine's own bookkeeping), so a valid input is used as it is, never a stripped copy.
 *
 * Loaded on demand (zod stays out of the first paint): boot imports it only when a save exists.
 * A refusal names the field (`container c1.endpoints[0].ip`) and the reason as a code with
 * parameters, so it reads in either language ({@link refusalEnglish} is the English, for logs,
 * the runner and tests; the page translates the code).
 */
import { z } from 'zod';
import type { World } from '../sim/model';
import { isIpv6 } from '../sim/net/addr6';
import { pathText, type Refusal } from './zodRefusal';

// a dotted quad, each part 0-255 without leading zeros (what the engine writes)
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);
const isIPv4 = (v: unknown) => typeof v === 'string' && IPV4.test(v);
// an IPv6 address as the engine writes it (RFC 5952, lower case), and an IPv6 prefix
const isIPv6 = (v: unknown) => typeof v === 'string' && /^[0-9a-f:]+$/.test(v) && v.includes(':') && isIpv6(v);
const isCidr6 = (v: unknown) => {
  if (typeof v !== 'string') return false;
  const [a, p, extra] = v.split('/');
  return extra === undefined && isIPv6(a) && /^\d{1,3}$/.test(p ?? '') && Number(p) <= 128;
};
const isCidr = (v: unknown) => {
  if (typeof v !== 'string') return false;
  const [a, p, extra] = v.split('/');
  return extra === undefined && isIPv4(a) && /^\d{1,2}$/.test(p ?? '') && Number(p) <= 32;
};
const isPort = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 65535;

// a custom check's message is the expectation's key (`import.expect.*`), never a sentence
const ip = z.custom<string>(isIPv4, 'ipv4');
const cidr = z.custom<string>(isCidr, 'cidr');
const ip6 = z.custom<string>(isIPv6, 'ipv6');
const cidr6 = z.custom<string>(isCidr6, 'cidr6');
const port = z.custom<number>(isPort, 'port');
const route = z.custom<string>((v) => v === 'default' || isIPv4(v) || isCidr(v), 'route');
const proto = z.enum(['tcp', 'udp']);
const obj = z.looseObject;

// neighbour entries and flows of either family (IPv6 ones come from neighbour discovery and ping -6)
const ipAny = z.union([ip, ip6]);
const tuple = obj({ src: ipAny, dst: ipAny, sport: port, dport: port });
const arp = obj({ ip: ipAny, mac: z.string(), dev: z.string(), state: z.string(), garp: z.literal(true).optional() });

export const machineSchema = obj({
  id: z.string(),
  hostname: z.string(),
  kind: z.enum(['docker-host', 'pc', 'router', 'server']),
  ifaces: z.array(
    obj({
      name: z.string(),
      mac: z.string(),
      addrs: z.array(obj({ ip, prefix: z.number() })),
      segment: z.string().nullable(),
      parent: z.string().optional(),
      down: z.boolean().optional(),
    }),
  ),
  // "default", a CIDR block, or a bare address (a host route)
  routes: z.array(
    obj({ dst: route, via: ip.optional(), dev: z.string(), src: ip.optional(), metric: z.number().optional() }),
  ),
  arp: z.array(arp),
  conntrack: z.array(
    obj({
      proto: z.enum(['tcp', 'udp', 'icmp']),
      orig: tuple,
      reply: tuple,
      state: z.string().optional(),
      timeout: z.number(),
    }),
  ),
  nameservers: z.array(ip),
  listeners: z.array(obj({ port, proto, app: z.string(), bindIp: z.string() })),
  tools: z.array(z.string()),
  forwards: z.array(obj({ proto, publicPort: port, toIp: ip, toPort: port })),
  zone: z.record(z.string(), ip).optional(),
  httpBody: z.string().optional(),
  desktopVm: z.string().optional(),
});

export const daemonSchema = obj({
  lastEphemeralPort: port,
  images: z.array(z.string()).optional(),
  imagePlatforms: z.record(z.string(), z.string()).optional(),
  down: z.literal(true).optional(),
});

/** An IPv4 IPAM config (Network.ipam, and one kept unallocated with IPv4 off). */
const ipam4Schema = obj({
  subnet: cidr,
  gateway: z.union([z.literal(''), ip]),
  ipRange: cidr.optional(),
  aux: z.record(z.string(), ip).optional(),
});

export const networkSchema = obj({
  id: z.string(),
  name: z.string(),
  driver: z.enum(['bridge', 'host', 'null', 'overlay', 'macvlan', 'ipvlan']),
  daemon: z.string().nullable(),
  created: z.string(),
  internal: z.boolean(),
  labels: z.record(z.string(), z.string()).optional(),
  options: z.record(z.string(), z.string()).optional(),
  ipam: ipam4Schema.nullable(),
  enableIPv4: z.literal(false).optional(),
  ipam4Kept: ipam4Schema.optional(),
  enableIPv6: z.boolean().optional(),
  ipam6: obj({
    subnet: cidr6,
    gateway: z.union([z.literal(''), ip6]),
    ipRange: cidr6.optional(),
    aux: z.record(z.string(), ip6).optional(),
    gatewayFromPool: z.literal(true).optional(),
  }).optional(),
  userSubnet6: z.boolean().optional(),
  segment: z.string().optional(),
  bridge: z.string().nullable(),
  bridgeMac: z.string().nullable().optional(),
  fdb: z.array(obj({ mac: z.string(), port: z.string(), at: z.number().optional() })),
});

export const containerSchema = obj({
  id: z.string(),
  name: z.string(),
  image: z.string(),
  daemon: z.string(),
  networkMode: z.string(),
  state: z.enum(['created', 'running', 'exited']),
  cmd: z.array(z.string()),
  env: z.array(z.string()),
  hostname: z.string(),
  endpoints: z.array(
    obj({
      networkId: z.string(),
      aliases: z.array(z.string()).optional(),
      ipamIp: ip.optional(),
      ip: ip.optional(),
      // --ip6 is kept as typed (the daemon checks it at start); the live address is canonical
      ipamIp6: z.string().optional(),
      ip6: ip6.optional(),
      mac: z.string().optional(),
      ifname: z.string().optional(),
      veth: z.string().optional(),
      vethMac: z.string().optional(),
    }),
  ),
  ports: z.array(
    obj({
      hostIp: z.string(),
      givenHostIp: z.string().optional(),
      hostPort: port.nullable(),
      containerPort: port,
      proto,
      boundPort: port.optional(),
    }),
  ),
  arp: z.array(arp),
  startedAt: z.number().optional(),
  joinedNetns: z.number().optional(),
  platform: z.string().optional(),
  netns: obj({
    links: z.record(
      z.string(),
      obj({ addrs: z.array(obj({ ip, prefix: z.number() })), down: z.literal(true).optional() }),
    ),
    routes: z.array(
      obj({ dst: route, via: ip.optional(), dev: z.string(), src: ip.optional(), metric: z.number().optional() }),
    ),
  }).optional(),
  linkHosts: z.record(z.string(), ip).optional(),
  dns: z.array(z.string()).optional(),
  dnsSearch: z.array(z.string()).optional(),
  dnsOptions: z.array(z.string()).optional(),
  extraHosts: z.array(z.string()).optional(),
  domainname: z.string().optional(),
  modeMacAddress: z.string().optional(),
  restartPolicy: obj({
    Name: z.enum(['always', 'on-failure', 'unless-stopped']),
    MaximumRetryCount: z.number(),
  }).optional(),
  manuallyStopped: z.boolean().optional(),
  restartCount: z.number().optional(),
  restartLoop: obj({ at: z.number(), delay: z.number() }).optional(),
  health: obj({
    status: z.enum(['starting', 'healthy', 'unhealthy']),
    failingStreak: z.number(),
    log: z.array(obj({ start: z.number(), end: z.number(), exitCode: z.number(), output: z.string() })),
    next: z.number().optional(),
    since: z.number(),
  }).optional(),
  entrypoint: z.array(z.string()).optional(),
  opts: z.record(z.string(), z.array(z.string())).optional(),
  readOnlyRootfs: z.literal(true).optional(),
  mounts: z.array(obj({ target: z.string(), rw: z.boolean() })).optional(),
});

const swarmSchema = obj({
  nodes: z.array(obj({ machine: z.string() })),
  services: z.record(z.string(), z.unknown()),
  tasks: z.record(z.string(), z.unknown()),
  ipamLast: z.record(z.string(), z.unknown()),
});

/** `world.files` (optional): owner -> absolute path -> text, or null for a directory. */
const filesSchema = z.record(z.string(), z.record(z.string().regex(/^\//, 'absPath'), z.string().nullable()));

/** The whole World. Cross-references (a container's network exists, and so on) are {@link worldRefusal}'s. */
export const worldSchema = obj({
  schema: z.literal(2),
  rng: z.number(),
  clock: z.number(),
  seq: z.number(),
  machines: z.record(z.string(), machineSchema),
  networks: z.record(z.string(), networkSchema),
  containers: z.record(z.string(), containerSchema),
  daemons: z.record(z.string(), daemonSchema),
  swarm: swarmSchema.optional(),
  files: filesSchema.optional(),
});

/** The English of each refusal code; ko.ts has the same under `world.why.*` (English pages show this text as it is). */
const EN: Record<string, string> = {
  notObject: 'world is not an object',
  schema: 'unknown world schema {{value}}',
  notNumber: '{{at}} is not a number',
  missing: '{{at}} is missing',
  noHostMachine: 'the docker-host machine is missing',
  noHostDaemon: 'the docker-host daemon is missing',
  notDockerHost: 'daemon {{name}} is not a Docker host of this world',
  malformed: '{{at}} is malformed',
  noDaemonNet: 'network {{name}} belongs to a daemon that does not exist',
  noDaemonCtr: 'container {{name}} runs on a daemon that does not exist',
  noNetwork: 'container {{name}} is attached to a network that does not exist',
  otherDaemon: 'container {{name}} is attached to a network of another daemon',
  swarm: 'the swarm is malformed',
  swarmNode: 'a swarm node is not a machine',
  fileEntry: '{{at}} has a malformed entry {{path}}',
  position: 'bad position for {{name}}',
  shouldBe: '{{at}} should be {{expected}}',
  oneOf: '{{at}} should be one of {{values}}',
};
const WANT_EN: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'a list',
  null: 'null',
  ipv4: 'an IPv4 address',
  cidr: 'a CIDR block',
  ipv6: 'an IPv6 address',
  cidr6: 'an IPv6 CIDR block',
  port: 'a port number',
  route: 'default, an address or a CIDR block',
  absPath: 'an absolute path',
};

/** A refusal in English: the page (in English), the runner, logs and tests. */
export function refusalEnglish(r: Refusal): string {
  const p: Record<string, string> = { ...r.params, at: r.at };
  if (p.expected) p.expected = WANT_EN[p.expected] ?? p.expected;
  return (EN[r.code] ?? r.code).replace(/\{\{(\w+)\}\}/g, (_, k: string) => p[k] ?? '');
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isHex64 = (s: string) => /^[0-9a-f]{64}$/.test(s);
const short = (s: string) => JSON.stringify(s.slice(0, 16));

/** The first field of `v` that `schema` refuses, named from `what` (`container c1`) and its path. */
function fieldRefusal(schema: z.ZodType, v: unknown, what: string): Refusal | null {
  const res = schema.safeParse(v);
  if (res.success) return null;
  const issue = res.error.issues[0];
  const at = `${what}${pathText(issue.path)}`;
  if (issue.code === 'invalid_value') return { at, code: 'oneOf', params: { values: issue.values.join(', ') } };
  const expected = issue.code === 'invalid_type' ? issue.expected : issue.message;
  return { at, code: 'shouldBe', params: { expected: expected in WANT_EN ? expected : 'string' } };
}

/**
 * The first problem of a World that came from outside (a save, a file, a link, an import), or null.
 * It does not prove Docker could reach this World; it proves the app can draw it and the engine can
 * read it without crashing. Whole-World and cross-reference checks come first, then each machine,
 * daemon, network and container against its schema.
 */
export function worldRefusal(w: unknown): Refusal | null {
  const r = (code: string, params: Record<string, string> = {}, at = ''): Refusal => ({ at, code, params });
  if (!isObj(w)) return r('notObject');
  if (w.schema !== 2) return r('schema', { value: String(JSON.stringify(w.schema)) });
  for (const k of ['rng', 'clock', 'seq'] as const)
    if (typeof w[k] !== 'number' || !Number.isFinite(w[k])) return r('notNumber', {}, `world.${k}`);
  for (const k of ['machines', 'networks', 'containers', 'daemons'] as const)
    if (!isObj(w[k])) return r('missing', {}, `world.${k}`);
  const machines = w.machines as Record<string, unknown>;
  const networks = w.networks as Record<string, unknown>;
  const containers = w.containers as Record<string, unknown>;
  const daemons = w.daemons as Record<string, unknown>;
  if (!machines['docker-host']) return r('noHostMachine');
  if (!daemons['docker-host']) return r('noHostDaemon');
  for (const [key, d] of Object.entries(daemons)) {
    const m = machines[key];
    if (!isObj(m) || m.kind !== 'docker-host') return r('notDockerHost', { name: key });
    const bad = fieldRefusal(daemonSchema, d, `daemon ${key}`);
    if (bad) return bad;
  }
  for (const [key, m] of Object.entries(machines)) {
    if (!isObj(m) || m.id !== key) return r('malformed', {}, `machine ${key}`);
    const bad = fieldRefusal(machineSchema, m, `machine ${key}`);
    if (bad) return bad;
  }
  for (const [key, n] of Object.entries(networks)) {
    // swarm-scoped networks carry swarmkit's 25-character base36 ids
    const swarmId = isObj(n) && n.scope === 'swarm' && /^[0-9a-z]{25}$/.test(key);
    if (!isObj(n) || n.id !== key || !(isHex64(key) || swarmId)) return r('malformed', {}, `network ${short(key)}`);
    const name = typeof n.name === 'string' ? n.name : short(key);
    if (typeof n.daemon === 'string' && !daemons[n.daemon]) return r('noDaemonNet', { name });
    const bad = fieldRefusal(networkSchema, n, `network ${name}`);
    if (bad) return bad;
  }
  const sw = w.swarm;
  if (sw !== undefined) {
    if (!swarmSchema.safeParse(sw).success) return r('swarm');
    for (const n of (sw as { nodes: { machine: string }[] }).nodes) if (!machines[n.machine]) return r('swarmNode');
  }
  for (const [key, c] of Object.entries(containers)) {
    if (!isObj(c) || c.id !== key || !isHex64(key)) return r('malformed', {}, `container ${short(key)}`);
    const name = typeof c.name === 'string' ? c.name : short(key);
    if (!daemons[c.daemon as string]) return r('noDaemonCtr', { name });
    for (const ep of Array.isArray(c.endpoints) ? c.endpoints : []) {
      const net = isObj(ep) && typeof ep.networkId === 'string' ? networks[ep.networkId] : undefined;
      if (!isObj(net)) return r('noNetwork', { name });
      if (net.daemon !== null && net.daemon !== c.daemon) return r('otherDaemon', { name });
    }
    const bad = fieldRefusal(containerSchema, c, `container ${name}`);
    if (bad) return bad;
  }
  if (w.files !== undefined) {
    const res = filesSchema.safeParse(w.files);
    if (!res.success) {
      const [owner, path] = res.error.issues[0].path;
      if (path === undefined) return fieldRefusal(filesSchema, w.files, 'world.files');
      return r('fileEntry', { path: JSON.stringify(path) }, `world.files.${String(owner)}`);
    }
  }
  return null;
}

/** {@link worldRefusal} in English, or null. */
export function worldProblem(w: unknown): string | null {
  const r = worldRefusal(w);
  return r ? refusalEnglish(r) : null;
}

/** True when `w` passes {@link worldRefusal}. */
export function isWorld(w: unknown): w is World {
  return worldRefusal(w) === null;
}
