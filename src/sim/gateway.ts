import { driverOf } from './drivers';
import { defaultRoute6Of, defaultRouteOf } from './drivers/lowerLink';
import { hasIPv6 } from './ipam6';
import { endpointsByPriority } from './lookup';
import type { Container, Endpoint, Route, World } from './model';

/**
 * Which endpoints give a container its default routes (moby v28.5.2 libnetwork
 * default_gateway.go selectGatewayEndpoint over the sandbox's endpoints in Endpoint.Less order):
 * the first endpoint with both an IPv4 and an IPv6 gateway (or default route) serves both
 * families; otherwise the first with an IPv4 one and the first with an IPv6 one.
 */

/** An endpoint's IPv4 default route, as its driver's Join set it (none on internal networks, overlay, …). */
export function gateway4(world: World, ep: Endpoint): Route | null {
  const net = world.networks[ep.networkId];
  if (!ep.ip || !ep.ifname || !net?.ipam || net.internal || driverOf(net).noGateway) return null;
  if (!driverOf(net).endpointLink(net, ep)) return null;
  return defaultRouteOf(net, ep.ifname);
}

/** An endpoint's IPv6 default route (SetGatewayIPv6, or ipvlan l3's static ::/0). */
export function gateway6(world: World, ep: Endpoint): { via?: string; dev: string } | null {
  const net = world.networks[ep.networkId];
  if (!ep.ip6 || !ep.ifname || !net || !hasIPv6(net) || net.internal || driverOf(net).noGateway) return null;
  if (!driverOf(net).endpointLink(net, ep)) return null;
  return defaultRoute6Of(net, ep.ifname);
}

/**
 * Endpoint.Less: gateway priority, docker_gwbridge last, internal last, then endpoints with more
 * gateways (IPv4 and IPv6 before one before none), then the network's name.
 */
export function endpointsByGateway(world: World, eps: readonly Endpoint[]): Endpoint[] {
  const count = (e: Endpoint) => Number(gateway4(world, e) !== null) + Number(gateway6(world, e) !== null);
  const rank = new Map(endpointsByPriority(world, eps).map((e, i) => [e, i]));
  const key = (e: Endpoint) => {
    const n = world.networks[e.networkId];
    return [-(e.gwPriority ?? 0), Number(n?.name === 'docker_gwbridge'), Number(!!n?.internal), -count(e)];
  };
  return [...eps].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return rank.get(a)! - rank.get(b)!;
  });
}

/** selectGatewayEndpoint: the endpoints serving IPv4 and IPv6 default routes (the same when dual-stack). */
export function gatewayEndpoints(world: World, c: Container): { ep4?: Endpoint; ep6?: Endpoint } {
  let ep4: Endpoint | undefined;
  let ep6: Endpoint | undefined;
  for (const ep of endpointsByGateway(world, c.endpoints)) {
    const net = world.networks[ep.networkId];
    if (!net || net.driver === 'null' || net.driver === 'host') continue;
    const g4 = gateway4(world, ep) !== null;
    const g6 = gateway6(world, ep) !== null;
    if (g4 && g6) return { ep4: ep, ep6: ep };
    if (g4 && !ep4) ep4 = ep;
    if (g6 && !ep6) ep6 = ep;
  }
  return { ep4, ep6 };
}
