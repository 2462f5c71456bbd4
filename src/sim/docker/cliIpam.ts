import { IPv4, IPv6, Validator } from 'ip-num';

/**
 * docker/cli v28.5.2 cli/command/network/create.go createIPAMConfig: the client's own checks of
 * `--subnet`, `--ip-range`, `--gateway` and `--aux-address` before anything reaches the daemon,
 * with Go's net.ParseCIDR / net.ParseIP deciding what an address is. Its errors are printed bare
 * (exit 1), without "Error response from daemon: ".
 */

/** A parsed prefix as Go's net.ParseCIDR gives it: the family and the masked range's bounds. */
interface GoNet {
  v6: boolean;
  first: bigint;
  last: bigint;
}

/** Go's net.ParseIP: dotted IPv4 (no leading zeros) or IPv6; null when it does not parse. */
function goParseIp(s: string): { v6: boolean; value: bigint } | null {
  if (s.includes(':')) {
    if (!Validator.isValidIPv6String(s)[0]) return null;
    return { v6: true, value: IPv6.fromString(s).getValue() };
  }
  if (!/^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}$/.test(s) || !Validator.isValidIPv4String(s)[0]) return null;
  return { v6: false, value: IPv4.fromString(s).getValue() };
}

/** Go's net.ParseCIDR: ADDR/BITS, host bits allowed; null when it does not parse. */
function goParseCidr(s: string): GoNet | null {
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const ip = goParseIp(s.slice(0, slash));
  const bitsText = s.slice(slash + 1);
  if (!ip || !/^\d+$/.test(bitsText)) return null;
  const width = ip.v6 ? 128 : 32;
  const bits = Number(bitsText);
  if (bits > width) return null;
  const size = 1n << BigInt(width - bits);
  const first = (ip.value / size) * size;
  return { v6: ip.v6, first, last: first + size - 1n };
}

/** create.go subnetMatches: whether `data` (an address, or a CIDR's address) lies in `subnet`. */
function subnetMatches(subnet: string, data: string): { ok: true; value: boolean } | { ok: false; error: string } {
  const s = goParseCidr(subnet);
  if (!s) return { ok: false, error: `invalid subnet: invalid CIDR address: ${subnet}` };
  let ip: { v6: boolean; value: bigint } | null;
  if (data.includes('/')) {
    const d = goParseCidr(data);
    if (!d) return { ok: false, error: `invalid CIDR address: ${data}` };
    ip = { v6: d.v6, value: goParseIp(data.slice(0, data.indexOf('/')))!.value };
  } else ip = goParseIp(data);
  return { ok: true, value: ip !== null && ip.v6 === s.v6 && ip.value >= s.first && ip.value <= s.last };
}

/** One consolidated `IPAM.Config` entry as the CLI sends it. */
export interface CliIpamConfig {
  subnet: string;
  ipRange?: string;
  gateway?: string;
  aux: Record<string, string>;
}

/** pflag's StringSlice: each value is a CSV list (`--subnet a,b` is two subnets). */
export function stringSlice(values: string[]): string[] {
  return values.flatMap((v) => (v === '' ? [] : v.split(',')));
}

/**
 * createIPAMConfig: pairs each ip-range, gateway and aux-address with the subnet containing it,
 * in the CLI's order of checks and with its words. `aux` keeps the order the flags were given
 * (opts.MapOpts: a later value of a key replaces the earlier one).
 */
export function cliIpamConfig(
  subnets: string[],
  ipRanges: string[],
  gateways: string[],
  aux: [string, string][],
): { ok: true; value: CliIpamConfig[] } | { ok: false; error: string } {
  const fail = (error: string) => ({ ok: false as const, error });
  if (subnets.length < ipRanges.length || subnets.length < gateways.length)
    return fail('every ip-range or gateway must have a corresponding subnet');
  const data = new Map<string, CliIpamConfig>();
  for (const s of subnets) {
    for (const k of data.keys()) {
      const a = subnetMatches(s, k);
      if (!a.ok) return a;
      const b = subnetMatches(k, s);
      if (!b.ok) return b;
      if (a.value || b.value) return fail('multiple overlapping subnet configuration is not supported');
    }
    data.set(s, { subnet: s, aux: {} });
  }
  for (const r of ipRanges) {
    let match = false;
    for (const s of subnets) {
      if (!goParseCidr(r)) return fail(`invalid CIDR address: ${r}`);
      const m = subnetMatches(s, r);
      if (!m.ok) return m;
      if (!m.value) continue;
      const d = data.get(s)!;
      if (d.ipRange) return fail(`cannot configure multiple ranges (${r}, ${d.ipRange}) on the same subnet (${s})`);
      d.ipRange = r;
      match = true;
    }
    if (!match) return fail(`no matching subnet for range ${r}`);
  }
  for (const g of gateways) {
    let match = false;
    for (const s of subnets) {
      const m = subnetMatches(s, g);
      if (!m.ok) return m;
      if (!m.value) continue;
      const d = data.get(s)!;
      if (d.gateway) return fail(`cannot configure multiple gateways (${g}, ${d.gateway}) for the same subnet (${s})`);
      d.gateway = g;
      match = true;
    }
    if (!match) return fail(`no matching subnet for gateway ${g}`);
  }
  for (const [key, a] of new Map(aux)) {
    let match = false;
    for (const s of subnets) {
      const m = subnetMatches(s, a);
      if (!m.ok) return m;
      if (!m.value) continue;
      data.get(s)!.aux[key] = a;
      match = true;
    }
    if (!match) return fail(`no matching subnet for aux-address ${a}`);
  }
  return { ok: true, value: [...data.values()] };
}

/** Whether a subnet as the user typed it is an IPv6 prefix (netip.ParsePrefix's Is6). */
export const isIPv6Subnet = (s: string): boolean => s.includes(':');
