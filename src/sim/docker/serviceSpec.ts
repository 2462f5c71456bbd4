import type { ServiceSpecExtra } from '../swarm/types';
import { all, isSet, last, type Parsed } from './flags';
import { SERVICE_CREATE_FLAGS } from './helpSwarm';
import { daemon } from './output';
import { parseSwarmFlag } from './serviceFlags';

/**
 * `docker service create`'s flags as the service spec they become (docker/cli v28.5.2
 * cli/command/service/opts.go ToService), with the checks on the way in the order a real create
 * meets them: the CLI's own (ToServiceMode, toHealthConfig, secrets and configs), the daemon's
 * conversion (moby v28.5.2 daemon/cluster/convert/service.go: restart condition, update and
 * rollback failure action and order, resolution mode) and swarmkit's validateServiceSpec
 * (manager/controlapi/service.go: resources, restart policy, placement constraints, health
 * check minimums, duplicate mounts, update config). Values are kept in the API's shape, so
 * `docker service inspect` shows them at Docker's paths.
 */

const ROW = new Map(SERVICE_CREATE_FLAGS.map((r) => [r[1], r]));
/** The flag's last value as its Set parsed it (the parser already refused bad ones). */
function value<T>(p: Parsed, long: string): T | undefined {
  const v = last(p, long);
  if (v === undefined) return undefined;
  const r = parseSwarmFlag(ROW.get(long)!, v);
  return r.ok ? (r.value as T) : undefined;
}
const values = <T>(p: Parsed, long: string) =>
  all(p, long).map((v) => {
    const r = parseSwarmFlag(ROW.get(long)!, v);
    return (r.ok && r.value !== '' ? r.value : v) as T;
  });

/** opts.ConvertKVStringsToMap. */
const kvMap = (list: string[]) =>
  Object.fromEntries(
    list.map((s) => (s.includes('=') ? [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)] : [s, ''])),
  );

const rpc = (code: string, desc: string) => daemon(`rpc error: code = ${code} desc = ${desc}`);

/** constraint.Parse (swarmkit manager/constraint): the first refused expression's error, or null. */
export function constraintError(exprs: string[]): string | null {
  for (const e of exprs) {
    const op = ['==', '!='].find((o) => e.includes(o));
    if (!op) return 'constraint expected one operator from ==, !=';
    const [k, v] = [e.slice(0, e.indexOf(op)).trim(), e.slice(e.indexOf(op) + 2).trim()];
    if (!/^[a-z_][a-z0-9\-_.]+$/i.test(k)) return `key '${k}' is invalid`;
    if (!/^[a-z0-9:\-_\s.*()?+[\]\\^$|/]+$/i.test(v)) return `value '${v}' is invalid`;
  }
  return null;
}

/** ToServiceMode's refusals for a mode and the flags that only some modes take. */
function modeError(p: Parsed, mode: string): string | null {
  const replicas = last(p, 'replicas') !== undefined;
  const maxPerNode = (value<number>(p, 'replicas-max-per-node') ?? 0) > 0;
  const concurrent = last(p, 'max-concurrent') !== undefined;
  const onlyReplicated = 'replicas can only be used with replicated or replicated-job mode';
  const maxMsg = 'replicas-max-per-node can only be used with replicated or replicated-job mode';
  const concMsg = 'max-concurrent can only be used with replicated-job mode';
  if (mode === 'global' || mode === 'global-job') {
    if (mode === 'global' && replicas) return onlyReplicated;
    if (maxPerNode) return maxMsg;
    if (concurrent) return concMsg;
    if (replicas) return onlyReplicated;
  } else if (mode === 'replicated') {
    if (concurrent) return concMsg;
  } else if (mode !== 'replicated-job') return `Unknown mode: ${mode}, only replicated and global supported`;
  return null;
}

const HEALTH = ['health-cmd', 'health-interval', 'health-timeout', 'health-start-period', 'health-start-interval'];

