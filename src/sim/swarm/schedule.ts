import { imageInfo } from '../images';
import type { World } from '../model';
import { allocateOverlayIp } from './overlayIpam';
import { pickNode, plain, randomBase36, schedulableNodes } from './state';
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

function newTask(d: World, serviceId: string, slot: number, node: string): SwarmTask {
  const s = d.swarm!;
  const svc = s.services[serviceId];
  const known = imageInfo(svc.image).known;
  const tag = svc.image.includes(':') ? svc.image : `${svc.image}:latest`;
  const task: SwarmTask = {
    id: randomBase36(d),
    serviceId,
    slot,
    node,
    desired: 'running',
    state: known ? 'running' : 'rejected',
    ...(known ? {} : { error: `No such image: ${tag}` }),
    since: d.clock,
    addrs: [],
  };
  s.tasks[task.id] = task;
  if (known) {
    for (const networkId of taskNetworks(d, serviceId)) {
      const ip = allocateOverlayIp(d, networkId);
      if (ip) task.addrs.push({ networkId, ip });
    }
    startTaskContainer(d, task.id);
  }
  return task;
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
    const kept = live.filter((t) => t.slot <= svc.replicas);
    const others = all.filter((t) => t.serviceId !== serviceId);
    const slots = new Set(kept.map((t) => t.slot));
    for (let slot = 1; slot <= svc.replicas; slot++) {
      if (slots.has(slot)) continue;
      const node = pickNode(s, serviceId, [...others, ...kept]);
      if (!node) break;
      kept.push(newTask(d, serviceId, slot, node.machine));
    }
  } else {
    const nodes = schedulableNodes(s);
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
