import { IPv6, IPv6CidrRange, Validator } from 'ip-num';

/**
 * IPv6 helpers: parsing through ip-num, printing as Go's netip.Addr.String and iproute2 do
 * (RFC 5952: lower case, the longest run of two or more zero groups written `::`, the first one
 * on a tie).
 */

/** Whether `s` is an IPv6 address (Go's netip.ParseAddr without a zone). */
export function isIpv6(s: string): boolean {
  return s.includes(':') && !s.includes('%') && Validator.isValidIPv6String(s)[0];
}

/** The address as a 128-bit number. */
export function ip6Num(s: string): bigint {
  return IPv6.fromString(s).getValue();
}

/** A 128-bit number in RFC 5952 form: fd00:0:0:1::2. */
export function ip6String(n: bigint): string {
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((n >> BigInt(i * 16)) & 0xffffn));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (g: number[]) => g.map((x) => x.toString(16)).join(':');
  if (best < 0) return hex(groups);
  return `${hex(groups.slice(0, best))}::${hex(groups.slice(best + bestLen))}`;
}

/** An address as the canonical text (`FD00:0::0:2` -> `fd00::2`). */
export const canon6 = (s: string): string => ip6String(ip6Num(s));

/** A prefix's first and last address and its length (ip-num clears the host bits). */
export function cidr6Bounds(c: string): { first: bigint; last: bigint; prefix: number } {
  const r = IPv6CidrRange.fromCidr(c);
  return { first: r.getFirst().getValue(), last: r.getLast().getValue(), prefix: Number(r.getPrefix().getValue()) };
}

/** Whether `ip` lies in the IPv6 prefix `c`. */
export function inCidr6(ip: string, c: string): boolean {
  return IPv6CidrRange.fromCidr(c).contains(IPv6.fromString(ip));
}

/** Whether two IPv6 prefixes share an address. */
export function overlaps6(a: string, b: string): boolean {
  return IPv6CidrRange.fromCidr(a).isOverlapping(IPv6CidrRange.fromCidr(b));
}

/** A prefix written canonically with its host bits cleared (`fd00:1::5/64` -> `fd00:1::/64`). */
export function masked6(c: string): string {
  const b = cidr6Bounds(c);
  return `${ip6String(b.first)}/${b.prefix}`;
}

/**
 * The kernel's EUI-64 link-local address of a MAC (addr_gen_mode eui64): 02:42:ac:12:00:02 ->
 * fe80::42:acff:fe12:2. A link with a dev_id (an ipvlan link) has it in place of ff:fe and the
 * universal/local bit left as it is (addrconf_ifid_eui48): 00:50:56:2b:29:40 with dev_id 1 ->
 * fe80::50:5600:12b:2940.
 */
export function linkLocal6(mac: string, devId = 0): string {
  const b = mac.split(':').map((h) => BigInt(Number.parseInt(h, 16)));
  if (!devId) b[0] ^= 0x02n;
  const iid =
    (b[0] << 56n) |
    (b[1] << 48n) |
    (b[2] << 40n) |
    (devId ? BigInt((devId >> 8) & 0xff) << 32n : 0xffn << 32n) |
    (devId ? BigInt(devId & 0xff) << 24n : 0xfen << 24n) |
    (b[3] << 16n) |
    (b[4] << 8n) |
    b[5];
  return ip6String((0xfe80n << 112n) | iid);
}
