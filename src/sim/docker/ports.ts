import { bridgeConfig } from '../drivers/bridgeOptions';
import { imageInfo } from '../images';
import { isIPv4, plainContainers } from '../ipam';
import { gatewayEndpoint } from '../lookup';
import type { Container, PortBinding, Proto, World } from '../model';
import { naturalCompare } from './output';

/** `-p/--publish` parsing, host-port binding (facts 9, 10, 38) and the PORTS column. */

/** Linux's default ip_local_port_range. */
export const EPHEMERAL_FIRST = 32768;
export const EPHEMERAL_LAST = 60999;

/** go-connections nat.ParsePortRange: "80" or "8000-8010", or null. */
function portRange(s: string): [number, number] | null {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  return a <= 65535 && b <= 65535 && a <= b ? [a, b] : null;
}

/**
 * One `-p` value (`80`, `8080:80`, `127.0.0.1:8080:80`, `127.0.0.1::80`, `8000-8001:80-81`,
 * `…/udp`) as bindings, or the CLI's error text, checked in nat.ParsePortSpec's order.
 */
export function parsePublish(spec: string): { ok: true; value: PortBinding[] } | { ok: false; error: string } {
  const parts = spec.split(':');
  const last = parts[parts.length - 1];
  const host = parts.length >= 2 ? parts[parts.length - 2] : '';
  const hostIp = parts.length >= 3 ? parts.slice(0, -2).join(':') : '';
  const slash = last.lastIndexOf('/');
  const ctr = slash >= 0 ? last.slice(0, slash) : last;
  const protoText = slash >= 0 ? last.slice(slash + 1) : 'tcp';
  if (hostIp !== '' && !isIPv4(hostIp)) return { ok: false, error: `invalid IP address: ${hostIp}` };
  if (ctr === '') return { ok: false, error: `no port specified: ${spec}<empty>` };
  const c = portRange(ctr);
  if (!c || c[0] === 0) return { ok: false, error: `invalid containerPort: ${ctr}` };
  const h = host === '' ? null : portRange(host);
  if (host !== '' && !h) return { ok: false, error: `invalid hostPort: ${host}` };
  if (h && h[1] - h[0] !== c[1] - c[0] && c[0] !== c[1]) {
    return { ok: false, error: `invalid ranges specified for container and host Ports: ${ctr} and ${host}` };
  }
  const proto = protoText.toLowerCase();
  if (proto !== 'tcp' && proto !== 'udp') return { ok: false, error: `invalid proto: ${protoText}` };
  if (h && h[0] !== h[1] && c[0] === c[1]) {
    // nat.ParsePortSpec keeps "8000-8010" as the HostPort of one binding; the daemon binds the
    // first free port of the range when the container starts.
    return { ok: true, value: [{ hostIp, hostPort: h[0], hostPortEnd: h[1], containerPort: c[0], proto }] };
  }
  const value: PortBinding[] = [];
  for (let i = 0; i <= c[1] - c[0]; i++) {
    // Host port 0 asks for a free one, as when it is left out.
    value.push({ hostIp, hostPort: h && h[0] + i !== 0 ? h[0] + i : null, containerPort: c[0] + i, proto });
  }
  return { ok: true, value };
}

/** The container's exposed ports: the image's EXPOSE, then `--expose` ("8080/tcp"). */
export function exposedPorts(c: Pick<Container, 'image' | 'expose'>): string[] {
  return [...new Set([...imageInfo(c.image).exposed, ...(c.expose ?? [])])];
}

/** `--expose 8080`, `--expose 7000-7002/udp` as "8080/tcp" keys, or the CLI's error (opts.parse). */
export function parseExpose(v: string): { ok: true; value: string[] } | { ok: false; error: string } {
  if (v.includes(':')) return { ok: false, error: `invalid port format for --expose: ${v}` };
  const slash = v.lastIndexOf('/');
  const port = slash >= 0 ? v.slice(0, slash) : v;
  const proto = slash >= 0 ? v.slice(slash + 1) : 'tcp';
  const r = portRange(port);
  if (!r) {
    const first = port.split('-')[0];
    const why = /^\d+$/.test(first) ? 'value out of range' : 'invalid syntax';
    return {
      ok: false,
      error: `invalid range format for --expose: ${v}, error: strconv.ParseUint: parsing "${first}": ${why}`,
    };
  }
  const value: string[] = [];
  for (let p = r[0]; p <= r[1]; p++) value.push(`${p}/${proto}`);
  return { ok: true, value };
}

