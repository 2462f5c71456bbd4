import { parseChallenge } from '../../sim/challenges/parse';
import { challengeUi } from './challengeUi';
import { challengeFromHash, startChallenge } from './startChallenge';

/** Reads a shared challenge link (the dialog is open): starts the challenge, or shows why its file was refused. */
export async function openChallengeLink(hash: string): Promise<void> {
  const text = await challengeFromHash(hash);
  if (text === null) return;
  const r = parseChallenge(text);
  if (r.ok) startChallenge(r.challenge);
  else challengeUi.getState().set({ errors: r.errors });
  history.replaceState(null, '', location.pathname + location.search);
}
