import type { CommandResult, World } from '../model';

/** Shapes of what the docker CLI prints: results, error wrappers, tables and durations. */

export const ok = (world: World, output: string): CommandResult => ({ world, output, exitCode: 0 });
export const fail = (world: World, output: string, exitCode = 1): CommandResult => ({ world, output, exitCode });

/** An API error as the CLI prints it. */
export const daemon = (msg: string) => `Error response from daemon: ${msg}`;

/** `docker run`/`create` errors: "docker: …" plus the help hint (cli/command/container/run.go). */
export const withHelp = (cmd: string, msg: string) =>
  `docker: ${msg}\n\nRun 'docker ${cmd} --help' for more information`;

/** cobra's UseLine per command path (docker/cli's `Use:`, with flags kept out of the line). */
const CONTAINER_USE: Record<string, string> = {
  run: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  create: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  start: '[OPTIONS] CONTAINER [CONTAINER...]',
  stop: '[OPTIONS] CONTAINER [CONTAINER...]',
  restart: '[OPTIONS] CONTAINER [CONTAINER...]',
  kill: '[OPTIONS] CONTAINER [CONTAINER...]',
  rm: '[OPTIONS] CONTAINER [CONTAINER...]',
  exec: '[OPTIONS] CONTAINER COMMAND [ARG...]',
  port: 'CONTAINER [PRIVATE_PORT[/PROTO]]',
  rename: 'CONTAINER NEW_NAME',
  logs: '[OPTIONS] CONTAINER',
  ps: '[OPTIONS]',
  ls: '[OPTIONS]',
  inspect: '[OPTIONS] CONTAINER [CONTAINER...]',
  pause: 'CONTAINER [CONTAINER...]',
  unpause: 'CONTAINER [CONTAINER...]',
  top: 'CONTAINER [ps OPTIONS]',
  attach: '[OPTIONS] CONTAINER',
};
const USE: Record<string, string> = {
  '': '[OPTIONS] COMMAND [ARG...]',
  inspect: '[OPTIONS] NAME|ID [NAME|ID...]',
  version: '[OPTIONS]',
  'network create': '[OPTIONS] NETWORK',
  'network rm': 'NETWORK [NETWORK...]',
  'network inspect': '[OPTIONS] NETWORK [NETWORK...]',
  'network connect': '[OPTIONS] NETWORK CONTAINER',
  'network disconnect': '[OPTIONS] NETWORK CONTAINER',
  'network ls': '[OPTIONS]',
  'network prune': '[OPTIONS]',
  'container prune': '[OPTIONS]',
  images: '[OPTIONS] [REPOSITORY[:TAG]]',
  'image ls': '[OPTIONS] [REPOSITORY[:TAG]]',
  pull: '[OPTIONS] NAME[:TAG|@DIGEST]',
  'image pull': '[OPTIONS] NAME[:TAG|@DIGEST]',
  rmi: '[OPTIONS] IMAGE [IMAGE...]',
  'image rm': '[OPTIONS] IMAGE [IMAGE...]',
  'swarm init': '[OPTIONS]',
  'swarm join': '[OPTIONS] HOST:PORT',
  'swarm join-token': '[OPTIONS] (worker|manager)',
  'swarm leave': '[OPTIONS]',
  'node ls': '[OPTIONS]',
  'service create': '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  'service ls': '[OPTIONS]',
  'service ps': '[OPTIONS] SERVICE [SERVICE...]',
  'service rm': 'SERVICE [SERVICE...]',
  'service scale': 'SERVICE=REPLICAS [SERVICE=REPLICAS...]',
  'service inspect': '[OPTIONS] SERVICE [SERVICE...]',
  'service update': '[OPTIONS] SERVICE',
  'service rollback': '[OPTIONS] SERVICE',
};

/** `docker run [OPTIONS] IMAGE [COMMAND] [ARG...]` for "run"; `docker network` for "network". */
export function usageLine(cmdPath: string): string {
  const leaf = cmdPath.replace(/^container /, '');
  const args = USE[cmdPath] ?? CONTAINER_USE[leaf];
  return ['docker', cmdPath, args].filter((x) => x).join(' ');
}

/** A flag-parsing error: pflag's text, then cobra's usage line and hint (cli/cobra.go FlagErrorFunc); exit 125. */
export const flagError = (cmdPath: string, msg: string) =>
  `${msg}\n\nUsage:  ${usageLine(cmdPath)}\n\nRun '${['docker', cmdPath].filter((x) => x).join(' ')} --help' for more information`;

/**
 * The CLI's argument-count errors (cli/required.go, docker/cli v28): RequiresMinArgs,
 * ExactArgs, RequiresRangeArgs and NoArgs. Exit code 1.
 */
export function argsError(
  cmdPath: string,
  kind: 'at least' | 'at most' | 'exactly' | 'none',
  n: number,
  max?: number,
): string {
  const path = `docker ${cmdPath}`;
  const plural = (k: number) => (k === 1 ? 'argument' : 'arguments');
  const usage = `\n\nUsage:  ${usageLine(cmdPath)}\n\n`;
  if (kind === 'none') return `docker: '${path}' accepts no arguments${usage}Run '${path} --help' for more information`;
  if (kind === 'exactly')
    return `docker: '${path}' requires ${n} ${plural(n)}${usage}Run '${path} --help' for more information`;
  if (kind === 'at most')
    return `docker: '${path}' requires at most ${n} ${plural(n)}${usage}See '${path} --help' for more information`;
  if (max !== undefined) {
    return `docker: '${path}' requires at least ${n} and at most ${max} ${plural(max)}${usage}Run '${path} --help' for more information`;
  }
  return `docker: '${path}' requires at least ${n} ${plural(n)}${usage}See '${path} --help' for more information`;
}

/** cli.NoArgs on a command with subcommands: `docker network foo`. */
export function unknownSubcommand(parent: string, sub: string): string {
  return `docker: unknown command: docker ${parent} ${sub}\n\nUsage:  docker ${parent}\n\nRun 'docker ${parent} --help' for more information`;
}

/**
 * Go's text/tabwriter as the CLI configures it (minwidth 10, padding 3, spaces): every cell but
 * the last of a row is padded to its column's width.
 */
export function table(rows: string[][], minWidth = 10): string {
  const widths: number[] = [];
  for (const r of rows) {
    r.slice(0, -1).forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, Math.max(minWidth, [...cell].length + 3));
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
