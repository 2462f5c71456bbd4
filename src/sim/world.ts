import { dockerTime } from './clock';
import { DOCKER_HOST } from './ids';
import type { Iface, Machine, Network, World } from './model';
import { randomId, randomMac } from './prng';

/** The seed used when none is given (`npm run sim` without --seed, a new page). */
export const DEFAULT_SEED = 28;

/** google.com's address in our World (one of Google's real front-end addresses). */
export const GOOGLE_IP = '142.250.196.142';
export const ROUTER_PUBLIC_IP = '124.111.46.91';
export const LAN_GATEWAY = '192.168.0.1';
export const DOCKER_HOST_IP = '192.168.0.10';

const GOOGLE_BODY =
  '<!doctype html><html itemscope="" itemtype="http://schema.org/WebPage" lang="en"><head><title>Google</title></head><body>Google Search</body></html>';

function machine(partial: Partial<Machine> & Pick<Machine, 'id' | 'kind'>): Machine {
  return {
    hostname: partial.id,
    ifaces: [],
    routes: [],
    arp: [],
    conntrack: [],
    nameservers: [],
    listeners: [],
    tools: ['ping', 'curl', 'nslookup', 'dig', 'getent', 'ip', 'hostname', 'cat'],
    forwards: [],
    zone: {},
    ...partial,
  };
}

function lo(): Iface {
  return { name: 'lo', mac: '00:00:00:00:00:00', addrs: [{ ip: '127.0.0.1', prefix: 8 }], segment: null };
}

/** An internet host on its own access segment behind the `internet` core router. */
function internetHost(w: World, id: string, ip: string, extra: Partial<Machine> = {}): Machine {
  const gw = ip.split('.').slice(0, 3).join('.') + '.1';
  return machine({
    id,
    kind: 'server',
    hostname: id,
    ifaces: [lo(), { name: 'eth0', mac: randomMac(w), addrs: [{ ip, prefix: 24 }], segment: `inet-${id}` }],
    routes: [
      { dst: 'default', via: gw, dev: 'eth0' },
      { dst: `${ip.split('.').slice(0, 3).join('.')}.0/24`, dev: 'eth0', proto: 'kernel', scope: 'link', src: ip },
    ],
    nameservers: ['8.8.8.8'],
    ...extra,
  });
}

function predefinedNetwork(w: World, daemon: string, name: string, driver: Network['driver']): Network {
  const id = randomId(w);
  const isBridge = driver === 'bridge';
  return {
    id,
    name,
    driver,
    daemon,
    scope: 'local',
    created: dockerTime(w.clock),
    internal: false,
    attachable: false,
    labels: {},
    options: isBridge
      ? {
          'com.docker.network.bridge.default_bridge': 'true',
          'com.docker.network.bridge.enable_icc': 'true',
          'com.docker.network.bridge.enable_ip_masquerade': 'true',
          'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
          'com.docker.network.bridge.name': 'docker0',
          'com.docker.network.driver.mtu': '1500',
        }
      : {},
    ipam: isBridge ? { subnet: '172.17.0.0/16', gateway: '172.17.0.1' } : null,
    userSubnet: false,
    predefined: true,
    bridge: isBridge ? 'docker0' : null,
    bridgeMac: isBridge ? randomMac(w) : null,
    fdb: [],
  };
}

/**
 * The default world of DESIGN.md §3 (contract): the Docker host on a home LAN with two PCs and a
 * router, the internet behind it with `remote`, `dns` (8.8.8.8) and `google.com`; Docker's
 * `bridge`, `host` and `none` networks; no containers.
 */
