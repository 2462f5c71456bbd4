import type { FlagSpec } from './flags';
import {
  goQuote,
  type Parsed,
  parseCpus,
  parseGoBool,
  parseGoDuration,
  parseGoInt,
  parseGoUint,
  ramInBytes,
} from './goParse';
import { parseGpus, parseMount, parseUlimit } from './runOptValues';

/**
 * The `docker run` / `docker create` flags whose values the engine keeps only for `docker
 * inspect` (and a few daemon checks), as one table: flag -> pflag type -> the value's Set
 * validator -> where inspect shows it. Sources: docker/cli v28.5.2 cli/command/container/opts.go
 * addFlags/parse, run.go and create.go; opts/*.go; moby v28.5.2 api/types/container.
 */

/** pflag's value types as `--help` names them (the parser/encoder follows from the type). */
export type OptType =
  | 'string'
  | 'bool'
  | 'int'
  | 'uint16'
  | 'uint64'
  | 'bytes'
  | 'memswap'
  | 'decimal'
  | 'duration'
  | 'list'
  | 'map'
  | 'ulimit'
  | 'mount'
  | 'gpu-request';

export interface OptRow {
  long: string;
  short?: string;
  type: OptType;
  /** a list/map option's validator (opts.ListOpts / MapOpts): the error, or null */
  check?: (v: string) => string | null;
  /** `HostConfig.X` / `Config.X`: where inspect shows the value (absent: not sent to the daemon) */
  at?: string;
}

const DEVICE_RULE = /^[acb] ([0-9]+|\*):([0-9]+|\*) [rwm]{1,3}$/;
const cut = (v: string, sep: string): [string, string, boolean] => {
  const i = v.indexOf(sep);
  return i < 0 ? [v, '', false] : [v.slice(0, i), v.slice(i + 1), true];
};

/** opts.ValidateThrottleBpsDevice / ValidateThrottleIOpsDevice / ValidateWeightDevice. */
function deviceRate(kind: 'bps' | 'iops' | 'weight') {
  return (val: string): string | null => {
    const [k, v, ok] = cut(val, ':');
    if (!ok || k === '') return `bad format: ${val}`;
    if (!k.startsWith('/dev/')) return `bad format for device path: ${val}`;
    if (kind === 'weight') {
      const w = /^\d+$/.test(v) ? Number(v) : Number.NaN;
      return Number.isNaN(w) || w > 65535 || (w > 0 && (w < 10 || w > 1000))
        ? `invalid weight for device: ${val}`
        : null;
    }
    if (kind === 'iops') {
      return /^\d+$/.test(v) && BigInt(v) < 1n << 64n
        ? null
        : `invalid rate for device: ${val}. The correct format is <device-path>:<number>. Number must be a positive integer`;
    }
    return ramInBytes(v).ok
      ? null
      : `invalid rate for device: ${val}. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb`;
  };
}

const SYSCTL_NAMES = ['msgmax', 'msgmnb', 'msgmni', 'sem', 'shmall', 'shmmax', 'shmmni', 'shm_rmid_forced'];

/** opts.ValidateSysctl: the IPC sysctls, net.* and fs.mqueue.* (namespaced ones). */
function sysctl(val: string): string | null {
  const [k, , ok] = cut(val, '=');
  const allowed =
    ok &&
    k !== '' &&
    (SYSCTL_NAMES.map((n) => `kernel.${n}`).includes(k) || k.startsWith('net.') || k.startsWith('fs.mqueue.'));
  return allowed ? null : `sysctl '${val}' is not allowed`;
}

/** opts.ValidateLabel. */
export function validateLabel(value: string): string | null {
  const key = cut(value, '=')[0].replace(/^[ \t\n\v\f\r]+/, '');
  if (key === '') return `invalid label '${value}': empty name`;
  return /[ \t\n\v\f\r]/.test(key) ? `label '${key}' contains whitespaces` : null;
}

