import { normalizeCaps } from '../caps';
import { kindAt } from '../fs';
import { lookupContainer } from '../lookup';
import type { World } from '../model';
import { all, keyValues, last, type Parsed } from './flags';
import { HOST_CPUS, optValue } from './runOptsCheck';
import { type Mount, parseMount } from './runOptValues';
import { volumeError } from './runVolumes';

/**
 * The daemon's checks of a new container's settings, in moby v28.5.2's order:
 * daemon/container.go verifyContainerSettings (validateContainerConfig, validateHostConfig),
 * then daemon_unix.go verifyPlatformContainerResources and verifyPlatformContainerSettings, on a
 * cgroup v2 host (sysinfo cgroup2_linux.go: no swappiness, no OomKillDisable, no kernel memory).
 */

const MIN_MEMORY = 6 * 1024 * 1024;

// moby/sys/signal SignalMap (linux), without the SIG prefix
const SIGNALS = new Set(
  'ABRT ALRM BUS CHLD CLD CONT FPE HUP ILL INT IO IOT KILL PIPE POLL PROF PWR QUIT SEGV STKFLT STOP SYS TERM TRAP TSTP TTIN TTOU URG USR1 USR2 VTALRM WINCH XCPU XFSZ RTMIN RTMAX'.split(
    ' ',
  ),
);
for (let i = 1; i <= 15; i++) SIGNALS.add(`RTMIN+${i}`).add(`RTMAX-${i}`);

/** moby/sys/signal ParseSignal. */
export function signalError(raw: string): string | null {
  if (/^[+-]?\d+$/.test(raw)) return Number(raw) === 0 ? `Invalid signal: ${raw}` : null;
  return SIGNALS.has(raw.toUpperCase().replace(/^SIG/, '')) ? null : `Invalid signal: ${raw}`;
}

/** oci/caps NormalizeLegacyCapabilities' refusal, or null. */
function capError(caps: string[]): string | null {
  const r = normalizeCaps(caps);
  return r.ok ? null : r.error;
}

/** pkg/sysinfo parseUintList against the host's CPUs; mems are checked against the CPU list too (cgroup2_linux.go reads MemSets from Cpus). */
function cpusetError(v: string, what: 'cpus' | 'mems'): string | null {
  if (v === '') return null;
  const invalid = `Invalid value ${v} for cpuset ${what}: invalid format: ${v}`;
  const want: number[] = [];
  for (const r of v.split(',')) {
    const m = /^([+-]?\d+)(?:-([+-]?\d+))?$/.exec(r);
    if (!m || (m[2] !== undefined && Number(m[2]) < Number(m[1]))) return invalid;
    const hi = Number(m[2] ?? m[1]);
    if (hi > 8192) return `Invalid value ${v} for cpuset ${what}: value of out range, maximum is 8192`;
    for (let i = Number(m[1]); i <= hi; i++) want.push(i);
  }
  if (want.every((i) => i >= 0 && i < HOST_CPUS)) return null;
  const avail = `0-${HOST_CPUS - 1}`;
  return what === 'cpus'
    ? `Requested CPUs are not available - requested ${v}, available: ${avail}`
    : `Requested memory nodes are not available - requested ${v}, available: 0`;
}

const mountError = (m: Mount, why: string) => `invalid mount config for type "${m.Type}": ${why}`;

