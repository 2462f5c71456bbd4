import type { World } from '../model';
import { allocateOverlayIp } from './overlayIpam';
import { placeTask } from './placement';
import { newTask, reconcileService, taskNetworks } from './schedule';
import { plain } from './state';
import { removeTaskContainer } from './taskContainer';
import type { ServiceSpecState, SwarmService, SwarmTask } from './types';

/**
 * `service update` and `service rollback` on the managers (swarmkit manager/controlapi/service.go
 * UpdateService, manager/orchestrator/update/updater.go): the spec is swapped (the old one kept
 * as PreviousSpec), and each task whose TaskTemplate or EndpointSpec no longer matches
 * (orchestrator.IsTaskDirty) is replaced slot by slot: stop-first shuts the old task down before
 * the new one starts, start-first the other way round. The VIPs follow the networks: kept where
 * the service stays, allocated where it joins, released where it leaves. The load balancers and
 * the routing mesh are read from the services and tasks (loadBalancer.ts, ingressRules.ts), so
 * they follow too.
 */

const KEYS: (keyof ServiceSpecState)[] = [
  'image',
  'args',
  'env',
  'labels',
  'spec',
  'aliases',
  'mode',
  'replicas',
  'maxConcurrent',
  'endpointMode',
  'ports',
  'networks',
  'forceUpdate',
];

/** The service's spec as it is now (a plain copy). */
export function specState(svc: SwarmService): ServiceSpecState {
  const p = plain(svc);
  const out: Record<string, unknown> = {};
  for (const k of KEYS) if (p[k] !== undefined) out[k] = structuredClone(p[k]);
  return out as unknown as ServiceSpecState;
}

/** What a task carries of the spec: TaskTemplate and EndpointSpec (not labels, mode, replicas, update/rollback config). */
function taskKey(st: ServiceSpecState): string {
  const { updateConfig: _u, rollbackConfig: _r, ...task } = st.spec ?? ({} as NonNullable<ServiceSpecState['spec']>);
  return JSON.stringify([
    st.image,
    st.args,
    st.env,
    task,
    st.aliases ?? {},
    st.networks,
    st.forceUpdate ?? 0,
    st.endpointMode,
    st.ports,
  ]);
}

/** The VIPs a `vip`-mode service holds: one per network it is on (ingress first), the ones it had kept. */
function syncVips(d: World, svc: SwarmService): void {
  if (svc.endpointMode !== 'vip') {
    svc.vips = [];
    return;
  }
  const had = new Map(plain(svc.vips).map((v) => [v.networkId, v.addr]));
  const vips: SwarmService['vips'] = [];
  for (const networkId of taskNetworks(d, svc.id)) {
    const kept = had.get(networkId);
    if (kept) vips.push({ networkId, addr: kept });
    else {
      const ip = allocateOverlayIp(d, networkId);
      const bits = d.networks[networkId]?.ipam?.subnet.split('/')[1];
      if (ip && bits) vips.push({ networkId, addr: `${ip}/${bits}` });
    }
  }
  svc.vips = vips;
}

/** Shuts a task down (the updater's removal of an old task): its container goes, its history stays. */
function shutDown(d: World, task: SwarmTask): void {
  removeTaskContainer(d, task);
  task.desired = 'shutdown';
  if (task.state === 'running' || task.state === 'pending' || task.state === 'preparing') task.state = 'shutdown';
  task.since = d.clock;
}

/**
 * Replaces one dirty task with a task of the new spec in its slot (a global one on its node);
 * returns the new task. `live`: the running tasks the scheduler spreads over, kept up to date
 * (one snapshot for the whole update: a snapshot a task cost O(tasks) each).
 */
function replace(
  d: World,
  svc: SwarmService,
  old: SwarmTask,
  startFirst: boolean,
  live: SwarmTask[],
): SwarmTask | null {
  const s = d.swarm!;
  const drop = () => {
    shutDown(d, s.tasks[old.id]);
    const at = live.findIndex((t) => t.id === old.id);
    if (at >= 0) live.splice(at, 1);
  };
  if (!startFirst) drop();
  let node: string | null = old.node;
  if (svc.mode !== 'global') {
    const placed = placeTask(d, svc.id, live);
    node = 'error' in placed ? null : placed.node.machine;
  }
  const made = node ? newTask(d, svc.id, old.slot, node) : null;
  if (made?.desired === 'running' && made.state !== 'pending') live.push(made);
  if (startFirst) drop();
  if (!node) reconcileService(d, svc.id, true);
  return made;
}

/**
 * The updater's loop over the dirty tasks: Parallelism at a time (0: all at once), watching the
 * new tasks; once the failed ones exceed MaxFailureRatio of the dirty slots (and FailureAction is
 * not `continue`) it stops, and returns the task that tipped it.
 */
function runUpdater(
  d: World,
  svc: SwarmService,
  dirty: SwarmTask[],
  config: Record<string, unknown>,
  fresh: Set<string>,
): string | null {
  const s = d.swarm!;
  const startFirst = config.Order === 'start-first';
  const parallelism = (config.Parallelism as number | undefined) || dirty.length;
  const ratio = (config.MaxFailureRatio as number | undefined) ?? 0;
  let failures = 0;
  let tipped: string | null = null;
  const live = Object.values(plain(s.tasks)).filter((t) => t.desired === 'running' && t.state !== 'pending');
  for (let i = 0; i < dirty.length; i += parallelism) {
    for (const t of dirty.slice(i, i + parallelism)) {
      const still = s.tasks[t.id];
      if (still?.desired !== 'running') continue;
      const made = replace(d, svc, plain(still), startFirst, live);
      if (!made) continue;
      fresh.add(made.id);
      if (made.state !== 'rejected' && made.state !== 'failed') continue;
      failures++;
      if (config.FailureAction !== 'continue' && failures / dirty.length > ratio) tipped ??= made.id;
    }
    if (tipped) return tipped;
  }
  return null;
}