export const OPT_ROWS: OptRow[] = [
  { long: 'annotation', type: 'map', at: 'HostConfig.Annotations' },
  {
    long: 'attach',
    short: 'a',
    type: 'list',
    check: (v) =>
      ['stdin', 'stdout', 'stderr'].includes(v.toLowerCase()) ? null : 'valid streams are STDIN, STDOUT and STDERR',
  },
  { long: 'blkio-weight', type: 'uint16', at: 'HostConfig.BlkioWeight' },
  { long: 'blkio-weight-device', type: 'list', check: deviceRate('weight'), at: 'HostConfig.BlkioWeightDevice' },
  { long: 'cap-add', type: 'list', at: 'HostConfig.CapAdd' },
  { long: 'cap-drop', type: 'list', at: 'HostConfig.CapDrop' },
  { long: 'cgroup-parent', type: 'string', at: 'HostConfig.CgroupParent' },
  { long: 'cgroupns', type: 'string', at: 'HostConfig.CgroupnsMode' },
  { long: 'cidfile', type: 'string', at: 'HostConfig.ContainerIDFile' },
  { long: 'cpu-count', type: 'int', at: 'HostConfig.CpuCount' },
  { long: 'cpu-percent', type: 'int', at: 'HostConfig.CpuPercent' },
  { long: 'cpu-period', type: 'int', at: 'HostConfig.CpuPeriod' },
  { long: 'cpu-quota', type: 'int', at: 'HostConfig.CpuQuota' },
  { long: 'cpu-rt-period', type: 'int', at: 'HostConfig.CpuRealtimePeriod' },
  { long: 'cpu-rt-runtime', type: 'int', at: 'HostConfig.CpuRealtimeRuntime' },
  { long: 'cpu-shares', short: 'c', type: 'int', at: 'HostConfig.CpuShares' },
  { long: 'cpus', type: 'decimal', at: 'HostConfig.NanoCpus' },
  { long: 'cpuset-cpus', type: 'string', at: 'HostConfig.CpusetCpus' },
  { long: 'cpuset-mems', type: 'string', at: 'HostConfig.CpusetMems' },
  { long: 'detach-keys', type: 'string' },
  { long: 'device', type: 'list', at: 'HostConfig.Devices' },
  {
    long: 'device-cgroup-rule',
    type: 'list',
    check: (v) => (DEVICE_RULE.test(v) ? null : `invalid device cgroup format '${v}'`),
    at: 'HostConfig.DeviceCgroupRules',
  },
  { long: 'device-read-bps', type: 'list', check: deviceRate('bps'), at: 'HostConfig.BlkioDeviceReadBps' },
  { long: 'device-read-iops', type: 'list', check: deviceRate('iops'), at: 'HostConfig.BlkioDeviceReadIOps' },
  { long: 'device-write-bps', type: 'list', check: deviceRate('bps'), at: 'HostConfig.BlkioDeviceWriteBps' },
  { long: 'device-write-iops', type: 'list', check: deviceRate('iops'), at: 'HostConfig.BlkioDeviceWriteIOps' },
  { long: 'disable-content-trust', type: 'bool' },
  { long: 'entrypoint', type: 'string' },
  { long: 'env-file', type: 'list' },
  { long: 'gpus', type: 'gpu-request', at: 'HostConfig.DeviceRequests' },
  { long: 'group-add', type: 'list', at: 'HostConfig.GroupAdd' },
  { long: 'health-cmd', type: 'string' },
  { long: 'health-interval', type: 'duration' },
  { long: 'health-retries', type: 'int' },
  { long: 'health-start-interval', type: 'duration' },
  { long: 'health-start-period', type: 'duration' },
  { long: 'health-timeout', type: 'duration' },
  { long: 'init', type: 'bool', at: 'HostConfig.Init' },
  { long: 'io-maxbandwidth', type: 'bytes', at: 'HostConfig.IOMaximumBandwidth' },
  { long: 'io-maxiops', type: 'uint64', at: 'HostConfig.IOMaximumIOps' },
  { long: 'ip6', type: 'string' },
  { long: 'ipc', type: 'string', at: 'HostConfig.IpcMode' },
  { long: 'isolation', type: 'string', at: 'HostConfig.Isolation' },
  // API >= 1.42 zeroes it before the daemon sees it (container_routes.go): validated, never shown
  { long: 'kernel-memory', type: 'bytes' },
  { long: 'label-file', type: 'list' },
  { long: 'link-local-ip', type: 'list' },
  { long: 'log-driver', type: 'string' },
  { long: 'log-opt', type: 'list' },
  { long: 'memory', short: 'm', type: 'bytes', at: 'HostConfig.Memory' },
  { long: 'memory-reservation', type: 'bytes', at: 'HostConfig.MemoryReservation' },
  { long: 'memory-swap', type: 'memswap', at: 'HostConfig.MemorySwap' },
  { long: 'memory-swappiness', type: 'int' },
  { long: 'mount', type: 'mount', at: 'HostConfig.Mounts' },
  { long: 'no-healthcheck', type: 'bool' },
  { long: 'oom-kill-disable', type: 'bool' },
  { long: 'oom-score-adj', type: 'int', at: 'HostConfig.OomScoreAdj' },
  { long: 'pid', type: 'string', at: 'HostConfig.PidMode' },
  { long: 'pids-limit', type: 'int', at: 'HostConfig.PidsLimit' },
  { long: 'platform', type: 'string' },
  { long: 'privileged', type: 'bool', at: 'HostConfig.Privileged' },
  { long: 'pull', type: 'string' },
  { long: 'quiet', short: 'q', type: 'bool' },
  { long: 'read-only', type: 'bool', at: 'HostConfig.ReadonlyRootfs' },
  { long: 'runtime', type: 'string', at: 'HostConfig.Runtime' },
  { long: 'security-opt', type: 'list' },
  { long: 'shm-size', type: 'bytes', at: 'HostConfig.ShmSize' },
  { long: 'sig-proxy', type: 'bool' },
  { long: 'stop-signal', type: 'string', at: 'Config.StopSignal' },
  { long: 'stop-timeout', type: 'int', at: 'Config.StopTimeout' },
  { long: 'storage-opt', type: 'list' },
  { long: 'sysctl', type: 'map', check: sysctl, at: 'HostConfig.Sysctls' },
  { long: 'tmpfs', type: 'list' },
  { long: 'ulimit', type: 'ulimit', at: 'HostConfig.Ulimits' },
  { long: 'use-api-socket', type: 'bool' },
  { long: 'userns', type: 'string', at: 'HostConfig.UsernsMode' },
  { long: 'uts', type: 'string', at: 'HostConfig.UTSMode' },
  { long: 'volume', short: 'v', type: 'list' },
  { long: 'volume-driver', type: 'string', at: 'HostConfig.VolumeDriver' },
  { long: 'volumes-from', type: 'list', at: 'HostConfig.VolumesFrom' },
];

