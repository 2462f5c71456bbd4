import type { CommandResult, World } from '../model';
import { lookupService, notManagerError } from '../swarm/state';
import type { ServicePort, SwarmService, SwarmTask } from '../swarm/types';
import { isSet, last, parseFlags } from './flags';
import { SWARM_HELP } from './helpSwarm';
import { formatList } from './listFormat';
import { argsError, daemon, fail, flagError, humanDuration, naturalCompare, ok, table } from './output';
import { swarmSpecs } from './serviceFlags';
import { enumError, labelMatches, matches, readFilters } from './swarmFilters';

/** `docker service ls` and `docker service ps` (cli/command/service/formatter.go, cli/command/task). */

/** reference.FamiliarString of name:tag (the digest stripped). */
const shownImage = (image: string) => image.split('@')[0];

/** The service formatter's PORTS: ingress ports sorted by protocol then published port, consecutive ones as ranges. */
export function ingressPorts(ports: ServicePort[]): string {
  const sorted = ports
    .filter((p) => p.mode === 'ingress')
    .sort((a, b) => (a.protocol === b.protocol ? a.published - b.published : a.protocol < b.protocol ? -1 : 1));
  const out: string[] = [];
  let r: { p0: number; p1: number; t0: number; t1: number; proto: string } | null = null;
  const show = (x: NonNullable<typeof r>) =>
    x.p0 === x.p1 ? `*:${x.p0}->${x.t0}/${x.proto}` : `*:${x.p0}-${x.p1}->${x.t0}-${x.t1}/${x.proto}`;
  for (const p of sorted) {
    const isRange = r !== null && r.t1 !== r.t0;
    if (
      !r ||
      p.protocol !== r.proto ||
      p.published - r.p1 > 1 ||
      p.target - r.t1 > 1 ||
      (isRange && p.target <= r.t1)
    ) {
      if (r) out.push(show(r));
      r = { p0: p.published, p1: p.published, t0: p.target, t1: p.target, proto: p.protocol };
      continue;
    }
    r.p1 = p.published;
    r.t1 = p.target;
  }
  if (r) out.push(show(r));
  return out.join(', ');
}

/**
 * The REPLICAS column from ListServiceStatuses (swarmkit controlapi): running tasks over desired
 * ones; a job counts only its current iteration's tasks, desired being MaxConcurrent (a global
 * job: the tasks still desired running, so 0), with its completions beside them.
 */
function replicas(world: World, svc: SwarmService): string {
  const all = Object.values(world.swarm!.tasks).filter((t) => t.serviceId === svc.id);
  if (svc.mode.endsWith('-job')) {
    const now = all.filter((t) => (t.jobIteration ?? 0) === (svc.jobIteration ?? 0));
    const running = now.filter((t) => t.state === 'running').length;
    const completed = now.filter((t) => t.state === 'complete').length;
    const desired = svc.mode === 'replicated-job' ? (svc.maxConcurrent ?? svc.replicas) : 0;
    const total = svc.mode === 'replicated-job' ? svc.replicas : desired + completed;
    return `${running}/${desired} (${completed}/${total} completed)`;
  }
  const tasks = all.filter((t) => t.desired === 'running');
  const running = tasks.filter((t) => t.state === 'running').length;
  const desired = svc.mode === 'replicated' ? svc.replicas : tasks.length;
  const max = (svc.spec?.placement.MaxReplicas as number | undefined) ?? 0;
  return max > 0 && svc.mode === 'replicated' ? `${running}/${desired} (max ${max} per node)` : `${running}/${desired}`;
}

/** The MODE column (serviceContext.Mode). */
const modeName = (svc: SwarmService) => svc.mode.replace('-', ' ');

const LS_HEADERS = { ID: 'ID', Name: 'NAME', Mode: 'MODE', Replicas: 'REPLICAS', Image: 'IMAGE', Ports: 'PORTS' };

export function serviceLs(world: World, argv: string[], machine: string): CommandResult {
  const p = parseFlags(argv, swarmSpecs(SWARM_HELP['service ls'].flags));
  if (!p.ok) return fail(world, flagError('service ls', p.error), 125);
  if (p.value.args.length) return fail(world, argsError('service ls', 'none', 0), 1);
  const err = notManagerError(world, machine);
  if (err) return fail(world, daemon(err), 1);
  const f = readFilters(p.value, ['name', 'id', 'label', 'mode', 'runtime']);
  if (!f.ok) return fail(world, daemon(f.error), 1);
  const svcs = Object.values(world.swarm!.services)
    .filter(
      (s) =>
        matches(f.value, 'name', (w) => s.name.startsWith(w)) &&
        matches(f.value, 'id', (w) => s.id.startsWith(w)) &&
        matches(f.value, 'mode', (w) => w === s.mode) &&
        matches(f.value, 'runtime', (w) => w === 'container') &&
        labelMatches(f.value, 'label', s.labels),
    )
    .sort((a, b) => naturalCompare(a.name, b.name));
  if (isSet(p.value, 'quiet')) return ok(world, svcs.map((s) => s.id.slice(0, 12)).join('\n'));
  const row = (s: SwarmService) => ({
    ID: s.id.slice(0, 12),
    Name: s.name,
    Mode: modeName(s),
    Replicas: replicas(world, s),
    Image: shownImage(s.image),
    Ports: ingressPorts(s.ports),
  });
  const formatted = formatList(world, last(p.value, 'format'), () => svcs.map(row), LS_HEADERS);
  if (formatted) return formatted;
  return ok(world, table([Object.values(LS_HEADERS), ...svcs.map((s) => Object.values(row(s)))]));
}