/** toHealthConfig: NONE for --no-healthcheck, else the given settings, or the CLI's refusal. */
function healthcheck(p: Parsed): { value?: Record<string, unknown>; error?: string } {
  const retries = value<number>(p, 'health-retries') ?? 0;
  const have = HEALTH.some((f) => last(p, f) !== undefined) || retries !== 0;
  if (isSet(p, 'no-healthcheck')) {
    return have ? { error: '--no-healthcheck conflicts with --health-* options' } : { value: { Test: ['NONE'] } };
  }
  if (!have) return {};
  const cmd = last(p, 'health-cmd') ?? '';
  const d = (f: string) => value<number>(p, f) ?? 0;
  return {
    value: {
      ...(cmd ? { Test: ['CMD-SHELL', cmd] } : {}),
      Interval: d('health-interval'),
      Timeout: d('health-timeout'),
      StartPeriod: d('health-start-period'),
      StartInterval: d('health-start-interval'),
      Retries: retries,
    },
  };
}

/** updateConfig / rollbackConfig: the defaults with what was given (`update-…` or `rollback-…`). */
function updateConfig(p: Parsed, prefix: 'update' | 'rollback'): Record<string, unknown> {
  const d = (f: string) => value<number>(p, `${prefix}-${f}`);
  return {
    Parallelism: d('parallelism') ?? 1,
    ...(d('delay') ? { Delay: d('delay') } : {}),
    FailureAction: last(p, `${prefix}-failure-action`) ?? 'pause',
    Monitor: d('monitor') || 5000000000,
    MaxFailureRatio: d('max-failure-ratio') ?? 0,
    Order: last(p, `${prefix}-order`) ?? 'stop-first',
  };
}

/** convert's updateConfigToGRPC: the failure action and order words it knows. */
export function convertUpdateError(c: Record<string, unknown>): string | null {
  if (!['pause', 'continue', 'rollback', ''].includes(c.FailureAction as string))
    return daemon(`unrecognized update failure action ${c.FailureAction}`);
  if (!['stop-first', 'start-first', ''].includes(c.Order as string))
    return daemon(`unrecognized update order ${c.Order}`);
  return null;
}

/** swarmkit's validateUpdate (of the update config only, not the rollback one). */
function validateUpdate(p: Parsed, c: Record<string, unknown>): string | null {
  if ((value<number>(p, 'update-delay') ?? 0) < 0)
    return rpc('InvalidArgument', 'TaskSpec: update-delay cannot be negative');
  if ((value<number>(p, 'update-monitor') ?? 0) < 0)
    return rpc('InvalidArgument', 'TaskSpec: update-monitor cannot be negative');
  const ratio = c.MaxFailureRatio as number;
  if (ratio < 0 || ratio > 1)
    return rpc('InvalidArgument', 'TaskSpec: update-maxfailureratio cannot be less than 0 or bigger than 1');
  return null;
}

/** `%g` of a float as Go prints it for swarmkit's cpu message. */
const goG = (n: number) => String(Number(n.toPrecision(6))).replace(/e([+-])(\d)$/, 'e$10$2');

/** ToService's own refusals before it resolves the networks: health flags, mode, jobs with update flags. */
export function cliSpecError(p: Parsed, mode: string): string | null {
  const health = healthcheck(p);
  if (health.error) return health.error;
  const modeErr = modeError(p, mode);
  if (modeErr) return modeErr;
  const updating = SERVICE_CREATE_FLAGS.some(([, l]) => /^(update|rollback)-/.test(l) && last(p, l) !== undefined);
  return mode.endsWith('-job') && updating ? 'update and rollback configuration is not supported for jobs' : null;
}

/**
 * The spec's extra parts from the parsed flags that passed cliSpecError, or the error a real create prints (whole text,
 * exit 1). `secrets`/`configs`: none exist in a whalewire swarm, so any reference is not found.
 */
