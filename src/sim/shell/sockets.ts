import { stableHex } from '../docker/imageStore';
import { imageInfo } from '../images';
import type { Container, Proto, World } from '../model';
import { EMBEDDED_DNS, resolverPorts } from '../net/resolvconf';
import { namespaceOwner } from '../stack';
import type { Where } from '../where';
import { hasEmbeddedResolver } from './files';

/**
 * The listening sockets of one network namespace, as `ss -l` and `netstat -l` list them (seed 000
 * asks which process listens where). A namespace holds the sockets of every process inside it:
 * a container's image apps (and those of `--network container:` sharers), Docker's embedded DNS
 * on 127.0.0.11 where a user-defined network gave the container one, and on a Docker host the
 * docker-proxy of each published port (one process per address family since Docker 28) and the
 * apps of `--network host` containers; on Docker Desktop's PC, com.docker.backend on each port the
 * VM publishes.
 */

export interface Socket {
  proto: Proto;
  /** 4: an IPv4 socket; 6: IPv6 only (IPV6_V6ONLY); 'dual': an IPv6 socket on :: that also takes IPv4 */
  family: 4 | 6 | 'dual';
  /** bound address: 0.0.0.0 / :: for all */
  ip: string;
  port: number;
  /** listen backlog (ss's Send-Q of a LISTEN socket), capped by net.core.somaxconn (4096) */
  backlog: number;
  /** the process holding it, when the viewer's PID namespace can see it */
  proc: { comm: string; cmdline: string; pid: number; fd: number } | null;
}

/**
 * How each catalogue app listens (its real default configuration): the kernel's comm (15 chars),
 * argv[0] as /proc/PID/cmdline shows it, the backlog, and whether it opens an IPv4 and an
 * IPv6-only socket (nginx's `listen 80; listen [::]:80;`, redis's `bind * -::*`, postgres
 * `listen_addresses='*'`) or one dual-stack socket on :: (httpd `Listen 80`, mysqld, node).
 */
const APPS: Record<string, { comm: string; cmdline: string; backlog: number; split: boolean }> = {
  nginx: { comm: 'nginx', cmdline: 'nginx: master process nginx -g daemon off;', backlog: 511, split: true },
  httpd: { comm: 'httpd', cmdline: 'httpd', backlog: 511, split: false },
  redis: { comm: 'redis-server', cmdline: 'redis-server *:6379', backlog: 511, split: true },
  postgres: { comm: 'postgres', cmdline: 'postgres', backlog: 200, split: true },
  mysql: { comm: 'mysqld', cmdline: 'mysqld', backlog: 151, split: false },
  colorapp: { comm: 'node', cmdline: 'node', backlog: 511, split: false },
};
const DEFAULT_APP = { comm: 'app', cmdline: 'app', backlog: 511, split: false };

/** Machine listeners' programs (world.ts: the router's DNS forwarder, the internet's servers). */
const MACHINE_APPS: Record<string, string> = { 'dns-forwarder': 'dnsmasq', dns: 'named', web: 'nginx' };

const hostPid = (seed: string) => 2000 + (Number.parseInt(stableHex(`pid:${seed}`, 6), 16) % 60000);

function appSockets(c: Container, proc: (comm: string, cmdline: string) => Socket['proc']): Socket[] {
  const info = imageInfo(c.image);
  const app = (info.app && APPS[info.app]) || DEFAULT_APP;
  const out: Socket[] = [];
  let fd = 6;
  for (const l of info.listeners) {
    const base = { proto: l.proto, port: l.port, backlog: app.backlog };
    if (app.split) {
      out.push({ ...base, family: 4, ip: '0.0.0.0', proc: withFd(proc(app.comm, app.cmdline), fd++) });
      out.push({ ...base, family: 6, ip: '::', proc: withFd(proc(app.comm, app.cmdline), fd++) });
    } else out.push({ ...base, family: 'dual', ip: '::', proc: withFd(proc(app.comm, app.cmdline), fd++) });
  }
  return out;
}

