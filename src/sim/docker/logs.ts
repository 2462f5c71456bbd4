import { dockerTime, EPOCH_MS } from '../clock';
import { imageInfo } from '../images';
import { lookupContainer } from '../lookup';
import type { CommandResult, Container, World } from '../model';
import { boolFlagError, type FlagSpec, isSet, last, parseFlags } from './flags';
import { argsError, daemon, fail, flagError, ok } from './output';
import { pingForever, pingLogLines, startupLog } from './run';

/**
 * `docker logs` as docker/cli v28.5.2 cli/command/container/logs.go sends it, the client turns
 * --since/--until into timestamps (client/container_logs.go, api/types/time GetTimestamp), and
 * the daemon filters and formats the lines (daemon/logs.go: Tail through strconv.Atoi, -1 when it
 * does not parse; api/server/httputils/write_log_stream.go: --details prefixes the line's
 * attributes and a blank, -t the RFC 3339 time with nanoseconds).
 *
 * Each line carries the time its process wrote it: what a container prints when its main process
 * starts is stamped with its start; a detached endless ping's reply k one second after the one before.
 */

const FLAGS: FlagSpec[] = [
  { long: 'details' },
  { long: 'follow', short: 'f' },
  { long: 'since', value: true },
  { long: 'tail', short: 'n', value: true },
  { long: 'timestamps', short: 't' },
  { long: 'until', value: true },
];

/** Go's time.ParseDuration, in ms (a unit is required; "0" alone is not taken as a duration here). */
function goDuration(s: string): number | null {
  const m = /^([-+]?)((?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+)$/.exec(s);
  if (!m) return null;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
  let total = 0;
  for (const part of m[2].matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g))
    total += Number(part[1]) * unit[part[2]];
  return m[1] === '-' ? -total : total;
}

/**
 * GetTimestamp: a duration before `now`, an RFC 3339 date or time (UTC when it has no zone:
 * the simulated host's zone), or a Unix timestamp; the instant in ms of the World's clock, or an error.
 */
export function timestamp(value: string, now: number): { ok: true; at: number } | { ok: false; error: string } {
  const d = value !== '0' ? goDuration(value) : null;
  if (d !== null) return { ok: true, at: Math.floor((now - d) / 1000) * 1000 };
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?)?(Z|z|[+-]\d{2}:\d{2})?$/.exec(
    value,
  );
  if (m) {
    const [, y, mo, da, h = '0', mi = '0', se = '0', frac = '', zone = 'Z'] = m;
    const off = /^[+-]/.test(zone)
      ? (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)))
      : 0;
    const utc = Date.UTC(+y, +mo - 1, +da, +h, +mi, +se) + Math.floor(Number(`0${frac || '.0'}`) * 1000);
    return { ok: true, at: utc - off * 60000 - EPOCH_MS };
  }
  const unix = /^(-?\d+)(?:\.(\d+))?$/.exec(value);
  if (!unix || value.includes('-'))
    return { ok: false, error: `failed to parse value as time or duration: "${value}"` };
  return { ok: true, at: Number(unix[1]) * 1000 + Math.floor(Number(`0.${unix[2] ?? '0'}`) * 1000) - EPOCH_MS };
}

/** The container's log as (time, line) pairs, oldest first. */
function logLines(world: World, c: Container): { at: number; line: string }[] {
  const at = (lines: string[], step = 0) =>
    lines.map((line, i) => ({ at: c.startedAt + (step && i > 0 ? (i - 1) * step : 0), line }));
  if (c.state === 'created') return [];
  const info = imageInfo(c.image);
  if (c.logs && pingForever(c.cmd)) return at(pingLogLines(world, c), 1000);
  if (c.logs) return at(c.logs);
  if (c.state === 'exited' && c.exitCode === 1 && info.missingEnvLog) return at(info.missingEnvLog);
  return at(startupLog(world, c.id));
}

/** `docker logs [OPTIONS] CONTAINER`. */
export function dockerLogs(world: World, argv: string[], cmdPath = 'logs'): CommandResult {
  const p = parseFlags(argv, FLAGS);
  const flagErr = p.ok ? boolFlagError(p.value, FLAGS) : p.error;
  if (!p.ok || flagErr) return fail(world, flagError(cmdPath, flagErr!), 125);
  if (p.value.args.length !== 1) return fail(world, argsError(cmdPath, 'exactly', 1), 1);
  const found = lookupContainer(world, p.value.args[0]);
  if (!found.ok) return fail(world, daemon(found.error), 1);
  const c = found.value;
  const bound = (flag: 'since' | 'until') => {
    const v = last(p.value, flag);
    if (v === undefined || v === '') return { ok: true as const, at: undefined };
    const t = timestamp(v, world.clock);
    return t.ok ? t : { ok: false as const, error: `invalid value for "${flag}": ${t.error}` };
  };
  const since = bound('since');
  if (!since.ok) return fail(world, since.error, 1);
  const until = bound('until');
  if (!until.ok) return fail(world, until.error, 1);
  let lines = logLines(world, c);
  // loggerutils logfile.go: the tail is read first, then the forwarder drops lines before since
  // and stops at the first after until (both bounds inclusive; until "0" is none)
  const tailText = last(p.value, 'tail') ?? 'all';
  const tail = /^[+-]?\d+$/.test(tailText) ? Number(tailText) : -1;
  if (tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
  if (since.at !== undefined) lines = lines.filter((l) => l.at >= since.at!);
  if (until.at !== undefined && last(p.value, 'until') !== '0') lines = lines.filter((l) => l.at <= until.at!);
  const details = isSet(p.value, 'details');
  const stamps = isSet(p.value, 'timestamps');
  return ok(
    world,
    lines.map(({ at, line }) => `${stamps ? `${dockerTime(at)} ` : ''}${details ? ' ' : ''}${line}`).join('\n'),
  );
}
