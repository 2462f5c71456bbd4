import type { CommandResult, World } from '../model';
import { lookupService, notManagerError } from '../swarm/state';
import type { ServicePort, SwarmService, SwarmTask } from '../swarm/types';
import { isSet, parseFlags } from './flags';
import { argsError, daemon, fail, flagError, humanDuration, naturalCompare, ok, table } from './output';

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

function replicas(world: World, svc: SwarmService): string {
  const tasks = Object.values(world.swarm!.tasks).filter((t) => t.serviceId === svc.id && t.desired === 'running');
  const running = tasks.filter((t) => t.state === 'running').length;
  const desired = svc.mode === 'replicated' ? svc.replicas : tasks.length;
  return `${running}/${desired}`;
}

export function serviceLs(world: World, argv: string[], machine: string): CommandResult {
  const p = parseFlags(argv, [{ long: 'quiet', short: 'q' }]);
  if (!p.ok) return fail(world, flagError('service ls', p.error), 125);
  if (p.value.args.length) return fail(world, argsError('service ls', 'none', 0), 1);
  const err = notManagerError(world, machine);
  if (err) return fail(world, daemon(err), 1);
  const svcs = Object.values(world.swarm!.services).sort((a, b) => naturalCompare(a.name, b.name));
  if (isSet(p.value, 'quiet')) return ok(world, svcs.map((s) => s.id.slice(0, 12)).join('\n'));
  const rows = [
    ['ID', 'NAME', 'MODE', 'REPLICAS', 'IMAGE', 'PORTS'],
    ...svcs.map((s) => [
      s.id.slice(0, 12),
      s.name,
      s.mode,
      replicas(world, s),
      shownImage(s.image),
      ingressPorts(s.ports),
    ]),
  ];
  return ok(world, table(rows));
}

/** formatter.Ellipsis: at most `n` characters, the last one "…". */
const ellipsis = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

const pretty = (s: string) => s[0].toUpperCase() + s.slice(1);

export function servicePs(world: World, argv: string[], machine: string): CommandResult {
  const p = parseFlags(argv, [{ long: 'quiet', short: 'q' }, { long: 'no-trunc' }]);
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
  const trunc = !isSet(p.value, 'no-trunc');
  const named = Object.values(s.tasks)
    .filter((t) => wanted.some((w) => w.id === t.serviceId))
    .map((t) => {
      const svc = s.services[t.serviceId];
      const nodeId = s.nodes.find((n) => n.machine === t.node)?.id ?? t.node;
      return { t, svc, name: `${svc.name}.${t.slot || nodeId}` };
    })
    // a slot's current task first, then its history, newest first
    .sort((a, b) =>
      a.name !== b.name
        ? naturalCompare(a.name, b.name)
        : Number(b.t.desired === 'running') - Number(a.t.desired === 'running') || b.t.since - a.t.since,
    );
  if (isSet(p.value, 'quiet')) return ok(world, named.map(({ t }) => (trunc ? t.id.slice(0, 12) : t.id)).join('\n'));
  let prev = '';
  const rows = named.map(({ t, svc, name }) => {
    const shown = name === prev ? ` \\_ ${name}` : name;
    prev = name;
    return [
      trunc ? t.id.slice(0, 12) : t.id,
      shown,
      trunc ? shownImage(svc.image) : svc.image,
      world.machines[t.node]?.hostname ?? t.node,
      pretty(t.desired),
      `${pretty(t.state)} ${humanDuration(world.clock - t.since).toLowerCase()} ago`,
      taskError(t, trunc),
      svc.ports
        .filter((x) => x.mode === 'host' && t.state === 'running')
        .map((x) => `*:${x.published}->${x.target}/${x.protocol}`)
        .join(','),
    ];
  });
  return ok(
    world,
    table([['ID', 'NAME', 'IMAGE', 'NODE', 'DESIRED STATE', 'CURRENT STATE', 'ERROR', 'PORTS'], ...rows]),
  );
}

function taskError(t: SwarmTask, trunc: boolean): string {
  if (!t.error) return '';
  return `"${trunc ? ellipsis(t.error, 30) : t.error}"`;
}
