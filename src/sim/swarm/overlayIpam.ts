import { IPv4CidrRange } from 'ip-num';
import { plainContainers } from '../ipam';
import type { Network, World } from '../model';
import { cidrBounds, ipNum, ipString } from '../net/addr';
import { cidr6Bounds, ip6Num, ip6String, overlaps6 } from '../net/addr6';
import { endpointIps, usedOnDraft } from './draftCache';
import { plain } from './state';

/**
 * Swarm's global-scope IPAM (docker-facts 1, 46, 76): overlay subnets are the /24s of 10.0.0.0/8
 * in order, first fit (ingress gets 10.0.0.0/24, the first user overlay 10.0.1.0/24); addresses
 * are allocated serially (`com.docker.network.ipam.serial=true`): after the last one handed out,
 * wrapping, skipping those in use.
 */

const range = (cidr: string) => IPv4CidrRange.fromCidr(cidr);

/** Subnets of the World's swarm-scoped networks. */
function swarmSubnets(world: World): string[] {
  return Object.values(world.networks)
    .filter((n) => n.scope === 'swarm' && n.ipam)
    .map((n) => n.ipam!.subnet);
}

/**
 * The first subnet of the swarm's address pools that overlaps no swarm network: the pools in the
 * order `swarm init --default-addr-pool` gave them, cut into `--default-addr-pool-mask-length`
 * subnets (10.0.0.0/8 in /24s when none was given).
 */
export function nextOverlaySubnet(world: World): string {
  const taken = swarmSubnets(world).map(range);
  const pools = world.swarm?.addrPools ?? ['10.0.0.0/8'];
  const bits = world.swarm?.poolMaskLength ?? 24;
  for (const pool of pools) {
    const { first, last } = cidrBounds(pool);
    const size = 2 ** (32 - bits);
    for (let a = first; a + size - 1 <= last; a += size) {
      const cidr = `${ipString(a)}/${bits}`;
      const r = range(cidr);
      if (!taken.some((t) => t.isOverlapping(r))) return cidr;
    }
  }
  return `${ipString(cidrBounds(pools[0]).first)}/${bits}`;
}

/** Whether a user `--subnet` overlaps a swarm network already there. */
export function overlayOverlaps(world: World, cidr: string): boolean {
  const r = range(cidr);
  return swarmSubnets(world).some((s) => range(s).isOverlapping(r));
}

/** ovmanager: the lowest VNI from 4096 that no overlay uses. */
export function lowestFreeVni(world: World): number {
  const used = new Set(Object.values(world.networks).map((n) => n.vni));
  let v = 4096;
  while (used.has(v)) v++;
  return v;
}

/** Addresses held on an overlay: gateway, node ingress endpoints, VIPs, live tasks, attached containers. */
export function overlayUsed(world: World, networkId: string): Set<string> {
  const used = overlayReserved(world, networkId);
  for (const c of Object.values(plainContainers(world)))
    for (const ep of c.endpoints) if (ep.networkId === networkId && ep.ip) used.add(ep.ip);
  return used;
}

/** What swarm itself holds on an overlay: gateway, ingress and lb endpoints, VIPs, live tasks. */
function overlayReserved(world: World, networkId: string): Set<string> {
  const net = world.networks[networkId];
  const used = new Set<string>();
  if (net?.ipam) used.add(net.ipam.gateway);
  const s = plain(world.swarm);
  if (s) {
    if (net?.ingress) for (const n of s.nodes) if (n.ingressIp && n.status === 'ready') used.add(n.ingressIp);
    for (const n of s.nodes) {
      const lb = n.status === 'ready' ? n.lbIps?.[networkId] : undefined;
      if (lb) used.add(lb);
    }
    for (const svc of Object.values(s.services))
      for (const v of svc.vips) if (v.networkId === networkId) used.add(v.addr.split('/')[0]);
    for (const t of Object.values(s.tasks))
      if (t.desired === 'running') for (const a of t.addrs) if (a.networkId === networkId) used.add(a.ip);
  }
  return used;
}

/** The next free address after the last one handed out on `networkId` (serial), or null when full. */
export function allocateOverlayIp(d: World, networkId: string): string | null {
  const net = d.networks[networkId];
  const s = d.swarm;
  if (!net?.ipam || !s) return null;
  const { first, last } = cidrBounds(net.ipam.subnet);
  const size = last - first + 1;
  const used = usedOnDraft(d, networkId, (w) => {
    const used = overlayReserved(w, networkId);
    for (const ip of endpointIps(d).get(networkId) ?? []) used.add(ip);
    return used;
  });
  const lastOff = s.ipamLast[networkId] ?? 0;
  for (let k = 1; k < size; k++) {
    const off = ((lastOff + k - 1) % (size - 2)) + 1; // 1 .. size-2: not network, not broadcast
    const ip = ipString(first + off);
    if (used.has(ip)) continue;
    used.add(ip);
    s.ipamLast[networkId] = off;
    return ip;
  }
  return null;
}

/** The prefix length of an overlay's subnet. */
export function overlayPrefix(world: World, networkId: string): number {
  return Number(world.networks[networkId]?.ipam?.subnet.split('/')[1] ?? 24);
}

/**
 * IPv6 on an overlay (`--ipv6 --subnet fd00:10::/64`): swarmkit's allocator (cnmallocator
 * allocatePools) asks the global address space for each IPAM config the spec names, and its
 * gateway (the first address unless given), on a draft network just made.
 */
export function withOverlayIPv6(net: Network, req: { subnet: string; gateway?: string; ipRange?: string }): void {
  const b = cidr6Bounds(req.subnet);
  net.enableIPv6 = true;
  net.ipam6 = {
    subnet: `${ip6String(b.first)}/${b.prefix}`,
    gateway: req.gateway ? ip6String(ip6Num(req.gateway)) : ip6String(b.first + 1n),
    ...(req.ipRange ? { ipRange: req.ipRange } : {}),
  };
  net.userSubnet6 = true;
}

/** Whether an IPv6 `--subnet` overlaps a swarm network's IPv6 subnet. */
export function overlayOverlaps6(world: World, cidr: string): boolean {
  return Object.values(world.networks).some((n) => n.scope === 'swarm' && n.ipam6 && overlaps6(n.ipam6.subnet, cidr));
}

/**
 * An overlay endpoint's IPv6 address: every address swarm hands out on the network (gateway, VIPs,
 * tasks, lb endpoints) is asked of each of its pools in turn, serially, so the IPv6 one sits at the
 * same offset in its subnet as the IPv4 one in its own (with the default gateways, ::1 and .1).
 */
export function overlayIp6(net: Network, ip: string): string | null {
  if (!net.ipam || !net.ipam6) return null;
  const off = BigInt(ipNum(ip) - cidrBounds(net.ipam.subnet).first);
  const b = cidr6Bounds(net.ipam6.subnet);
  return b.first + off <= b.last ? ip6String(b.first + off) : null;
}
