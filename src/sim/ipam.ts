import { current, isDraft } from 'immer';
import { IPv4, IPv4CidrRange, IPv4Prefix, Validator } from 'ip-num';
import { liveAddresses } from './containerIndex';
import type { Container, IpamConfig, Network, World } from './model';
import { cidrBounds, ipString } from './net/addr';
import { inCidr6 } from './net/addr6';
import { txnOf } from './recordTxn';

/**
 * Docker's local IPAM (docker-facts A1–A7): predefined pools, first-fit subnets, lowest-free
 * addresses. Addresses in use are derived from the World (live endpoints), so releasing an address
 * is nothing more than clearing the endpoint's live `ip`: the next request gets it back.
 */

export type IpamResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Fact A1: 172.17–172.31.0.0/16, then 192.168.0.0/16 split into /20s, in order. */
export const DEFAULT_POOLS: string[] = (() => {
  const out: string[] = [];
  for (let b = 17; b <= 31; b++) out.push(`172.${b}.0.0/16`);
  for (const r of IPv4CidrRange.fromCidr('192.168.0.0/16').splitInto(IPv4Prefix.fromNumber(20n)))
    out.push(r.toCidrString());
  return out;
})();

const range = (cidr: string) => IPv4CidrRange.fromCidr(cidr);
const num = (ip: string) => IPv4.fromString(ip).getValue();

/** Whether `s` is a dotted-quad IPv4 address. */
export function isIPv4(s: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(s) && Validator.isValidIPv4String(s)[0];
}

/** Whether `ip` lies in `cidr`. */
export function inCidr(ip: string, cidr: string): boolean {
  return range(cidr).contains(IPv4.fromString(ip));
}

/** Fact A2: the host's on-link IPv4 routes and resolv.conf nameservers, which new pools avoid. */
export function reservedPrefixes(world: World, daemon: string): string[] {
  const host = world.machines[daemon];
  if (!host) return [];
  const onLink = host.routes.filter((r) => r.dst !== 'default' && !r.via).map((r) => r.dst);
  const ns = host.nameservers.filter(isIPv4).map((ip) => `${ip}/32`);
  return [...onLink, ...ns];
}

/** Subnets held by the World's networks (a config-only network's subnet is a config, not an allocation). */
function allocatedSubnets(world: World, except?: string): string[] {
  return Object.values(world.networks)
    .filter((n) => n.ipam && n.id !== except && !n.configOnly)
    .map((n) => n.ipam!.subnet);
}

const overlaps = (a: string, b: string) => range(a).isOverlapping(range(b));

/** Fact A2/A7: the first default pool overlapping neither a network nor a reserved prefix. */
export function nextPool(world: World, daemon: string): IpamResult<string> {
  const taken = [...allocatedSubnets(world), ...reservedPrefixes(world, daemon)];
  const pool = DEFAULT_POOLS.find((p) => !taken.some((t) => overlaps(p, t)));
  return pool
    ? { ok: true, value: pool }
    : { ok: false, error: 'all predefined address pools have been fully subnetted' };
}

/** A CIDR the way Go's netip.ParsePrefix accepts it, or null. */
function parseCidr(cidr: string): { ip: string; bits: number } | null {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(cidr);
  if (!m || !isIPv4(m[1]) || Number(m[2]) > 32) return null;
  return { ip: m[1], bits: Number(m[2]) };
}

const masked = (p: { ip: string; bits: number }) => `${range(`${p.ip}/${p.bits}`).getFirst().toString()}/${p.bits}`;

/** What `docker network create` asked for. */
export interface IpamRequest {
  subnet?: string;
  gateway?: string;
  ipRange?: string;
  /** the driver asks for no gateway (GetSkipGwAlloc): none is reserved unless the user gave one */
  skipGateway?: boolean;
  /** --aux-address name=IP: addresses IPAM keeps out of its allocations */
  aux?: Record<string, string>;
}

/**
 * Validates and completes a network's IPAM config: `--subnet`/`--ip-range`/`--gateway` checks of
 * the daemon (fact 17, overlap fact 11), or the next default pool. Errors are the daemon's text
 * without "Error response from daemon: ".
 */
