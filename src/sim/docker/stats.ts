import { imageInfo } from '../images';
import { lookupContainer } from '../lookup';
import type { CommandResult, Container, World } from '../model';
import { boolFlagError, type FlagSpec, isSet, last, parseFlags } from './flags';
import { formatList } from './listFormat';
import { daemon, fail, flagError, ok, table } from './output';
import { HOST_CPUS, optValue } from './runOptsCheck';

/**
 * `docker stats` as docker/cli v28.5.2 cli/command/container/stats.go and formatter_stats.go
 * print it: CONTAINER ID, NAME, CPU %, MEM USAGE / LIMIT (units.BytesSize), MEM %, NET I/O and
 * BLOCK I/O (units.HumanSizeWithPrecision, 3 digits), PIDS. The LIMIT is the container's -m, else
 * the host's memory (what the daemon reports without a cgroup limit), and MEM % is usage over it.
 * The console cannot stream, so every call prints one sample, as --no-stream does.
 *
 * The engine runs no processes: a running container's usage is whalewire's stand-in for its
 * idle main process (IDLE below), its CPU idle, and no bytes are counted on its interfaces or
 * disks. A stopped container (with -a) reads all zeros, as the daemon answers for it.
 */

/** The simulated host's memory (/proc/meminfo MemTotal of an 8 GB machine), the limit of an unlimited container. */
export const HOST_MEM_BYTES = 8_322_416_640;

const MIB = 1024 * 1024;
/** whalewire's idle figures per app: resident memory and tasks (threads count: pids.current). */
const IDLE: Record<string, { mem: number; pids: number }> = {
  // master + worker_processes auto (one per CPU)
  nginx: { mem: 3.5 * MIB, pids: 1 + HOST_CPUS },
  httpd: { mem: 7.3 * MIB, pids: 82 },
  redis: { mem: 3.9 * MIB, pids: 6 },
  postgres: { mem: 17.6 * MIB, pids: 6 },
  mysql: { mem: 430 * MIB, pids: 37 },
  colorapp: { mem: 38 * MIB, pids: 7 },
};
const SHELL_IDLE = { mem: 0.5 * MIB, pids: 1 };

const FLAGS: FlagSpec[] = [
  { long: 'all', short: 'a' },
  { long: 'format', value: true },
  { long: 'no-stream' },
  { long: 'no-trunc' },
];

const HEADERS: Record<string, string> = {
  Container: 'CONTAINER',
  Name: 'NAME',
  ID: 'CONTAINER ID',
  CPUPerc: 'CPU %',
  MemUsage: 'MEM USAGE / LIMIT',
  MemPerc: 'MEM %',
  NetIO: 'NET I/O',
  BlockIO: 'BLOCK I/O',
  PIDs: 'PIDS',
};

/**
 * Go's %.Ng (strconv.FormatFloat 'g'): N significant digits, trailing zeros dropped, and the %e
 * form when the exponent is below -4 or at least N (`1e+03` for 999.5 at 3 digits, as go-units
 * prints a size that rounds up to its next unit's 1000).
 */
export function goG(x: number, n: number): string {
  if (x === 0) return '0';
  const [mant, e] = Math.abs(x)
    .toExponential(n - 1)
    .split('e');
  const digits = mant.replace('.', '').replace(/0+$/, '') || '0';
  const exp = Number(e);
  const nd = digits.length;
  const dp = exp + 1;
  const sign = x < 0 ? '-' : '';
  const eprec = n > nd && nd >= dp ? nd : n;
  if (exp < -4 || exp >= eprec) {
    const frac = nd > 1 ? `.${digits.slice(1)}` : '';
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (dp <= 0) return `${sign}0.${'0'.repeat(-dp)}${digits}`;
  if (dp >= nd) return `${sign}${digits}${'0'.repeat(dp - nd)}`;
  return `${sign}${digits.slice(0, dp)}.${digits.slice(dp)}`;
}

/** go-units CustomSize: divide by `base` while the size is at least `base`. */
function customSize(size: number, precision: number, base: number, units: string[]): string {
  let i = 0;
  let s = size;
  while (s >= base && i < units.length - 1) {
    s /= base;
    i++;
  }
  return `${goG(s, precision)}${units[i]}`;
}

/** units.BytesSize: "3.5MiB", "7.751GiB". */
export const bytesSize = (n: number) => customSize(n, 4, 1024, ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB']);
/** units.HumanSizeWithPrecision(n, 3): "0B", "1.05kB". */
export const humanSize3 = (n: number) => customSize(n, 3, 1000, ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB']);
const percent = (x: number) => `${x.toFixed(2)}%`;

/** One container's sample as the CLI computes it (calculateMemUsageUnixNoCache, calculateMemPercentUnixNoCache). */
function sample(c: Container, asked: string, trunc: boolean): Record<string, string> {
  const running = c.state === 'running';
  const limit = running ? optValue({ flags: c.opts ?? {}, args: [] }, 'memory') || HOST_MEM_BYTES : 0;
  const app = imageInfo(c.image).app;
  const idle = (c.cmd.length === 0 && app && IDLE[app]) || SHELL_IDLE;
  const mem = running ? Math.min(idle.mem, limit) : 0;
  return {
    // NewStats(name as given, or the listed id)
    Container: asked,
    Name: c.name,
    ID: trunc ? c.id.slice(0, 12) : c.id,
    CPUPerc: percent(0),
    MemUsage: `${bytesSize(mem)} / ${bytesSize(limit)}`,
    MemPerc: percent(limit ? (mem / limit) * 100 : 0),
    NetIO: `${humanSize3(0)} / ${humanSize3(0)}`,
    BlockIO: `${humanSize3(0)} / ${humanSize3(0)}`,
    PIDs: String(running ? idle.pids : 0),
  };
}

/** `docker stats [OPTIONS] [CONTAINER...]`. */
export function dockerStats(world: World, argv: string[], cmdPath = 'stats'): CommandResult {
  const p = parseFlags(argv, FLAGS);
  const flagErr = p.ok ? boolFlagError(p.value, FLAGS) : p.error;
  if (!p.ok || flagErr) return fail(world, flagError(cmdPath, flagErr!), 125);
  const named = p.value.args;
  let list: [Container, string][];
  if (named.length) {
    // each name is looked up on its own; the errors come together once all were asked (errors.Join)
    const found = named.map((n) => lookupContainer(world, n));
    const errs = found.flatMap((f) => (f.ok ? [] : [daemon(f.error)]));
    if (errs.length) return fail(world, errs.join('\n'), 1);
    // cStats.add: a container asked twice is sampled once
    list = named.flatMap((n, i) => {
      const f = found[i];
      return f.ok && named.indexOf(n) === i ? [[f.value, n] as [Container, string]] : [];
    });
  } else {
    list = Object.values(world.containers)
      .filter((c) => isSet(p.value, 'all') || c.state === 'running')
      .sort((a, b) => b.seq - a.seq)
      .map((c) => [c, c.id] as [Container, string]);
  }
  const trunc = !isSet(p.value, 'no-trunc');
  const rows = () => list.map(([c, asked]) => sample(c, asked, trunc));
  const format = last(p.value, 'format');
  const formatted = formatList(world, format, rows, HEADERS);
  if (formatted) return formatted;
  const cols = ['ID', 'Name', 'CPUPerc', 'MemUsage', 'MemPerc', 'NetIO', 'BlockIO', 'PIDs'];
  return ok(world, table([cols.map((k) => HEADERS[k]), ...rows().map((r) => cols.map((k) => r[k]))]));
}