/** `-P`: every exposed port (image EXPOSE and --expose) on a random host port. */
export function publishAllBindings(c: Pick<Container, 'image' | 'expose'>): PortBinding[] {
  return exposedPorts(c).map((e) => {
    const [port, proto] = e.split('/');
    return { hostIp: '', hostPort: null, containerPort: Number(port), proto: proto as Proto };
  });
}

const sameAddr = (a: string, b: string) => a === '' || b === '' || a === '0.0.0.0' || b === '0.0.0.0' || a === b;

/** Whether host port `port`/`proto` on `ip` is bound by a running container (or the host's own process). */
function portTaken(
  world: World,
  ip: string,
  port: number,
  proto: Proto,
  daemon: string,
  exceptContainer?: string,
): 'docker' | 'host' | null {
  for (const c of Object.values(plainContainers(world))) {
    if (c.state !== 'running' || c.id === exceptContainer) continue;
    for (const b of c.ports) {
      if (b.boundPort === port && b.proto === proto && sameAddr(b.hostIp, ip)) return 'docker';
    }
  }
  const host = world.machines[daemon];
  if (host?.listeners.some((l) => l.port === port && l.proto === proto && sameAddr(l.bindIp, ip))) return 'host';
  // a --network host server listens on the host's own sockets: to the daemon it is any other process
  if (hostModeListeners(world, daemon, exceptContainer).some((l) => l.port === port && l.proto === proto))
    return 'host';
  return null;
}

/** The ports the servers of running `--network host` containers of a daemon hold on the host (all addresses). */
export function hostModeListeners(
  world: World,
  daemonId: string,
  exceptContainer?: string,
): { port: number; proto: Proto }[] {
  return Object.values(world.containers)
    .filter(
      (c) => c.daemon === daemonId && c.networkMode === 'host' && c.state === 'running' && c.id !== exceptContainer,
    )
    .filter((c) => c.cmd.length === 0 || c.cmd.join(' ') === imageInfo(c.image).defaultCmd.join(' '))
    .flatMap((c) => imageInfo(c.image).listeners);
}

/** Whether the host holds `ip` (an interface address, loopback, or a bridge's gateway): else bind() fails. */
function hostHasAddress(world: World, daemonId: string, ip: string): boolean {
  if (ip === '' || ip === '0.0.0.0' || ip.includes(':') || ip.startsWith('127.')) return true;
  const m = world.machines[daemonId];
  if (m?.ifaces.some((i) => i.addrs.some((a) => a.ip === ip))) return true;
  return Object.values(world.networks).some(
    (n) => n.daemon === daemonId && n.driver === 'bridge' && n.ipam?.gateway === ip,
  );
}

/**
 * Binds a container's published ports on an immer draft, in order. Returns the daemon's message
 * (without the "driver failed programming" wrapper) for the first port that cannot be bound;
 * on failure no port of the container stays bound.
 */