/** Keeps at most the retention limit of tasks a slot (5, or --restart-max-attempts + 1): the oldest ended ones go (taskreaper). */
function reapHistory(d: World, svc: SwarmService): void {
  const s = d.swarm!;
  const max = (svc.spec?.restartPolicy.MaxAttempts as number | undefined) ?? 0;
  const limit = max > 0 ? max + 1 : 5;
  const bySlot = new Map<string, SwarmTask[]>();
  for (const t of Object.values(plain(s.tasks))) {
    if (t.serviceId !== svc.id) continue;
    const k = svc.mode === 'global' || svc.mode === 'global-job' ? t.node : String(t.slot);
    bySlot.set(k, [...(bySlot.get(k) ?? []), t]);
  }
  for (const tasks of bySlot.values()) {
    if (tasks.length <= limit) continue;
    const ended = tasks.filter((t) => t.desired === 'shutdown').sort((a, b) => a.since - b.since);
    for (const t of ended.slice(0, tasks.length - limit)) delete s.tasks[t.id];
  }
}

/** What an update leaves for the CLI's progress: the task whose failure stopped it and what followed; the tasks it made. */
export interface UpdateOutcome {
  failed?: { taskId: string; action: 'pause' | 'rollback'; message: string };
  /** the tasks of the new spec (the CLI's `_up-to-date` filter) */
  fresh: Set<string>;
}

/** Lays a spec state over the service. */
function setSpec(svc: SwarmService, st: ServiceSpecState): void {
  for (const k of KEYS) {
    if (st[k] === undefined) delete (svc as unknown as Record<string, unknown>)[k];
    else (svc as unknown as Record<string, unknown>)[k] = structuredClone(plain(st[k]));
  }
}

const liveOf = (d: World, serviceId: string) =>
  Object.values(plain(d.swarm!.tasks))
    .filter((t) => t.serviceId === serviceId && t.desired === 'running')
    .sort((a, b) => a.slot - b.slot);

/**
 * Puts `next` in place of the service's spec (`rollback`: the PreviousSpec, the current one
 * becoming the previous) and converges: tasks scaled, dirty ones replaced in slot order, a job
 * run again as a new iteration. UpdateStatus as the updater leaves it: `completed` when tasks
 * were replaced, none when nothing needed it, `rollback_completed` after a rollback; `paused`
 * when new tasks failed under FailureAction pause, or (FailureAction rollback) rolled back to
 * the previous spec, which is then dropped (updater.go pauseUpdate, rollbackUpdate).
 */
export function applySpec(d: World, serviceId: string, next: ServiceSpecState, rollback: boolean): UpdateOutcome {
  const s = d.swarm!;
  const svc = s.services[serviceId];
  const cur = specState(svc);
  const dirty = taskKey(cur) !== taskKey(next);
  setSpec(svc, next);
  svc.previous = cur;
  svc.version = ++s.index;
  svc.updatedAt = d.clock;
  syncVips(d, svc);
  const job = svc.mode.endsWith('-job');
  if (job) svc.jobIteration = (svc.jobIteration ?? 0) + 1;
  const before = liveOf(d, serviceId);
  reconcileService(d, serviceId, true);
  const outcome: UpdateOutcome = { fresh: new Set() };
  const done = (state: 'completed' | 'rollback_completed') => {
    svc.updateStatus = {
      state,
      message: state === 'completed' ? 'update completed' : 'rollback completed',
      startedAt: d.clock,
      completedAt: d.clock,
    };
  };
  if (dirty && !job) {
    const config = (rollback ? svc.spec?.rollbackConfig : svc.spec?.updateConfig) ?? {};
    const kept = new Set(liveOf(d, serviceId).map((t) => t.id));
    const tipped = runUpdater(
      d,
      svc,
      before.filter((t) => kept.has(t.id)),
      config,
      outcome.fresh,
    );
    if (tipped && (rollback || config.FailureAction !== 'rollback')) {
      const message = `${rollback ? 'rollback' : 'update'} paused due to failure or early termination of task ${tipped}`;
      svc.updateStatus = { state: rollback ? 'rollback_paused' : 'paused', message, startedAt: d.clock };
      outcome.failed = { taskId: tipped, action: 'pause', message };
    } else if (tipped) {
      const message = `update rolled back due to failure or early termination of task ${tipped}`;
      setSpec(svc, cur);
      delete svc.previous;
      syncVips(d, svc);
      reconcileService(d, serviceId, true);
      const back = liveOf(d, serviceId).filter((t) => outcome.fresh.has(t.id));
      runUpdater(d, svc, back, { ...(svc.spec?.rollbackConfig ?? {}), FailureAction: 'continue' }, new Set());
      done('rollback_completed');
      outcome.failed = { taskId: tipped, action: 'rollback', message };
      outcome.fresh.clear();
    } else done(rollback ? 'rollback_completed' : 'completed');
  } else if (rollback) done('rollback_completed');
  else delete svc.updateStatus;
  reapHistory(d, svc);
  return outcome;
}
