import type { Step } from '../model';
import { nextVisible, type ProtoFilters, prevVisible } from './filters';
import { type Phase, type PhaseKind, phaseIndexAt } from './phases';

/**
 * Moving by phases over the steps the filters show. A phase whose steps are all hidden is passed
 * over, as stepping passes over hidden steps.
 */

/** The first shown step of phase `k`, or -1 when all of its steps are hidden. */
export function phaseFirstShown(steps: readonly Step[], phases: readonly Phase[], k: number, filters: ProtoFilters) {
  const p = phases[k];
  if (!p) return -1;
  const i = nextVisible(steps, p.start - 1, filters);
  return i !== -1 && i <= p.end ? i : -1;
}

/** Where "next phase" goes from `cursor`: the first shown step of a later phase, or -1 at the last. */
export function nextPhaseStep(
  steps: readonly Step[],
  phases: readonly Phase[],
  cursor: number,
  filters: ProtoFilters,
): number {
  const k = phaseIndexAt(phases, cursor);
  const from = k === -1 ? (cursor < 0 ? -1 : steps.length) : phases[k].end;
  return nextVisible(steps, from, filters);
}

/**
 * Where "previous phase" goes: the start of the cursor's own phase when past it (as a music
 * player's ⏮ restarts the song), else the start of the phase before; -1 at the first.
 */
export function prevPhaseStep(
  steps: readonly Step[],
  phases: readonly Phase[],
  cursor: number,
  filters: ProtoFilters,
): number {
  const k = phaseIndexAt(phases, cursor);
  if (k === -1) return -1;
  const own = phaseFirstShown(steps, phases, k, filters);
  if (own !== -1 && own < cursor) return own;
  const before = prevVisible(steps, phases[k].start, filters);
  if (before === -1) return -1;
  return phaseFirstShown(steps, phases, phaseIndexAt(phases, before), filters);
}

/** The kinds of the messages themselves (not the ARP or NAT that happen on their way). */
const ON_THE_WAY: ReadonlySet<PhaseKind> = new Set(['arp', 'ndp', 'nat']);

/**
 * Whether predict mode asks "what happens next?" before phase `k`: before every ARP exchange and
 * every rewrite, and before a new message (the reply, the request); not where a message resumes
 * after the ARP or NAT on its way, which no class needs to guess.
 */
export function asksBefore(phases: readonly Phase[], k: number): boolean {
  if (k <= 0 || k >= phases.length) return false;
  const kind = phases[k].kind;
  if (ON_THE_WAY.has(kind)) return true;
  for (let j = k - 1; j >= 0; j--) if (!ON_THE_WAY.has(phases[j].kind)) return phases[j].kind !== kind;
  return true;
}
