import { produce } from '../containerIndex';
import { isNodeLocalSwarm } from '../drivers';
import { imageInfo } from '../images';
import type { CommandResult, World } from '../model';
import { nodeLocalTasksNotSimulated } from '../swarm/nodeLocal';
import { allocateOverlayIp } from '../swarm/overlayIpam';
import { dropTasks, ingressNetworkId, reconcileService } from '../swarm/schedule';
import { lookupService, notManagerError, randomBase36 } from '../swarm/state';
import type { ServiceMode, ServicePort, SwarmService } from '../swarm/types';
import { applySpec, specState } from '../swarm/update';
import { all, boolFlagError, isSet, keyValues, last, type Parsed, parseFlags } from './flags';
import { parseGoUint } from './goParse';
import { SERVICE_CREATE_FLAGS, SWARM_HELP } from './helpSwarm';
import { generateName } from './lifecycle';
import { type Attachment, parseAttachment } from './networkOpt';
import { argsError, daemon, fail, flagError, ok, unknownSubcommand } from './output';
import { kvFile } from './runOptsCheck';
import { parsePublish, swarmSpecs } from './serviceFlags';
import { serviceInspect } from './serviceInspect';
import { serviceLs, servicePs } from './serviceList';
import { convergeProgress } from './serviceProgress';
import { buildSpec, cliSpecError } from './serviceSpec';
import { serviceRollback, serviceUpdate } from './serviceUpdate';

/** `docker service create|ls|ps|rm|scale|inspect` (docker/cli cli/command/service, swarmkit controlapi). */

export const rpc = (code: string, desc: string) => `rpc error: code = ${code} desc = ${desc}`;

const CREATE_SPECS = swarmSpecs(SERVICE_CREATE_FLAGS);

const VALID_NAME = /^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$/;

/** The image as the spec keeps it: a tag added when none was given. */
export const taggedImage = (image: string) =>
  /:[^/]+$/.test(image) || image.includes('@') ? image : `${image}:latest`;

/** makeEnv: --env-file lines then --env, a later KEY replacing an earlier one at the end. */
function makeEnv(world: World, p: Parsed, machine: string, cwd: string): { env: string[] } | { error: string } {
  const lines: string[] = [];
  for (const f of all(p, 'env-file')) {
    const r = kvFile(world, machine, cwd, f, true);
    if (r.error) return { error: r.error };
    lines.push(...(r.lines ?? []));
  }
  lines.push(...all(p, 'env'));
  let env: string[] = [];
  for (const e of lines) {
    const key = e.split('=')[0];
    env = env.filter((c) => c === e || !c.startsWith(`${key}=`));
    env.push(e);
  }
  return { env };
}

