import { produce } from '../containerIndex';
import { imageInfo } from '../images';
import type { CommandResult, World } from '../model';
import { lookupService, notManagerError, plain } from '../swarm/state';
import type { ServiceSpecState, SwarmService } from '../swarm/types';
import { applySpec, type UpdateOutcome } from '../swarm/update';
import { boolFlagError, isSet, last, type Parsed, parseFlags } from './flags';
import { SERVICE_UPDATE_FLAGS, SERVICE_UPDATE_HELP } from './helpServiceUpdate';
import { argsError, daemon, fail, flagError, ok } from './output';
import { swarmSpecs } from './serviceFlags';
import { updateProgress } from './serviceProgress';
import { convertUpdateError } from './serviceSpec';
import { changed, updatedSpec } from './serviceUpdateSpec';

/**
 * `docker service update` and `docker service rollback` (docker/cli v28.5.2
 * cli/command/service/update.go runUpdate/updateService, rollback.go): the CLI reads the spec,
 * changes what the flags name, and sends it back; the daemon converts and swarmkit validates it
 * (moby daemon/cluster/services.go UpdateService, swarmkit controlapi UpdateService).
 */

const SPECS = swarmSpecs(SERVICE_UPDATE_FLAGS);
const rpc = (code: string, desc: string) => daemon(`rpc error: code = ${code} desc = ${desc}`);

/** The daemon's conversion and swarmkit's validateServiceSpec / checkPortConflicts on the new spec. */
function daemonError(world: World, svc: SwarmService, next: ServiceSpecState): string | null {
  const x = next.spec!;
  const condition = x.restartPolicy.Condition as string;
  if (!['none', 'on-failure', 'any', ''].includes(condition)) return daemon(`invalid RestartCondition: "${condition}"`);
  const convertErr = convertUpdateError(x.updateConfig) ?? convertUpdateError(x.rollbackConfig);
  if (convertErr) return convertErr;
  if (next.endpointMode !== 'vip' && next.endpointMode !== 'dnsrr')
    return daemon(`invalid resolution mode: "${next.endpointMode}"`);
  if (((x.restartPolicy.Delay as number) ?? 0) < 0)
    return rpc('InvalidArgument', 'TaskSpec: restart-delay cannot be negative');
  if (((x.restartPolicy.Window as number) ?? 0) < 0)
    return rpc('InvalidArgument', 'TaskSpec: restart-window cannot be negative');
  if (!next.mode.endsWith('-job')) {
    if (((x.updateConfig.Delay as number) ?? 0) < 0)
      return rpc('InvalidArgument', 'TaskSpec: update-delay cannot be negative');
    if (((x.updateConfig.Monitor as number) ?? 0) < 0)
      return rpc('InvalidArgument', 'TaskSpec: update-monitor cannot be negative');
    const ratio = x.updateConfig.MaxFailureRatio as number;
    if (ratio < 0 || ratio > 1)
      return rpc('InvalidArgument', 'TaskSpec: update-maxfailureratio cannot be less than 0 or bigger than 1');
  }
  if (next.endpointMode === 'dnsrr' && next.ports.some((q) => q.mode === 'ingress'))
    return rpc('InvalidArgument', "EndpointSpec: port published with ingress mode can't be used with dnsrr mode");
  const seen = new Set<string>();
  for (const q of next.ports) {
    if (q.published === 0) continue;
    const k = `${q.published}/${q.protocol}`;
    if (seen.has(k)) return rpc('InvalidArgument', 'EndpointSpec: duplicate published ports provided');
    seen.add(k);
    const clash = Object.values(world.swarm!.services).find(
      (o) => o.id !== svc.id && o.ports.some((r) => r.published === q.published && r.protocol === q.protocol),
    );
    if (clash) {
      const how = clash.ports.some((r) => r.published === q.published && r.mode === 'host')
        ? 'a host-published port'
        : 'an ingress port';
      return rpc(
        'InvalidArgument',
        `port '${q.published}' is already in use by service '${clash.name}' (${clash.id}) as ${how}`,
      );
    }
  }
  return null;
}

/** The spec the update sends gets dynamic published ports from swarmkit's allocator (30000 on). */
function withDynamicPorts(d: World, st: ServiceSpecState): ServiceSpecState {
  const sw = d.swarm!;
  return { ...st, ports: st.ports.map((q) => (q.published ? q : { ...q, published: sw.nextDynamicPort++ })) };
}

