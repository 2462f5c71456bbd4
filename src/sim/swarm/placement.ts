import { inCidr, isIPv4 } from '../ipam';
import type { World } from '../model';
import { pickNode } from './state';
import type { SwarmNode, SwarmService, SwarmTask } from './types';

/**
 * swarmkit's scheduler pipeline for one task (manager/scheduler/pipeline.go, filter.go): a node
 * passes ReadyFilter (ready and `active`), ResourceFilter (CPU reservations within the node's 4
 * CPUs), ConstraintFilter (constraint.NodeMatches), HostPortFilter (a `mode=host` published port
 * free on the node) and MaxReplicasFilter (`--replicas-max-per-node`); among those the spread
 * scheduler picks. With none, the task stays Pending with Pipeline.Explain's reason, the filters
 * sorted by how many nodes each refused: `no suitable node (scheduling constraints not satisfied
 * on 2 nodes; 1 node not available for new tasks)`.
 */

/** The simulated hosts' CPUs (runOptsCheck HOST_CPUS), in nano CPUs. */
const NODE_NANO_CPUS = 4e9;

/** One `key==value` / `key!=value` constraint (already checked by constraint.Parse at create). */
function constraintMatches(expr: string, node: SwarmNode, world: World): boolean {
  const op = expr.includes('==') ? '==' : '!=';
  const key = expr.slice(0, expr.indexOf(op)).trim().toLowerCase();
  const want = expr.slice(expr.indexOf(op) + 2).trim();
  const eq = op === '==';
  const ip = node.addr.split(':')[0];
  if (key === 'node.ip') {
    if (isIPv4(want)) return (want === ip) === eq;
    if (/^[\d.]+\/\d+$/.test(want)) return inCidr(ip, want) === eq;
    return false;
  }
  const attrs: Record<string, string> = {
    'node.id': node.id,
    'node.hostname': world.machines[node.machine]?.hostname ?? node.machine,
    'node.role': node.role,
    'node.platform.os': 'linux',
    'node.platform.arch': 'x86_64',
  };
  // node and engine labels: whalewire's nodes carry none, so a label compares as ""
  const value = attrs[key] ?? (key.startsWith('node.labels.') || key.startsWith('engine.labels.') ? '' : undefined);
  if (value === undefined) return false;
  return (value.toLowerCase() === want.toLowerCase()) === eq;
}

type Filter = { key: string; explain: (n: number) => string };
const FILTERS: Filter[] = [
  {
    key: 'ready',
    explain: (n) => (n === 1 ? '1 node not available for new tasks' : `${n} nodes not available for new tasks`),
  },
  {
    key: 'resource',
    explain: (n) => (n === 1 ? 'insufficient resources on 1 node' : `insufficient resources on ${n} nodes`),
  },
  {
    key: 'constraint',
    explain: (n) =>
      n === 1 ? 'scheduling constraints not satisfied on 1 node' : `scheduling constraints not satisfied on ${n} nodes`,
  },
  {
    key: 'hostport',
    explain: (n) =>
      n === 1 ? 'host-mode port already in use on 1 node' : `host-mode port already in use on ${n} nodes`,
  },
  { key: 'max', explain: () => 'max replicas per node limit exceed' },
];

const reservedCpus = (svc: SwarmService | undefined) => Number(svc?.spec?.resources.Reservations.NanoCPUs ?? 0);

/** The first filter `node` fails for a task of `svc`, or null. `live`: the tasks running now. */
function failedFilter(world: World, svc: SwarmService, node: SwarmNode, live: SwarmTask[]): string | null {
  if (node.status !== 'ready' || (node.availability ?? 'active') !== 'active') return 'ready';
  const services = world.swarm!.services;
  const hostPorts = svc.ports.filter((p) => p.mode === 'host' && p.published);
  const max = Number(svc.spec?.placement.MaxReplicas ?? 0);
  // the node's tasks are read only by the filters that need them (most services use none of them)
  const here = reservedCpus(svc) || hostPorts.length || max ? live.filter((t) => t.node === node.machine) : [];
  const cpus = reservedCpus(svc) ? here.reduce((sum, t) => sum + reservedCpus(services[t.serviceId]), 0) : 0;
  if (reservedCpus(svc) && cpus + reservedCpus(svc) > NODE_NANO_CPUS) return 'resource';
  const constraints = (svc.spec?.placement.Constraints ?? []) as string[];
  if (!constraints.every((c) => constraintMatches(c, node, world))) return 'constraint';
  const taken = here.some((t) =>
    (services[t.serviceId]?.ports ?? []).some(
      (q) => q.mode === 'host' && hostPorts.some((p) => p.published === q.published && p.protocol === q.protocol),
    ),
  );
  if (taken) return 'hostport';
  if (max && here.filter((t) => t.serviceId === svc.id).length >= max) return 'max';
  return null;
}

/** Where the next task of `serviceId` goes, or the Pending task's error. */
export function placeTask(world: World, serviceId: string, live: SwarmTask[]): { node: SwarmNode } | { error: string } {
  const s = world.swarm!;
  const svc = s.services[serviceId];
  const failures = new Map<string, number>();
  const fits = new Set<string>();
  for (const n of s.nodes) {
    const f = failedFilter(world, svc, n, live);
    if (f === null) fits.add(n.machine);
    else failures.set(f, (failures.get(f) ?? 0) + 1);
  }
  const node = pickNode(s, serviceId, live, (n) => fits.has(n.machine));
  if (node) return { node };
  const why = FILTERS.filter((f) => failures.has(f.key))
    .sort((a, b) => failures.get(b.key)! - failures.get(a.key)!)
    .map((f) => f.explain(failures.get(f.key)!))
    .join('; ');
  return { error: why ? `no suitable node (${why})` : 'no suitable node' };
}

/** Whether a global service runs on `node`: the global orchestrator's own check (ready, active, constraints). */
export function globalRunsOn(world: World, svc: SwarmService, node: SwarmNode): boolean {
  const constraints = (svc.spec?.placement.Constraints ?? []) as string[];
  return (
    node.status === 'ready' &&
    (node.availability ?? 'active') === 'active' &&
    constraints.every((c) => constraintMatches(c, node, world))
  );
}
