import { produce } from '../containerIndex';
import { imageInfo } from '../images';
import type { CommandResult, World } from '../model';
import { lookupService, notManagerError, plain } from '../swarm/state';
import type { ServicePort, ServiceSpecExtra, ServiceSpecState, SwarmService } from '../swarm/types';
import { applySpec, specState, type UpdateOutcome } from '../swarm/update';
import { all, boolFlagError, isSet, last, type Parsed, parseFlags } from './flags';
import { SERVICE_UPDATE_FLAGS, SERVICE_UPDATE_HELP } from './helpServiceUpdate';
import { type Attachment, parseAttachment } from './networkOpt';
import { argsError, daemon, fail, flagError, ok } from './output';
import { parsePublish, parseSwarmFlag, swarmSpecs } from './serviceFlags';
import { updateProgress } from './serviceProgress';
import { convertUpdateError, shlexWords } from './serviceSpec';

/**
 * `docker service update` and `docker service rollback` (docker/cli v28.5.2
 * cli/command/service/update.go runUpdate/updateService, rollback.go): the CLI reads the spec,
 * changes what the flags name, and sends it back; the daemon converts and swarmkit validates it
 * (moby daemon/cluster/services.go UpdateService, swarmkit controlapi UpdateService).
 */

const SPECS = swarmSpecs(SERVICE_UPDATE_FLAGS);
const ROW = new Map(SERVICE_UPDATE_FLAGS.map((r) => [r[1], r]));
const rpc = (code: string, desc: string) => daemon(`rpc error: code = ${code} desc = ${desc}`);

/** The flag's values as its Set parsed them. */
const values = <T>(p: Parsed, long: string) =>
  all(p, long).map((v) => {
    const r = parseSwarmFlag(ROW.get(long)!, v);
    return (r.ok && r.value !== '' ? r.value : v) as T;
  });
const value = <T>(p: Parsed, long: string) => values<T>(p, long).at(-1);
const changed = (p: Parsed, ...longs: string[]) => longs.some((l) => all(p, l).length > 0 || isSet(p, l));

const kvMap = (list: string[]) =>
  Object.fromEntries(
    list.map((s) => (s.includes('=') ? [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)] : [s, ''])),
  );
const envKey = (e: string) => e.split('=')[0];

/** A list with `add` appended, `rm` taken out, duplicates dropped, sorted (updateDNSConfig, updateGroups, constraints). */
function addRm(cur: string[] | undefined, add: string[], rm: string[], dedupe = true): string[] {
  const out = [...(cur ?? []), ...add].filter((v) => !rm.includes(v));
  return (dedupe ? [...new Set(out)] : out).sort();
}

/** updateEnvironment: removals by key, then additions replacing a key in place (Go rebuilds it from a map). */
function updateEnv(env: string[], add: string[], rm: string[]): string[] {
  const out = env.filter((e) => !rm.includes(envKey(e)));
  for (const e of add) {
    const at = out.findIndex((x) => envKey(x) === envKey(e));
    if (at >= 0) out[at] = e;
    else out.push(e);
  }
  return out;
}

