import { isNodeLocalSwarm } from '../drivers';
import type { World } from '../model';
import { nodeLocalTasksNotSimulated } from '../swarm/nodeLocal';
import type { ServicePort, ServiceSpecExtra, ServiceSpecState, SwarmService } from '../swarm/types';
import { specState } from '../swarm/update';
import { all, isSet, last, type Parsed } from './flags';
import { SERVICE_UPDATE_FLAGS } from './helpServiceUpdate';
import { type Attachment, parseAttachment } from './networkOpt';
import { daemon } from './output';
import { parsePublish, parseSwarmFlag } from './serviceFlags';
import { shlexWords } from './serviceSpec';

/**
 * docker/cli v28.5.2 cli/command/service/update.go updateService: the spec the CLI read, with
 * what each flag names changed (labels, env, mounts, ports, networks, DNS, hosts, resources,
 * restart, update and rollback config, healthcheck, capabilities …), in the CLI's order and words.
 */

const rpc = (code: string, desc: string) => daemon(`rpc error: code = ${code} desc = ${desc}`);
const ROW = new Map(SERVICE_UPDATE_FLAGS.map((r) => [r[1], r]));

/** The flag's values as its Set parsed them. */
const values = <T>(p: Parsed, long: string) =>
  all(p, long).map((v) => {
    const r = parseSwarmFlag(ROW.get(long)!, v);
    return (r.ok && r.value !== '' ? r.value : v) as T;
  });
const value = <T>(p: Parsed, long: string) => values<T>(p, long).at(-1);
export const changed = (p: Parsed, ...longs: string[]) => longs.some((l) => all(p, l).length > 0 || isSet(p, l));

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

/** updateHealthcheck (which leaves --health-start-interval out): the HealthConfig changed in place, or the CLI's refusal. */
function updateHealthcheck(p: Parsed, cs: Record<string, unknown>): string | null {
  const flags = ['health-cmd', 'health-interval', 'health-retries', 'health-timeout', 'health-start-period'];
  if (!changed(p, 'no-healthcheck', ...flags)) return null;
  if (isSet(p, 'no-healthcheck') && last(p, 'no-healthcheck') !== 'false') {
    if (changed(p, ...flags)) return '--no-healthcheck conflicts with --health-* options';
    cs.Healthcheck = { Test: ['NONE'] };
    return null;
  }
  const hc = { ...((cs.Healthcheck ?? {}) as Record<string, unknown>) };
  if ((hc.Test as string[] | undefined)?.[0] === 'NONE') delete hc.Test;
  for (const [flag, key] of [
    ['health-interval', 'Interval'],
    ['health-timeout', 'Timeout'],
    ['health-start-period', 'StartPeriod'],
    ['health-retries', 'Retries'],
  ])
    if (changed(p, flag)) hc[key] = value<number>(p, flag);
  if (changed(p, 'health-cmd')) {
    const cmd = last(p, 'health-cmd') ?? '';
    if (cmd) hc.Test = ['CMD-SHELL', cmd];
    else delete hc.Test;
  }
  // container.HealthConfig's field order, zero values omitted (omitempty)
  const order = ['Test', 'Interval', 'Timeout', 'StartPeriod', 'StartInterval', 'Retries'];
  cs.Healthcheck = Object.fromEntries(order.filter((k) => hc[k]).map((k) => [k, hc[k]]));
  return null;
}

type Built = { ok: true; value: ServiceSpecState } | { ok: false; error: string };

/** updateService: the spec with the flags applied, or the CLI's error. */
export function updatedSpec(world: World, svc: SwarmService, p: Parsed): Built {
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
  if (changed(p, 'generic-resource-add', 'generic-resource-rm')) {
    type Generic = { DiscreteResourceSpec?: { Kind: string }; NamedResourceSpec?: { Kind: string } };
    const kind = (g: Generic) => (g.DiscreteResourceSpec ?? g.NamedResourceSpec)?.Kind ?? '';
    const byKind = new Map(((res.GenericResources ?? []) as Generic[]).map((g) => [kind(g), g]));
    for (const v of all(p, 'generic-resource-add')) {
      const [k, n] = [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)];
      byKind.set(
        k,
        /^\d+$/.test(n)
          ? ({ DiscreteResourceSpec: { Kind: k, Value: Number(n) } } as Generic)
          : ({ NamedResourceSpec: { Kind: k, Value: n } } as Generic),
      );
    }
    for (const k of all(p, 'generic-resource-rm')) {
      if (!byKind.has(k)) return no(`could not find generic-resource \`${k}\` to remove it`);
      byKind.delete(k);
    }
    res.GenericResources = byKind.size ? [...byKind.values()] : undefined;
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
      if (isNodeLocalSwarm(n)) return no(nodeLocalTasksNotSimulated(n, 'updated'));
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
  // updateLogDriver: --log-opt only with a --log-driver that names one
  const logDriver = last(p, 'log-driver');
  if (logDriver) x.logDriver = { Name: logDriver, Options: kvMap(all(p, 'log-opt')) };
  if (isSet(p, 'force') && last(p, 'force') !== 'false') next.forceUpdate = (next.forceUpdate ?? 0) + 1;
  const health = updateHealthcheck(p, cs);
  if (health) return no(health);
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
