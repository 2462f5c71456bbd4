import { defaultCwd } from '../fs';
import type { CommandResult, World } from '../model';
import type { Where } from '../where';
import { composeConfig } from './config';
import { composeDown } from './down';
import { composeLogs, composeLs, composePs } from './list';
import { type LoadOptions, loadProject } from './load';
import { COMPOSE_VERSION, type Flavor } from './project';
import type { Ctx } from './state';
import { composeUp } from './up';

/**
 * `docker compose …` (v2, `flavor` 'v2') and `docker-compose …` (v1.29, 'v1') on the machine a
 * line runs on, reading compose files from that machine's filesystem. Never throws; a file that
 * does not load changes nothing.
 */

const fail = (world: World, output: string, exitCode = 1): CommandResult => ({ world, output, exitCode });

interface Args {
  files: string[];
  projectName?: string;
  sub?: string;
  flags: Set<string>;
  rest: string[];
}

const BOOL_FLAGS: Record<string, string> = {
  '-d': 'detach',
  '--detach': 'detach',
  '-a': 'all',
  '--all': 'all',
  '-q': 'quiet',
  '--quiet': 'quiet',
  '--services': 'services',
  '--remove-orphans': 'remove-orphans',
  '-v': 'volumes',
  '--volumes': 'volumes',
  '--no-color': 'no-color',
  '--force-recreate': 'force-recreate',
  '-f': 'follow',
  '--follow': 'follow',
};
const VALUE_GLOBALS = new Set(['--progress', '--ansi', '--project-directory', '--env-file', '--profile']);

function parse(argv: string[]): Args | { error: string } {
  const a: Args = { files: [], flags: new Set(), rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    const [flag, inline] =
      x.startsWith('--') && x.includes('=')
        ? [x.slice(0, x.indexOf('=')), x.slice(x.indexOf('=') + 1)]
        : [x, undefined];
    const value = () => inline ?? argv[++i];
    if (a.sub === undefined) {
      if (flag === '-f' || flag === '--file') {
        const v = value();
        if (v === undefined) return { error: `flag needs an argument: '${flag.replace(/^-+/, '')}' in ${flag}` };
        a.files.push(v);
      } else if (flag === '-p' || flag === '--project-name') {
        const v = value();
        if (v === undefined) return { error: `flag needs an argument: '${flag.replace(/^-+/, '')}' in ${flag}` };
        a.projectName = v;
      } else if (VALUE_GLOBALS.has(flag)) value();
      else if (flag === '--compatibility' || flag === '--dry-run') continue;
      else if (flag === '-v' || flag === '--version') a.sub = 'version';
      else if (flag === '-h' || flag === '--help') a.sub = 'help';
      else if (flag.startsWith('-')) return { error: `unknown flag: ${flag}` };
      else a.sub = x;
      continue;
    }
    if (flag.startsWith('-') && flag.length > 1) {
      const known = BOOL_FLAGS[flag];
      if (known) a.flags.add(known);
      else if (flag === '--help' || flag === '-h') a.flags.add('help');
      else if (flag === '-t' || flag === '--timeout' || flag === '--tail' || flag === '-n') value();
      else if (flag === '--format') a.flags.add(`format=${value()}`);
      else return { error: `unknown flag: ${flag}` };
    } else a.rest.push(x);
  }
  return a;
}

const V2_HELP = `Usage:  docker compose [OPTIONS] COMMAND

Define and run multi-container applications with Docker

Options:
  -f, --file stringArray           Compose configuration files
  -p, --project-name string        Project name

Commands:
  config      Parse, resolve and render compose file in canonical format
  down        Stop and remove containers, networks
  logs        View output from containers
  ls          List running compose projects
  ps          List containers
  up          Create and start containers
  version     Show the Docker Compose version information

Run 'docker compose COMMAND --help' for more information on a command.`;

