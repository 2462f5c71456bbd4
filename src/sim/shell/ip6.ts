import { driverOf } from '../drivers';
import { gateway6, gatewayEndpoints } from '../gateway';
import { hasIPv6, prefixLen6 } from '../ipam6';
import type { Endpoint, Network, World } from '../model';
import { cidr6Bounds, ip6String, linkLocal6 } from '../net/addr6';
import type { Stack, StackIface } from '../stack';

/**
 * The IPv6 side of `ip addr` and `ip -6 route`, read from the World: on a network with IPv6 on,
 * libnetwork gives the container's interface its address with IFA_F_NODAD (osl setInterfaceIPv6)
 * and the bridge its gateway the same way (bridge interface_linux.go programIPv6Addresses); the
 * kernel adds each link-local fe80:: address from the MAC (EUI-64) once the link has a carrier.
 * An interface on an IPv4-only network has IPv6 disabled (Docker 26+): no inet6 at all.
 */

export interface Addr6 {
  ip: string;
  prefix: number;
  scope: 'host' | 'global' | 'link';
  nodad?: boolean;
}

/** The host's interfaces that carry a kernel link-local address (IPv4-only bridges have IPv6 disabled). */
function hostLinkLocal(world: World, f: StackIface): boolean {
  if (!f.carrier || f.attach.kind === 'loopback') return false;
  if (f.attach.kind !== 'bridge') return true;
  const net = world.networks[f.attach.networkId];
  return net !== undefined && hasIPv6(net);
}

/** The IPv6 addresses of one interface of `stack`, global before link-local as the kernel lists them. */
export function addrs6(world: World, stack: Stack, f: StackIface): Addr6[] {
  if (f.attach.kind === 'loopback') return [{ ip: '::1', prefix: 128, scope: 'host' }];
  if (stack.kind === 'machine') {
    const out: Addr6[] = [];
    if (f.attach.kind === 'bridge') {
      const net = world.networks[f.attach.networkId];
      if (net && hasIPv6(net) && net.ipam6!.gateway)
        out.push({ ip: net.ipam6!.gateway, prefix: prefixLen6(net), scope: 'global', nodad: true });
    }
    if (hostLinkLocal(world, f)) out.push({ ip: linkLocal6(f.mac), prefix: 64, scope: 'link' });
    return out;
  }
  if (f.attach.kind !== 'veth' && !f.lower) return [];
  const c = world.containers[stack.owner];
  const ep = c?.endpoints.find((e) => e.ifname === f.name);
  const net = ep && world.networks[ep.networkId];
  if (!net || !hasIPv6(net) || !ep?.ip6) return [];
  const ll = driverOf(net).sharesParentMac ? linkLocal6(f.mac, ipvlanDevId(world, net, ep)) : linkLocal6(f.mac);
  return [
    { ip: ep.ip6, prefix: prefixLen6(net), scope: 'global', nodad: true },
    { ip: ll, prefix: 64, scope: 'link' },
  ];
}

/**
 * The dev_id the kernel gave an ipvlan link (ifindex.ts takeDevId), which addrconf puts in the
 * middle of the link-local address in place of ff:fe since all the links share the parent's MAC.
 * A save from before it was kept: the link's rank in the order the containers started.
 */
function ipvlanDevId(world: World, net: Network, ep: Endpoint): number {
  if (ep.devId !== undefined) return ep.devId;
  const live = Object.values(world.containers)
    .filter((c) => c.state === 'running')
    .flatMap((c) => c.endpoints.filter((e) => e.networkId === net.id && e.ifname).map((e) => ({ c, e })))
    .sort((a, b) => a.c.startedAt - b.c.startedAt || a.c.seq - b.c.seq);
  return live.findIndex((x) => x.e === ep) + 1;
}

/** An address's `inet6` line pair as iproute2 prints it (trailing space included). */
export function inet6Lines(a: Addr6): string[] {
  return [
    `    inet6 ${a.ip}/${a.prefix} scope ${a.scope} ${a.nodad ? 'nodad ' : ''}`,
    '       valid_lft forever preferred_lft forever',
  ];
}

const prefixOf = (ip: string, prefix: number) => `${ip6String(cidr6Bounds(`${ip}/${prefix}`).first)}/${prefix}`;

/**
 * `ip -6 route` (main table): each global address's on-link prefix and each link's fe80::/64 in
 * address order, the default route through the gateway endpoint's IPv6 gateway (metric 1024) last.
 */
export function routes6(world: World, stack: Stack): string[] {
  const rows: { key: bigint; index: number; line: string }[] = [];
  for (const f of stack.ifaces) {
    for (const a of addrs6(world, stack, f)) {
      const dst = a.scope === 'host' ? '::1' : a.scope === 'link' ? 'fe80::/64' : prefixOf(a.ip, a.prefix);
      const linkdown = f.carrier ? '' : 'linkdown ';
      rows.push({
        key: cidr6Bounds(a.scope === 'host' ? '::1/128' : dst).first,
        index: f.index,
        line: `${dst} dev ${f.name} proto kernel metric 256 ${linkdown}pref medium`,
      });
    }
  }
  rows.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.index - y.index));
  const lines = rows.map((r) => r.line);
  const c = stack.kind === 'container' ? world.containers[stack.owner] : undefined;
  const { ep6 } = c ? gatewayEndpoints(world, c) : {};
  const gw = ep6 && gateway6(world, ep6);
  if (gw) lines.push(`default ${gw.via ? `via ${gw.via} ` : ''}dev ${gw.dev} metric 1024 pref medium`);
  return lines;
}