export const OPT_ROW = new Map(OPT_ROWS.map((r) => [r.long, r]));

/** A value of `row` parsed as its pflag type does: the Go value, or the Set error. */
export function parseOpt(row: OptRow, v: string): Parsed<unknown> {
  switch (row.type) {
    case 'bool':
      return parseGoBool(v);
    case 'int':
      return parseGoInt(v);
    case 'uint16':
      return parseGoUint(v, 16);
    case 'uint64':
      return parseGoUint(v, 64);
    case 'bytes':
      return ramInBytes(v);
    case 'memswap':
      return v === '-1' ? { ok: true, value: -1 } : ramInBytes(v);
    case 'decimal':
      return parseCpus(v);
    case 'duration':
      return parseGoDuration(v);
    case 'ulimit':
      return parseUlimit(v);
    case 'mount':
      return parseMount(v);
    case 'gpu-request':
      return parseGpus(v);
    default: {
      const e = row.check?.(v) ?? null;
      return e === null ? { ok: true, value: v } : { ok: false, error: e };
    }
  }
}

/** pflag's wrapper around a Set error (flag.go FlagSet.Set). */
export const invalidArgument = (row: { long: string; short?: string }, v: string, err: string) =>
  `invalid argument ${goQuote(v)} for "${row.short ? `-${row.short}, ` : ''}--${row.long}" flag: ${err}`;

/** The table as parser specs: every value is checked as pflag's Set checks it, in argv order. */
export const OPT_FLAGS: FlagSpec[] = OPT_ROWS.map((row) => ({
  long: row.long,
  ...(row.short ? { short: row.short } : {}),
  ...(row.type === 'bool' ? {} : { value: true }),
  set: (v: string) => {
    const r = parseOpt(row, v);
    return r.ok ? null : invalidArgument(row, v, r.error);
  },
}));
