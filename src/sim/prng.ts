import type { World } from './model';

/**
 * Seeded randomness. The state lives in `world.rng`, so a World replays identically.
 * Call these on an immer draft: they advance `rng` in place.
 */

/** mulberry32: next uint32, advancing the World's PRNG state. */
export function nextU32(w: World): number {
  w.rng = (w.rng + 0x6d2b79f5) >>> 0;
  let t = w.rng;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/** `n` lower-case hex characters. */
export function randomHex(w: World, n: number): string {
  let s = '';
  while (s.length < n) s += nextU32(w).toString(16).padStart(8, '0');
  return s.slice(0, n);
}

/** A 64-hex Docker object id. */
export function randomId(w: World): string {
  return randomHex(w, 64);
}

/** A random locally administered unicast MAC (Docker 28 bridge endpoints, kernel veths and bridges). */
export function randomMac(w: World): string {
  const bytes = [
    nextU32(w) & 0xff,
    nextU32(w) & 0xff,
    nextU32(w) & 0xff,
    nextU32(w) & 0xff,
    nextU32(w) & 0xff,
    nextU32(w) & 0xff,
  ];
  bytes[0] = (bytes[0] & 0xfe) | 0x02;
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** An integer in [lo, hi]. */
export function randomInt(w: World, lo: number, hi: number): number {
  return lo + (nextU32(w) % (hi - lo + 1));
}
