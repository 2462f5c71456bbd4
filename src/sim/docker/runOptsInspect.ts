import { lookupContainer } from '../lookup';
import type { Container, World } from '../model';
import type { Parsed } from './flags';
import { all, isSet, keyValues, last } from './flags';
import { OPT_ROW, OPT_ROWS, parseOpt } from './runOpts';
import { optValue } from './runOptsCheck';
import { parseDevice } from './runOptValues';

/**
 * The table flags (runOpts.ts) as `docker inspect` shows them: each row's `at` path gets the
 * value in the API's encoding (bytes as numbers, durations in ns, lists of structs), then what
 * the daemon does to a new container (adaptContainerSettings, container_routes.go, create_unix.go).
 */

const sorted = (m: Record<string, string>) =>
  Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

const asParsed = (c: Container): Parsed => ({ flags: c.opts ?? {}, args: [] });

/** A row's value in the API's encoding (a list row: every value; a scalar: the last). */
function encode(p: Parsed, long: string): unknown {
  const row = OPT_ROW.get(long)!;
  const vals = all(p, long);
  const parsed = vals.map((v) => parseOpt(row, v)).map((r) => (r.ok ? r.value : null));
  switch (long) {
    case 'blkio-weight-device':
      return vals.map((v) => ({ Path: v.split(':')[0], Weight: Number(v.split(':')[1]) }));
    case 'device-read-iops':
    case 'device-write-iops':
      return vals.map((v) => ({ Path: v.split(':')[0], Rate: Number(v.slice(v.indexOf(':') + 1)) }));
    case 'device-read-bps':
    case 'device-write-bps':
      return vals.map((v) => {
        const rate = parseOpt(OPT_ROW.get('memory')!, v.slice(v.indexOf(':') + 1));
        return { Path: v.split(':')[0], Rate: rate.ok ? rate.value : 0 };
      });
    case 'device':
      return vals.flatMap((v) => {
        const d = parseDevice(v);
        return d.ok ? [d.value] : [];
      });
    case 'ulimit': {
      // UlimitOpt keeps the last value per name, sorted by name
      const byName = new Map(parsed.map((u) => [(u as { Name: string }).Name, u]));
      return [...byName.values()].sort((a, b) =>
        (a as { Name: string }).Name < (b as { Name: string }).Name ? -1 : 1,
      );
    }
    case 'mount':
      return parsed;
  }
  if (row.type === 'map') return sorted(keyValues(p, long));
  if (row.type === 'list' || row.type === 'gpu-request') return parsed;
  return parsed[parsed.length - 1];
}

/** HostConfig keys the table flags change, with the daemon's adaptations. */
export function hostOverrides(world: World, c: Container): Record<string, unknown> {
  const p = asParsed(c);
  const out: Record<string, unknown> = {};
  for (const row of OPT_ROWS) {
    if (row.at?.startsWith('HostConfig.') && p.flags[row.long]) out[row.at.slice(11)] = encode(p, row.long);
  }
  // adaptContainerSettings: swap defaults to twice the memory; MemorySwappiness, OomKillDisable
  // and KernelMemory are discarded on cgroup v2; PidsLimit <= 0 means none (container_routes.go)
  const memory = optValue(p, 'memory') ?? 0;
  if (memory > 0 && (optValue(p, 'memory-swap') ?? 0) === 0) out.MemorySwap = memory * 2;
  if (typeof out.PidsLimit === 'number' && out.PidsLimit <= 0) out.PidsLimit = null;
  if (out.ShmSize === 0) out.ShmSize = 67108864;
  for (const k of ['IpcMode', 'CgroupnsMode'] as const) if (out[k] === '') out[k] = 'private';
  for (const k of ['PidMode', 'IpcMode'] as const) {
    const v = out[k];
    if (typeof v === 'string' && v.startsWith('container:')) {
      const other = lookupContainer(world, v.slice(10));
      if (other.ok) out[k] = `container:${other.value.id}`;
    }
  }
  if (out.Runtime === '') out.Runtime = 'runc';
  if (p.flags['log-driver'] || p.flags['log-opt']) {
    out.LogConfig = { Type: last(p, 'log-driver') || 'json-file', Config: sorted(keyValues(p, 'log-opt')) };
  }
  if (isSet(p, 'use-api-socket')) {
    const sock = { Type: 'bind', Source: '/var/run/docker.sock', Target: '/var/run/docker.sock', BindOptions: {} };
    out.Mounts = [...((out.Mounts as unknown[]) ?? []), sock];
  }
  const security = all(p, 'security-opt');
  if (security.length) {
    const kept = security.filter((o) => o !== 'systempaths=unconfined');
    out.SecurityOpt = kept.length ? kept : null;
  }
  if (security.includes('systempaths=unconfined')) [out.MaskedPaths, out.ReadonlyPaths] = [[], []];
  if (isSet(p, 'privileged')) [out.MaskedPaths, out.ReadonlyPaths] = [null, null];
  if (p.flags['storage-opt']) out.StorageOpt = sorted(keyValues(p, 'storage-opt'));
  if (p.flags.tmpfs) {
    out.Tmpfs = sorted(
      Object.fromEntries(
        all(p, 'tmpfs').map((t) => [t.split(':')[0], t.includes(':') ? t.slice(t.indexOf(':') + 1) : '']),
      ),
    );
  }
  for (const k of ['MemorySwappiness', 'OomKillDisable', 'KernelMemory']) delete out[k];
  return out;
}

