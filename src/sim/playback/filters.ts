import type { Step } from '../model';
import { type ProtoCategory, stepCategory } from './protocol';

/** Which protocol families are shown and stepped through. */
export type ProtoFilters = Record<ProtoCategory, boolean>;

/** All protocols shown. */
export const ALL_PROTOCOLS: ProtoFilters = { arp: true, icmp: true, tcp: true, udp: true, other: true };

/** Whether step `i` passes the filters. */
export function isVisible(steps: readonly Step[], i: number, filters: ProtoFilters): boolean {
  const step = steps[i];
  return step !== undefined && filters[stepCategory(step)];
}

/** The first visible step index after `from`, or -1. */
export function nextVisible(steps: readonly Step[], from: number, filters: ProtoFilters): number {
  for (let i = from + 1; i < steps.length; i++) if (isVisible(steps, i, filters)) return i;
  return -1;
}

/** The last visible step index before `from`, or -1. */
export function prevVisible(steps: readonly Step[], from: number, filters: ProtoFilters): number {
  for (let i = Math.min(from, steps.length) - 1; i >= 0; i--) if (isVisible(steps, i, filters)) return i;
  return -1;
}

/** Indices of the visible steps, in order (the event list). */
export function visibleIndices(steps: readonly Step[], filters: ProtoFilters): number[] {
  const out: number[] = [];
  for (let i = 0; i < steps.length; i++) if (isVisible(steps, i, filters)) out.push(i);
  return out;
}
