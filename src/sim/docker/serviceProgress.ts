import type { World } from '../model';
import type { SwarmTask } from '../swarm/types';

/**
 * What `docker service create|scale` leaves on a terminal once its progress display settles
 * (cli/command/service/progress/progress.go through jsonmessage.Display): the overall line, one
 * line a replica (or a node, for global services) while there are at most 20, then the verify line.
 * The simulation converges at once, so the 5-second stability wait is already over. A task that
 * cannot start never converges: the CLI would wait until interrupted, and Ctrl-C's two lines close it.
 */

const BAR = `[${'='.repeat(50)}>]`;
/** `%-[1]*s` with the longest non-terminal state ("allocated", "preparing"): 9. */
const state = (s: string) => s.padEnd(9);

/** ≤ 75 characters, newlines flattened (truncError). */
const truncError = (msg: string) => {
  const flat = msg.replaceAll('\n', ' ');
  return flat.length > 75 ? `${flat.slice(0, 74)}…` : flat;
};

export function convergeProgress(world: World, serviceId: string, shownId: string): string[] {
  const s = world.swarm!;
  const svc = s.services[serviceId];
  const tasks = Object.values(s.tasks).filter((t) => t.serviceId === serviceId && t.desired === 'running');
  const total = svc.mode === 'replicated' ? svc.replicas : tasks.length;
  const running = tasks.filter((t) => t.state === 'running').length;
  const lines = [`overall progress: ${running} out of ${total} tasks `];
  const line = (label: string, t: SwarmTask) =>
    t.error ? `${label}: ${truncError(t.error)} ` : `${label}: ${state(t.state)} ${BAR} `;
  if (total <= 20) {
    if (svc.mode === 'replicated') {
      for (const t of [...tasks].sort((a, b) => a.slot - b.slot)) lines.push(line(`${t.slot}/${total}`, t));
    } else {
      for (const t of tasks) {
        const node = s.nodes.find((n) => n.machine === t.node && n.status === 'ready');
        lines.push(line((node?.id ?? t.node).slice(0, 12), t));
      }
    }
  }
  if (running === total) lines.push(`verify: Service ${shownId} converged `);
  else lines.push('Operation continuing in background.', `Use \`docker service ps ${shownId}\` to check progress.`);
  return lines;
}