export function bindPorts(draft: World, c: Container, containerIp: string): string | null {
  const mine = c.ports;
  const gw = gatewayEndpoint(draft, c);
  const net = gw ? draft.networks[gw.networkId] : undefined;
  const cfg = net ? bridgeConfig(net) : null;
  // gateway_mode_ipv4=routed: NAT is off, the host port is ignored and no host port is taken
  // (port_mapping_linux.go attemptBindHostPorts "Host port ignored, because NAT is disabled")
  if (cfg?.gwMode === 'routed') return null;
  for (const b of mine) {
    // configurePortBindingIPv4: no host address given, the network's host_binding_ipv4 is used; the
    // container's HostConfig keeps what was given, so each start decides again from it
    if (b.givenHostIp !== undefined) {
      b.hostIp = b.givenHostIp;
      delete b.givenHostIp;
    }
    if (b.hostIp === '' && cfg && cfg.defaultBindingIp !== '0.0.0.0' && isIPv4(cfg.defaultBindingIp)) {
      b.givenHostIp = '';
      b.hostIp = cfg.defaultBindingIp;
    }
    const shownIp = b.hostIp === '' ? '0.0.0.0' : b.hostIp;
    // port_mapping_linux.go bindTCPOrUDP: bind() to an address the host does not have (EADDRNOTAVAIL)
    if (b.hostPort !== null && !hostHasAddress(draft, c.daemon, b.hostIp)) {
      const range = b.hostPortEnd !== undefined ? `${b.hostPort}-${b.hostPortEnd}` : `${b.hostPort}`;
      const cfg = `${shownIp}:${range}:${containerIp}:${b.containerPort}/${b.proto}`;
      const which = b.hostPortEnd !== undefined ? ` ${b.hostPort}` : '';
      return unbind(mine, `failed to bind host port${which} for ${cfg}: cannot assign requested address`);
    }
    if (b.hostPort !== null && b.hostPortEnd !== undefined) {
      const free = (port: number) =>
        portTaken(draft, b.hostIp, port, b.proto, c.daemon, c.id) === null &&
        !mine.some((o) => o !== b && o.boundPort === port && o.proto === b.proto && sameAddr(o.hostIp, b.hostIp));
      let port = b.hostPort;
      while (port <= b.hostPortEnd && !free(port)) port++;
      // portallocator.ErrAllPortsAllocated when the whole range is in use.
      if (port > b.hostPortEnd) return unbind(mine, 'all ports are allocated');
      b.boundPort = port;
      continue;
    }
    if (b.hostPort !== null) {
      const taken = portTaken(draft, b.hostIp, b.hostPort, b.proto, c.daemon, c.id);
      const clash =
        taken ??
        (mine.some((o) => o !== b && o.boundPort === b.hostPort && o.proto === b.proto && sameAddr(o.hostIp, b.hostIp))
          ? 'docker'
          : null);
      if (clash === 'docker')
        return unbind(mine, `Bind for ${shownIp}:${b.hostPort} failed: port is already allocated`);
      if (clash === 'host') {
        return unbind(
          mine,
          `failed to bind host port for ${shownIp}:${b.hostPort}:${containerIp}:${b.containerPort}/${b.proto}: address already in use`,
        );
      }
      b.boundPort = b.hostPort;
      continue;
    }
    // Fact 38: round-robin from the last port handed out, skipping ports in use.
    const state = draft.daemons[c.daemon];
    let p = state.lastEphemeralPort ? state.lastEphemeralPort + 1 : EPHEMERAL_FIRST;
    let tries = 0;
    const busy = (port: number) =>
      portTaken(draft, b.hostIp, port, b.proto, c.daemon, c.id) !== null ||
      mine.some((o) => o !== b && o.boundPort === port && o.proto === b.proto);
    while (tries <= EPHEMERAL_LAST - EPHEMERAL_FIRST) {
      if (p > EPHEMERAL_LAST) p = EPHEMERAL_FIRST;
      if (!busy(p)) break;
      p++;
      tries++;
    }
    if (tries > EPHEMERAL_LAST - EPHEMERAL_FIRST) return unbind(mine, 'no available ports in the ephemeral range');
    b.boundPort = p;
    state.lastEphemeralPort = p;
  }
  return null;
}

function unbind(ports: PortBinding[], msg: string): string {
  for (const b of ports) delete b.boundPort;
  return msg;
}

/** One entry of the API's container list `Ports`: a binding, or an exposed port (no IP). */
interface PortSummary {
  ip: string;
  privatePort: number;
  publicPort: number;
  type: Proto;
}

const joinHostPort = (ip: string, port: string) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

/**
 * docker/cli formatter.DisplayablePorts: sorted by private port, IP, public port, type; ports
 * published on the same number are grouped into ranges per IP/proto (`0.0.0.0:80-81->80-81/tcp`)
 * and listed first, other mappings after them.
 */