function create(world: World, argv: string[], machine: string, cwd: string): CommandResult {
  const p = parseFlags(argv, CREATE_SPECS, false);
  if (!p.ok) return fail(world, flagError('service create', p.error), 125);
  const boolErr = boolFlagError(p.value, CREATE_SPECS);
  if (boolErr) return fail(world, flagError('service create', boolErr), 125);
  if (p.value.args.length < 1) return fail(world, argsError('service create', 'at least', 1), 1);
  const [image, ...args] = p.value.args;
  // each value passed its Set while parsing (serviceFlags.ts)
  const ports = all(p.value, 'publish').map((v) => parsePublish(v) as ServicePort);
  const replicasFlag = last(p.value, 'replicas');
  const parsedReplicas = parseGoUint(replicasFlag ?? '1');
  const replicas = parsedReplicas.ok ? parsedReplicas.value : 1;
  const mode = last(p.value, 'mode') ?? 'replicated';
  const concurrentFlag = last(p.value, 'max-concurrent');
  const concurrent = concurrentFlag !== undefined ? Number(concurrentFlag) : replicasFlag !== undefined ? replicas : 1;
  const env = makeEnv(world, p.value, machine, cwd);
  if ('error' in env) return fail(world, env.error, 1);
  const cliErr = cliSpecError(p.value, mode);
  if (cliErr) return fail(world, cliErr, 1);
  // The CLI resolves each --network through the API with scope "swarm" before creating.
  const networks: string[] = [];
  const aliases: Record<string, string[]> = {};
  for (const value of all(p.value, 'network')) {
    const attachment = parseAttachment(value) as Attachment;
    const ref = attachment.target;
    const n = Object.values(world.networks).find(
      (x) => x.scope === 'swarm' && (x.id === ref || x.name === ref || (ref.length > 0 && x.id.startsWith(ref))),
    );
    const err = notManagerError(world, machine);
    if (err) return fail(world, daemon(err), 1);
    if (!n) return fail(world, daemon(`network ${ref} not found`), 1);
    if (n.ingress) {
      return fail(
        world,
        daemon(rpc('InvalidArgument', `Service cannot be explicitly attached to the ingress network "${n.name}"`)),
        1,
      );
    }
    if (isNodeLocalSwarm(n)) return fail(world, nodeLocalTasksNotSimulated(n, 'created'), 1);
    networks.push(n.id);
    if (attachment.aliases.length) aliases[n.id] = [...(aliases[n.id] ?? []), ...attachment.aliases];
  }
  const err = notManagerError(world, machine);
  if (err) return fail(world, daemon(err), 1);
  const s = world.swarm!;
  const endpointMode = (last(p.value, 'endpoint-mode') ?? 'vip').toLowerCase() as 'vip' | 'dnsrr';
  const name = last(p.value, 'name');
  if (name !== undefined && (!VALID_NAME.test(name) || name.length > 63)) {
    const why = name.length > 63 ? 'name must be 63 characters or fewer' : 'name must be valid as a DNS name component';
    return fail(world, daemon(rpc('InvalidArgument', why)), 1);
  }
  const spec = buildSpec(p.value, mode);
  if (!spec.ok) return fail(world, spec.error, 1);
  if (endpointMode === 'dnsrr' && ports.some((x) => x.mode === 'ingress')) {
    return fail(
      world,
      daemon(rpc('InvalidArgument', "EndpointSpec: port published with ingress mode can't be used with dnsrr mode")),
      1,
    );
  }
  const seen = new Set<string>();
  for (const x of ports) {
    if (x.published === 0) continue;
    const key = `${x.published}/${x.protocol}`;
    if (seen.has(key))
      return fail(world, daemon(rpc('InvalidArgument', 'EndpointSpec: duplicate published ports provided')), 1);
    seen.add(key);
    const clash = Object.values(s.services).find((o) =>
      o.ports.some((q) => q.published === x.published && q.protocol === x.protocol),
    );
    if (clash) {
      const how = clash.ports.some((q) => q.published === x.published && q.mode === 'host')
        ? 'a host-published port'
        : 'an ingress port';
      return fail(
        world,
        daemon(
          rpc(
            'InvalidArgument',
            `port '${x.published}' is already in use by service '${clash.name}' (${clash.id}) as ${how}`,
          ),
        ),
        1,
      );
    }
  }
  if (name !== undefined && Object.values(s.services).some((o) => o.name === name)) {
    return fail(
      world,
      daemon(rpc('AlreadyExists', `name conflicts with an existing object: service ${name} already exists`)),
      1,
    );
  }
  let id = '';
  const next = produce(world, (d) => {
    const sw = d.swarm!;
    id = randomBase36(d);
    let svcName = name;
    while (svcName === undefined || Object.values(sw.services).some((o) => o.name === svcName))
      svcName = generateName(d);
    const svcPorts = ports.map((x) => ({ ...x, published: x.published || sw.nextDynamicPort++ }));
    const svc: SwarmService = {
      id,
      name: svcName,
      image: taggedImage(image),
      args,
      env: env.env,
      ...(all(p.value, 'label').length ? { labels: keyValues(p.value, 'label') } : {}),
      spec: spec.value,
      ...(Object.keys(aliases).length ? { aliases } : {}),
      mode: mode as ServiceMode,
      // ReplicatedJob: MaxConcurrent = --max-concurrent or --replicas (1), TotalCompletions = --replicas or MaxConcurrent
      replicas:
        mode === 'replicated'
          ? replicas
          : mode === 'replicated-job'
            ? replicasFlag !== undefined
              ? replicas
              : concurrent
            : 0,
      ...(mode === 'replicated-job' ? { maxConcurrent: concurrent } : {}),
      ...(mode.endsWith('-job') ? { jobIteration: 0 } : {}),
      endpointMode,
      ports: svcPorts,
      networks,
      vips: [],
      createdAt: d.clock,
      updatedAt: d.clock,
      version: ++sw.index,
    };
    sw.services[id] = svc;
    if (endpointMode === 'vip') {
      const ingress = ingressNetworkId(d);
      const vipNets = [...(ingress && svcPorts.some((x) => x.mode === 'ingress') ? [ingress] : []), ...networks];
      for (const networkId of vipNets) {
        const ip = allocateOverlayIp(d, networkId);
        const bits = d.networks[networkId].ipam!.subnet.split('/')[1];
        if (ip) sw.services[id].vips.push({ networkId, addr: `${ip}/${bits}` });
      }
    }
    reconcileService(d, id);
  });
  const svc = next.swarm!.services[id];
  const lines: string[] = [];
  if (!imageInfo(image).known) {
    const ref = taggedImage(image);
    lines.push(
      `image ${ref} could not be accessed on a registry to record\nits digest. Each node will access ${ref} independently,\npossibly leading to different nodes running different\nversions of the image.\n`,
    );
  }
  lines.push(id);
  if (!isSet(p.value, 'detach') && !isSet(p.value, 'quiet')) lines.push(...convergeProgress(next, svc.id, id));
  return ok(next, lines.join('\n'));
}

