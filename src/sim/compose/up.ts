import { stableHex, storedImage } from '../docker/imageStore';
import type { CommandResult, Container } from '../model';
import {
  byPriority,
  COMPOSE_VERSION,
  type ComposeNetwork,
  type ComposeService,
  containerName,
  L,
  type Project,
} from './project';
import {
  type Ctx,
  daemonError,
  docker,
  event,
  logLines,
  logrusWarning,
  networksNamed,
  projectContainers,
} from './state';

/**
 * `docker compose up` (pkg/compose/create.go, convergence.go, start.go of v2.40.3) and
 * `docker-compose up` (1.29): networks first, then each service's container in dependency order
 * (created, or kept when its config hash and networks are unchanged, or recreated), then started.
 */

/** Compose's config hash: a digest of the service's normalised config (stable, 64 hex). */
export const serviceHash = (s: ComposeService) => stableHex(`service:${s.hashInput}`);
const networkHash = (n: ComposeNetwork) => stableHex(`network:${JSON.stringify(n)}`);

class Failed extends Error {}

/** v1's ParallelStreamWriter as a terminal shows it at the end: `Creating NAME ... done`, padded to the widest. */
export function v1Lines(lines: { verb: string; name: string }[], status = 'done'): string[] {
  const width = Math.max(0, ...lines.map((l) => `${l.verb} ${l.name}`.length));
  return lines.map((l) => `${`${l.verb} ${l.name}`.padEnd(width)} ... ${status}`);
}

function fail(ctx: Ctx, msg: string): never {
  ctx.out.push(ctx.flavor === 'v1' ? `ERROR: ${msg}` : msg);
  throw new Failed(msg);
}