/** formatter.Ellipsis: at most `n` characters, the last one "…". */
const ellipsis = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

const pretty = (s: string) => s[0].toUpperCase() + s.slice(1);

const PS_HEADERS = {
  ID: 'ID',
  Name: 'NAME',
  Image: 'IMAGE',
  Node: 'NODE',
  DesiredState: 'DESIRED STATE',
  CurrentState: 'CURRENT STATE',
  Error: 'ERROR',
  Ports: 'PORTS',
};

export function servicePs(world: World, argv: string[], machine: string): CommandResult {
  const p = parseFlags(argv, swarmSpecs(SWARM_HELP['service ps'].flags));
  if (!p.ok) return fail(world, flagError('service ps', p.error), 125);
  if (p.value.args.length < 1) return fail(world, argsError('service ps', 'at least', 1), 1);
  const err = notManagerError(world, machine);
  if (err) return fail(world, daemon(err), 1);
  const s = world.swarm!;
  const wanted: SwarmService[] = [];
  const missing: string[] = [];
  for (const ref of p.value.args) {
    const found = lookupService(s, ref);
    if (found.ok) wanted.push(found.value);
    else missing.push(`no such service: ${ref}`);
  }
  if (missing.length) return fail(world, missing.join('\n'), 1);
  const f = readFilters(p.value, ['name', 'id', 'label', 'service', 'node', 'desired-state', 'runtime']);
  if (!f.ok) return fail(world, daemon(f.error), 1);
  const states = ['NEW', 'PENDING', 'ASSIGNED', 'ACCEPTED', 'PREPARING', 'READY', 'STARTING', 'RUNNING'];
  const stateErr = enumError(f.value, 'desired-state', [...states, 'COMPLETE', 'SHUTDOWN', 'FAILED', 'REJECTED']);
  if (stateErr) return fail(world, daemon(stateErr), 1);
  const trunc = !isSet(p.value, 'no-trunc');
  const resolve = !isSet(p.value, 'no-resolve');
  const named = Object.values(s.tasks)
    .filter((t) => wanted.some((w) => w.id === t.serviceId))
    .map((t, at) => {
      const svc = s.services[t.serviceId];
      const nodeId = s.nodes.find((n) => n.machine === t.node)?.id ?? t.node;
      return { t, svc, nodeId, at, name: `${resolve ? svc.name : svc.id}.${t.slot || nodeId}` };
    })
    .filter(
      ({ t, svc, nodeId }) =>
        matches(f.value, 'name', (w) => `${svc.name}.${t.slot || nodeId}.${t.id}`.startsWith(w)) &&
        matches(f.value, 'id', (w) => t.id.startsWith(w)) &&
        matches(f.value, 'service', (w) => svc.id === w || svc.name === w) &&
        matches(f.value, 'node', (w) => w === nodeId || w === (world.machines[t.node]?.hostname ?? t.node)) &&
        matches(f.value, 'desired-state', (w) => w.toLowerCase() === t.desired) &&
        matches(f.value, 'runtime', (w) => w === 'container') &&
        labelMatches(f.value, 'label', {}),
    )
    // a slot's current task first, then its history, newest first
    .sort((a, b) =>
      a.name !== b.name
        ? naturalCompare(a.name, b.name)
        : Number(b.t.desired === 'running') - Number(a.t.desired === 'running') || b.t.since - a.t.since || b.at - a.at,
    );
  if (isSet(p.value, 'quiet')) return ok(world, named.map(({ t }) => (trunc ? t.id.slice(0, 12) : t.id)).join('\n'));
  let prev = '';
  const rows = named.map(({ t, svc, name, nodeId }) => {
    const shown = name === prev ? ` \\_ ${name}` : name;
    prev = name;
    return {
      ID: trunc ? t.id.slice(0, 12) : t.id,
      Name: shown,
      Image: trunc ? shownImage(t.image ?? svc.image) : (t.image ?? svc.image),
      Node: resolve ? (world.machines[t.node]?.hostname ?? t.node) : nodeId,
      DesiredState: pretty(t.desired),
      CurrentState: `${pretty(t.state)} ${humanDuration(world.clock - t.since).toLowerCase()} ago`,
      Error: taskError(t, trunc),
      Ports: svc.ports
        .filter((x) => x.mode === 'host' && t.state === 'running')
        .map((x) => `*:${x.published}->${x.target}/${x.protocol}`)
        .join(','),
    };
  });
  const formatted = formatList(world, last(p.value, 'format'), () => rows, PS_HEADERS);
  if (formatted) return formatted;
  return ok(world, table([Object.values(PS_HEADERS), ...rows.map((r) => Object.values(r))]));
}

function taskError(t: SwarmTask, trunc: boolean): string {
  if (!t.error) return '';
  return `"${trunc ? ellipsis(t.error, 30) : t.error}"`;
}
