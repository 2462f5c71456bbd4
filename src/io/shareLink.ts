import { createDefaultWorld } from '../sim/world';
import { type ParseResult, type ProjectDoc, serializeProject } from './envelope';
import type { Engine } from './recipe';

/** The URL fragment key of a shared project in the first link format: `#project=<base64url of the project JSON>`. */
export const SHARE_KEY = 'project';
/** The keys of the short formats (src/io/shareCodec.ts): `#w=` a compressed World, `#c=` the commands that built it. */
const SHORT_KEYS = ['c', 'w'] as const;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** A link in the first format (kept so tests can make old links; the app now shares with {@link shortShareLink}). */
export function shareLink(doc: ProjectDoc, base: string): string {
  const url = new URL(base);
  url.hash = `${SHARE_KEY}=${toBase64Url(serializeProject({ world: doc.world, pinned: doc.pinned }))}`;
  return url.toString();
}

/** The shortest link that opens this project exactly (world, layout; preferences stay the reader's own). */
export async function shortShareLink(
  doc: ProjectDoc,
  base: string,
  loadEngine: () => Promise<Engine>,
): Promise<string> {
  const [{ shareFragment }, eng] = await Promise.all([import('./shareCodec'), loadEngine()]);
  const url = new URL(base);
  url.hash = shareFragment(doc, createDefaultWorld, eng);
  return url.toString();
}

/** Reads a first-format link from a URL fragment; null when the fragment holds none. Never rejects. */
export async function readShareFragment(hash: string): Promise<ParseResult | null> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const payload = params.get(SHARE_KEY);
  if (payload === null) return null;
  let text: string;
  try {
    text = fromBase64Url(payload);
  } catch {
    return { ok: false, error: 'the link is damaged (not base64url UTF-8)' };
  }
  const { parseProject } = await import('./project');
  return parseProject(text);
}

/** A short-format payload, read raw: lz-string's alphabet has `+`, which URLSearchParams would turn into a space. */
function shortPayload(hash: string): { key: (typeof SHORT_KEYS)[number]; payload: string } | null {
  const m = /(?:^#?|&)(c|w)=([^&]*)/.exec(hash);
  if (!m) return null;
  let payload = m[2];
  try {
    payload = decodeURIComponent(payload);
  } catch {
    // not percent-encoded: keep it as it is
  }
  return { key: m[1] as (typeof SHORT_KEYS)[number], payload };
}

/**
 * Reads a shared project in any format (old links at once, short ones once their decoder loads).
 * Never rejects. `loadEngine` is the store's (passed in: importing it here splits the first bundle).
 */
export async function openShareFragment(hash: string, loadEngine: () => Promise<Engine>): Promise<ParseResult | null> {
  const old = await readShareFragment(hash);
  if (old) return old;
  const short = shortPayload(hash);
  if (!short) return null;
  try {
    const [{ openFragment }, eng] = await Promise.all([import('./shareCodec'), loadEngine()]);
    return openFragment(short.key, short.payload, createDefaultWorld, eng);
  } catch (e) {
    return { ok: false, error: `the link could not be opened (${(e as Error).message})` };
  }
}
