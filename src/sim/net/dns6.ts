import type { Container } from '../model';
import type { Ctx } from './ctx';
import { embeddedLookup } from './dns';
import { containerIndex } from './index';

/**
 * AAAA answers of Docker's embedded resolver (moby v28.5.2 resolver.go handleIPQuery with
 * types.IPv6, network.go ResolveName): the IPv6 addresses of the containers an A question for the
 * same name finds on the asker's networks. A name it knows without an IPv6 address gets an empty
 * NOERROR answer, as before.
 */
export function embeddedLookup6(ctx: Ctx, asker: Container, name: string): string[] {
  const out: string[] = [];
  const nets = asker.endpoints.map((e) => e.networkId);
  for (const ip of embeddedLookup(ctx, asker, name)) {
    for (const netId of nets) {
      const hit = containerIndex(ctx.world).byNetIp.get(netId)?.get(ip);
      const c = hit ? ctx.world.containers[hit.key] : undefined;
      const ip6 = c?.endpoints.find((e) => e.networkId === netId && e.ip === ip)?.ip6;
      if (ip6 && !out.includes(ip6)) out.push(ip6);
    }
  }
  return out;
}
