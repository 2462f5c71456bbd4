import type { Challenge } from '../../sim/challenges/schema';
import { createDefaultWorld } from '../../sim/world';
import { appStore } from '../../store/instance';
import { replaceDocument } from '../replaceDocument';
import { challengeUi } from './challengeUi';

/**
 * Starts (or resets) an attempt: the default World, then the challenge's start lines through the
 * store's own `run` (the console echoes them), as one undo step, as a lesson scene loads.
 */
export function startChallenge(ch: Challenge): void {
  replaceDocument(appStore(), createDefaultWorld(), ch.start);
  challengeUi.getState().set({ active: ch, results: null, errors: null });
}

/** A link that opens this challenge: its file, compressed into the URL's fragment. */
export async function challengeLink(ch: Challenge, base: string): Promise<string> {
  const [{ stringify }, { default: lz }] = await Promise.all([import('yaml'), import('lz-string')]);
  const url = new URL(base);
  url.hash = `challenge=${lz.compressToEncodedURIComponent(stringify(ch))}`;
  return url.toString();
}

/** The challenge file in a `#challenge=` fragment, or null when there is none. */
export async function challengeFromHash(hash: string): Promise<string | null> {
  const m = /(?:^#?|&)challenge=([^&]*)/.exec(hash);
  if (!m) return null;
  const { default: lz } = await import('lz-string');
  return lz.decompressFromEncodedURIComponent(m[1]) ?? '';
}