export function buildSpec(
  p: Parsed,
  mode: string,
): { ok: true; value: ServiceSpecExtra } | { ok: false; error: string } {
  const no = (error: string) => ({ ok: false as const, error });
  const health = healthcheck(p);
  // the CLI: ParseSecrets / ParseConfigs, after ToService (cliSpecError)
  const secret = values<string>(p, 'secret')[0];
  if (secret !== undefined) return no(`secret not found: ${secret}`);
  const config = values<string>(p, 'config')[0];
  if (config !== undefined) return no(`config not found: ${config}`);
  // the daemon: convert
  const condition = last(p, 'restart-condition') ?? 'any';
  if (!['none', 'on-failure', 'any', ''].includes(condition))
    return no(daemon(`invalid RestartCondition: "${condition}"`));
  const update = updateConfig(p, 'update');
  const rollback = updateConfig(p, 'rollback');
  const convertErr = convertUpdateError(update) ?? convertUpdateError(rollback);
  if (convertErr) return no(convertErr);
  const endpointMode = (last(p, 'endpoint-mode') ?? 'vip').toLowerCase();
  if (endpointMode !== 'vip' && endpointMode !== 'dnsrr')
    return no(daemon(`invalid resolution mode: "${last(p, 'endpoint-mode')}"`));
  // swarmkit: validateServiceSpec → validateTaskSpec
  const limits = { NanoCPUs: value<number>(p, 'limit-cpu'), MemoryBytes: value<number>(p, 'limit-memory') };
  const reserve = { NanoCPUs: value<number>(p, 'reserve-cpu'), MemoryBytes: value<number>(p, 'reserve-memory') };
  for (const r of [reserve, limits]) {
    if (r.NanoCPUs && r.NanoCPUs < 1e6)
      return no(rpc('InvalidArgument', `invalid cpu value ${goG(r.NanoCPUs / 1e9)}: Must be at least 0.001`));
    if (r.MemoryBytes && r.MemoryBytes < 4 * 1024 * 1024)
      return no(rpc('InvalidArgument', `invalid memory value ${r.MemoryBytes}: Must be at least 4MiB`));
  }
  const delay = value<number>(p, 'restart-delay');
  if ((delay ?? 0) < 0) return no(rpc('InvalidArgument', 'TaskSpec: restart-delay cannot be negative'));
  const window = value<number>(p, 'restart-window');
  if ((window ?? 0) < 0) return no(rpc('InvalidArgument', 'TaskSpec: restart-window cannot be negative'));
  const constraints = all(p, 'constraint');
  const cErr = constraintError(constraints);
  if (cErr) return no(rpc('Unknown', cErr));
  const hc = health.value;
  const ms = 1e6;
  for (const [key, label] of [
    ['Interval', 'Interval'],
    ['Timeout', 'Timeout'],
    ['StartPeriod', 'StartPeriod'],
    ['StartInterval', 'StartInterval'],
  ]) {
    const v = (hc?.[key] as number | undefined) ?? 0;
    if (v !== 0 && v < ms)
      return no(rpc('InvalidArgument', `ContainerSpec: ${label} in HealthConfig cannot be less than 1ms`));
  }
  if (hc && (hc.Retries as number) < 0)
    return no(rpc('InvalidArgument', 'ContainerSpec: Retries in HealthConfig cannot be negative'));
  const mounts = values<Record<string, unknown>>(p, 'mount');
  const seen = new Set<string>();
  for (const m of mounts) {
    if (seen.has(m.Target as string))
      return no(rpc('InvalidArgument', `ContainerSpec: duplicate mount point: ${m.Target}`));
    seen.add(m.Target as string);
  }
  if (!mode.endsWith('-job')) {
    const e = validateUpdate(p, update);
    if (e) return no(e);
  }

  const hosts = values<string>(p, 'host').map((h) => `${h.slice(h.indexOf(':') + 1)} ${h.slice(0, h.indexOf(':'))}`);
  const entrypoint = last(p, 'entrypoint');
  const maxReplicas = value<number>(p, 'replicas-max-per-node') ?? 0;
  const prefs = values<string>(p, 'placement-pref').map((d) => ({ Spread: { SpreadDescriptor: d } }));
  const capAdd = all(p, 'cap-add');
  const capDrop = all(p, 'cap-drop');
  const grace = last(p, 'stop-grace-period');
  const containerSpec: Record<string, unknown> = {
    ...(all(p, 'container-label').length ? { Labels: kvMap(all(p, 'container-label')) } : {}),
    ...(entrypoint ? { Command: shlexWords(entrypoint) } : {}),
    ...(last(p, 'hostname') ? { Hostname: last(p, 'hostname') } : {}),
    ...(last(p, 'workdir') ? { Dir: last(p, 'workdir') } : {}),
    ...(last(p, 'user') ? { User: last(p, 'user') } : {}),
    ...(all(p, 'group').length ? { Groups: all(p, 'group') } : {}),
    Init: isSet(p, 'init'),
    ...(last(p, 'stop-signal') ? { StopSignal: last(p, 'stop-signal') } : {}),
    ...(isSet(p, 'tty') ? { TTY: true } : {}),
    ...(isSet(p, 'read-only') ? { ReadOnly: true } : {}),
    ...(mounts.length ? { Mounts: mounts } : {}),
    // InsertDefaults: swarmkit's 10s when none was given
    StopGracePeriod: grace !== undefined ? value<number>(p, 'stop-grace-period') : 10000000000,
    ...(hc ? { Healthcheck: hc } : {}),
    ...(hosts.length ? { Hosts: hosts } : {}),
    DNSConfig: {
      ...(all(p, 'dns').length ? { Nameservers: values<string>(p, 'dns').map((d) => d.trim()) } : {}),
      ...(all(p, 'dns-search').length ? { Search: values<string>(p, 'dns-search') } : {}),
      ...(all(p, 'dns-option').length ? { Options: all(p, 'dns-option') } : {}),
    },
    Isolation: last(p, 'isolation') || 'default',
    ...(all(p, 'sysctl').length ? { Sysctls: kvMap(all(p, 'sysctl')) } : {}),
    ...(capAdd.length ? { CapabilityAdd: capAdd } : {}),
    ...(capDrop.length ? { CapabilityDrop: capDrop } : {}),
    ...(all(p, 'ulimit').length ? { Ulimits: values(p, 'ulimit') } : {}),
    ...(value<number>(p, 'oom-score-adj') ? { OomScoreAdj: value<number>(p, 'oom-score-adj') } : {}),
  };
  const pids = value<number>(p, 'limit-pids') ?? 0;
  const generic = all(p, 'generic-resource').map((g) => {
    const [kind, v] = [g.slice(0, g.indexOf('=')), g.slice(g.indexOf('=') + 1)];
    return /^\d+$/.test(v)
      ? { DiscreteResourceSpec: { Kind: kind, Value: Number(v) } }
      : { NamedResourceSpec: { Kind: kind, Value: v } };
  });
  const logDriver = last(p, 'log-driver');
  return {
    ok: true,
    value: {
      containerSpec,
      resources: {
        Limits: {
          ...(limits.NanoCPUs ? { NanoCPUs: limits.NanoCPUs } : {}),
          ...(limits.MemoryBytes ? { MemoryBytes: limits.MemoryBytes } : {}),
          ...(pids ? { Pids: pids } : {}),
        },
        Reservations: {
          ...(reserve.NanoCPUs ? { NanoCPUs: reserve.NanoCPUs } : {}),
          ...(reserve.MemoryBytes ? { MemoryBytes: reserve.MemoryBytes } : {}),
          ...(generic.length ? { GenericResources: generic } : {}),
        },
      },
      restartPolicy: {
        Condition: condition || 'any',
        Delay: delay ?? 5000000000,
        MaxAttempts: value<number>(p, 'restart-max-attempts') ?? 0,
        ...(window !== undefined ? { Window: window } : {}),
      },
      placement: {
        ...(constraints.length ? { Constraints: constraints } : {}),
        ...(prefs.length ? { Preferences: prefs } : {}),
        ...(maxReplicas ? { MaxReplicas: maxReplicas } : {}),
      },
      ...(logDriver ? { logDriver: { Name: logDriver, Options: kvMap(all(p, 'log-opt')) } } : {}),
      updateConfig: update,
      rollbackConfig: rollback,
    },
  };
}

/** shlex.Split of a value ShlexOpt accepted (quotes and backslashes removed). */
export function shlexWords(s: string): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < s.length) cur += s[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      cur ??= '';
    } else if (c === '\\' && i + 1 < s.length) cur = (cur ?? '') + s[++i];
    else if (/\s/.test(c)) {
      if (cur !== null) out.push(cur);
      cur = null;
    } else cur = (cur ?? '') + c;
  }
  if (cur !== null) out.push(cur);
  return out;
}
