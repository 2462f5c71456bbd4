import { imageInfo } from '../images';
import type { World } from '../model';
import { allocateOverlayIp } from './overlayIpam';
import { globalRunsOn, placeTask } from './placement';
import { plain, randomBase36, schedulableNodes } from './state';
import { removeTaskContainer, startTaskContainer } from './taskContainer';
import type { SwarmTask } from './types';

/**
 * The orchestrator and scheduler, converging a service at once (the simulation has no lag): a
 * replicated service gets one running task per slot 1..replicas, a global one one task per ready
 * node. A task that cannot run (an image no registry has) is Rejected with the node's error.
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

/** A task Pending on no node: the scheduler found none that passes its filters. */
function pendingTask(d: World, serviceId: string, slot: number, error: string): SwarmTask {
  const task: SwarmTask = {
    id: randomBase36(d),
    serviceId,
    slot,
    node: '',
    desired: 'running',
    state: 'pending',
    error,
    since: d.clock,
    addrs: [],
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

function newTask(d: World, serviceId: string, slot: number, node: string): SwarmTask {
  const task = pendingTask(d, serviceId, slot, '');
  assign(d, d.swarm!.tasks[task.id], node);
  return { ...task, node };
}

/** Starts and stops tasks until the service matches its spec. */
export function reconcileService(d: World, serviceId: string): void {
  const s = d.swarm!;
  const svc = s.services[serviceId];
  if (!svc) return;
  // one snapshot of the tasks, kept up to date below: a snapshot per slot cost O(tasks) each
  const all = Object.values(plain(s.tasks)).filter((t) => t.desired === 'running');
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
    for (let slot = 1; slot <= svc.replicas; slot++) {
      if (slots.has(slot)) continue;
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
      } else kept.push(newTask(d, serviceId, slot, placed.node.machine));
    }
  } else {
    const nodes = schedulableNodes(s).filter((n) => globalRunsOn(d, svc, n));
    for (const n of nodes) if (!live.some((t) => t.node === n.machine)) newTask(d, serviceId, 0, n.machine);
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