export function planNetworkIpam(
  world: World,
  daemon: string,
  req: IpamRequest,
): IpamResult<{ ipam: IpamConfig; userSubnet: boolean }> {
  if (!req.subnet) {
    const pool = nextPool(world, daemon);
    if (!pool.ok) return pool;
    const gateway = req.skipGateway ? '' : firstFree(pool.value, undefined, new Set());
    return { ok: true, value: { ipam: { subnet: pool.value, gateway: gateway! }, userSubnet: false } };
  }
  const subnet = parseCidr(req.subnet);
  if (!subnet)
    return { ok: false, error: `invalid network config:\ninvalid subnet ${req.subnet}: invalid CIDR block notation` };
  const errs: string[] = [];
  const canon = masked(subnet);
  if (canon !== req.subnet) errs.push(`invalid subnet ${req.subnet}: it should be ${canon}`);
  let ipRange: string | undefined;
  if (req.ipRange) {
    const r = parseCidr(req.ipRange);
    if (!r)
      return {
        ok: false,
        error: `invalid network config:\ninvalid ip-range ${req.ipRange}: invalid CIDR block notation`,
      };
    if (r.bits < subnet.bits) {
      errs.push(`invalid ip-range ${req.ipRange}: CIDR block is bigger than its parent subnet ${req.subnet}`);
    }
    if (masked(r) !== req.ipRange) errs.push(`invalid ip-range ${req.ipRange}: it should be ${masked(r)}`);
    if (!overlaps(masked(r), canon)) {
      errs.push(`invalid ip-range ${req.ipRange}: parent subnet ${req.subnet} doesn't contain ip-range`);
    }
    ipRange = masked(r);
  }
  if (req.gateway !== undefined) {
    if (!isIPv4(req.gateway)) return { ok: false, error: `invalid network config:\ninvalid gateway ${req.gateway}` };
    if (!inCidr(req.gateway, canon)) {
      errs.push(`invalid gateway ${req.gateway}: parent subnet ${req.subnet} doesn't contain this address`);
    }
  }
  if (errs.length) return { ok: false, error: `invalid network config:\n${errs.join('\n')}` };
  if (allocatedSubnets(world).some((s) => overlaps(s, canon))) {
    return { ok: false, error: 'invalid pool request: Pool overlaps with other one on this address space' };
  }
  // Without --gateway the daemon asks the allocator for any address, which comes from the ip-range.
  const gateway = req.gateway ?? (req.skipGateway ? '' : firstFree(canon, ipRange, new Set()));
  if (gateway === null) return { ok: false, error: 'no available addresses on this pool' };
  const aux = req.aux && Object.keys(req.aux).length ? { aux: req.aux } : {};
  return {
    ok: true,
    value: { ipam: { subnet: canon, gateway, ...(ipRange ? { ipRange } : {}), ...aux }, userSubnet: true },
  };
}

/** The lowest address of `ipRange ?? subnet` that is neither network, broadcast nor in `used`. */
export function firstFree(subnet: string, ipRange: string | undefined, used: Set<string>): string | null {
  // plain numbers (addr.ts memoises each CIDR's bounds): a busy network asks for hundreds of candidates
  const s = cidrBounds(subnet);
  const r = cidrBounds(ipRange ?? subnet);
  for (let v = r.first; v <= r.last; v++) {
    if (s.prefix < 31 && (v === s.first || v === s.last)) continue;
    const ip = ipString(v);
    if (!used.has(ip)) return ip;
  }
  return null;
}

/** Addresses in use on a network: its gateway and every live endpoint's address. */
/**
 * The containers of a World or of an immer draft, as plain objects. Scanning every container
 * through a draft creates a proxy per container and endpoint (3 ms a `docker run` at 1,000
 * containers); `current` snapshots the draft once, including changes made earlier in the recipe.
 */
export function plainContainers(world: World): World['containers'] {
  const cs = world.containers;
  const txn = txnOf<Container>(cs);
  if (txn) return txn.result();
  return isDraft(cs) ? current(cs) : cs;
}

export function usedAddresses(world: World, networkId: string): Set<string> {
  const net = world.networks[networkId];
  const used = new Set<string>();
  if (net?.ipam?.gateway) used.add(net.ipam.gateway);
  for (const sb of net?.sandboxes ?? []) used.add(sb.ip);
  for (const ip of Object.values(net?.ipam?.aux ?? {})) used.add(ip);
  for (const ip of liveAddresses(world, networkId)) used.add(ip);
  return used;
}

/**
 * An address for a new endpoint on `net`: the requested static one (checked for being free) or
 * the lowest free one inside the ip-range (fact A4/A5).
 */
export function allocateAddress(world: World, net: Network, requested?: string): IpamResult<string> {
  if (!net.ipam) return { ok: false, error: `network ${net.name} has no IPv4 address space` };
  const used = usedAddresses(world, net.id);
  if (requested) {
    if (!isIPv4(requested) || !inCidr(requested, net.ipam.subnet)) {
      return { ok: false, error: `no configured subnet or ip-range contain the IP address ${requested}` };
    }
    if (used.has(requested)) return { ok: false, error: 'Address already in use' };
    return { ok: true, value: requested };
  }
  const ip = firstFree(net.ipam.subnet, net.ipam.ipRange, used);
  return ip
    ? { ok: true, value: ip }
    : { ok: false, error: "no available IPv4 addresses on this network's address pools: " + `${net.name} (${net.id})` };
}

