import { canon6, isIpv6 } from './addr6';

/** A parsed http(s) URL as curl and wget take it ("192.168.0.10:8001", "http://web/"). */
export interface Url {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  path: string;
  /** the host was an IPv6 literal in brackets (`http://[fd00::3]:80/`); `host` is without them */
  ipv6?: true;
}

/** Parses what curl accepts; null for an unsupported scheme or a bad port. */
export function parseUrl(raw: string): Url | null {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(\[[0-9a-fA-F:.]+\]|[^/:?#[\]]+)(?::(\d+))?([/?#].*)?$/.exec(raw);
  if (!m) return null;
  const literal6 = m[2].startsWith('[');
  if (literal6 && !isIpv6(m[2].slice(1, -1))) return null;
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return null;
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (port < 1 || port > 65535) return null;
  const path = m[4]?.startsWith('/') ? m[4] : '/';
  return literal6
    ? { scheme, host: canon6(m[2].slice(1, -1)), port, path, ipv6: true }
    : { scheme, host: m[2], port, path };
}
