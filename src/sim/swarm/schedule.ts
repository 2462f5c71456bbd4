import { imageInfo } from '../images';
import type { World } from '../model';
import { allocateOverlayIp } from './overlayIpam';
import { globalRunsOn, placeTask } from './placement';
import { plain, randomBase36, schedulableNodes } from './state';
import { removeTaskContainer, startTaskContainer } from './taskContainer';
import { exitCodeOf, exitFelt, finishTask, restartWanted } from './taskExit';
import type { SwarmService, SwarmTask } from './types';

/**
 * The orchestrator and scheduler, converging a service at once (the simulation has no lag): a
 * replicated service gets one running task per slot 1..replicas, a global one one task per ready
 * node. A task that cannot run (an image no registry has) is Rejected with the node's error.
 * A job's tasks run to completion (swarmkit manager/orchestrator/jobs): a replicated job runs
 * TotalCompletions tasks in slots from 0, at most MaxConcurrent at once; a global job one per node.
 */

/** The ingress network, when the swarm has one. */
export function ingressNetworkId(world: World): string | undefined {
  return Object.values(world.networks).find((n) => n.ingress)?.id;
}

/** The networks a service's tasks join: ingress first (when it publishes in ingress mode), then its own. */
export function taskNetworks(world: World, serviceId: string): string[] {
  const svc = world.swarm!.services[serviceId];
  const ingress = ingressNetworkId(world);
  const viaIngress = ingress && svc.ports.some((p) => p.mode === 'ingress');
  return [...(viaIngress ? [ingress] : []), ...svc.networks];
}

const isJob = (svc: SwarmService) => svc.mode.endsWith('-job');

/** A task Pending on no node: the scheduler found none that passes its filters. */
function pendingTask(d: World, serviceId: string, slot: number, error: string): SwarmTask {
  const svc = d.swarm!.services[serviceId];
  const task: SwarmTask = {
    id: randomBase36(d),
    serviceId,
    slot,
    image: svc.image,
    node: '',
    desired: isJob(svc) ? 'complete' : 'running',
    state: 'pending',
    error,
    since: d.clock,
    addrs: [],
    ...(isJob(svc) ? { jobIteration: svc.jobIteration ?? 0 } : {}),
  };
  d.swarm!.tasks[task.id] = task;
  return task;
}

/** Runs `task` on `node`: allocated, started, or Rejected when no registry has its image. */
function assign(d: World, task: SwarmTask, node: string): void {
  const svc = d.swarm!.services[task.serviceId];
  const known = imageInfo(svc.image).known;
  const tag = svc.image.includes(':') ? svc.image : `${svc.image}:latest`;
  task.node = node;
  task.state = known ? 'running' : 'rejected';
  task.since = d.clock;
  if (known) delete task.error;
  else task.error = `No such image: ${tag}`;
  if (known) {
    for (const networkId of taskNetworks(d, task.serviceId)) {
      const ip = allocateOverlayIp(d, networkId);
      if (ip) task.addrs.push({ networkId, ip });
    }
    startTaskContainer(d, task.id);
  }
}

/**
 * Starts a task in `slot` on `node`; when its process ends (taskExit.ts) the restart supervisor
 * follows the policy, each restart a new task of the slot (on the same node). Returns the last task.
 */
export function newTask(d: World, serviceId: string, slot: number, node: string): SwarmTask {
  const svc = d.swarm!.services[serviceId];
  let restarts = 0;
  for (;;) {
    const task = pendingTask(d, serviceId, slot, '');
    assign(d, d.swarm!.tasks[task.id], node);
    const t = d.swarm!.tasks[task.id];
    const code = t.state === 'running' && exitFelt(svc) ? exitCodeOf(d, t) : null;
    if (code === null) return { ...plain(t) };
    finishTask(d, t, code);
    if (!restartWanted(svc, t, restarts++)) return { ...plain(t) };
  }
}

/** Whether a replicated slot's newest task ended for good (its policy restarts it no more). */
function slotDone(svc: SwarmService, history: SwarmTask[]): boolean {
  if (!history.length) return false;
  const newest = history.reduce((a, b) => (b.since > a.since || (b.since === a.since && b.id > a.id) ? b : a));
  if (newest.state !== 'complete' && newest.state !== 'failed') return false;
  return !restartWanted(svc, newest, history.length - 1);
}

