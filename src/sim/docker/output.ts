import type { CommandResult, World } from '../model';

/** Shapes of what the docker CLI prints: results, error wrappers, tables and durations. */

export const ok = (world: World, output: string): CommandResult => ({ world, output, exitCode: 0 });
export const fail = (world: World, output: string, exitCode = 1): CommandResult => ({ world, output, exitCode });

/** An API error as the CLI prints it. */
export const daemon = (msg: string) => `Error response from daemon: ${msg}`;

/** `docker run`/`create` errors: "docker: …" plus the help hint (cli/command/container/run.go). */
export const withHelp = (cmd: string, msg: string) =>
  `docker: ${msg}\n\nRun 'docker ${cmd} --help' for more information`;

/** A flag-parsing error: pflag's text and cobra's hint. */
export const flagError = (cmdPath: string, msg: string) => `${msg}\nSee 'docker ${cmdPath} --help'.`;

/** One-line usage and description per command, for cobra's argument-count errors. */
const USAGE: Record<string, [string, string]> = {
  run: ['docker run [OPTIONS] IMAGE [COMMAND] [ARG...]', 'Create and run a new container from an image'],
  'container run': [
    'docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]',
    'Create and run a new container from an image',
  ],
  create: ['docker create [OPTIONS] IMAGE [COMMAND] [ARG...]', 'Create a new container'],
  start: ['docker start [OPTIONS] CONTAINER [CONTAINER...]', 'Start one or more stopped containers'],
  stop: ['docker stop [OPTIONS] CONTAINER [CONTAINER...]', 'Stop one or more running containers'],
  restart: ['docker restart [OPTIONS] CONTAINER [CONTAINER...]', 'Restart one or more containers'],
  rm: ['docker rm [OPTIONS] CONTAINER [CONTAINER...]', 'Remove one or more containers'],
  exec: ['docker exec [OPTIONS] CONTAINER COMMAND [ARG...]', 'Execute a command in a running container'],
  inspect: ['docker inspect [OPTIONS] NAME|ID [NAME|ID...]', 'Return low-level information on Docker objects'],
  'container inspect': [
    'docker container inspect [OPTIONS] CONTAINER [CONTAINER...]',
    'Display detailed information on one or more containers',
  ],
  port: ['docker port CONTAINER [PRIVATE_PORT[/PROTO]]', 'List port mappings or a specific mapping for the container'],
  rename: ['docker rename CONTAINER NEW_NAME', 'Rename a container'],
  logs: ['docker logs [OPTIONS] CONTAINER', 'Fetch the logs of a container'],
  'network create': ['docker network create [OPTIONS] NETWORK', 'Create a network'],
  'network rm': ['docker network rm NETWORK [NETWORK...]', 'Remove one or more networks'],
  'network inspect': [
    'docker network inspect [OPTIONS] NETWORK [NETWORK...]',
    'Display detailed information on one or more networks',
  ],
  'network connect': ['docker network connect [OPTIONS] NETWORK CONTAINER', 'Connect a container to a network'],
  'network disconnect': [
    'docker network disconnect [OPTIONS] NETWORK CONTAINER',
    'Disconnect a container from a network',
  ],
};

/** cobra's "requires at least / exactly N arguments" error. */
export function argsError(cmdPath: string, kind: 'at least' | 'exactly', n: number): string {
  const [usage, desc] = USAGE[cmdPath] ?? [`docker ${cmdPath}`, ''];
  const noun = n === 1 ? 'argument' : 'arguments';
  return `docker: 'docker ${cmdPath}' requires ${kind} ${n} ${noun}.\nSee 'docker ${cmdPath} --help'.\n\nUsage:  ${usage}\n\n${desc}`;
}

/**
 * Go's text/tabwriter as the CLI configures it (minwidth 10, padding 3, spaces): every cell but
 * the last of a row is padded to its column's width.
 */
export function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) {
    r.slice(0, -1).forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, Math.max(10, [...cell].length + 3));
    });
  }
  return rows
    .map((r) =>
      r.map((cell, i) => (i < r.length - 1 ? cell + ' '.repeat(widths[i] - [...cell].length) : cell)).join(''),
    )
    .join('\n');
}

/** go-units HumanDuration: "Less than a second", "3 seconds", "About a minute", "5 minutes" … */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(ms / 3_600_000);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}

/** Natural order (fvbommel/sortorder), used by `docker network ls`. */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** Go's `json.MarshalIndent(v, "", "    ")` (HTML-escaping <, >, & as Go does). */
export function goJson(v: unknown): string {
  return JSON.stringify(v, null, 4).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