/** The daemon's error for these settings (InvalidParameter), and its warnings. */
export function daemonVerify(
  world: World,
  p: Parsed,
  hostOwner: string,
): { warnings: string[]; error: string | null; errorWarnings?: string[] } {
  const warnings: string[] = [];
  const fail = (error: string) => ({ warnings, error });
  const n = (long: string) => optValue(p, long) ?? 0;
  // runconfig decodeContainerConfig, as the request is read (hostconfig_unix.go): UTS mode,
  // isolation, QoS, real-time CPU (none on cgroup v2), CPU shares
  if (last(p, 'uts') === 'host' && last(p, 'hostname')) return fail('conflicting options: hostname and the UTS mode');
  const iso = last(p, 'isolation') ?? '';
  if (iso !== '' && iso.toLowerCase() !== 'default')
    return fail(`invalid isolation (${iso}): linux only supports 'default'`);
  if (n('io-maxbandwidth') !== 0) {
    return fail('invalid option: QoS maximum bandwidth configuration is not supported on linux');
  }
  if (n('io-maxiops') !== 0) return fail('invalid option: QoS maximum IOPs configuration is not supported on linux');
  if (n('cpu-rt-period') !== 0 || n('cpu-rt-runtime') !== 0)
    return fail('kernel does not support CPU real-time scheduler');
  if (n('cpu-shares') < 0) return fail(`invalid CPU shares (${n('cpu-shares')}): value must be a positive integer`);
  // validateContainerConfig
  const wd = last(p, 'workdir');
  if (wd && !wd.startsWith('/'))
    return fail(`the working directory '${wd}' is invalid, it needs to be an absolute path`);
  const sig = last(p, 'stop-signal');
  if (sig) {
    const e = signalError(sig);
    if (e) return fail(e);
  }
  if (last(p, 'no-healthcheck') === undefined || optValue<boolean>(p, 'no-healthcheck') === false) {
    for (const [f, name] of [
      ['interval', 'Interval'],
      ['timeout', 'Timeout'],
      ['retries', ''],
      ['start-period', 'StartPeriod'],
      ['start-interval', 'StartInterval'],
    ]) {
      const v = n(`health-${f}`);
      if (name && v !== 0 && v < 1e6) return fail(`${name} in Healthcheck cannot be less than 1ms`);
    }
  }
  // validateHostConfig
  for (const spec of all(p, 'mount')) {
    const r = parseMount(spec);
    if (!r.ok) continue;
    const m = r.value;
    if (!m.Target.startsWith('/'))
      return fail(mountError(m, `invalid mount path: '${m.Target}' mount path must be absolute`));
    if (m.Type === 'bind') {
      if (!m.Source) return fail(mountError(m, 'field Source must not be empty'));
      if (kindAt(world, hostOwner, m.Source) === null) {
        return fail(mountError(m, `bind source path does not exist: ${m.Source}`));
      }
    }
    if (m.Type === 'tmpfs' && m.Source) return fail(mountError(m, 'field Source must not be specified'));
  }
  const capAdd = capError(all(p, 'cap-add'));
  if (capAdd) return fail(`invalid CapAdd: ${capAdd}`);
  const capDrop = capError(all(p, 'cap-drop'));
  if (capDrop) return fail(`invalid CapDrop: ${capDrop}`);
  if ('' in keyValues(p, 'annotation')) {
    return fail('invalid Annotations: the empty string is not permitted as an annotation key');
  }
  // verifyPlatformContainerResources
  const memory = n('memory');
  const swap = n('memory-swap');
  const reservation = n('memory-reservation');
  if (memory !== 0 && memory < MIN_MEMORY) return fail('Minimum memory limit allowed is 6MB');
  if (memory > 0 && swap > 0 && swap < memory) {
    return fail('Minimum memoryswap limit should be larger than memory limit, see usage');
  }
  if (memory === 0 && swap > 0)
    return fail('You should always set the Memory limit when using Memoryswap limit, see usage');
  if ((optValue(p, 'memory-swappiness') ?? -1) !== -1) {
    warnings.push(
      'Your kernel does not support memory swappiness capabilities or the cgroup is not mounted. Memory swappiness discarded.',
    );
  }
  if (reservation > 0 && reservation < MIN_MEMORY) return fail('Minimum memory reservation allowed is 6MB');
  if (memory > 0 && reservation > 0 && memory < reservation) {
    return fail('Minimum memory limit can not be less than memory reservation limit, see usage');
  }
  if (optValue<boolean>(p, 'oom-kill-disable')) {
    warnings.push('Your kernel does not support OomKillDisable. OomKillDisable discarded.');
  }
  const nano = n('cpus');
  if (nano > 0 && n('cpu-period') > 0) return fail('Conflicting options: Nano CPUs and CPU Period cannot both be set');
  if (nano > 0 && n('cpu-quota') > 0) return fail('Conflicting options: Nano CPUs and CPU Quota cannot both be set');
  if (nano !== 0 && (nano < 0 || nano > HOST_CPUS * 1e9)) {
    return fail(`range of CPUs is from 0.01 to ${HOST_CPUS}.00, as there are only ${HOST_CPUS} CPUs available`);
  }
  const period = n('cpu-period');
  if (period !== 0 && (period < 1000 || period > 1000000)) {
    return fail('CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)');
  }
  const quota = n('cpu-quota');
  if (quota > 0 && quota < 1000) return fail('CPU cfs quota can not be less than 1ms (i.e. 1000)');
  if (n('cpu-percent') > 0) warnings.push('linux does not support CPU percent. Percent discarded.');
  for (const what of ['cpus', 'mems'] as const) {
    const e = cpusetError(last(p, `cpuset-${what}`) ?? '', what);
    if (e) return fail(e);
  }
  const weight = n('blkio-weight');
  if (weight > 0 && (weight < 10 || weight > 1000)) return fail('Range of blkio weight is from 10 to 1000');
  // verifyPlatformContainerSettings
  const ipc = last(p, 'ipc') ?? '';
  if (!['', 'none', 'private', 'host', 'shareable'].includes(ipc) && !/^container:.+/.test(ipc)) {
    return fail(`invalid IPC mode: ${ipc}`);
  }
  const oom = n('oom-score-adj');
  if (oom < -1000 || oom > 1000) return fail(`Invalid value ${oom}, range for oom score adj is [-1000, 1000]`);
  const parent = last(p, 'cgroup-parent') ?? '';
  if (parent !== '' && (parent.length <= 6 || !parent.endsWith('.slice'))) {
    return fail('cgroup-parent for systemd cgroup should be a valid slice named as "xxx.slice"');
  }
  const runtime = last(p, 'runtime') ?? '';
  if (!['', 'runc', 'io.containerd.runc.v2'].includes(runtime))
    return fail(`unknown or invalid runtime name: ${runtime}`);
  for (const t of all(p, 'tmpfs')) {
    const dest = t.split(':')[0];
    if (/^\/+(\.\/*)*$/.test(dest)) return fail("invalid specification: destination can't be '/'");
    if (!dest.startsWith('/')) return fail(`invalid mount path: '${dest}' mount path must be absolute`);
  }
  return { warnings, error: null };
}

const LOG_DRIVERS = [
  'none',
  'local',
  'json-file',
  'syslog',
  'journald',
  'gelf',
  'fluentd',
  'awslogs',
  'splunk',
  'gcplogs',
];
const JSON_FILE_OPTS = ['max-file', 'max-size', 'compress', 'labels', 'labels-regex', 'env', 'env-regex', 'tag'];

/**
 * What daemon.create refuses after the name is reserved: the log config (daemon/logger
 * factory.go ValidateLogOpts, jsonfilelog ValidateLogOpt), --volumes-from's containers
 * (registerMountPoints) and --storage-opt, which overlay2 on ext4 does not take (overlay.go).
 */
export function createTimeError(world: World, p: Parsed): string | null {
  const driver = last(p, 'log-driver') || 'json-file';
  const opts = keyValues(p, 'log-opt');
  const mode = opts.mode ?? '';
  if (!['', 'blocking', 'non-blocking'].includes(mode)) return `logger: logging mode not supported: ${mode}`;
  if ('max-buffer-size' in opts && mode !== 'non-blocking') {
    return "logger: max-buffer-size option is only supported with 'mode=non-blocking'";
  }
  if (!LOG_DRIVERS.includes(driver)) return `logger: no log driver named '${driver}' is registered`;
  const own = Object.keys(opts).filter((k) => k !== 'mode' && k !== 'max-buffer-size');
  if (driver === 'json-file') {
    const badOpt = own.find((k) => !JSON_FILE_OPTS.includes(k));
    if (badOpt !== undefined) return `unknown log opt '${badOpt}' for json-file log driver`;
  }
  for (const v of all(p, 'volume')) {
    const e = volumeError(v);
    if (e) return e;
  }
  for (const from of all(p, 'volumes-from')) {
    const name = from.split(':')[0];
    if (!lookupContainer(world, name).ok) return `No such container: ${name}`;
  }
  if (all(p, 'storage-opt').length)
    return "--storage-opt is supported only for overlay over xfs with 'pquota' mount option";
  return null;
}
