import { DOCKER_HOST } from '../ids';
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

/** The socket on `node` accepting `proto` packets to `dst:port`, or null (tcp RST / icmp port unreachable). */
export function listenerFor(ctx: Ctx, node: NetNode, proto: Proto, dst: string, port: number): Bound | null {
  if (node.machine) {
    const own = node.machine.listeners.find((l) => l.proto === proto && l.port === port && binds(l, dst));
    if (own) return own;
    if (node.key !== DOCKER_HOST) return null;
    const idx = containerIndex(ctx.world);
    for (const c of idx.hostMode) {
      const info = imageInfo(c.image);
      const l = info.listeners.find((x) => x.proto === proto && x.port === port);
      if (l) return { ...l, app: info.app ?? 'app', bindIp: '0.0.0.0', containerId: c.id };
    }
    for (const c of idx.published.get(`${proto}/${port}`) ?? []) {
      for (const b of c.ports) {
        if (b.proto !== proto || b.boundPort !== port) continue;
        const bindIp = b.hostIp === '' || b.hostIp === '::' ? '0.0.0.0' : b.hostIp;
        if (binds({ bindIp }, dst)) return { port, proto, app: 'docker-proxy', bindIp, containerId: c.id };
      }
    }
    return null;
  }
  const c = node.container;
  if (c?.state !== 'running') return null;
  const info = imageInfo(c.image);
  const l = info.listeners.find((x) => x.proto === proto && x.port === port);
  return l ? { ...l, app: info.app ?? 'app', bindIp: '0.0.0.0', containerId: c.id } : null;
}
