import type { World } from '../model';
import type { SwarmService, SwarmTask } from '../swarm/types';
import type { UpdateOutcome } from '../swarm/update';

/**
 * What `docker service create|scale|update|rollback` leaves on a terminal once its progress
 * display settles (cli/command/service/progress/progress.go through jsonmessage.Display): the
 * overall line, one line a replica (or a node, for global services) while there are at most 20,
 * then the verify line. The simulation converges at once, so the 5-second stability wait is
 * already over. A task that cannot start never converges: the CLI would wait until interrupted,
 * and Ctrl-C's two lines close it. A rollback opens with its reason and closes with the
 * updater's "rollback completed"; a job shows its completions and ends with "job complete".
 */

/** A progress bar as JSONProgress.String draws it on a wide terminal: `[===>   ] `. */
function bar(current: number, total: number): string {
  const pct = Math.min(50, Math.floor(Math.floor((current / total) * 100) / 2));
  return `[${'='.repeat(pct)}>${' '.repeat(50 - pct)}] `;
}
const BAR = bar(9, 9);
/** `%-[1]*s` with the longest non-terminal state ("allocated", "preparing", and "complete" counted): 9. */
const state = (s: string) => s.padEnd(9);
/** numberedStates: the progress a state stands for. */
const RANK: Record<string, number> = {
  pending: 3,
  preparing: 6,
  running: 9,
  complete: 10,
  shutdown: 11,
  failed: 12,
  rejected: 13,
};

/** ≤ 75 characters, newlines flattened (truncError). */
const truncError = (msg: string) => {
  const flat = msg.replaceAll('\n', ' ');
  return flat.length > 75 ? `${flat.slice(0, 74)}…` : flat;
};

const interrupted = (shownId: string) => [
  'Operation continuing in background.',
  `Use \`docker service ps ${shownId}\` to check progress.`,
];

/**
 * `rollback`: a `service rollback` (or `update --rollback`). `outcome`: what the updater did
 * (swarm/update.ts): a pause ends the display with the CLI's error, listing only the tasks of
 * the new spec (its `_up-to-date` filter); a rollback on failure shows the updater's message.
 * Returns the lines and whether the CLI ends in error.
 */
export function updateProgress(
  world: World,
  serviceId: string,
  shownId: string,
  rollback: boolean,
  outcome: UpdateOutcome,
): { lines: string[]; error: boolean } {
  const failed = outcome.failed;
  if (!failed) return { lines: convergeProgress(world, serviceId, shownId, rollback), error: false };
  if (failed.action === 'rollback') {
    const lines = convergeProgress(world, serviceId, shownId, true, `rollback: ${failed.message} `);
    return { lines, error: false };
  }
  const upToDate = (t: SwarmTask) => outcome.fresh.has(t.id);
  const lines = convergeProgress(world, serviceId, shownId, rollback, undefined, upToDate).filter(
    (l) => !l.startsWith('Operation continuing') && !l.startsWith('Use `docker service ps'),
  );
  return { lines: [...lines, `service ${rollback ? 'rollback' : 'update'} paused: ${failed.message}`], error: true };
}

