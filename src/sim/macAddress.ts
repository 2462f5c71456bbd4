import type { Endpoint, World } from './model';
import { randomMac } from './prng';

/**
 * `--mac-address` (docker/cli v28.5.2 opts.go parse): `net.ParseMAC(strings.TrimSpace(v))` must
 * accept it, else "<v> is not a valid mac address". Go's ParseMAC takes 6, 8 or 20 bytes written
 * as `xx:xx:..`, `xx-xx-..` or `xxxx.xxxx.xxxx`.
 */
export function parseMac(value: string): { ok: true; mac: string } | { ok: false; error: string } {
  const s = value.trim();
  const bad = { ok: false as const, error: `${value} is not a valid mac address` };
  let bytes: string[];
  if (s.length < 14) return bad;
  if (s[2] === ':' || s[2] === '-') {
    if ((s.length + 1) % 3 !== 0) return bad;
    const n = (s.length + 1) / 3;
    if (n !== 6 && n !== 8 && n !== 20) return bad;
    bytes = [];
    for (let i = 0; i < n; i++) {
      if (i > 0 && s[i * 3 - 1] !== s[2]) return bad;
      bytes.push(s.slice(i * 3, i * 3 + 2));
    }
  } else if (s[4] === '.') {
    if ((s.length + 1) % 5 !== 0) return bad;
    const n = (2 * (s.length + 1)) / 5;
    if (n !== 6 && n !== 8 && n !== 20) return bad;
    bytes = [];
    for (let i = 0; i < n; i += 2) {
      if (i > 0 && s[(i / 2) * 5 - 1] !== '.') return bad;
      bytes.push(s.slice((i / 2) * 5, (i / 2) * 5 + 2), s.slice((i / 2) * 5 + 2, (i / 2) * 5 + 4));
    }
  } else return bad;
  if (!bytes.every((b) => /^[0-9a-fA-F]{2}$/.test(b))) return bad;
  return { ok: true, mac: bytes.map((b) => b.toLowerCase()).join(':') };
}

/** The endpoint's container-side MAC: the `--mac-address` asked for (validated at create), else a random one. */
export function endpointMac(draft: World, ep: Endpoint): string {
  const asked = ep.macAddress ? parseMac(ep.macAddress) : null;
  return asked?.ok ? asked.mac : randomMac(draft);
}