export function displayablePorts(ports: PortSummary[]): string {
  const sorted = [...ports].sort(
    (a, b) =>
      a.privatePort - b.privatePort ||
      (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0) ||
      a.publicPort - b.publicPort ||
      (a.type < b.type ? -1 : a.type > b.type ? 1 : 0),
  );
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const hostMappings: string[] = [];
  const formGroup = (key: string, first: number, last: number) => {
    const [ip, type] = key.includes('/')
      ? [key.slice(0, key.lastIndexOf('/')), key.slice(key.lastIndexOf('/') + 1)]
      : ['', key];
    let group = first === last ? String(first) : `${first}-${last}`;
    if (ip !== '') group = `${joinHostPort(ip, group)}->${group}`;
    return `${group}/${type}`;
  };
  for (const port of sorted) {
    const current = port.privatePort;
    let key: string = port.type;
    if (port.ip !== '') {
      if (port.publicPort !== current) {
        hostMappings.push(`${joinHostPort(port.ip, String(port.publicPort))}->${current}/${port.type}`);
        continue;
      }
      key = `${port.ip}/${port.type}`;
    }
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { first: current, last: current });
      continue;
    }
    if (current === g.last + 1) {
      g.last = current;
      continue;
    }
    result.push(formGroup(key, g.first, g.last));
    groups.set(key, { first: current, last: current });
  }
  for (const [key, g] of groups) result.push(formGroup(key, g.first, g.last));
  return [...result, ...hostMappings].join(', ');
}

/** One frontend of a published port, as NetworkSettings.Ports lists it: HostPort "" when none was taken. */
export interface Frontend {
  b: PortBinding;
  hostIp: string;
  hostPort: string;
}

/**
 * A running container's published ports as the daemon reports them (daemon/network.go
 * getEndpointPortMapInfo): each bound port on its address, or on 0.0.0.0 and :: when none was given
 * (docker-proxy's two listeners, fact 39). Behind a gateway_mode_ipv4=routed network NAT is off: no
 * host port is taken, each binding only opens the container's port on 0.0.0.0 with HostPort ""
 * (port_mapping_linux.go configurePortBindingIPv4 "Using address 0.0.0.0 because NAT is disabled",
 * "Host port ignored"), and no :: binding on an IPv4-only network.
 */
export function portFrontends(world: World, c: Container): Frontend[] {
  if (c.state !== 'running' || c.networkMode === 'host') return [];
  const gw = gatewayEndpoint(world, c);
  const net = gw ? world.networks[gw.networkId] : undefined;
  if (gw?.ip && net && bridgeConfig(net).gwMode === 'routed')
    return c.ports.map((b) => ({ b, hostIp: '0.0.0.0', hostPort: '' }));
  return c.ports
    .filter((b) => b.boundPort !== undefined)
    .flatMap((b) =>
      (b.hostIp === '' ? ['0.0.0.0', '::'] : [b.hostIp]).map((hostIp) => ({
        b,
        hostIp,
        hostPort: String(b.boundPort),
      })),
    );
}

/**
 * The PORTS cell of `docker ps`: published ports (container/view.go: a HostPort "" is public port
 * 0, so a routed one reads 0.0.0.0:0->80/tcp) and exposed-only ports.
 */
export function portsColumn(world: World, c: Container): string {
  if (c.state !== 'running') return '';
  const list: PortSummary[] = [];
  const bound = portFrontends(world, c);
  for (const { b, hostIp, hostPort } of bound) {
    list.push({ ip: hostIp, privatePort: b.containerPort, publicPort: Number(hostPort), type: b.proto });
  }
  if (c.networkMode !== 'host' && c.networkMode !== 'none' && !c.networkMode.startsWith('container:')) {
    for (const e of exposedPorts(c)) {
      const [port, proto] = e.split('/');
      if (!bound.some(({ b }) => b.containerPort === Number(port) && b.proto === proto)) {
        list.push({ ip: '', privatePort: Number(port), publicPort: 0, type: proto as Proto });
      }
    }
  }
  return displayablePorts(list);
}

/** `docker port CONTAINER [PRIVATE_PORT[/PROTO]]` lines, naturally sorted as cli/command/container/port.go does. */
export function portLines(world: World, c: Container, filter?: string): string[] {
  const lines: string[] = [];
  for (const { b, hostIp, hostPort } of portFrontends(world, c)) {
    const key = `${b.containerPort}/${b.proto}`;
    if (filter && filter !== key) continue;
    lines.push(`${filter ? '' : `${key} -> `}${joinHostPort(hostIp, hostPort)}`);
  }
  return lines.sort(naturalCompare);
}