/** Whether a network name is user-defined the way moby's NetworkMode.IsUserDefined decides. */
export function isUserDefinedName(ref: string): boolean {
  return !['default', 'bridge', 'host', 'none'].includes(ref) && !ref.startsWith('container:');
}

/**
 * moby's validateEndpointSettings (daemon/container_operations.go): the reasons a `--ip` /
 * `--network-alias` request for network `ref` (as the user named it; `net` when it exists) is
 * refused, in moby's order. Empty when the settings are valid.
 */
const V6_NO_SUBNET =
  'user specified IP address is supported only when connecting to networks with user configured subnets';

export function endpointSettingsErrors(
  ref: string,
  net: Network | null,
  ip?: string,
  aliases: string[] = [],
  linkLocal: string[] = [],
  /** --ip6 (IPAMConfig.IPv6Address) */
  ip6?: string,
): string[] {
  const errs: string[] = [];
  if (!isUserDefinedName(ref)) {
    if (ip || ip6) errs.push('user specified IP address is supported on user defined networks only');
    if (aliases.length) errs.push('network-scoped alias is supported only for containers in user defined networks');
  }
  if (ip && (!isIPv4(ip) || ip === '0.0.0.0')) errs.push(`invalid IPv4 address: ${ip}`);
  if (ip6 && (!parsesAsIp(ip6) || isIPv4(ip6) || /^[:0]+$/.test(ip6))) errs.push(`invalid IPv6 address: ${ip6}`);
  // api/types/network/endpoint.go EndpointIPAMConfig.Validate: net.ParseIP, not unspecified
  for (const ll of linkLocal) {
    if (!parsesAsIp(ll) || /^(0+\.){3}0+$|^[:0]+$/.test(ll)) errs.push(`invalid link-local IP address: ${ll}`);
  }
  if (!net) return errs;
  // EndpointIPAMConfig.IsInRange: the IPv4 address against the static IPv4 subnets, then IPv6
  if (ip) {
    // A subnet is "static" when the network has a preferred pool: a user --subnet, or docker0's own.
    const preferred = net.ipam && (net.userSubnet || (net.predefined && net.driver === 'bridge'));
    if (!preferred) errs.push(V6_NO_SUBNET);
    else if (!isIPv4(ip) || !inCidr(ip, net.ipam!.subnet))
      errs.push(`no configured subnet or ip-range contain the IP address ${ip}`);
  }
  if (ip6) {
    const preferred = net.ipam6 && net.userSubnet6;
    if (!preferred) errs.push(V6_NO_SUBNET);
    else if (!parsesAsIp(ip6) || !ip6.includes(':') || !inCidr6(ip6, net.ipam6!.subnet))
      errs.push(`no configured subnet or ip-range contain the IP address ${ip6}`);
  }
  return errs;
}

/** Go's net.ParseIP, through ip-num. */
export function parsesAsIp(s: string): boolean {
  if (s.includes(':')) return Validator.isValidIPv6String(s)[0];
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(s) && Validator.isValidIPv4String(s)[0];
}

/** moby's internal/multierror.Join as text: one error as it is, several as a "* " list. */
export function joinErrors(errs: string[]): string {
  if (errs.length === 1) return errs[0].trim();
  return `* ${errs.map((e) => e.replaceAll('\n', '\n\t')).join('\n* ')}`;
}

/** The endpoint-settings error text (`invalid endpoint settings:\n…`), or null when valid. */
export function endpointSettingsError(
  ref: string,
  net: Network | null,
  ip?: string,
  aliases: string[] = [],
  linkLocal: string[] = [],
  ip6?: string,
): string | null {
  const errs = endpointSettingsErrors(ref, net, ip, aliases, linkLocal, ip6);
  return errs.length ? `invalid endpoint settings:\n${joinErrors(errs)}` : null;
}

/**
 * Checks a `--ip` request at create time (facts 18, 19): the daemon's message, wrapped as
 * validateNetworkingConfig does (`invalid config for network REF: …`), or null.
 */
export function staticIpError(net: Network, ip: string, ref: string = net.name): string | null {
  const e = endpointSettingsError(ref, net, ip);
  return e ? `invalid config for network ${ref}: ${e}` : null;
}

/** Prefix length of a network's subnet (16 for 172.17.0.0/16). */
export function prefixLen(net: Network): number {
  return net.ipam ? Number(net.ipam.subnet.split('/')[1]) : 0;
}

/** Numeric IPv4 value, for sorting. */
export function ipValue(ip: string): bigint {
  return num(ip);
}