/** Config.Healthcheck as the daemon keeps it (durations in ns); every field omitempty. */
export interface HealthConfig {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

/** A container's Config.Healthcheck (from its run/create flags), or undefined. */
export const healthConfig = (c: Container): HealthConfig | undefined => healthcheck(asParsed(c));

/** Config.Healthcheck (HealthcheckConfig: every field omitempty), or undefined. */
function healthcheck(p: Parsed): HealthConfig | undefined {
  if (isSet(p, 'no-healthcheck')) return { Test: ['NONE'] };
  const cmd = last(p, 'health-cmd') ?? '';
  const n = (f: string) => optValue(p, `health-${f}`) ?? 0;
  const fields = {
    Test: cmd ? ['CMD-SHELL', cmd] : undefined,
    Interval: n('interval') || undefined,
    Timeout: n('timeout') || undefined,
    StartPeriod: n('start-period') || undefined,
    StartInterval: n('start-interval') || undefined,
    Retries: n('retries') || undefined,
  };
  return Object.values(fields).some((v) => v !== undefined) ? fields : undefined;
}

/** Config keys the table flags change: attach streams, health check, stop signal and timeout. */
export function configOverrides(c: Container): Record<string, unknown> {
  const p = asParsed(c);
  const out: Record<string, unknown> = {};
  const attach = all(p, 'attach').map((s) => s.toLowerCase());
  if (attach.length && c.attached) {
    out.AttachStdin = attach.includes('stdin') || c.interactive;
    out.AttachStdout = attach.includes('stdout');
    out.AttachStderr = attach.includes('stderr');
    out.StdinOnce = c.interactive && out.AttachStdin === true;
  }
  const health = healthcheck(p);
  if (health) out.Healthcheck = health;
  if (last(p, 'stop-signal')) out.StopSignal = last(p, 'stop-signal');
  if (p.flags['stop-timeout']) out.StopTimeout = optValue(p, 'stop-timeout');
  return out;
}

/** moby daemon/devices.go handleDevice on a host with no GPU driver: the first --gpus request's error, or null. */
export function gpuRequestError(c: Container): string | null {
  const spec = c.opts?.gpus?.[0];
  if (spec === undefined) return null;
  const r = parseOpt(OPT_ROW.get('gpus')!, spec);
  if (!r.ok) return null;
  const req = r.value as { Driver: string; Capabilities: string[][] };
  const caps = `[${req.Capabilities.map((a) => `[${a.join(' ')}]`).join(' ')}]`;
  return `could not select device driver "${req.Driver}" with capabilities: ${caps}`;
}
