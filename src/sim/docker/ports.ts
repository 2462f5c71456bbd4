import { DOCKER_HOST } from '../ids';
import { imageInfo } from '../images';
import { isIPv4, plainContainers } from '../ipam';
import type { Container, PortBinding, Proto, World } from '../model';

/** `-p/--publish` parsing, host-port binding (facts 9, 10, 38) and the PORTS column. */

/** Linux's default ip_local_port_range. */
export const EPHEMERAL_FIRST = 32768;
export const EPHEMERAL_LAST = 60999;

const portNum = (s: string) => (/^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= 65535 ? Number(s) : null);

/**
 * One `-p` value (`80`, `8080:80`, `127.0.0.1:8080:80`, `127.0.0.1::80`, `…/udp`), or the CLI's
 * error text (nat.ParsePortSpec).
 */
export function parsePublish(spec: string): { ok: true; value: PortBinding } | { ok: false; error: string } {
  let rest = spec;
  let proto: Proto = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    const p = rest.slice(slash + 1).toLowerCase();
    if (p !== 'tcp' && p !== 'udp') return { ok: false, error: `invalid proto: ${rest.slice(slash + 1)}` };
    proto = p;
    rest = rest.slice(0, slash);
  }
  const parts = rest.split(':');
  let hostIp = '';
  let host = '';
  let ctr: string;
  if (parts.length === 1) ctr = parts[0];
  else if (parts.length === 2) [host, ctr] = parts;
  else if (parts.length === 3) [hostIp, host, ctr] = parts;
  else return { ok: false, error: `invalid port format: ${spec}` };
  if (hostIp !== '' && !isIPv4(hostIp)) return { ok: false, error: `invalid IP address: ${hostIp}` };
  const containerPort = portNum(ctr);
  if (containerPort === null) return { ok: false, error: `invalid containerPort: ${ctr}` };
  let hostPort: number | null = null;
  if (host !== '') {
    hostPort = portNum(host);
    if (hostPort === null) return { ok: false, error: `invalid hostPort: ${host}` };
  }
  return { ok: true, value: { hostIp, hostPort, containerPort, proto } };
}

/** `-P`: every EXPOSEd port of the image on a random host port. */
export function publishAllBindings(image: string): PortBinding[] {
  return imageInfo(image).exposed.map((e) => {
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
  exceptContainer?: string,
): 'docker' | 'host' | null {
  for (const c of Object.values(plainContainers(world))) {
    if (c.state !== 'running' || c.id === exceptContainer) continue;
    for (const b of c.ports) {
      if (b.boundPort === port && b.proto === proto && sameAddr(b.hostIp, ip)) return 'docker';
    }
  }
  const host = world.machines[DOCKER_HOST];
  if (host?.listeners.some((l) => l.port === port && l.proto === proto && sameAddr(l.bindIp, ip))) return 'host';
  return null;
}

/**
 * Binds a container's published ports on an immer draft, in order. Returns the daemon's message
 * (without the "driver failed programming" wrapper) for the first port that cannot be bound;
 * on failure no port of the container stays bound.
 */
export function bindPorts(draft: World, c: Container, containerIp: string): string | null {
  const mine = c.ports;
  for (const b of mine) {
    const shownIp = b.hostIp === '' ? '0.0.0.0' : b.hostIp;
    if (b.hostPort !== null) {
      const taken = portTaken(draft, b.hostIp, b.hostPort, b.proto, c.id);
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
    let p = draft.lastEphemeralPort ? draft.lastEphemeralPort + 1 : EPHEMERAL_FIRST;
    let tries = 0;
    const busy = (port: number) =>
      portTaken(draft, b.hostIp, port, b.proto, c.id) !== null ||
      mine.some((o) => o !== b && o.boundPort === port && o.proto === b.proto);
    while (tries <= EPHEMERAL_LAST - EPHEMERAL_FIRST) {
      if (p > EPHEMERAL_LAST) p = EPHEMERAL_FIRST;
      if (!busy(p)) break;
      p++;
      tries++;
    }
    if (tries > EPHEMERAL_LAST - EPHEMERAL_FIRST) return unbind(mine, 'no available ports in the ephemeral range');
    b.boundPort = p;
    draft.lastEphemeralPort = p;
  }
  return null;
}

function unbind(ports: PortBinding[], msg: string): string {
  for (const b of ports) delete b.boundPort;
  return msg;
}

/** The PORTS cell of `docker ps`: bound ports v4 then v6 (fact 39), then exposed-only ports. */
export function portsColumn(c: Container): string {
  if (c.state !== 'running') return '';
  const out: string[] = [];
  const bound = c.ports
    .filter((b) => b.boundPort !== undefined)
    .sort((a, b) => a.containerPort - b.containerPort || a.boundPort! - b.boundPort! || a.proto.localeCompare(b.proto));
  for (const b of bound) {
    const spec = `${b.boundPort}->${b.containerPort}/${b.proto}`;
    if (b.hostIp === '') out.push(`0.0.0.0:${spec}`, `[::]:${spec}`);
    else out.push(`${b.hostIp}:${spec}`);
  }
  if (c.networkMode !== 'host' && c.networkMode !== 'none' && !c.networkMode.startsWith('container:')) {
    for (const e of imageInfo(c.image).exposed) {
      const [port, proto] = e.split('/');
      if (!bound.some((b) => b.containerPort === Number(port) && b.proto === proto)) out.push(e);
    }
  }
  return out.join(', ');
}

/** `docker port CONTAINER [PRIVATE_PORT[/PROTO]]` lines. */
export function portLines(c: Container, filter?: string): string[] {
  const lines: string[] = [];
  const bound = c.ports
    .filter((b) => b.boundPort !== undefined)
    .sort((a, b) => a.containerPort - b.containerPort || a.proto.localeCompare(b.proto));
  for (const b of bound) {
    const key = `${b.containerPort}/${b.proto}`;
    if (filter && filter !== key && filter !== String(b.containerPort)) continue;
    const prefix = filter ? '' : `${key} -> `;
    if (b.hostIp === '') lines.push(`${prefix}0.0.0.0:${b.boundPort}`, `${prefix}[::]:${b.boundPort}`);
    else lines.push(`${prefix}${b.hostIp}:${b.boundPort}`);
  }
  return lines;
}
