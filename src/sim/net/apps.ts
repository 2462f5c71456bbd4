import { imageInfo } from '../images';
import type { Listener, Proto } from '../model';
import { isLoopback } from './addr';
import type { Ctx } from './ctx';
import { containerIndex } from './index';
import type { NetNode } from './topo';

/**
 * Who answers on a socket: a machine's own listeners, the Docker host's docker-proxy for every
 * published port (userland proxy, fact 34) plus `--network host` containers' apps, and a
 * container's image listeners (images.ts).
 */

/** A listener with, for apps inside containers, the container that runs it. */
export interface Bound extends Listener {
  containerId?: string;
}

const binds = (l: { bindIp: string }, dst: string) =>
  l.bindIp === '0.0.0.0' || l.bindIp === '::' || l.bindIp === dst || (isLoopback(dst) && l.bindIp === '127.0.0.1');

/**
 * The published port of `daemon`'s containers bound at `dst:port`, as the process that holds it:
 * docker-proxy on the Docker host, or on Docker Desktop com.docker.backend on the PC, which "listens
 * on the specified host port" (0.0.0.0 by default) and forwards into the VM (docker/docs
 * desktop/features/networking, "How exposed ports work"; src/sim/desktop.ts).
 */
function publishedBound(ctx: Ctx, daemon: string, proto: Proto, dst: string, port: number, app: string): Bound | null {
  for (const c of containerIndex(ctx.world).published.get(`${proto}/${port}`) ?? []) {
    if (c.daemon !== daemon) continue;
    for (const b of c.ports) {
      if (b.proto !== proto || b.boundPort !== port) continue;
      const bindIp = b.hostIp === '' || b.hostIp === '::' ? '0.0.0.0' : b.hostIp;
      if (binds({ bindIp }, dst)) return { port, proto, app, bindIp, containerId: c.id };
    }
  }
  return null;
}

/** The socket on `node` accepting `proto` packets to `dst:port`, or null (tcp RST / icmp port unreachable). */
export function listenerFor(ctx: Ctx, node: NetNode, proto: Proto, dst: string, port: number): Bound | null {
  if (node.machine) {
    const own = node.machine.listeners.find((l) => l.proto === proto && l.port === port && binds(l, dst));
    if (own) return own;
    const vm = node.machine.desktopVm;
    if (vm) return publishedBound(ctx, vm, proto, dst, port, 'com.docker.backend');
    if (!node.daemon) return null;
    const idx = containerIndex(ctx.world);
    for (const c of idx.hostMode) {
      if (c.daemon !== node.daemon) continue;
      const info = imageInfo(c.image);
      const l = info.listeners.find((x) => x.proto === proto && x.port === port);
      if (l) return { ...l, app: info.app ?? 'app', bindIp: '0.0.0.0', containerId: c.id };
    }
    return publishedBound(ctx, node.daemon, proto, dst, port, 'docker-proxy');
  }
  const c = node.container;
  if (c?.state !== 'running') return null;
  const info = imageInfo(c.image);
  const l = info.listeners.find((x) => x.proto === proto && x.port === port);
  return l ? { ...l, app: info.app ?? 'app', bindIp: '0.0.0.0', containerId: c.id } : null;
}