export function createDefaultWorld(seed: number = DEFAULT_SEED): World {
  const w: World = {
    schema: 2,
    rng: seed >>> 0,
    clock: 0,
    seq: 1,
    machines: {},
    networks: {},
    containers: {},
    daemons: { [DOCKER_HOST]: { lastEphemeralPort: 0 } },
  };
  const lan = (id: string, ip: string, kind: Machine['kind'], extra: Partial<Machine> = {}) =>
    lanMachine(w, id, ip, kind, extra);
  const host = lan(DOCKER_HOST, DOCKER_HOST_IP, 'docker-host', { tools: DOCKER_HOST_TOOLS });
  const pc1 = lan('pc1', '192.168.0.20', 'pc');
  const pc2 = lan('pc2', '192.168.0.30', 'pc');
  const router = machine({
    id: 'router',
    kind: 'router',
    hostname: 'router',
    ifaces: [
      lo(),
      { name: 'eth0', mac: randomMac(w), addrs: [{ ip: LAN_GATEWAY, prefix: 24 }], segment: 'lan' },
      { name: 'wan0', mac: randomMac(w), addrs: [{ ip: ROUTER_PUBLIC_IP, prefix: 24 }], segment: 'inet-router' },
    ],
    routes: [
      { dst: 'default', via: '124.111.46.1', dev: 'wan0', proto: 'dhcp', src: ROUTER_PUBLIC_IP },
      { dst: '124.111.46.0/24', dev: 'wan0', proto: 'kernel', scope: 'link', src: ROUTER_PUBLIC_IP },
      { dst: '192.168.0.0/24', dev: 'eth0', proto: 'kernel', scope: 'link', src: LAN_GATEWAY },
    ],
    nameservers: ['8.8.8.8'],
    // dnsmasq answers the LAN and forwards upstream to 8.8.8.8
    listeners: [{ port: 53, proto: 'udp', app: 'dns-forwarder', bindIp: LAN_GATEWAY }],
    tools: ['ping', 'nslookup', 'ip', 'hostname', 'cat', 'iptables', 'conntrack', 'portfwd'],
  });
  const core = machine({
    id: 'internet',
    kind: 'router',
    hostname: 'internet',
    ifaces: [
      lo(),
      { name: 'eth0', mac: randomMac(w), addrs: [{ ip: '124.111.46.1', prefix: 24 }], segment: 'inet-router' },
      { name: 'eth1', mac: randomMac(w), addrs: [{ ip: '203.0.113.1', prefix: 24 }], segment: 'inet-remote' },
      { name: 'eth2', mac: randomMac(w), addrs: [{ ip: '8.8.8.1', prefix: 24 }], segment: 'inet-dns' },
      { name: 'eth3', mac: randomMac(w), addrs: [{ ip: '142.250.196.1', prefix: 24 }], segment: 'inet-google.com' },
    ],
    routes: [
      { dst: '124.111.46.0/24', dev: 'eth0', proto: 'kernel', scope: 'link', src: '124.111.46.1' },
      { dst: '203.0.113.0/24', dev: 'eth1', proto: 'kernel', scope: 'link', src: '203.0.113.1' },
      { dst: '8.8.8.0/24', dev: 'eth2', proto: 'kernel', scope: 'link', src: '8.8.8.1' },
      { dst: '142.250.196.0/24', dev: 'eth3', proto: 'kernel', scope: 'link', src: '142.250.196.1' },
    ],
    tools: ['ping', 'ip', 'hostname'],
  });
  const remote = internetHost(w, 'remote', '203.0.113.50');
  const dns = internetHost(w, 'dns', '8.8.8.8', {
    hostname: 'dns.google',
    listeners: [{ port: 53, proto: 'udp', app: 'dns', bindIp: '0.0.0.0' }],
    zone: { 'google.com': GOOGLE_IP, 'www.google.com': GOOGLE_IP, 'dns.google': '8.8.8.8' },
  });
  const google = internetHost(w, 'google.com', GOOGLE_IP, {
    hostname: 'google.com',
    listeners: [
      { port: 80, proto: 'tcp', app: 'web', bindIp: '0.0.0.0' },
      { port: 443, proto: 'tcp', app: 'web', bindIp: '0.0.0.0' },
    ],
    httpBody: GOOGLE_BODY,
  });
  for (const m of [host, pc1, pc2, router, core, remote, dns, google]) w.machines[m.id] = m;

  predefinedNetworks(w, DOCKER_HOST);
  return w;
}

/** Docker's networks at daemon start: bridge (docker0 172.17.0.0/16), host, none. */
function predefinedNetworks(w: World, daemon: string): void {
  for (const [name, driver] of [
    ['bridge', 'bridge'],
    ['host', 'host'],
    ['none', 'null'],
  ] as const) {
    const n = predefinedNetwork(w, daemon, name, driver);
    w.networks[n.id] = n;
  }
}

