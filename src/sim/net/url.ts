/** A parsed http(s) URL as curl and wget take it ("192.168.0.10:8001", "http://web/"). */
export interface Url {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  path: string;
}

/** Parses what curl accepts; null for an unsupported scheme or a bad port. */
export function parseUrl(raw: string): Url | null {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]+)(?::(\d+))?([/?#].*)?$/.exec(raw);
  if (!m) return null;
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return null;
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (port < 1 || port > 65535) return null;
  return { scheme, host: m[2], port, path: m[4]?.startsWith('/') ? m[4] : '/' };
}