/** Starts and stops tasks until the service matches its spec. `refill`: a service update also fills slots that ended. */
export function reconcileService(d: World, serviceId: string, refill = false): void {
  const s = d.swarm!;
  const svc = s.services[serviceId];
  if (!svc) return;
  if (isJob(svc)) {
    reconcileJob(d, svc);
    return;
  }
  // one snapshot of the tasks, kept up to date below: a snapshot per slot cost O(tasks) each
  const every = Object.values(plain(s.tasks));
  const all = every.filter((t) => t.desired === 'running');
  const live = all.filter((t) => t.serviceId === serviceId);
  if (svc.mode === 'replicated') {
    // Scaled down: the highest slots go, and their tasks are deleted.
    for (const t of live) {
      if (t.slot <= svc.replicas) continue;
      removeTaskContainer(d, s.tasks[t.id]);
      delete s.tasks[t.id];
    }
    const kept = live.filter((t) => t.slot <= svc.replicas && t.state !== 'pending');
    const others = all.filter((t) => t.serviceId !== serviceId && t.state !== 'pending');
    const slots = new Set(kept.map((t) => t.slot));
    const pending = new Map(live.filter((t) => t.state === 'pending').map((t) => [t.slot, t]));
    const ended = refill || !exitFelt(svc) ? [] : every.filter((t) => t.serviceId === serviceId);
    for (let slot = 1; slot <= svc.replicas; slot++) {
      if (
        slots.has(slot) ||
        slotDone(
          svc,
          ended.filter((t) => t.slot === slot),
        )
      )
        continue;
      const placed = placeTask(d, serviceId, [...others, ...kept]);
      const waiting = pending.get(slot);
      if ('error' in placed) {
        if (waiting) waiting.error = placed.error;
        else pendingTask(d, serviceId, slot, placed.error);
        continue;
      }
      if (waiting) {
        assign(d, s.tasks[waiting.id], placed.node.machine);
        kept.push({ ...waiting, node: placed.node.machine, state: 'running' });
      } else {
        const t = newTask(d, serviceId, slot, placed.node.machine);
        if (t.desired === 'running') kept.push(t);
      }
    }
  } else {
    const nodes = schedulableNodes(s).filter((n) => globalRunsOn(d, svc, n));
    if (refill) {
      // an update whose constraints a node no longer meets: the global orchestrator stops its task there
      for (const t of live) {
        if (!t.node || nodes.some((n) => n.machine === t.node)) continue;
        const task = s.tasks[t.id];
        removeTaskContainer(d, task);
        task.desired = 'shutdown';
        if (task.state === 'running') task.state = 'shutdown';
        task.since = d.clock;
      }
    }
    const ended = refill || !exitFelt(svc) ? [] : every.filter((t) => t.serviceId === serviceId);
    for (const n of nodes) {
      if (live.some((t) => t.node === n.machine)) continue;
      if (
        slotDone(
          svc,
          ended.filter((t) => t.node === n.machine),
        )
      )
        continue;
      newTask(d, serviceId, 0, n.machine);
    }
  }
}

/**
 * The jobs orchestrator (jobs/replicated/reconciler.go, jobs/global): tasks of earlier iterations
 * still running are stopped; a replicated job starts tasks in its lowest free slots (from 0)
 * until TotalCompletions completed, at most MaxConcurrent active at once; a global job runs one
 * task on each eligible node that has none of this iteration.
 */
function reconcileJob(d: World, svc: SwarmService): void {
  const s = d.swarm!;
  const iteration = svc.jobIteration ?? 0;
  const mine = () => Object.values(plain(s.tasks)).filter((t) => t.serviceId === svc.id);
  for (const t of mine()) {
    if (t.jobIteration === iteration || t.desired === 'shutdown' || t.state !== 'running') continue;
    const task = s.tasks[t.id];
    removeTaskContainer(d, task);
    task.desired = 'shutdown';
    task.state = 'shutdown';
    task.since = d.clock;
  }
  if (svc.mode === 'global-job') {
    const now = mine().filter((t) => t.jobIteration === iteration);
    for (const n of schedulableNodes(s).filter((x) => globalRunsOn(d, svc, x)))
      if (!now.some((t) => t.node === n.machine)) newTask(d, svc.id, 0, n.machine);
    return;
  }
  const total = svc.replicas;
  const concurrent = svc.maxConcurrent ?? total;
  for (;;) {
    const now = mine().filter((t) => t.jobIteration === iteration);
    const complete = now.filter((t) => t.state === 'complete');
    const active = now.filter((t) => t.state !== 'complete' && t.desired !== 'shutdown');
    // a failed task the policy gave up on holds its slot (the sim's bound on swarmkit's retries)
    const given = now.filter((t) => t.state === 'failed' && t.desired === 'shutdown');
    const used = new Set([...complete, ...active, ...given].map((t) => t.slot));
    const wanted = Math.min(concurrent - active.length, total - complete.length - active.length);
    const free: number[] = [];
    for (let slot = 0; slot < total && free.length < wanted; slot++) if (!used.has(slot)) free.push(slot);
    if (!free.length) return;
    const others = Object.values(plain(s.tasks)).filter((t) => t.desired !== 'shutdown' && t.state === 'running');
    let started = false;
    for (const slot of free) {
      const placed = placeTask(d, svc.id, others);
      if ('error' in placed) pendingTask(d, svc.id, slot, placed.error);
      else newTask(d, svc.id, slot, placed.node.machine);
      started = true;
    }
    if (!started) return;
  }
}

/** Removes a service's tasks (service rm). */
export function dropTasks(d: World, serviceId: string): void {
  const s = d.swarm!;
  for (const t of Object.values(s.tasks)) {
    if (t.serviceId !== serviceId) continue;
    removeTaskContainer(d, t);
    delete s.tasks[t.id];
  }
}