/** updatePorts: removal by target, protocol and mode; additions not already there; sorted by "published:target/proto/mode". */
function updatePorts(ports: ServicePort[], add: ServicePort[], rm: ServicePort[]): ServicePort[] {
  const key = (x: ServicePort) => `${x.published}:${x.target}/${x.protocol}/${x.mode}`;
  const have = new Set(ports.map(key));
  const out = ports.filter(
    (x) => !rm.some((r) => r.protocol === x.protocol && r.target === x.target && r.mode === x.mode),
  );
  for (const x of add) if (!have.has(key(x))) out.push(x);
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

type Built = { ok: true; value: ServiceSpecState } | { ok: false; error: string };

/** updateService: the spec with the flags applied, or the CLI's error. */
function updatedSpec(world: World, svc: SwarmService, p: Parsed): Built {
  const no = (error: string): Built => ({ ok: false, error });
  const next = specState(svc);
  const x: ServiceSpecExtra = next.spec ?? {
    containerSpec: {},
    resources: { Limits: {}, Reservations: {} },
    restartPolicy: { Condition: 'any', Delay: 5000000000, MaxAttempts: 0 },
    placement: {},
    updateConfig: {
      Parallelism: 1,
      FailureAction: 'pause',
      Monitor: 5000000000,
      MaxFailureRatio: 0,
      Order: 'stop-first',
    },
    rollbackConfig: {
      Parallelism: 1,
      FailureAction: 'pause',
      Monitor: 5000000000,
      MaxFailureRatio: 0,
      Order: 'stop-first',
    },
  };
  next.spec = x;
  const cs = x.containerSpec;
  if (changed(p, 'label-rm', 'label-add')) {
    const labels = { ...next.labels };
    for (const k of all(p, 'label-rm')) delete labels[k];
    Object.assign(labels, kvMap(all(p, 'label-add')));
    next.labels = labels;
  }
  if (changed(p, 'container-label-rm', 'container-label-add')) {
    const labels = { ...(cs.Labels as Record<string, string> | undefined) };
    for (const k of all(p, 'container-label-rm')) delete labels[k];
    Object.assign(labels, kvMap(all(p, 'container-label-add')));
    cs.Labels = labels;
  }
  const image = last(p, 'image');
  if (image !== undefined) next.image = /:[^/]+$/.test(image) || image.includes('@') ? image : `${image}:latest`;
  if (changed(p, 'args')) next.args = shlexWords(last(p, 'args') ?? '');
  if (changed(p, 'entrypoint')) cs.Command = shlexWords(last(p, 'entrypoint') ?? '');
  next.env = updateEnv(next.env, all(p, 'env-add'), all(p, 'env-rm'));
  for (const [flag, key] of [
    ['workdir', 'Dir'],
    ['user', 'User'],
    ['hostname', 'Hostname'],
    ['isolation', 'Isolation'],
    ['stop-signal', 'StopSignal'],
  ]) {
    const v = last(p, flag);
    if (v !== undefined) cs[key] = v;
  }
  for (const [flag, key] of [
    ['init', 'Init'],
    ['tty', 'TTY'],
    ['read-only', 'ReadOnly'],
  ])
    if (isSet(p, flag)) cs[key] = last(p, flag) !== 'false';
  if (changed(p, 'mount-add', 'mount-rm')) {
    const add = values<Record<string, unknown>>(p, 'mount-add');
    if (new Set(add.map((m) => m.Target)).size < add.length) return no('duplicate mount target');
    const rm = all(p, 'mount-rm');
    const kept = ((cs.Mounts ?? []) as Record<string, unknown>[]).filter(
      (m) => !add.some((a) => a.Target === m.Target),
    );
    const mounts = [...add, ...kept].filter((m) => !rm.includes(m.Target as string));
    const k = (m: Record<string, unknown>) => `${m.Source ?? ''}\u0000${m.Target}`;
    cs.Mounts = mounts.sort((a, b) => (k(a) < k(b) ? -1 : 1));
  }
  if (changed(p, 'sysctl-add', 'sysctl-rm')) {
    const m = { ...(cs.Sysctls as Record<string, string> | undefined) };
    for (const k of Object.keys(kvMap(all(p, 'sysctl-rm')))) delete m[k];
    Object.assign(m, kvMap(all(p, 'sysctl-add')));
    cs.Sysctls = m;
  }
  if (changed(p, 'ulimit-add', 'ulimit-rm')) {
    const rm = Object.keys(kvMap(all(p, 'ulimit-rm')));
    const byName = new Map(((cs.Ulimits ?? []) as { Name: string }[]).map((u) => [u.Name, u]));
    for (const k of rm) byName.delete(k);
    for (const u of values<{ Name: string }>(p, 'ulimit-add')) byName.set(u.Name, u);
    cs.Ulimits = [...byName.values()].sort((a, b) => (a.Name < b.Name ? -1 : 1));
  }
  const limits = x.resources.Limits;
  if (changed(p, 'limit-cpu')) limits.NanoCPUs = value<number>(p, 'limit-cpu') ?? 0;
  if (changed(p, 'limit-memory')) limits.MemoryBytes = value<number>(p, 'limit-memory') ?? 0;
  if (changed(p, 'limit-pids')) limits.Pids = value<number>(p, 'limit-pids') ?? 0;
  const res = x.resources.Reservations as Record<string, unknown>;
  if (changed(p, 'reserve-cpu')) res.NanoCPUs = value<number>(p, 'reserve-cpu') ?? 0;
  if (changed(p, 'reserve-memory')) res.MemoryBytes = value<number>(p, 'reserve-memory') ?? 0;
  if (changed(p, 'oom-score-adj')) cs.OomScoreAdj = value<number>(p, 'oom-score-adj');
  if (changed(p, 'generic-resource-rm')) {
    const have = ((res.GenericResources ?? []) as { DiscreteResourceSpec?: { Kind: string } }[]).map(
      (g) => g.DiscreteResourceSpec?.Kind,
    );
    const miss = all(p, 'generic-resource-rm').find((k) => !have.includes(k));
    if (miss !== undefined) return no(`could not find generic-resource \`${miss}\` to remove it`);
  }
  if (changed(p, 'stop-grace-period')) cs.StopGracePeriod = value<number>(p, 'stop-grace-period');
  const rp = x.restartPolicy;
  if (changed(p, 'restart-condition')) rp.Condition = last(p, 'restart-condition');
  if (changed(p, 'restart-delay')) rp.Delay = value<number>(p, 'restart-delay');
  if (changed(p, 'restart-max-attempts')) rp.MaxAttempts = value<number>(p, 'restart-max-attempts');
  if (changed(p, 'restart-window')) rp.Window = value<number>(p, 'restart-window');
  if (changed(p, 'constraint-add', 'constraint-rm'))
    x.placement.Constraints = addRm(
      x.placement.Constraints as string[] | undefined,
      all(p, 'constraint-add'),
      all(p, 'constraint-rm'),
      false,
    );
  if (changed(p, 'placement-pref-add', 'placement-pref-rm')) {
    const rm = values<string>(p, 'placement-pref-rm');
    const prefs = ((x.placement.Preferences ?? []) as { Spread: { SpreadDescriptor: string } }[]).filter(
      (q) => !rm.includes(q.Spread.SpreadDescriptor),
    );
    for (const d of values<string>(p, 'placement-pref-add')) prefs.push({ Spread: { SpreadDescriptor: d } });
    x.placement.Preferences = prefs;
  }
  if (changed(p, 'network-add', 'network-rm')) {
    const swarmNet = (ref: string) =>
      Object.values(world.networks).find(
        (n) => n.scope === 'swarm' && (n.id === ref || n.name === ref || (ref.length > 0 && n.id.startsWith(ref))),
      );
    const rmIds: string[] = [];
    for (const ref of all(p, 'network-rm')) {
      const n = swarmNet(ref);
      if (!n) return no(daemon(`network ${ref} not found`));
      rmIds.push(n.id);
    }
    const nets = next.networks.filter((n) => !rmIds.includes(n));
    const aliases = { ...next.aliases };
    for (const id of rmIds) delete aliases[id];
    for (const v of all(p, 'network-add')) {
      const a = parseAttachment(v) as Attachment;
      const n = swarmNet(a.target);
      if (!n) return no(daemon(`network ${a.target} not found`));
      if (nets.includes(n.id)) return no(`service is already attached to network ${a.target}`);
      nets.push(n.id);
      if (a.aliases.length) aliases[n.id] = a.aliases;
    }
    next.networks = nets.sort();
    next.aliases = Object.keys(aliases).length ? aliases : undefined;
  }
  if (changed(p, 'replicas')) {
    if (next.mode !== 'replicated') return no('replicas can only be used with replicated mode');
    next.replicas = value<number>(p, 'replicas') ?? 0;
  }
  if (changed(p, 'replicas-max-per-node')) x.placement.MaxReplicas = value<number>(p, 'replicas-max-per-node');
  for (const [prefix, key] of [
    ['update', 'updateConfig'],
    ['rollback', 'rollbackConfig'],
  ] as const) {
    const flags = ['parallelism', 'delay', 'monitor', 'failure-action', 'max-failure-ratio', 'order'];
    if (!changed(p, ...flags.map((f) => `${prefix}-${f}`))) continue;
    const c = { ...x[key] };
    if (changed(p, `${prefix}-parallelism`)) c.Parallelism = value<number>(p, `${prefix}-parallelism`);
    if (changed(p, `${prefix}-delay`)) c.Delay = value<number>(p, `${prefix}-delay`);
    if (changed(p, `${prefix}-monitor`)) c.Monitor = value<number>(p, `${prefix}-monitor`);
    if (changed(p, `${prefix}-failure-action`)) c.FailureAction = last(p, `${prefix}-failure-action`);
    if (changed(p, `${prefix}-max-failure-ratio`)) c.MaxFailureRatio = value<number>(p, `${prefix}-max-failure-ratio`);
    if (changed(p, `${prefix}-order`)) c.Order = last(p, `${prefix}-order`);
    x[key] = c;
    if (prefix === 'update' && next.mode.endsWith('-job'))
      return no(rpc('InvalidArgument', 'Jobs may not have an update config'));
  }
  if (changed(p, 'endpoint-mode')) next.endpointMode = (last(p, 'endpoint-mode') ?? '') as 'vip' | 'dnsrr';
  if (changed(p, 'group-add', 'group-rm'))
    cs.Groups = addRm(cs.Groups as string[] | undefined, all(p, 'group-add'), all(p, 'group-rm'), false);
  if (changed(p, 'publish-add', 'publish-rm'))
    next.ports = updatePorts(
      next.ports,
      all(p, 'publish-add').map((v) => parsePublish(v) as ServicePort),
      all(p, 'publish-rm').map((v) => parsePublish(v) as ServicePort),
    );
  if (changed(p, 'dns-add', 'dns-rm', 'dns-option-add', 'dns-option-rm', 'dns-search-add', 'dns-search-rm')) {
    const dns = (cs.DNSConfig ?? {}) as { Nameservers?: string[]; Search?: string[]; Options?: string[] };
    const pick = (cur: string[] | undefined, add: string, rm: string) => {
      const v = addRm(cur, values<string>(p, add), all(p, rm));
      return v.length ? v : undefined;
    };
    const out = {
      Nameservers: pick(dns.Nameservers, 'dns-add', 'dns-rm'),
      Search: pick(dns.Search, 'dns-search-add', 'dns-search-rm'),
      Options: pick(dns.Options, 'dns-option-add', 'dns-option-rm'),
    };
    cs.DNSConfig = Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
  }
  if (changed(p, 'host-add', 'host-rm')) {
    const rm = all(p, 'host-rm');
    const hosts = ((cs.Hosts ?? []) as string[]).filter((h) => {
      const [ip, name] = h.split(' ');
      return !rm.some((r) => (r.includes(':') ? r === `${name}:${ip}` : r === name));
    });
    for (const h of values<string>(p, 'host-add'))
      hosts.push(`${h.slice(h.indexOf(':') + 1)} ${h.slice(0, h.indexOf(':'))}`);
    cs.Hosts = hosts;
  }
  const logDriver = last(p, 'log-driver');
  if (logDriver !== undefined) x.logDriver = { Name: logDriver, Options: kvMap(all(p, 'log-opt')) };
  if (isSet(p, 'force') && last(p, 'force') !== 'false') next.forceUpdate = (next.forceUpdate ?? 0) + 1;
  if (changed(p, 'cap-add', 'cap-drop')) {
    const add = [...new Set([...((cs.CapabilityAdd ?? []) as string[]), ...all(p, 'cap-add')])].filter(
      (c) => !all(p, 'cap-drop').includes(c),
    );
    const drop = [...new Set([...((cs.CapabilityDrop ?? []) as string[]), ...all(p, 'cap-drop')])].filter(
      (c) => !all(p, 'cap-add').includes(c),
    );
    cs.CapabilityAdd = add.length ? add.sort() : undefined;
    cs.CapabilityDrop = drop.length ? drop.sort() : undefined;
  }
  // getUpdatedSecrets / getUpdatedConfigs: none exist in a whalewire swarm
  const secret = values<string>(p, 'secret-add')[0];
  if (secret !== undefined) return no(`secret not found: ${secret}`);
  const config = values<string>(p, 'config-add')[0];
  if (config !== undefined) return no(`config not found: ${config}`);
  return { ok: true, value: next };
}

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