const withFd = (p: Socket['proc'], fd: number): Socket['proc'] => (p ? { ...p, fd } : null);

/**
 * The sockets in the namespace `where` runs in. `hostView`: the viewer sees the host's PIDs
 * (a shell on the machine, `nsenter` from it); otherwise only its own container's processes.
 */
export function namespaceSockets(world: World, where: Where, hostView = where.kind === 'machine'): Socket[] {
  const owner = where.kind === 'container' ? namespaceOwner(world, where.id) : where;
  const viewer = where.kind === 'container' ? where.id : null;
  const procOf = (c: Container) => (comm: string, cmdline: string) =>
    hostView ? { comm, cmdline, pid: hostPid(c.id), fd: 0 } : c.id === viewer ? { comm, cmdline, pid: 1, fd: 0 } : null;
  const running = Object.values(world.containers).filter((c) => c.state === 'running');

  if (owner.kind === 'machine') {
    const m = world.machines[owner.id];
    const out: Socket[] = [];
    for (const l of m?.listeners ?? []) {
      const comm = MACHINE_APPS[l.app] ?? l.app;
      out.push({
        proto: l.proto,
        family: 4,
        ip: l.bindIp,
        port: l.port,
        backlog: 4096,
        proc: hostView ? { comm, cmdline: comm, pid: hostPid(`${m!.id}:${l.app}`), fd: 5 } : null,
      });
    }
    // Docker Desktop's PC: one com.docker.backend process holds every port the VM publishes (the
    // packet engine's listener, net/apps.ts); its comm is cut to the kernel's 15 characters
    const vm = m?.desktopVm;
    const backendPid = hostPid(`${owner.id}:com.docker.backend`);
    let backendFd = 40;
    const daemon = vm ?? (world.daemons[owner.id] ? owner.id : null);
    if (!daemon) return out;
    for (const c of running) {
      if (c.daemon !== daemon) continue;
      if (!vm && c.networkMode === 'host') out.push(...appSockets(c, procOf(c)));
      for (const b of c.ports) {
        if (b.boundPort === undefined) continue;
        const ips = b.hostIp === '' ? ['0.0.0.0', '::'] : [b.hostIp];
        for (const ip of ips) {
          const proc = vm
            ? { comm: 'com.docker.back', cmdline: 'com.docker.backend', pid: backendPid, fd: backendFd++ }
            : {
                comm: 'docker-proxy',
                cmdline: '/usr/bin/docker-proxy',
                pid: hostPid(`docker-proxy:${c.id}:${ip}:${b.boundPort}/${b.proto}`),
                fd: 7,
              };
          out.push({
            proto: b.proto,
            family: ip.includes(':') ? 6 : 4,
            ip,
            port: b.boundPort,
            backlog: 4096,
            proc: hostView ? proc : null,
          });
        }
      }
    }
    return out;
  }

  const c0 = world.containers[owner.id];
  if (c0?.state !== 'running') return [];
  const members = [c0, ...running.filter((c) => c.id !== c0.id && namespaceOwner(world, c.id).id === c0.id)];
  const out = members.flatMap((c) => appSockets(c, procOf(c)));
  if (hasEmbeddedResolver(world, c0)) {
    // dockerd's resolver, listening inside the container's namespace (libnetwork resolver.go)
    const proc = hostView
      ? { comm: 'dockerd', cmdline: '/usr/bin/dockerd', pid: hostPid(`dockerd:${c0.daemon}`), fd: 0 }
      : null;
    out.push({
      proto: 'tcp',
      family: 4,
      ip: EMBEDDED_DNS,
      port: resolverPorts(c0.id).tcp,
      backlog: 4096,
      proc: proc && { ...proc, fd: 31 },
    });
    out.push({
      proto: 'udp',
      family: 4,
      ip: EMBEDDED_DNS,
      port: resolverPorts(c0.id).udp,
      backlog: 0,
      proc: proc && { ...proc, fd: 30 },
    });
  }
  return out;
}
