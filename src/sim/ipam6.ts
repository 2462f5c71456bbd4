import { sha256Hex } from './docker/globalFlags';
import { plainContainers } from './ipam';
import type { IpamConfig, Network, World } from './model';
import { cidr6Bounds, inCidr6, ip6Num, ip6String, isIpv6, masked6, overlaps6 } from './net/addr6';

/**
 * Docker's local IPAM for IPv6 (moby v28.5.2): the ULA pool the daemon derives from its host ID
 * (daemon.go deriveULABaseNetwork: fd00::/8 plus 40 bits of sha256(hostID), a /48 split into
 * /64s), first-fit subnets (address_space.go allocatePredefinedPool), and addresses from the
 * lowest free one, the subnet-router anycast address (the prefix's first) never given
 * (allocator.go newPoolData).
 */

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * The daemon's host ID. A real engine makes a random UUID once (/var/lib/docker/engine-id); here it
 * is derived from the host's machine id, so each host keeps one ULA prefix for the World's life.
 */
export function engineId(daemon: string): string {
  const h = sha256Hex(`engine-id:${daemon}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** deriveULABaseNetwork: fdXX:XXXX:XXXX::/48, the 40 bits after fd being sha256(hostID)'s lowest of its first 8 bytes. */
export function ulaBase(daemon: string): string {
  const sha = sha256Hex(engineId(daemon));
  const gid = BigInt(`0x${sha.slice(0, 16)}`) & ((1n << 40n) - 1n);
  return `${ip6String((0xfdn << 120n) | (gid << 80n))}/48`;
}

/** IPv6 subnets held by the World's networks with IPv6 on (a config-only network's are configs). */
function allocated6(world: World, daemon: string | null): string[] {
  return Object.values(world.networks)
    .filter((n) => n.ipam6 && n.enableIPv6 && !n.configOnly && n.daemon === daemon)
    .map((n) => n.ipam6!.subnet);
}

/** The first /64 of the daemon's ULA /48 that no network holds. */
export function nextPool6(world: World, daemon: string): Result<string> {
  const base = cidr6Bounds(ulaBase(daemon));
  const taken = allocated6(world, daemon);
  for (let i = 0n; i < 1n << 16n; i++) {
    const p = `${ip6String(base.first + (i << 64n))}/64`;
    if (!taken.some((t) => overlaps6(p, t))) return { ok: true, value: p };
  }
  return { ok: false, error: 'all predefined address pools have been fully subnetted' };
}

/** A prefix as netip.ParsePrefix accepts it, or null. */
function parse6(c: string): { text: string; prefix: number } | null {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(c);
  if (!m || !isIpv6(m[1]) || Number(m[2]) > 128) return null;
  return { text: c, prefix: Number(m[2]) };
}

/** What the user gave for IPv6 (one IPAM.Config entry), after the CLI's checks. */
export interface Ipam6Request {
  subnet?: string;
  gateway?: string;
  ipRange?: string;
  aux?: Record<string, string>;
  skipGateway?: boolean;
}

/** netip's String of a prefix as the user wrote it (`FD00:1::/64` -> `fd00:1::/64`). */
const written = (c: string) => {
  const [a, p] = c.split('/');
  return `${ip6String(ip6Num(a))}/${p}`;
};

/**
 * ValidateIPAM's checks of one IPv6 config (api/types/network/ipam.go), in its order; the messages
 * are the lines under "invalid network config:".
 */
export function validateIpam6(req: Ipam6Request): string[] {
  if (!req.subnet) return [];
  const s = parse6(req.subnet);
  if (!s) return [`invalid subnet ${req.subnet}: invalid CIDR block notation`];
  const errs: string[] = [];
  const subnet = written(req.subnet);
  if (masked6(req.subnet) !== subnet) errs.push(`invalid subnet ${subnet}: it should be ${masked6(req.subnet)}`);
  if (req.ipRange) {
    const r = parse6(req.ipRange);
    if (!r) {
      if (req.ipRange.includes('.') && /^[\d.]+\/\d+$/.test(req.ipRange))
        errs.push(`invalid ip-range ${req.ipRange}: parent subnet is an IPv6 block`);
      else errs.push(`invalid ip-range ${req.ipRange}: invalid CIDR block notation`);
    } else {
      if (r.prefix < s.prefix)
        errs.push(`invalid ip-range ${req.ipRange}: CIDR block is bigger than its parent subnet ${subnet}`);
      if (masked6(req.ipRange) !== written(req.ipRange))
        errs.push(`invalid ip-range ${written(req.ipRange)}: it should be ${masked6(req.ipRange)}`);
      if (!overlaps6(req.ipRange, req.subnet))
        errs.push(`invalid ip-range ${req.ipRange}: parent subnet ${subnet} doesn't contain ip-range`);
    }
  }
  const address = (a: string) =>
    !isIpv6(a)
      ? /^\d{1,3}(\.\d{1,3}){3}$/.test(a)
        ? 'parent subnet is an IPv6 block'
        : 'invalid address'
      : inCidr6(a, req.subnet!)
        ? null
        : `parent subnet ${subnet} doesn't contain this address`;
  if (req.gateway) {
    const e = address(req.gateway);
    if (e) errs.push(`invalid gateway ${req.gateway}: ${e}`);
  }
  for (const [k, a] of Object.entries(req.aux ?? {})) {
    const e = address(a);
    if (e) errs.push(`invalid auxiliary address ${k}: ${e}`);
  }
  return errs;
}