/** A machine on the home LAN (192.168.0.0/24, DHCP from the router). Draws its eth0 MAC. */
function lanMachine(w: World, id: string, ip: string, kind: Machine['kind'], extra: Partial<Machine> = {}): Machine {
  return machine({
    id,
    kind,
    hostname: id,
    ifaces: [lo(), { name: 'eth0', mac: randomMac(w), addrs: [{ ip, prefix: 24 }], segment: 'lan' }],
    routes: [
      { dst: 'default', via: LAN_GATEWAY, dev: 'eth0', proto: 'dhcp', src: ip, metric: 100 },
      { dst: '192.168.0.0/24', dev: 'eth0', proto: 'kernel', scope: 'link', src: ip },
    ],
    nameservers: [LAN_GATEWAY],
    ...extra,
  });
}

const DOCKER_HOST_TOOLS = [
  'ping',
  'curl',
  'nslookup',
  'dig',
  'getent',
  'ip',
  'hostname',
  'cat',
  'iptables',
  'conntrack',
  'brctl',
  'bridge',
  'docker',
];

/** The Docker hosts of a World (machines that run a daemon), in display order. */
export function dockerHosts(world: World): string[] {
  return Object.keys(world.daemons);
}

/**
 * The id and LAN address the next Docker host gets: docker-host-2 at 192.168.0.11, docker-host-3
 * at .12 … (DESIGN.md §3), skipping ids and addresses already taken; null when the LAN is full.
 */
export function nextDockerHost(world: World): { id: string; ip: string } | null {
  const used = new Set(Object.values(world.machines).flatMap((m) => m.ifaces.flatMap((f) => f.addrs.map((a) => a.ip))));
  for (let n = 2; n <= 10; n++) {
    const id = `${DOCKER_HOST}-${n}`;
    const ip = `192.168.0.${9 + n}`;
    if (!world.machines[id] && !used.has(ip)) return { id, ip };
  }
  return null;
}

/**
 * A World with one more Docker host on the LAN: its own daemon with docker0 172.17.0.1/16 and the
 * bridge, host and none networks, as a fresh `dockerd` makes them. Never part of
 * createDefaultWorld (its random draws would shift every id and MAC of one-host scripts): the
 * runner's `--hosts N`, the canvas gesture and lessons call it. The World is not changed when
 * the id or address is taken, or the id is not a host name; the error says why.
 */
export function addDockerHost(
  world: World,
  id?: string,
  ip?: string,
): { ok: true; world: World; id: string } | { ok: false; error: string } {
  const next = nextDockerHost(world);
  const hostId = id ?? next?.id;
  const addr = ip ?? next?.ip;
  if (!hostId || !addr) return { ok: false, error: 'the LAN has no free address for another Docker host' };
  if (!/^[a-z][a-z0-9-]{0,62}$/.test(hostId)) return { ok: false, error: `"${hostId}" is not a valid host name` };
  if (world.machines[hostId]) return { ok: false, error: `a machine named ${hostId} already exists` };
  const taken = Object.values(world.machines).some((m) => m.ifaces.some((f) => f.addrs.some((a) => a.ip === addr)));
  if (
    taken ||
    !/^192\.168\.0\.(\d{1,3})$/.test(addr) ||
    Number(addr.split('.')[3]) < 2 ||
    Number(addr.split('.')[3]) > 254
  )
    return { ok: false, error: `${addr} is not a free address on the LAN (192.168.0.0/24)` };
  const w: World = {
    ...world,
    machines: { ...world.machines },
    networks: { ...world.networks },
    daemons: { ...world.daemons },
  };
  const host = lanMachine(w, hostId, addr, 'docker-host', { tools: DOCKER_HOST_TOOLS });
  // machines keep display order: the new host right after the other Docker hosts
  const machines: World['machines'] = {};
  const lastHost = Object.keys(world.daemons).at(-1);
  for (const [k, m] of Object.entries(world.machines)) {
    machines[k] = m;
    if (k === lastHost) machines[hostId] = host;
  }
  if (!machines[hostId]) machines[hostId] = host;
  w.machines = machines;
  w.daemons[hostId] = { lastEphemeralPort: 0 };
  predefinedNetworks(w, hostId);
  return { ok: true, world: w, id: hostId };
}
