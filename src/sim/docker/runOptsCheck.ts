import { kindAt, readStored, resolvePath } from '../fs';
import type { World } from '../model';
import { all, isSet, last, type Parsed } from './flags';
import { OPT_ROW, OPT_ROWS, parseOpt } from './runOpts';
import { parseDevice } from './runOptValues';
import { absoluteVolume, parseVolume } from './runVolumes';

/**
 * What `docker run` / `docker create` do with the table flags (runOpts.ts) between flag parsing
 * and the container record: docker/cli v28.5.2 container/opts.go parse() (CLI errors: exit 125
 * with the help hint), create.go (--pull, --cidfile, --platform), and moby v28.5.2's
 * verifyContainerSettings (daemon/container.go, daemon_unix.go verifyPlatformContainerSettings
 * and verifyPlatformContainerResources) with the warnings a cgroup v2 host (systemd driver,
 * swap accounting on) gives.
 */

/** The simulated host: 4 CPUs (cpuset.cpus.effective 0-3), cgroup v2 with the systemd driver. */
export const HOST_CPUS = 4;

/** A value of a table flag as the CLI holds it after parsing (the last one for scalars). */
export function optValue<T = number>(p: Parsed, long: string): T | undefined {
  const v = last(p, long);
  if (v === undefined) return undefined;
  const r = parseOpt(OPT_ROW.get(long)!, v);
  return r.ok ? (r.value as T) : undefined;
}

/** kvfile.Parse (pkg/kvfile): the lines of an --env-file / --label-file, or the CLI's error. */
export function kvFile(
  world: World,
  owner: string,
  cwd: string,
  name: string,
  lookup: boolean,
): { error?: string; lines?: string[] } {
  const path = resolvePath(cwd, name);
  const kind = kindAt(world, owner, path);
  if (kind === null) return { error: `open ${name}: no such file or directory` };
  if (kind === 'dir') return { error: `invalid env file (${name}): read ${name}: is a directory` };
  const out: string[] = [];
  for (const raw of (readStored(world, owner, path) ?? '').replace(/^\uFEFF/, '').split('\n')) {
    const line = raw.replace(/\r$/, '').replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (key === '') return { error: `invalid env file (${name}): no variable name on line '${line}'` };
    if (/[ \t]/.test(key)) return { error: `invalid env file (${name}): variable '${key}' contains whitespaces` };
    // a bare KEY takes the CLI's own environment (--env-file) or is dropped (--label-file); the
    // simulated CLI's environment holds none of the names people put there
    if (eq >= 0) out.push(line);
    else if (!lookup) continue;
  }
  return { lines: out };
}

const NS_MODES = {
  pid: { ok: (v: string) => v === '' || v === 'host' || /^container:.+/.test(v), err: '--pid: invalid PID mode' },
  uts: { ok: (v: string) => v === '' || v === 'host', err: '--uts: invalid UTS mode' },
  userns: { ok: (v: string) => v === '' || v === 'host', err: '--userns: invalid USER mode' },
  cgroupns: { ok: (v: string) => ['', 'host', 'private'].includes(v), err: '--cgroupns: invalid CGROUP mode' },
} as const;

export type CliOpts = { envFile: string[]; labelFile: string[]; entrypoint?: string[] };

/**
 * opts.go parse(), in its order, for the table flags: swappiness, devices, --env-file,
 * --label-file, the namespace modes, logging, security and storage options, health checks.
 */
