import { IPv4, IPv4CidrRange, Validator } from 'ip-num';

/**
 * IPv4 helpers for the packet engine. Parsing goes through ip-num; results are memoised as plain
 * numbers because route lookups run on every hop and ip-num objects are comparatively slow.
 */

const ipMemo = new Map<string, number>();
const cidrMemo = new Map<string, { first: number; last: number; prefix: number }>();

/** True for a dotted quad ip-num accepts ("10.0.0.3"). */
export function isIpv4(s: string): boolean {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(s)) return false;
  return Validator.isValidIPv4String(s)[0];
}

/** The address as an unsigned 32-bit number. */
export function ipNum(ip: string): number {
  let v = ipMemo.get(ip);
  if (v === undefined) {
    v = Number(IPv4.fromDecimalDottedString(ip).getValue());
    ipMemo.set(ip, v);
  }
  return v;
}

function cidr(c: string): { first: number; last: number; prefix: number } {
  let v = cidrMemo.get(c);
  if (!v) {
    const r = IPv4CidrRange.fromCidr(c);
    v = {
      first: Number(r.getFirst().getValue()),
      last: Number(r.getLast().getValue()),
      prefix: Number(r.getPrefix().getValue()),
    };
    cidrMemo.set(c, v);
  }
  return v;
}

/** A CIDR's first and last address as unsigned 32-bit numbers, and its prefix length (memoised). */
export function cidrBounds(c: string): { first: number; last: number; prefix: number } {
  return cidr(c);
}

/** An unsigned 32-bit number as a dotted quad (what ip-num's IPv4.fromNumber(n).toString() prints). */
export function ipString(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** Prefix length of a route destination ("default" is 0). */
export function prefixOf(dst: string): number {
  return dst === 'default' ? 0 : cidr(dst).prefix;
}

/** Whether `ip` lies in `dst` (a CIDR or "default"). */
export function inCidr(ip: string, dst: string): boolean {
  if (dst === 'default') return true;
  const r = cidr(dst);
  const v = ipNum(ip);
  return v >= r.first && v <= r.last;
}

/** The network CIDR an interface address belongs to ("10.0.0.2", 24 -> "10.0.0.0/24"). */
export function networkOf(ip: string, prefix: number): string {
  return `${IPv4CidrRange.fromCidr(`${ip}/${prefix}`).getFirst().toString()}/${prefix}`;
}

/** 127.0.0.0/8, or IPv6's ::1 */
export function isLoopback(ip: string): boolean {
  if (ip.includes(':')) return ip === '::1';
  return inCidr(ip, '127.0.0.0/8');
}

/** The in-addr.arpa name of an address, for PTR questions. */
export function arpaName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

/** The broadcast address of ip/prefix (192.168.0.10/24 → 192.168.0.255). */
export function broadcastOf(ip: string, prefix: number): string {
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const n = (ipNum(ip) | (~mask >>> 0)) >>> 0;
  return [24, 16, 8, 0].map((sh) => (n >>> sh) & 255).join('.');
}

/**
 * inet_aton's reading of a numeric host, which getaddrinfo (glibc, musl) accepts too: 1 to 4
 * parts, decimal, 0x hex or 0 octal, the last part filling the remaining bytes ("127.1" is
 * 127.0.0.1, "0" is 0.0.0.0). Null when `s` is not one.
 */
export function inetAton(s: string): string | null {
  const parts = s.split('.');
  if (parts.length > 4 || !parts.every((p) => /^(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)$/i.test(p))) return null;
  const nums = parts.map((p) =>
    /^0x/i.test(p) ? Number.parseInt(p.slice(2), 16) : p.length > 1 && p[0] === '0' ? Number.parseInt(p, 8) : Number(p),
  );
  const last = nums.pop() ?? 0;
  if (nums.some((n) => n > 255) || last >= 2 ** (8 * (4 - nums.length))) return null;
  const n = nums.reduce((acc, x, i) => acc + x * 2 ** (8 * (3 - i)), 0) + last;
  return [24, 16, 8, 0].map((sh) => Math.floor(n / 2 ** sh) % 256).join('.');
}
