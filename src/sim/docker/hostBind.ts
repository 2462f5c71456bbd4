import { imageInfo } from '../images';
import type { Container, World } from '../model';
import { hostModeListeners } from './ports';

/**
 * A `--network host` server shares the host's sockets: when another process (a host-mode server,
 * a docker-proxy of a published port, a host daemon) holds its port, its bind() fails and it
 * exits. nginx 1.27 (src/core/ngx_connection.c ngx_open_listening_sockets) tries 5 times, 500 ms
 * apart, logging each failed address at emerg (to the error log and, at startup, to stderr as
 * "nginx: [emerg] …"), a notice before each wait, then "still could not bind()", and exits 1.
 */

/** The first port of a host-mode server that is already held on the host, else null. */
export function heldHostPort(world: World, c: Container): number | null {
  if (c.networkMode !== 'host' || c.cmd.length > 0) return null;
  const host = world.machines[c.daemon];
  for (const l of imageInfo(c.image).listeners) {
    const proxy = Object.values(world.containers).some(
      (o) =>
        o.id !== c.id &&
        o.daemon === c.daemon &&
        o.state === 'running' &&
        o.ports.some((b) => b.boundPort === l.port && b.proto === l.proto),
    );
    const daemonHeld = host?.listeners.some((h) => h.port === l.port && h.proto === l.proto) ?? false;
    const hostMode = hostModeListeners(world, c.daemon, c.id).some((h) => h.port === l.port && h.proto === l.proto);
    if (proxy || daemonHeld || hostMode) return l.port;
  }
  return null;
}

/** nginx's log lines for a port it could not bind, from `clockMs` (the container's UTC clock). */
export function nginxBindFailure(port: number, clockMs: number, epochMs: number): string[] {
  const stamp = (ms: number) => {
    const iso = new Date(epochMs + ms).toISOString();
    return `${iso.slice(0, 10).replaceAll('-', '/')} ${iso.slice(11, 19)}`;
  };
  const lines: string[] = [];
  for (let i = 0; i < 5; i++) {
    const t = stamp(clockMs + i * 500);
    for (const addr of [`0.0.0.0:${port}`, `[::]:${port}`]) {
      lines.push(`${t} [emerg] 1#1: bind() to ${addr} failed (98: Address already in use)`);
      lines.push(`nginx: [emerg] bind() to ${addr} failed (98: Address already in use)`);
    }
    lines.push(`${t} [notice] 1#1: try again to bind() after 500ms`);
  }
  lines.push(`${stamp(clockMs + 2500)} [emerg] 1#1: still could not bind()`, 'nginx: [emerg] still could not bind()');
  return lines;
}
