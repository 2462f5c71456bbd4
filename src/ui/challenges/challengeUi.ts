import { createStore, useStore } from 'zustand';
import type { GoalResult } from '../../sim/challenges/check';
import type { FieldError } from '../../sim/challenges/parse';
import type { Challenge } from '../../sim/challenges/schema';

/** The challenge a student works on, its last check, and a refused file's reasons (view state, not the World). */
interface ChallengeUi {
  active: Challenge | null;
  results: GoalResult[] | null;
  errors: FieldError[] | null;
  set: (p: Partial<Omit<ChallengeUi, 'set'>>) => void;
}

export const challengeUi = createStore<ChallengeUi>()((set) => ({
  active: null,
  results: null,
  errors: null,
  set: (p) => set(p),
}));

export function useChallengeUi<T>(sel: (s: ChallengeUi) => T): T {
  return useStore(challengeUi, sel);
}