function rm(world: World, argv: string[], machine: string): CommandResult {
  const p = parseFlags(argv, swarmSpecs(SWARM_HELP['service rm'].flags));
  if (!p.ok) return fail(world, flagError('service rm', p.error), 125);
  if (p.value.args.length < 1) return fail(world, argsError('service rm', 'at least', 1), 1);
  const err = notManagerError(world, machine);
  if (err) return fail(world, p.value.args.map(() => daemon(err)).join('\n'), 1);
  let w = world;
  const out: string[] = [];
  let failed = false;
  for (const ref of p.value.args) {
    const found = lookupService(w.swarm!, ref);
    if (!found.ok) {
      out.push(daemon(found.error));
      failed = true;
      continue;
    }
    const sid = found.value.id;
    w = produce(w, (d) => {
      dropTasks(d, sid);
      delete d.swarm!.services[sid];
      d.swarm!.index++;
    });
    out.push(ref);
  }
  return { world: w, output: out.join('\n'), exitCode: failed ? 1 : 0 };
}

function scale(world: World, argv: string[], machine: string): CommandResult {
  const p = parseFlags(argv, swarmSpecs(SWARM_HELP['service scale'].flags));
  if (!p.ok) return fail(world, flagError('service scale', p.error), 125);
  if (p.value.args.length < 1) return fail(world, argsError('service scale', 'at least', 1), 1);
  for (const a of p.value.args) {
    const eq = a.indexOf('=');
    if (eq <= 0 || eq === a.length - 1) {
      return fail(
        world,
        `invalid scale specifier '${a}'.\nSee 'docker service scale --help'.\n\nUsage:  docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]\n\nScale one or multiple replicated services`,
        1,
      );
    }
  }
  let w = world;
  const out: string[] = [];
  const errs: string[] = [];
  const done: { ref: string; sid: string }[] = [];
  for (const a of p.value.args) {
    const ref = a.slice(0, a.indexOf('='));
    const val = a.slice(a.indexOf('=') + 1);
    if (!/^\d+$/.test(val)) {
      errs.push(`${ref}: invalid replicas value ${val}: strconv.ParseUint: parsing "${val}": invalid syntax`);
      continue;
    }
    const err = notManagerError(w, machine);
    if (err) {
      errs.push(`${ref}: ${daemon(err)}`);
      continue;
    }
    const found = lookupService(w.swarm!, ref);
    if (!found.ok) {
      errs.push(`${ref}: ${daemon(found.error)}`);
      continue;
    }
    if (found.value.mode !== 'replicated' && found.value.mode !== 'replicated-job') {
      errs.push(`${ref}: scale can only be used with replicated or replicated-job mode`);
      continue;
    }
    const sid = found.value.id;
    if (found.value.mode === 'replicated-job') {
      // runScale sets TotalCompletions and sends a service update: the job runs again
      w = produce(w, (d) => applySpec(d, sid, { ...specState(d.swarm!.services[sid]), replicas: Number(val) }, false));
      out.push(`${ref} scaled to ${Number(val)}`);
      done.push({ ref, sid });
      continue;
    }
    w = produce(w, (d) => {
      const svc = d.swarm!.services[sid];
      svc.replicas = Number(val);
      svc.updatedAt = d.clock;
      svc.version = ++d.swarm!.index;
      reconcileService(d, sid);
    });
    out.push(`${ref} scaled to ${Number(val)}`);
    done.push({ ref, sid });
  }
  if (!isSet(p.value, 'detach')) {
    for (const { ref, sid } of done) out.push(...convergeProgress(w, sid, ref));
  }
  return { world: w, output: [...out, ...errs].join('\n'), exitCode: errs.length ? 1 : 0 };
}

const SERVICE_HELP = `Usage:  docker service COMMAND

Manage Swarm services

Commands:
  create      Create a new service
  inspect     Display detailed information on one or more services
  ls          List services
  ps          List the tasks of one or more services
  rm          Remove one or more services
  rollback    Revert changes to a service's configuration
  scale       Scale one or multiple replicated services
  update      Update a service

Run 'docker service COMMAND --help' for more information on a command.`;

/** `docker service SUBCOMMAND` on `machine`'s daemon. */
export function dockerService(world: World, argv: string[], machine: string, cwd = '/root'): CommandResult {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'create':
      return create(world, rest, machine, cwd);
    case 'ls':
    case 'list':
      return serviceLs(world, rest, machine);
    case 'ps':
      return servicePs(world, rest, machine);
    case 'rm':
    case 'remove':
      return rm(world, rest, machine);
    case 'scale':
      return scale(world, rest, machine);
    case 'inspect':
      return serviceInspect(world, rest, machine);
    case 'update':
      return serviceUpdate(world, rest, machine);
    case 'rollback':
      return serviceRollback(world, rest, machine);
    case undefined:
    case '--help':
      return ok(world, SERVICE_HELP);
    default:
      if (sub.startsWith('-')) return fail(world, flagError('service', `unknown flag: ${sub.split('=')[0]}`), 125);
      return fail(world, unknownSubcommand('service', sub), 1);
  }
}
