import { atOnceExitCode, exitsAtOnce } from '../docker/lifecycle';
import type { World } from '../model';
import { removeTaskContainer } from './taskContainer';
import type { SwarmService, SwarmTask } from './types';

/**
 * A task's main process ending, and swarmkit's restart supervisor deciding what follows
 * (manager/orchestrator/restart/restart.go Restart, shouldRestart). The engine runs no process:
 * a task exits at once when its container would (`docker run` decides the same way: a one-shot
 * command, a shell without a terminal), with the code its command gives.
 */

/**
 * The sim's bound on a slot's restarts where swarmkit would go on forever (the task history
 * retention limit, 5): a failing command under `any`/`on-failure` with no --restart-max-attempts.
 */
export const RESTART_CAP = 5;

const isJob = (svc: SwarmService) => svc.mode.endsWith('-job');

/** The exit code of the task's process once started, or null while it keeps running. */
export function exitCodeOf(world: World, task: SwarmTask): number | null {
  const c = task.containerId ? world.containers[task.containerId] : undefined;
  if (!c || !exitsAtOnce(c)) return null;
  const code = atOnceExitCode(c);
  if (code) return code;
  const words =
    c.cmd.length > 2 && /(^|\/)(ba)?sh$/.test(c.cmd[0]) && c.cmd[1] === '-c' ? c.cmd[2].split(/\s+/) : c.cmd;
  const base = words[0]?.split('/').pop();
  if (base === 'false') return 1;
  if (base === 'exit') return Number(words[1] ?? 0) & 255;
  return 0;
}

/**
 * Whether a task that ended is followed by a new one (shouldRestart): never under `none`; not
 * after a clean exit under `on-failure` (nor for a job under `any`); else while fewer than
 * --restart-max-attempts restarts happened (0: no bound, which the sim stops at RESTART_CAP).
 */
export function restartWanted(svc: SwarmService, task: SwarmTask, restartsSoFar: number): boolean {
  const policy = svc.spec?.restartPolicy ?? {};
  const condition = (policy.Condition as string | undefined) ?? 'any';
  if (condition === 'none') return false;
  if ((condition === 'on-failure' || isJob(svc)) && task.state === 'complete') return false;
  const max = (policy.MaxAttempts as number | undefined) ?? 0;
  return restartsSoFar < (max > 0 ? max : RESTART_CAP - 1);
}

/**
 * Whether the sim lets a started task's process end: a job's always; a service's only when its
 * policy could stop restarting it (`none`, `on-failure`, or a --restart-max-attempts). A service
 * under `any` with no bound restarts a task that exits forever; the sim keeps it Running.
 */
export function exitFelt(svc: SwarmService): boolean {
  if (isJob(svc)) return true;
  const policy = svc.spec?.restartPolicy ?? {};
  return (policy.Condition ?? 'any') !== 'any' || ((policy.MaxAttempts as number | undefined) ?? 0) > 0;
}

/** The task's process exited with `code`: Complete or Failed, its container gone, desired Shutdown (a job's clean end stays desired Complete). */
export function finishTask(d: World, task: SwarmTask, code: number): void {
  removeTaskContainer(d, task);
  task.state = code === 0 ? 'complete' : 'failed';
  if (code !== 0) task.error = `task: non-zero exit (${code})`;
  if (task.desired !== 'complete' || code !== 0) task.desired = 'shutdown';
  task.since = d.clock;
}