export function convergeProgress(
  world: World,
  serviceId: string,
  shownId: string,
  rollback = false,
  rollbackLine?: string,
  upToDate: (t: SwarmTask) => boolean = () => true,
): string[] {
  const s = world.swarm!;
  const svc = s.services[serviceId];
  if (svc.mode.endsWith('-job')) return jobProgress(world, svc, shownId);
  const tasks = Object.values(s.tasks).filter(
    (t) => t.serviceId === serviceId && t.desired === 'running' && upToDate(t),
  );
  const total = svc.mode === 'replicated' ? svc.replicas : tasks.length;
  const running = tasks.filter((t) => t.state === 'running').length;
  const lines = rollback && !rollbackLine ? ['rollback: manually requested rollback '] : [];
  lines.push(`overall progress: ${rollback ? 'rolling back update: ' : ''}${running} out of ${total} tasks `);
  const line = (label: string, t: SwarmTask) =>
    t.error ? `${label}: ${truncError(t.error)} ` : `${label}: ${state(t.state)} ${BAR}`;
  if (total <= 20) {
    if (svc.mode === 'replicated') {
      const bySlot = new Map(tasks.map((t) => [t.slot, t]));
      for (let slot = 1; slot <= total; slot++) {
        const t = bySlot.get(slot);
        // a slot whose task ended for good keeps the blank the first pass drew
        lines.push(t ? line(`${slot}/${total}`, t) : `${slot}/${total}:   `);
      }
    } else {
      for (const t of tasks) {
        const node = s.nodes.find((n) => n.machine === t.node && n.status === 'ready');
        lines.push(line((node?.id ?? t.node).slice(0, 12), t));
      }
    }
  }
  // a rollback the updater started shows its reason once the tasks' lines are drawn
  if (rollbackLine) lines.push(rollbackLine);
  if (running !== total) return [...lines, ...interrupted(shownId)];
  lines.push(`verify: Service ${shownId} converged `);
  if (rollback) lines.push('rollback: rollback completed');
  return lines;
}

/** The tasks of the job's current iteration, one a slot (or node): the one with the lowest state. */
function iterationTasks(world: World, svc: SwarmService, key: (t: SwarmTask) => string): Map<string, SwarmTask> {
  const out = new Map<string, SwarmTask>();
  for (const t of Object.values(world.swarm!.tasks)) {
    if (t.serviceId !== svc.id || (t.jobIteration ?? 0) !== (svc.jobIteration ?? 0)) continue;
    const have = out.get(key(t));
    if (!have || (RANK[have.state] ?? 0) > (RANK[t.state] ?? 0)) out.set(key(t), t);
  }
  return out;
}

/** replicatedJobProgressUpdater and globalJobProgressUpdater, settled. */
function jobProgress(world: World, svc: SwarmService, shownId: string): string[] {
  const taskLine = (label: string, t: SwarmTask) =>
    t.error ? `${label}: ${truncError(t.error)} ` : `${label}: ${state(t.state)} ${bar(RANK[t.state] ?? 0, 10)}`;
  const lines: string[] = [];
  let done: boolean;
  if (svc.mode === 'replicated-job') {
    const total = svc.replicas;
    const concurrent = svc.maxConcurrent ?? total;
    const bySlot = iterationTasks(world, svc, (t) => String(t.slot));
    const tasks = [...bySlot.values()];
    const completed = tasks.filter((t) => t.state === 'complete').length;
    const active = tasks.filter((t) => (RANK[t.state] ?? 0) < RANK.complete).length;
    const width = String(concurrent).length;
    lines.push(
      `job progress: ${String(completed).padStart(String(total).length)} out of ${total} complete ${total ? bar(completed, total) : ''}`,
      `active tasks: ${String(active).padStart(width)} out of ${String(Math.min(total - completed, concurrent)).padStart(width)} tasks `,
    );
    if (total <= 20)
      for (let slot = 0; slot < total; slot++) {
        const t = bySlot.get(String(slot));
        lines.push(t ? taskLine(`${slot + 1}/${total}`, t) : `${slot + 1}/${total}:   `);
      }
    done = completed === total;
  } else {
    const byNode = iterationTasks(world, svc, (t) => t.node);
    const s = world.swarm!;
    const tasks = s.nodes.flatMap((n) => (byNode.has(n.machine) ? [{ n, t: byNode.get(n.machine)! }] : []));
    const total = tasks.length;
    if (!total) return ['job progress: waiting for tasks ', ...interrupted(shownId)];
    const completed = tasks.filter(({ t }) => t.state === 'complete').length;
    lines.push(
      `job progress: ${String(completed).padStart(String(total).length)} out of ${total} complete ${bar(completed, total)}`,
    );
    if (total <= 20) for (const { n, t } of tasks) lines.push(taskLine(n.id, t));
    done = completed === total;
  }
  return done ? [...lines, 'job complete'] : [...lines, ...interrupted(shownId)];
}
