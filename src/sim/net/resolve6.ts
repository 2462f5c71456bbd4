import { canon6, isIpv6 } from './addr6';
import { type Ctx, step } from './ctx';
import { userNetworks } from './dns';
import { embeddedLookup6 } from './dns6';
import type { NetNode } from './topo';

/**
 * getaddrinfo with AF_INET6 (ping -6, an IPv6-only name): an IPv6 literal is itself; a name goes to
 * Docker's embedded resolver as an AAAA question (moby resolver.go handleIPQuery, types.IPv6),
 * which answers from the asker's networks (dns6.ts). Only containers on user-defined networks have
 * that resolver; anything else finds no IPv6 address here.
 */
export type Resolution6 = { kind: 'ok'; ip: string } | { kind: 'nodata' };

export function resolve6(ctx: Ctx, node: NetNode, name: string): Resolution6 {
  if (isIpv6(name)) return { kind: 'ok', ip: canon6(name) };
  if (name === 'localhost' || name === 'ip6-localhost') return { kind: 'ok', ip: '::1' };
  const c = node.container;
  if (!c || userNetworks(ctx, c).length === 0) return { kind: 'nodata' };
  step(ctx, node.canvas, 'dns-query', { app: { summary: `AAAA? ${name}` } }, 'dns.embedded-query6', {
    name,
    node: node.label,
  });
  ctx.us += 60;
  const ips = embeddedLookup6(ctx, c, name);
  if (!ips.length) {
    step(ctx, node.canvas, 'drop', { app: { summary: `AAAA ${name}` } }, 'drop.no-aaaa', {
      name,
      node: node.label,
      reason: 'name-unresolvable',
    });
    return { kind: 'nodata' };
  }
  step(ctx, node.canvas, 'dns-answer', { app: { summary: `AAAA ${name} ${ips.join(' ')}` } }, 'dns.embedded-answer', {
    name,
    ip: ips.join(', '),
  });
  return { kind: 'ok', ip: ips[0] };
}
