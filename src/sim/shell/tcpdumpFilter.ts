import { inCidr, isIpv4 } from '../net/addr';
import type { Decoded } from '../net/decode';

/**
 * The part of pcap-filter(7) people type at tcpdump: `host X`, `src`/`dst [host] X`, `net N/len`,
 * `[src|dst] port N`, `icmp`, `arp`, `ip`, `tcp`, `udp` (optionally followed by `[src|dst] port N`
 * or `host X`), joined by `and`/`&&`, `or`/`||`, `not`/`!` and parentheses. As in libpcap, `and`
 * and `or` have the same precedence and associate to the left; `not` binds tightest; a bare
 * number or address after `and`/`or` keeps the qualifiers before it (`port 80 or 443`).
 * The parsed filter is plain data, so a running capture stays JSON-safe in the session.
 */
export type Filter =
  | { op: 'and' | 'or'; a: Filter; b: Filter }
  | { op: 'not'; a: Filter }
  | { op: 'proto'; proto: 'icmp' | 'arp' | 'ip' | 'tcp' | 'udp' }
  | { op: 'host'; dir: Dir; ip: string }
  | { op: 'net'; dir: Dir; cidr: string }
  | { op: 'port'; dir: Dir; port: number; proto?: 'tcp' | 'udp' };

type Dir = 'src' | 'dst' | 'any';
type Qual = { dir: Dir; kind: 'host' | 'net' | 'port'; proto?: 'tcp' | 'udp' };

const PROTOS = ['icmp', 'arp', 'ip', 'tcp', 'udp'] as const;
const KEYWORDS = ['and', 'or', 'not', '&&', '||', '!', '(', ')', 'host', 'net', 'port', 'src', 'dst', ...PROTOS];
const SERVICES: Record<string, number> = { http: 80, https: 443, domain: 53, ssh: 22, ftp: 21, smtp: 25 };

/** Parses the words after tcpdump's options; `resolve` turns a host name into its address. */
export function parseFilter(
  words: string[],
  resolve: (name: string) => string | null,
): { ok: true; filter: Filter | null } | { ok: false; error: string } {
  const toks = words.flatMap((w) => w.split(/\s+|(\(|\)|!)/).filter((t): t is string => Boolean(t?.trim())));
  if (toks.length === 0) return { ok: true, filter: null };
  let i = 0;
  let last: Qual | null = null;
  const fail = (why = 'syntax error'): never => {
    throw new Error(why);
  };
  const peek = () => toks[i];
  const isAnd = (t?: string) => t === 'and' || t === '&&';
  const isOr = (t?: string) => t === 'or' || t === '||';

  const id = (q: Qual, word: string | undefined): Filter => {
    if (word === undefined || KEYWORDS.includes(word)) return fail();
    last = q;
    if (q.kind === 'port') {
      const port = /^\d+$/.test(word) ? Number(word) : SERVICES[word];
      if (port === undefined || port > 65535) return fail(`unknown port '${word}'`);
      return { op: 'port', dir: q.dir, port, ...(q.proto ? { proto: q.proto } : {}) };
    }
    if (q.kind === 'net') {
      const cidr = word.includes('/') ? word : `${word}/32`;
      if (!isIpv4(cidr.split('/')[0])) return fail(`unknown network '${word}'`);
      return { op: 'net', dir: q.dir, cidr };
    }
    const ip = isIpv4(word) ? word : resolve(word);
    if (!ip) return fail(`unknown host '${word}'`);
    return { op: 'host', dir: q.dir, ip };
  };

  const primitive = (): Filter => {
    const t = toks[i++];
    if (t === undefined) return fail();
    if (t === '(') {
      const e = expr();
      if (toks[i++] !== ')') fail();
      return e;
    }
    if (t === 'not' || t === '!') return { op: 'not', a: primitive() };
    if ((PROTOS as readonly string[]).includes(t)) {
      const proto = t as (typeof PROTOS)[number];
      const n = peek();
      // `tcp port 80`, `udp dst port 53`: the protocol qualifies the port
      if ((proto === 'tcp' || proto === 'udp') && (n === 'port' || n === 'src' || n === 'dst')) {
        const q = qualifiers();
        if (q.kind !== 'port') return { op: 'and', a: { op: 'proto', proto }, b: id(q, toks[i++]) };
        return id({ ...q, proto }, toks[i++]);
      }
      if (n === 'host') {
        i++;
        return { op: 'and', a: { op: 'proto', proto }, b: id({ dir: 'any', kind: 'host' }, toks[i++]) };
      }
      return { op: 'proto', proto };
    }
    if (t === 'src' || t === 'dst' || t === 'host' || t === 'net' || t === 'port') {
      i--;
      const q = qualifiers();
      return id(q, toks[i++]);
    }
    // a bare id continues the qualifiers before it (`host 10.0.0.2 or 10.0.0.3`)
    if (last) return id(last, t);
    return id({ dir: 'any', kind: 'host' }, t);
  };

  const qualifiers = (): Qual => {
    let dir: Dir = 'any';
    if (peek() === 'src' || peek() === 'dst') {
      dir = toks[i++] as Dir;
      if (peek() === 'or' || peek() === 'and') {
        // `src or dst host X`
        i++;
        if (peek() === 'src' || peek() === 'dst') i++;
        dir = 'any';
      }
    }
    const k = peek();
    if (k === 'host' || k === 'net' || k === 'port') {
      i++;
      return { dir, kind: k };
    }
    return { dir, kind: 'host' };
  };

  const expr = (): Filter => {
    let left = primitive();
    while (isAnd(peek()) || isOr(peek())) {
      const op = isAnd(toks[i++]) ? 'and' : 'or';
      left = { op, a: left, b: primitive() };
    }
    return left;
  };

  try {
    const filter = expr();
    if (i < toks.length) fail();
    return { ok: true, filter };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

function addrs(d: Decoded, dir: Dir): string[] {
  const src = d.ip?.src ?? d.arp?.spa;
  const dst = d.ip?.dst ?? d.arp?.tpa;
  const pick = dir === 'src' ? [src] : dir === 'dst' ? [dst] : [src, dst];
  return pick.filter((x): x is string => Boolean(x));
}

function ports(d: Decoded, dir: Dir, proto?: 'tcp' | 'udp'): number[] {
  const l4 = (proto === 'udp' ? undefined : d.tcp) ?? (proto === 'tcp' ? undefined : d.udp);
  if (!l4) return [];
  return dir === 'src' ? [l4.sport] : dir === 'dst' ? [l4.dport] : [l4.sport, l4.dport];
}

/** Whether a decoded frame passes the filter (no filter: everything does). */
export function matches(f: Filter | null, d: Decoded): boolean {
  if (!f) return true;
  switch (f.op) {
    case 'and':
      return matches(f.a, d) && matches(f.b, d);
    case 'or':
      return matches(f.a, d) || matches(f.b, d);
    case 'not':
      return !matches(f.a, d);
    case 'proto':
      if (f.proto === 'arp') return Boolean(d.arp);
      if (f.proto === 'ip') return Boolean(d.ip);
      return f.proto === 'icmp' ? Boolean(d.icmp) : f.proto === 'tcp' ? Boolean(d.tcp) : Boolean(d.udp);
    case 'host':
      return addrs(d, f.dir).includes(f.ip);
    case 'net':
      return addrs(d, f.dir).some((a) => inCidr(a, f.cidr));
    case 'port':
      return ports(d, f.dir, f.proto).includes(f.port);
  }
}
