import { type ParseResult, type ProjectDoc, parseProject, serializeProject } from './project';

/** The URL fragment key of a shared project: `#project=<base64url of the project JSON>`. */
export const SHARE_KEY = 'project';

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

/** A link that opens this project (world and layout; preferences stay the reader's own). */
export function shareLink(doc: ProjectDoc, base: string): string {
  const url = new URL(base);
  url.hash = `${SHARE_KEY}=${toBase64Url(serializeProject({ world: doc.world, pinned: doc.pinned }))}`;
  return url.toString();
}

/** Reads a project from a URL fragment; null when the fragment holds none. Never throws. */
export function readShareFragment(hash: string): ParseResult | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const payload = params.get(SHARE_KEY);
  if (payload === null) return null;
  let text: string;
  try {
    text = fromBase64Url(payload);
  } catch {
    return { ok: false, error: 'the link is damaged (not base64url UTF-8)' };
  }
  return parseProject(text);
}
