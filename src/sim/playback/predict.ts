import type { Step, Trace } from '../model';

/** The node id a step happens at or, for a link step, the node the packet last passed. */
export function nodeOfStep(steps: readonly Step[], i: number): string | null {
  for (let j = i; j >= 0; j--) {
    const at = steps[j].at;
    if ('node' in at) return at.node;
  }
  return null;
}

/** Actions where a packet's journey ends short of its goal: dropped, or refused by the receiver. */
export const STOP_ACTIONS: ReadonlySet<string> = new Set(['drop', 'refuse']);

/** The answer that means "the packet arrives". */
export const ARRIVES = 'arrives';

/**
 * Predict-mode choices: "arrives", then the stops on the way the class expects (`expected`, see
 * predictPath.ts) and every node the trace visits, in that order. The last node of a drop is
 * always among them; so are stops the packet never reaches, so the buttons do not tell.
 */
export function predictChoices(trace: Trace, expected: readonly string[] = []): string[] {
  const seen = new Set<string>(expected);
  for (const s of trace.steps) if ('node' in s.at) seen.add(s.at.node);
  return [ARRIVES, ...seen];
}

/**
 * The right answer: "arrives" when the trace ends well, else where the packet stopped: the node of
 * the last drop or refusal (a refused connection's RST still travels back, but the request
 * stopped where it was refused), or of the last step when nothing says so.
 */
export function predictAnswer(trace: Trace): string {
  if (trace.outcome.ok) return ARRIVES;
  let at = trace.steps.length - 1;
  for (let i = trace.steps.length - 1; i >= 0; i--) {
    if (STOP_ACTIONS.has(trace.steps[i].action)) {
      at = i;
      break;
    }
  }
  return nodeOfStep(trace.steps, at) ?? ARRIVES;
}
