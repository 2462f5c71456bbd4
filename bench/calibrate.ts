import { median } from './stats';

/**
 * The calibration workload (issue 12): a fixed, pure JS loop of the kinds of work the engine does
 * per command (parse a console line, look a record up by name, copy-on-write updates of small
 * objects and arrays and of one large record, dotted-quad address arithmetic, a formatted table, a JSON round trip of one
 * record), with no clock, no I/O and no randomness. Engine figures are budgeted as multiples of its
 * median time measured in the same process and run, so a budget holds on a slower or busier machine
 * as long as the engine slows down as much as plain JS does there.
 */

/**
 * The bench's clock: CPU time of this process (user + system) in ms. On an idle machine it reads
 * as wall time; on a busy one it leaves out the time other processes held the core, which would
 * otherwise stretch a long engine command far more than a short calibration run.
 */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

interface Rec {
  id: string;
  name: string;
  state: string;
  ports: number[];
  endpoints: { net: string; ip: string; mac: string; aliases: string[] }[];
  labels: Record<string, string>;
}

const RECORDS = 100;
const COMMANDS = 30;

const hex = (n: number, w: number) => (n >>> 0).toString(16).padStart(w, '0').slice(-w);
const ipOf = (n: number) => `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
const ipNum = (ip: string) => ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);

/**
 * A record as large as a busy World's containers (a dictionary-mode object in V8), built once:
 * each run copies it once, as a command's copy-on-write of World.containers does, so the workload
 * also has the engine's working set and garbage, which a busy machine's caches slow down most.
 */
const TABLE: Record<string, { id: string; seq: number; names: string[] }> = {};
for (let i = 0; i < 2000; i++)
  TABLE[hex(Math.imul(i + 1, 2654435761), 8) + hex(i, 4)] = { id: `t${i}`, seq: i, names: [`n${i}`] };

/** One run of the workload; returns a checksum so no step can be optimised away. */
export function calibrationWork(): number {
  const table = { ...TABLE, fresh: { id: 'fresh', seq: -1, names: [] } };
  Object.freeze(table);
  let seed = 0x2545f491;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed;
  };
  let recs: Record<string, Rec> = {};
  for (let i = 0; i < RECORDS; i++) {
    const id = hex(next(), 8) + hex(next(), 8);
    recs[id] = {
      id,
      name: `c${i}`,
      state: i % 3 ? 'running' : 'exited',
      ports: i % 4 ? [] : [80, 443],
      endpoints: [{ net: `net${i % 10}`, ip: ipOf(0x0a000002 + i), mac: `02:42:${hex(i, 2)}:00:00:02`, aliases: [] }],
      labels: { 'com.example.role': i % 2 ? 'web' : 'db' },
    };
  }
  let sum = 0;
  for (let k = 0; k < COMMANDS; k++) {
    const line = `docker run -d --name n${k} --network net${k % 10} -p ${8000 + k}:80 -e A=${k} nginx:latest`;
    const argv = line.split(/\s+/);
    const flags: Record<string, string[]> = {};
    for (let i = 2; i < argv.length - 1; i++) {
      const m = /^--?([a-z-]+)$/.exec(argv[i]);
      if (!m || m[1] === 'd') continue;
      flags[m[1]] = [...(flags[m[1]] ?? []), argv[++i]];
    }
    const all = Object.values(recs);
    const peer = all.find((r) => r.name === `c${(k * 7) % RECORDS}`);
    const used = new Set(
      all.filter((r) => r.endpoints[0].net === flags.network[0]).map((r) => ipNum(r.endpoints[0].ip)),
    );
    let ip = 0x0a000002;
    while (used.has(ip)) ip++;
    const id = hex(next(), 8) + hex(next(), 8);
    const rec: Rec = {
      id,
      name: flags.name[0],
      state: 'running',
      ports: flags.p.map((p) => Number(p.split(':')[0])),
      endpoints: [
        { net: flags.network[0], ip: ipOf(ip), mac: `02:42:${hex(ip, 8).match(/../g)!.join(':')}`, aliases: [] },
      ],
      labels: { ...peer?.labels, 'com.example.k': String(k) },
    };
    // a copy-on-write update of one record and of the record map's first keys, as immer produces
    if (peer)
      recs = {
        ...recs,
        [peer.id]: { ...peer, endpoints: peer.endpoints.map((e) => ({ ...e, aliases: [...e.aliases, rec.name] })) },
      };
    const table = all
      .slice(0, 40)
      .map((r) =>
        [r.id.slice(0, 12), r.name.padEnd(8), r.state, r.ports.map((p) => `0.0.0.0:${p}->80/tcp`).join(', ')].join(
          '   ',
        ),
      )
      .join('\n');
    const back = JSON.parse(JSON.stringify(rec)) as Rec;
    sum = (sum + table.length + back.endpoints[0].mac.length + used.size + ip) >>> 0;
  }
  return (sum + Object.keys(table).length) >>> 0;
}

/** Every run's checksum folded together: kept so the work stays observable. */
export let checksum = 0;

/** Times `runs` runs of the workload (after `warm` warm-up runs); per-run ms. */
export function calibrate(runs: number, warm = 5): number[] {
  for (let i = 0; i < warm; i++) checksum ^= calibrationWork();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = cpuMs();
    checksum ^= calibrationWork();
    out.push(cpuMs() - t);
  }
  return out;
}

/** Samples taken at several points of a run, so the reference sees the machine as the figures did. */
export class Calibration {
  readonly samples: number[] = [];
  /** Adds `runs` timed runs now. */
  take(runs = 20): void {
    this.samples.push(...calibrate(runs));
  }
  get ms(): number {
    return median(this.samples);
  }
}