/** Addresses in use on a network's IPv6 subnet: the gateway, aux addresses and live endpoints. */
function used6(world: World, net: Network): Set<bigint> {
  const used = new Set<bigint>();
  if (net.ipam6?.gateway) used.add(ip6Num(net.ipam6.gateway));
  for (const a of Object.values(net.ipam6?.aux ?? {})) used.add(ip6Num(a));
  for (const c of Object.values(plainContainers(world)))
    for (const ep of c.endpoints) if (ep.networkId === net.id && ep.ip6) used.add(ip6Num(ep.ip6));
  return used;
}

/** The lowest address of `ipRange ?? subnet` past the subnet-router anycast address and not in `used`. */
function firstFree6(subnet: string, ipRange: string | undefined, used: Set<bigint>): string | null {
  const s = cidr6Bounds(subnet);
  const r = cidr6Bounds(ipRange ?? subnet);
  for (let v = r.first; v <= r.last && v - r.first < 1n << 20n; v++) {
    if (v === s.first) continue;
    if (!used.has(v)) return ip6String(v);
  }
  return null;
}

/**
 * ipamAllocateVersion(6): the user's subnet (overlap-checked) or the next ULA /64, then the
 * gateway (the user's, or the lowest free address unless the driver skips it). Errors are the
 * daemon's text.
 */
export function planIpam6(
  world: World,
  daemon: string,
  req: Ipam6Request,
): Result<{ ipam: IpamConfig; userSubnet: boolean }> {
  let subnet: string;
  if (req.subnet) {
    subnet = masked6(req.subnet);
    if (allocated6(world, daemon).some((t) => overlaps6(t, subnet)))
      return { ok: false, error: 'invalid pool request: Pool overlaps with other one on this address space' };
  } else {
    const pool = nextPool6(world, daemon);
    if (!pool.ok) return pool;
    subnet = pool.value;
  }
  const ipRange = req.ipRange ? masked6(req.ipRange) : undefined;
  const gateway = req.gateway
    ? ip6String(ip6Num(req.gateway))
    : req.skipGateway
      ? ''
      : (firstFree6(subnet, ipRange, new Set()) ?? '');
  const aux = req.aux && Object.keys(req.aux).length ? { aux: req.aux } : {};
  return {
    ok: true,
    value: { ipam: { subnet, gateway, ...(ipRange ? { ipRange } : {}), ...aux }, userSubnet: req.subnet !== undefined },
  };
}

/** An IPv6 address for a new endpoint: the requested one (checked for being free) or the lowest free. */
export function allocateAddress6(world: World, net: Network, requested?: string): Result<string> {
  const cfg = net.ipam6!;
  const used = used6(world, net);
  if (requested) {
    if (!isIpv6(requested) || !inCidr6(requested, cfg.subnet))
      return { ok: false, error: `no configured subnet or ip-range contain the IP address ${requested}` };
    if (used.has(ip6Num(requested))) return { ok: false, error: 'Address already in use' };
    return { ok: true, value: ip6String(ip6Num(requested)) };
  }
  const ip = firstFree6(cfg.subnet, cfg.ipRange, used);
  return ip
    ? { ok: true, value: ip }
    : { ok: false, error: `no available IPv6 addresses on this network's address pools: ${net.name} (${net.id})` };
}

/** Whether a network gives its endpoints IPv6 addresses. */
export const hasIPv6 = (net: Network): boolean => net.enableIPv6 === true && net.ipam6 !== undefined && !net.configOnly;

/** Prefix length of a network's IPv6 subnet (64 for fd00:1::/64). */
export const prefixLen6 = (net: Network): number => (net.ipam6 ? Number(net.ipam6.subnet.split('/')[1]) : 0);
