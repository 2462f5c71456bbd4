import type { Container, Endpoint } from '../model';
import { serviceLookup } from '../swarm/discovery';
import { overlayIp6 } from '../swarm/overlayIpam';
import type { Ctx } from './ctx';
import { questionNames, userNetworks } from './dns';
import { containerIndex } from './index';

/** The names an endpoint is known by on its network (the container index's, lower case). */
const namesOf = (c: Container, ep: Endpoint) =>
  new Set([c.name, ...ep.aliases, c.id.slice(0, 12), c.hostname].map((x) => x.toLowerCase()));

/** svcIPv6Map of a network for one name: its running endpoints' IPv6 addresses, in attach order. */
export function ipv6Records(ctx: Ctx, networkId: string, name: string): string[] {
  const out: string[] = [];
  for (const c of Object.values(ctx.world.containers)) {
    if (c.state !== 'running') continue;
    for (const ep of c.endpoints)
      if (ep.networkId === networkId && ep.ip6 && ep.endpointId && namesOf(c, ep).has(name)) out.push(ep.ip6);
  }
  return out;
}

/**
 * AAAA answers of Docker's embedded resolver (moby v28.5.2 resolver.go handleIPQuery with
 * types.IPv6, network.go ResolveName): the first of the asker's networks that knows the name
 * (in svcMap or svcIPv6Map) answers with the IPv6 addresses it holds for it. A name it knows
 * without an IPv6 address gets an empty NOERROR answer, as before.
 */
export function embeddedLookup6(ctx: Ctx, asker: Container, name: string): string[] {
  for (const net of userNetworks(ctx, asker)) {
    const { bare, target } = questionNames(asker, net, name);
    const v4 = containerIndex(ctx.world).dnsNames.get(net.id);
    for (const key of target ? [target, bare] : [bare]) {
      const v6 = ipv6Records(ctx, net.id, key);
      if (v6.length || v4?.get(key)?.length) return v6;
    }
    // a service's VIP and tasks.NAME: their IPv6 addresses stand where the IPv4 ones do (overlayIpam.ts)
    const swarm = net.scope === 'swarm' ? serviceLookup(ctx.world, net.id, bare) : [];
    if (swarm.length) return swarm.map((ip) => overlayIp6(net, ip)).filter((ip): ip is string => ip !== null);
  }
  return [];
}
