import type { Step } from '../../sim/model';
import { STOP_ACTIONS } from '../../sim/playback/predict';
import { type ProtoCategory, stepCategory } from '../../sim/playback/protocol';

/** What the marker does for one step; pure data derived from the trace. */
export type StepPlan =
  /**
   * travel along edge `link`; `from`/`to` are the nodes passed before and after, to orient it.
   * `half`: a cable between two machines is one drawn edge but two steps ("leaves through eth0",
   * then "arrives on eth1"): the first covers the cable's first half, the second the rest.
   */
  | {
      kind: 'move';
      link: string;
      from: string | null;
      to: string | null;
      proto: ProtoCategory;
      half?: 'first' | 'second';
    }
  /** a broadcast leaves `node` on every edge but the one it came in on */
  | { kind: 'flood'; node: string; except: string | null; proto: ProtoCategory }
  /**
   * the packet is handled at `node`; `drop` marks where it was dropped or refused. `via`: the link
   * (of this node) the packet is at while handled: the one it came in on, or for a decision about
   * leaving (route, MASQUERADE, ARP for the next hop) the one it goes out on.
   */
  | { kind: 'at'; node: string; drop: boolean; proto: ProtoCategory; via?: string };

/** Actions that decide or prepare the way out: the packet is by its outgoing interface. */
const EGRESS = new Set(['route', 'snat', 'conntrack-new', 'arp-request', 'nd-solicit']);

/** The nearest link from step `from` on in direction `dir` while the steps stay at `node`. */
function linkAround(steps: readonly Step[], from: number, dir: 1 | -1, node: string): string | null {
  for (let i = from; i >= 0 && i < steps.length; i += dir) {
    const at = steps[i].at;
    if ('link' in at) return at.link;
    if (at.node !== node) return null;
  }
  return null;
}

function nearestNode(steps: readonly Step[], from: number, dir: 1 | -1): string | null {
  for (let i = from; i >= 0 && i < steps.length; i += dir) {
    const at = steps[i].at;
    if ('node' in at) return at.node;
  }
  return null;
}

function previousLink(steps: readonly Step[], from: number): string | null {
  for (let i = from; i >= 0; i--) {
    const at = steps[i].at;
    if ('link' in at) return at.link;
  }
  return null;
}

/** The animation plan of step `i`. */
export function planStep(steps: readonly Step[], i: number): StepPlan | null {
  const step = steps[i];
  if (!step) return null;
  const proto = stepCategory(step);
  if ('link' in step.at) {
    const plan: Extract<StepPlan, { kind: 'move' }> = {
      kind: 'move',
      link: step.at.link,
      from: nearestNode(steps, i - 1, -1),
      to: nearestNode(steps, i + 1, 1),
      proto,
    };
    // two wire steps in a row are the two ends of one cable (no node handles the frame between)
    if (i > 0 && 'link' in steps[i - 1].at) plan.half = 'second';
    else if ('link' in (steps[i + 1]?.at ?? {})) plan.half = 'first';
    return plan;
  }
  if (step.action === 'flood') return { kind: 'flood', node: step.at.node, except: previousLink(steps, i - 1), proto };
  const node = step.at.node;
  const before = linkAround(steps, i - 1, -1, node);
  const after = linkAround(steps, i + 1, 1, node);
  const via = (EGRESS.has(step.action) ? (after ?? before) : (before ?? after)) ?? undefined;
  return { kind: 'at', node, drop: STOP_ACTIONS.has(step.action), proto, ...(via ? { via } : {}) };
}

/** Step durations at 1x, in ms: a hop along a wire takes longer than work inside a box. */
export const BASE_MS = { move: 1100, flood: 1300, at: 750 } as const;

/** How long a plan plays at `speed`. */
export function planDuration(plan: StepPlan, speed: number): number {
  return BASE_MS[plan.kind] / Math.min(4, Math.max(0.25, speed));
}

/** Whether an edge whose ends are `source`→`target` is travelled backwards for this move. */
export function isReversed(plan: { from: string | null; to: string | null }, source: string, target: string): boolean {
  if (plan.from === source || plan.to === target) return false;
  return plan.from === target || plan.to === source;
}

/** Ease in and out, so a marker visibly leaves and arrives. */
export function ease(t: number): number {
  const c = Math.min(1, Math.max(0, t));
  return c < 0.5 ? 2 * c * c : 1 - (-2 * c + 2) ** 2 / 2;
}

/**
 * The drop reason as the canvas labels it: the narration's first clause, up to the first ': ' or
 * sentence end. The whole narration (with its why) stays in the panel; on the canvas it ran across
 * the whole drawing, over the cards it is about.
 * @example shortReason('internet has no route to 10.0.0.9: private addresses … are not routed') // 'internet has no route to 10.0.0.9'
 */
export function shortReason(text: string): string {
  const cut = /: |\. (?=\S)|\.$/.exec(text);
  return cut ? text.slice(0, cut.index) : text;
}