export function cliParse(
  world: World,
  p: Parsed,
  at: { owner: string; cwd: string },
): { ok: true; value: CliOpts } | { ok: false; error: string } {
  const no = (error: string) => ({ ok: false as const, error });
  const swappiness = optValue(p, 'memory-swappiness') ?? -1;
  if (swappiness !== -1 && (swappiness < 0 || swappiness > 100)) {
    return no(`invalid value: ${swappiness}. Valid memory swappiness range is 0-100`);
  }
  for (const v of all(p, 'volume')) {
    const r = parseVolume(v);
    if (!r.ok) return no(r.error);
  }
  for (const d of all(p, 'device')) {
    // CDI names (vendor.com/class=name) are sent as a device request instead
    if (/^[a-z0-9][a-z0-9.-]*\/[a-zA-Z0-9][\w.-]*=[\w.:-]+$/.test(d)) continue;
    const r = parseDevice(d);
    if (!r.ok) return no(r.error);
  }
  const files = (flag: string, lookup: boolean): { error: string } | { lines: string[] } => {
    const out: string[] = [];
    for (const f of all(p, flag)) {
      const r = kvFile(world, at.owner, at.cwd, f, lookup);
      if (r.error !== undefined) return { error: r.error };
      out.push(...(r.lines ?? []));
    }
    return { lines: out };
  };
  const envFile = files('env-file', true);
  if ('error' in envFile) return no(envFile.error);
  const labelFile = files('label-file', false);
  if ('error' in labelFile) return no(labelFile.error);
  for (const [flag, mode] of Object.entries(NS_MODES)) {
    if (!mode.ok(last(p, flag) ?? '')) return no(mode.err);
  }
  if (last(p, 'log-driver') === 'none' && all(p, 'log-opt').length) return no('invalid logging opts for driver none');
  for (const opt of all(p, 'security-opt')) {
    let i = opt.indexOf('=');
    let k = i < 0 ? opt : opt.slice(0, i);
    if (i < 0 && k !== 'no-new-privileges') {
      i = opt.indexOf(':');
      k = i < 0 ? opt : opt.slice(0, i);
    }
    const v = i < 0 ? '' : opt.slice(i + 1);
    if ((i < 0 || v === '') && k !== 'no-new-privileges') return no(`Invalid --security-opt: "${opt}"`);
    if (k === 'seccomp' && v !== 'builtin' && v !== 'unconfined') {
      const path = resolvePath(at.cwd, v);
      if (kindAt(world, at.owner, path) !== 'file') {
        return no(`opening seccomp profile (${v}) failed: open ${v}: no such file or directory`);
      }
    }
  }
  if (all(p, 'storage-opt').some((o) => !o.includes('='))) return no('invalid storage option');
  const timings = ['interval', 'timeout', 'retries', 'start-period', 'start-interval'];
  const haveHealth =
    (last(p, 'health-cmd') ?? '') !== '' || timings.some((f) => (optValue(p, `health-${f}`) ?? 0) !== 0);
  if (isSet(p, 'no-healthcheck') && haveHealth) return no('--no-healthcheck conflicts with --health-* options');
  if (!isSet(p, 'no-healthcheck') && haveHealth) {
    for (const f of timings) {
      if ((optValue(p, `health-${f}`) ?? 0) < 0) return no(`--health-${f} cannot be negative`);
    }
  }
  const ep = last(p, 'entrypoint');
  return {
    ok: true,
    value: {
      envFile: envFile.lines,
      labelFile: labelFile.lines,
      ...(ep !== undefined ? { entrypoint: ep === '' ? [] : [ep] } : {}),
    },
  };
}

/** create.go validatePullOpt (before anything else is parsed). */
export function pullOptError(p: Parsed): string | null {
  const v = last(p, 'pull') ?? '';
  return ['always', 'missing', 'never', ''].includes(v)
    ? null
    : `invalid pull option: '${v}': must be one of "always", "missing" or "never"`;
}

/** The flags a container keeps for inspect: every table flag given, values as typed (`-v` as the CLI sends it). */
export function storedOpts(p: Parsed, cwd: string): Record<string, string[]> | undefined {
  const kept = OPT_ROWS.filter((r) => p.flags[r.long] !== undefined).map((r) => [
    r.long,
    r.long === 'volume' ? p.flags[r.long].map((v) => absoluteVolume(v, cwd)) : [...p.flags[r.long]],
  ]);
  return kept.length ? Object.fromEntries(kept) : undefined;
}