/** The update (or rollback) written, then the service id as typed and the progress. */
function send(
  world: World,
  svc: SwarmService,
  ref: string,
  next: ServiceSpecState | null,
  p: Parsed,
  warnImage: boolean,
): CommandResult {
  let outcome: UpdateOutcome = { fresh: new Set() };
  const w = produce(world, (d) => {
    if (next) outcome = applySpec(d, svc.id, withDynamicPorts(d, next), false);
    else outcome = applySpec(d, svc.id, structuredClone(plain(d.swarm!.services[svc.id].previous!)), true);
  });
  const lines: string[] = [];
  if (warnImage) {
    const tag = next!.image;
    lines.push(
      `image ${tag} could not be accessed on a registry to record\nits digest. Each node will access ${tag} independently,\npossibly leading to different nodes running different\nversions of the image.\n`,
    );
  }
  lines.push(ref);
  if (isSet(p, 'detach')) return ok(w, lines.join('\n'));
  const shown = updateProgress(w, svc.id, ref, next === null, outcome);
  // -q waits without drawing: a pause is still the CLI's error
  if (isSet(p, 'quiet')) lines.push(...(shown.error ? shown.lines.slice(-1) : []));
  else lines.push(...shown.lines);
  return shown.error ? fail(w, lines.join('\n'), 1) : ok(w, lines.join('\n'));
}

/** Looks the service up as the CLI's ServiceInspectWithRaw does. */
function find(world: World, machine: string, ref: string): { svc: SwarmService } | { error: string } {
  const err = notManagerError(world, machine);
  if (err) return { error: daemon(err) };
  const found = lookupService(world.swarm!, ref);
  return found.ok ? { svc: found.value } : { error: daemon(found.error) };
}

/** A rollback's refusal when the service was never updated (controlapi UpdateService). */
const noPrevious = (svc: SwarmService) => rpc('FailedPrecondition', `service ${svc.id} does not have a previous spec`);

export function serviceUpdate(world: World, argv: string[], machine: string): CommandResult {
  const p = parseFlags(argv, SPECS);
  if (!p.ok) return fail(world, flagError('service update', p.error), 125);
  const boolErr = boolFlagError(p.value, SPECS);
  if (boolErr) return fail(world, flagError('service update', boolErr), 125);
  if (p.value.args.length !== 1) return fail(world, argsError('service update', 'exactly', 1), 1);
  const ref = p.value.args[0];
  const found = find(world, machine, ref);
  if ('error' in found) return fail(world, found.error, 1);
  const { svc } = found;
  if (isSet(p.value, 'rollback') && last(p.value, 'rollback') !== 'false') {
    const others = SERVICE_UPDATE_FLAGS.some(
      ([, l]) => !['rollback', 'detach', 'quiet'].includes(l) && changed(p.value, l),
    );
    if (others) return fail(world, 'other flags may not be combined with --rollback', 1);
    if (!svc.previous) return fail(world, noPrevious(svc), 1);
    return send(world, svc, ref, null, p.value, false);
  }
  const built = updatedSpec(world, svc, p.value);
  if (!built.ok) return fail(world, built.error, 1);
  const err = daemonError(world, svc, built.value);
  if (err) return fail(world, err, 1);
  const warn = changed(p.value, 'image') && !isSet(p.value, 'no-resolve-image') && !imageInfo(built.value.image).known;
  return send(world, svc, ref, built.value, p.value, warn);
}

export function serviceRollback(world: World, argv: string[], machine: string): CommandResult {
  const specs = swarmSpecs(SERVICE_UPDATE_HELP['service rollback'].flags);
  const p = parseFlags(argv, specs);
  if (!p.ok) return fail(world, flagError('service rollback', p.error), 125);
  if (p.value.args.length !== 1) return fail(world, argsError('service rollback', 'exactly', 1), 1);
  const ref = p.value.args[0];
  const found = find(world, machine, ref);
  if ('error' in found) return fail(world, found.error, 1);
  if (!found.svc.previous) return fail(world, noPrevious(found.svc), 1);
  return send(world, found.svc, ref, null, p.value, false);
}