export function runCompose(
  world: World,
  argv: string[],
  where: Where,
  flavor: Flavor,
  env: { COMPOSE_PROJECT_NAME?: string } = {},
): CommandResult {
  try {
    return compose(world, argv, where, flavor, env);
  } catch (e) {
    // a bug must not take the console down; the World stays as it was
    return fail(world, `compose: internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function compose(
  world: World,
  argv: string[],
  where: Where,
  flavor: Flavor,
  env: { COMPOSE_PROJECT_NAME?: string },
): CommandResult {
  const v1 = flavor === 'v1';
  const a = parse(argv);
  if ('error' in a) return fail(world, v1 ? `ERROR: ${a.error}` : a.error);
  const cwd = where.cwd ?? defaultCwd(where);
  const ctx: Ctx = { world, daemon: where.id, flavor, out: [] };
  const opts: LoadOptions = {
    flavor,
    files: a.files,
    ...(a.projectName !== undefined ? { projectName: a.projectName } : {}),
    ...(env.COMPOSE_PROJECT_NAME !== undefined ? { envName: env.COMPOSE_PROJECT_NAME } : {}),
  };
  if (a.flags.has('help') && a.sub && SUB_HELP[a.sub]) {
    // v2: the command's usage and summary (its Options list is left out); v1: the general help
    const [usage, what] = SUB_HELP[a.sub];
    return { world, output: v1 ? V1_HELP : `Usage:  ${usage}\n\n${what}`, exitCode: 0 };
  }
  const load = () => loadProject(world, where, cwd, opts);
  const loaded = (run: (p: Extract<ReturnType<typeof load>, { ok: true }>['project']) => CommandResult) => {
    const l = load();
    if (!l.ok) return fail(world, [...l.warnings, l.error].join('\n'));
    return run(l.project);
  };
  switch (a.sub) {
    case 'up':
      return loaded((p) => composeUp(ctx, p, a.flags.has('detach')));
    case 'down':
      if (!v1 && a.projectName !== undefined && a.files.length === 0) {
        const l = load();
        if (!l.ok) return composeDown(ctx, { name: a.projectName });
      }
      return loaded((p) => composeDown({ ...ctx, out: [...p.warnings] }, p));
    case 'ps':
    case 'logs': {
      let name = a.projectName;
      let warnings: string[] = [];
      if (name === undefined || v1 || a.files.length) {
        const l = load();
        if (!l.ok) return fail(world, [...l.warnings, l.error].join('\n'));
        name = l.project.name;
        warnings = l.project.warnings;
      }
      const r =
        a.sub === 'ps'
          ? composePs(ctx, name, a.flags.has('all'), a.flags.has('quiet'), a.rest)
          : composeLogs(ctx, name, a.rest);
      return { ...r, output: [...warnings, r.output].filter(Boolean).join('\n') };
    }
    case 'ls':
      if (v1) return fail(world, NO_SUCH('ls'));
      return composeLs(ctx, a.flags.has('all'), a.flags.has('quiet'));
    case 'config':
      return loaded((p) => {
        if (a.flags.has('quiet')) return { world, output: p.warnings.join('\n'), exitCode: 0 };
        const body = a.flags.has('services') ? p.services.map((s) => s.name).join('\n') : composeConfig(p);
        return { world, output: [...p.warnings, body].join('\n'), exitCode: 0 };
      });
    case 'version':
      return {
        world,
        output: v1
          ? `docker-compose version ${COMPOSE_VERSION.v1}, build 5becea4c`
          : `Docker Compose version v${COMPOSE_VERSION.v2}`,
        exitCode: 0,
      };
    case undefined:
    case 'help':
      return { world, output: v1 ? V1_HELP : V2_HELP, exitCode: 0 };
    default:
      if (v1) return fail(world, NO_SUCH(a.sub));
      return fail(world, `unknown docker command: "compose ${a.sub}"`);
  }
}

/** Each subcommand's usage line and short description (cmd/compose/*.go of v2.40). */
const SUB_HELP: Record<string, [string, string]> = {
  up: ['docker compose up [OPTIONS] [SERVICE...]', 'Create and start containers'],
  down: ['docker compose down [OPTIONS] [SERVICES]', 'Stop and remove containers, networks'],
  ps: ['docker compose ps [OPTIONS] [SERVICE...]', 'List containers'],
  ls: ['docker compose ls [OPTIONS]', 'List running compose projects'],
  logs: ['docker compose logs [OPTIONS] [SERVICE...]', 'View output from containers'],
  config: [
    'docker compose config [OPTIONS] [SERVICE...]',
    'Parse, resolve and render compose file in canonical format',
  ],
};

const V1_HELP = `Define and run multi-container applications with Docker.

Usage:
  docker-compose [-f <arg>...] [--profile <name>...] [options] [--] [COMMAND] [ARGS...]
  docker-compose -h|--help

Commands:
  config             Validate and view the Compose file
  down               Stop and remove resources
  logs               View output from containers
  ps                 List containers
  up                 Create and start containers
  version            Show version information and quit`;

const NO_SUCH = (cmd: string) => `No such command: ${cmd}\n\n${V1_HELP.slice(V1_HELP.indexOf('Commands:'))}`;