/** Resolves external networks (no change when one is missing), then creates the others. Returns key -> name. */
function ensureNetworks(ctx: Ctx, p: Project): void {
  const keys = Object.keys(p.networks).sort();
  for (const key of keys) {
    const n = p.networks[key];
    if (!n.external) continue;
    const found = networksNamed(ctx.world, ctx.daemon, n.name);
    if (found.length > 1)
      fail(ctx, `multiple networks with name "${n.name}" were found. Use network ID as \`name\` to avoid ambiguity`);
    if (found.length === 0) {
      if (ctx.flavor === 'v1')
        fail(
          ctx,
          `Network ${n.name} declared as external, but could not be found. Please create the network manually using \`docker network create ${n.name}\` and try again.`,
        );
      fail(ctx, `network ${n.name} declared as external, but could not be found`);
    }
  }
  for (const key of keys) {
    const n = p.networks[key];
    if (n.external) continue;
    const found = networksNamed(ctx.world, ctx.daemon, n.name);
    if (found.length) {
      const labels = found[0].labels;
      if (ctx.flavor === 'v1') continue;
      if (!(L.project in labels)) {
        ctx.out.push(
          logrusWarning(
            ctx.world,
            `a network with name ${n.name} exists but was not created by compose.\nSet \`external: true\` to use an existing network`,
          ),
        );
      } else if (labels[L.project] !== p.name) {
        ctx.out.push(
          logrusWarning(
            ctx.world,
            `a network with name ${n.name} exists but was not created for project "${p.name}".\nSet \`external: true\` to use an existing network`,
          ),
        );
      }
      if (labels[L.network] !== key)
        fail(
          ctx,
          `network ${n.name} was found but has incorrect label ${L.network} set to "${labels[L.network] ?? ''}" (expected: "${key}")`,
        );
      continue;
    }
    const labels: Record<string, string> = { ...n.labels };
    if (ctx.flavor === 'v2') labels[L.hash] = networkHash(n);
    labels[L.network] = key;
    labels[L.project] = p.name;
    labels[L.version] = COMPOSE_VERSION[ctx.flavor];
    // every ipam.config pool (an IPv4 and an IPv6 one), and EnableIPv4/EnableIPv6 when the file sets them
    const argv = [
      'network',
      'create',
      ...(n.driver ? ['--driver', n.driver] : []),
      ...(n.enableIPv4 !== undefined ? [`--ipv4=${n.enableIPv4}`] : []),
      ...(n.enableIPv6 !== undefined ? [`--ipv6=${n.enableIPv6}`] : []),
      ...n.ipam.flatMap((pool) => [
        ...(pool.subnet ? ['--subnet', pool.subnet] : []),
        ...(pool.gateway ? ['--gateway', pool.gateway] : []),
        ...(pool.ipRange ? ['--ip-range', pool.ipRange] : []),
      ]),
      ...(n.internal ? ['--internal'] : []),
      ...(n.attachable ? ['--attachable'] : []),
      ...Object.entries(n.driverOpts).flatMap(([k, v]) => ['-o', `${k}=${v}`]),
      ...Object.entries(labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
      n.name,
    ];
    if (ctx.flavor === 'v1')
      ctx.out.push(`Creating network "${n.name}" with ${n.driver ? `driver "${n.driver}"` : 'the default driver'}`);
    else ctx.out.push(event(`Network ${n.name}`, 'Creating'));
    const r = docker(ctx, argv);
    if (r.exitCode !== 0) {
      if (ctx.flavor === 'v2') ctx.out.push(event(`Network ${n.name}`, 'Error'));
      fail(ctx, `failed to create network ${n.name}: ${daemonError(r)}`);
    }
    if (ctx.flavor === 'v2') ctx.out.push(event(`Network ${n.name}`, 'Created'));
  }
}

/** The labels Compose sets on a service container (fact 61). */
function containerLabels(ctx: Ctx, p: Project, s: ComposeService): Record<string, string> {
  const v2 = ctx.flavor === 'v2';
  return {
    ...s.labels,
    [L.hash]: serviceHash(s),
    [L.number]: '1',
    ...(v2 ? { [L.depends]: s.dependsOn.map((d) => `${d}:service_started:false`).join(',') } : {}),
    ...(v2 ? { [L.image]: `sha256:${storedImage(s.image).id}` } : {}),
    [L.oneoff]: 'False',
    [L.project]: p.name,
    [L.configFiles]: p.configFiles.join(','),
    [L.workingDir]: p.workingDir,
    [L.service]: s.name,
    [L.version]: COMPOSE_VERSION[ctx.flavor],
  };
}

/** `docker create` for one service container, then `network connect` for its other networks. */
function createOne(ctx: Ctx, p: Project, s: ComposeService, name: string): void {
  const nets = byPriority(s.networks);
  let netArgs: string[] = [];
  if (s.networkMode?.startsWith('service:')) {
    const dep = s.networkMode.slice('service:'.length);
    const target = projectContainers(ctx.world, ctx.daemon, p.name, dep)[0];
    if (!target) fail(ctx, `cannot share network namespace with service ${dep}: container missing`);
    netArgs = ['--network', `container:${target.id}`];
  } else if (s.networkMode) {
    netArgs = ['--network', s.networkMode];
  } else {
    netArgs = endpointArgs(ctx, p, s, name, nets[0], '--network', '--network-alias');
  }
  const labels = containerLabels(ctx, p, s);
  const argv = [
    'create',
    '--name',
    name,
    ...netArgs,
    ...(s.hostname ? ['--hostname', s.hostname] : []),
    ...(s.tty ? ['-t'] : []),
    ...(s.stdinOpen ? ['-i'] : []),
    ...s.environment.flatMap((e) => ['-e', e]),
    ...s.ports.flatMap((x) => ['-p', x]),
    ...s.expose.flatMap((x) => ['--expose', x]),
    ...Object.entries(labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
    s.image,
    ...s.command,
  ];
  const r = docker(ctx, argv);
  if (r.exitCode !== 0) {
    if (ctx.flavor === 'v2') ctx.out.push(event(`Container ${name}`, 'Error'));
    fail(ctx, daemonError(r));
  }
  for (const n of nets.slice(1)) {
    const c = docker(ctx, ['network', 'connect', ...endpointArgs(ctx, p, s, name, n, '', '--alias'), name]);
    if (c.exitCode !== 0) fail(ctx, daemonError(c));
  }
}

/** `--network NAME --network-alias …` (create) or `--alias … NAME` (connect) for one network. */
function endpointArgs(
  ctx: Ctx,
  p: Project,
  s: ComposeService,
  name: string,
  n: { key: string; aliases: string[]; ipv4?: string; ipv6?: string },
  netFlag: string,
  aliasFlag: string,
): string[] {
  // v2 getAliases: the container name, the service, the user's; v1: the service and the user's.
  const aliases = ctx.flavor === 'v2' ? [name, s.name, ...n.aliases] : [s.name, ...n.aliases];
  const netName = p.networks[n.key].name;
  const rest = [
    ...aliases.flatMap((a) => [aliasFlag, a]),
    ...(n.ipv4 ? ['--ip', n.ipv4] : []),
    ...(n.ipv6 ? ['--ip6', n.ipv6] : []),
  ];
  return netFlag ? [netFlag, netName, ...rest] : [...rest, netName];
}

/** A running container must be recreated when its hash changed or it misses one of its networks. */
function diverged(ctx: Ctx, p: Project, s: ComposeService, c: Container): boolean {
  if (c.labels?.[L.hash] !== serviceHash(s)) return true;
  if (c.state !== 'running' || s.networkMode) return false;
  return s.networks.some((n) => {
    const net = networksNamed(ctx.world, ctx.daemon, p.networks[n.key].name)[0];
    return !net || !c.endpoints.some((e) => e.networkId === net.id);
  });
}

export function composeUp(ctx: Ctx, p: Project, detach: boolean): CommandResult {
  const before = ctx.world;
  try {
    ctx.out.push(...p.warnings);
    ensureNetworks(ctx, p);
    const toStart: string[] = [];
    const v1: { verb: string; name: string }[] = [];
    for (const s of p.services) {
      const name = containerName(ctx.flavor, p.name, s, 1);
      const existing = projectContainers(ctx.world, ctx.daemon, p.name, s.name)[0];
      if (existing && !diverged(ctx, p, s, existing)) {
        if (existing.state === 'running') {
          if (ctx.flavor === 'v2') ctx.out.push(event(`Container ${existing.name}`, 'Running'));
          else ctx.out.push(`${existing.name} is up-to-date`);
        } else {
          toStart.push(existing.name);
          v1.push({ verb: 'Starting', name: existing.name });
        }
        continue;
      }
      if (existing) {
        if (ctx.flavor === 'v2') ctx.out.push(event(`Container ${existing.name}`, 'Recreate'));
        const rm = docker(ctx, ['rm', '-f', existing.id]);
        if (rm.exitCode !== 0) fail(ctx, daemonError(rm));
        createOne(ctx, p, s, name);
        if (ctx.flavor === 'v2') ctx.out.push(event(`Container ${name}`, 'Recreated'));
        v1.push({ verb: 'Recreating', name });
      } else {
        if (ctx.flavor === 'v2') ctx.out.push(event(`Container ${name}`, 'Creating'));
        createOne(ctx, p, s, name);
        if (ctx.flavor === 'v2') ctx.out.push(event(`Container ${name}`, 'Created'));
        v1.push({ verb: 'Creating', name });
      }
      toStart.push(name);
      // v1 starts each service's containers right after creating them (service.py execute_convergence_plan)
      if (ctx.flavor === 'v1') startOne(ctx, name);
    }
    if (ctx.flavor === 'v2') {
      for (const name of toStart) {
        ctx.out.push(event(`Container ${name}`, 'Starting'));
        startOne(ctx, name);
        ctx.out.push(event(`Container ${name}`, 'Started'));
      }
    } else {
      for (const l of v1.filter((x) => x.verb === 'Starting')) startOne(ctx, l.name);
      ctx.out.push(...v1Lines(v1));
    }
    if (!detach) ctx.out.push(...attached(ctx, p));
    return { world: ctx.world, output: ctx.out.join('\n'), exitCode: 0 };
  } catch (e) {
    if (!(e instanceof Failed)) throw e;
    // Compose leaves what it made before the error; a refused file never got here.
    return { world: ctx.world === before ? before : ctx.world, output: ctx.out.join('\n'), exitCode: 1 };
  }
}

function startOne(ctx: Ctx, name: string): void {
  const r = docker(ctx, ['start', name]);
  if (r.exitCode !== 0) {
    if (ctx.flavor === 'v2') ctx.out.push(event(`Container ${name}`, 'Error'));
    fail(ctx, daemonError(r));
  }
}

/** `up` without -d attaches: `Attaching to …`, then each container's log lines with its prefix. */
function attached(ctx: Ctx, p: Project): string[] {
  const cs = p.services.flatMap((s) => projectContainers(ctx.world, ctx.daemon, p.name, s.name));
  const short = (c: Container) =>
    ctx.flavor === 'v2' && c.name.startsWith(`${p.name}-`) ? c.name.slice(p.name.length + 1) : c.name;
  const width = Math.max(0, ...cs.map((c) => short(c).length));
  const lines = [`Attaching to ${cs.map(short).join(', ')}`];
  for (const c of cs) {
    const logs = docker(ctx, ['logs', c.id]);
    for (const l of logLines(logs.output)) lines.push(`${short(c).padEnd(width)} | ${l}`);
  }
  return lines;
}
