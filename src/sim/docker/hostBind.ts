import { readOnlyAt } from '../fs';
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

/** nginx's error-log time, "2026/01/01 00:00:01" (the container's UTC clock). */
function nginxStamp(epochMs: number, ms: number): string {
  const iso = new Date(epochMs + ms).toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '/')} ${iso.slice(11, 19)}`;
}

/**
 * nginx under `--read-only` (the official image): ngx_init_cycle creates its temp paths first
 * (`mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)`), then main()
 * writes the pid file (`pid /run/nginx.pid;`, /var/run being a link to /run), each failure
 * logged at emerg and, at startup, to stderr, and nginx exits 1. `--tmpfs /var/cache/nginx
 * --tmpfs /var/run` (docker-library/docs nginx "read-only") lets it start. Null: it starts.
 */
export function nginxReadOnlyFailure(c: Container, clockMs: number, epochMs: number): string[] | null {
  if (!c.readOnlyRootfs) return null;
  const fail = (what: string) => {
    const msg = `${what} failed (30: Read-only file system)`;
    return [`${nginxStamp(epochMs, clockMs)} [emerg] 1#1: ${msg}`, `nginx: [emerg] ${msg}`];
  };
  if (readOnlyAt(c, '/var/cache/nginx/client_temp')) return fail('mkdir() "/var/cache/nginx/client_temp"');
  if (readOnlyAt(c, '/run/nginx.pid') && readOnlyAt(c, '/var/run/nginx.pid')) return fail('open() "/run/nginx.pid"');
  return null;
}

/**
 * The entrypoint's 10-listen-on-ipv6-by-default.sh cannot `touch` default.conf on a read-only
 * filesystem: it says so in one line instead of its two, and nginx keeps its IPv4-only listen.
 */
export function nginxEntrypointLog(c: Container, log: string[]): string[] {
  if (!readOnlyAt(c, '/etc/nginx/conf.d/default.conf')) return log;
  const ipv6 = (l: string) => l.startsWith('10-listen-on-ipv6-by-default.sh: info:');
  const at = log.findIndex(ipv6);
  if (at < 0) return log;
  const line =
    '10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)';
  return [...log.slice(0, at), line, ...log.slice(at).filter((l) => !ipv6(l))];
}

/** nginx's log lines for a port it could not bind, from `clockMs` (the container's UTC clock). */
export function nginxBindFailure(port: number, clockMs: number, epochMs: number): string[] {
  const stamp = (ms: number) => nginxStamp(epochMs, ms);
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
