import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

/**
 * Every flag a `--help` lists works, or the help does not list it (issue 13): walks the help
 * texts the app prints (the root's Global Options, each command of `docker --help`, of the
 * management commands' own lists and of `docker compose --help`), except run and create, and runs
 * each listed flag (long and short form) on a small world. A flag the parser does not know
 * answers pflag's `unknown flag` and fails the walk.
 */

const SETUP = [
  'docker network create n1',
  'docker run -d --name web -p 8080:80 nginx',
  'docker run -d --name w2 --network n1 nginx',
  'docker create --name idle nginx',
  'mkdir -p /root/p && cd /root/p',
  "printf 'services:\\n  app:\\n    image: nginx\\n' > compose.yaml",
  "printf 'A=1\\n' > /root/a.env",
];

/** The arguments a command needs after its flags. */
const ARGS: Record<string, string> = {
  exec: 'web ls',
  'container exec': 'web ls',
  start: 'idle',
  stop: 'web',
  restart: 'web',
  kill: 'web',
  pause: 'web',
  unpause: 'web',
  top: 'web',
  rename: 'web web9',
  attach: 'web',
  rm: 'idle',
  port: 'web',
  logs: 'web',
  inspect: 'web',
  'container inspect': 'web',
  pull: 'nginx',
  'image pull': 'nginx',
  'network connect': 'n1 web',
  'network create': 'n9',
  'network disconnect': 'n1 w2',
  'network inspect': 'n1',
  'network rm': 'n1',
  rmi: 'busybox',
  'image rm': 'busybox',
  '': 'ps',
  compose: 'ps',
};

/** A value each flag that takes one is given (by its name; else by its type). */
const VALUE: Record<string, string> = {
  filter: 'name=web',
  format: 'json',
  signal: 'KILL',
  timeout: '1',
  time: '1',
  last: '1',
  env: 'A=b',
  'env-file': '/root/a.env',
  user: 'root',
  workdir: '/',
  'detach-keys': 'ctrl-a',
  since: '10m',
  until: '1s',
  tail: '1',
  type: 'container',
  alias: 'a1',
  'driver-opt': 'a=b',
  'gw-priority': '1',
  ip: '',
  ip6: '',
  link: 'web:w',
  'link-local-ip': '169.254.1.1',
  'aux-address': 'a=172.30.0.5',
  'config-from': '',
  driver: 'bridge',
  gateway: '172.30.0.1',
  'ip-range': '172.30.0.0/25',
  'ipam-driver': 'default',
  'ipam-opt': 'a=b',
  label: 'a=b',
  opt: 'a=b',
  scope: 'local',
  subnet: '172.30.0.0/24',
  platform: 'linux/amd64',
  config: '/root/.docker',
  context: 'default',
  host: 'unix:///var/run/docker.sock',
  'log-level': 'info',
  tlscacert: 'a',
  tlscert: 'b',
  tlskey: 'c',
  file: 'compose.yaml',
  'project-name': 'p',
};

/** The flag rows of a help text's Options (or Global Options) table. */
function optionRows(help: string): { short?: string; long: string; takesValue: boolean }[] {
  const table = help.split(/\n(?:Global )?Options:\n/)[1]?.split('\n\n')[0] ?? '';
  return table
    .split('\n')
    .map((l) => /^ {2}(?:-(\w), )? *--([\w-]+)(?: (\w+))?/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ short: m[1], long: m[2], takesValue: m[3] !== undefined }));
}

/** The command names a help text lists under its command sections. */
function commandNames(help: string): string[] {
  return [...help.matchAll(/^ {2}([a-z][\w-]*)\*? {2,}/gm)].map((m) => m[1]);
}

const out = (line: string) => runScript(createDefaultWorld(), line).results[0].output;

/** Every command path whose help the app prints, from `docker --help` down. */
function helpPaths(): string[] {
  const paths = [''];
  for (const name of commandNames(out('docker --help'))) {
    const help = out(`docker ${name} --help`);
    if (/^ {2}[a-z][\w-]* {2,}/m.test(help.split('Commands:\n')[1] ?? '')) {
      paths.push(name);
      for (const sub of commandNames(help.split('Commands:\n')[1])) paths.push(`${name} ${sub}`);
    } else paths.push(name);
  }
  return paths.filter((p) => !/(^|\s)(run|create)$/.test(p) || p.startsWith('network'));
}

describe('every flag a --help lists works', () => {
  const paths = helpPaths();

  it('walks the root, the commands and the management commands’ subcommands', () => {
    for (const p of ['', 'ps', 'logs', 'exec', 'network create', 'network connect', 'container prune', 'compose'])
      expect(paths).toContain(p);
    expect(paths).not.toContain('run');
  });

  it.each(paths.map((p) => [p || '(root)', p]))('docker %s', (_label, path) => {
    const help = out(`docker ${path} --help`.replace('  ', ' '));
    const rows = optionRows(help);
    const unknown: string[] = [];
    for (const row of rows) {
      if (row.long === 'help' || row.long === 'version') continue;
      const value = row.takesValue ? ` ${VALUE[row.long] || (row.long === 'ip' ? '' : 'x')}` : '';
      const args = ARGS[path] ?? ARGS[path.split(' ').at(-1)!] ?? '';
      const forms = [`--${row.long}${value}`, ...(row.short ? [`-${row.short}${value}`] : [])];
      for (const f of forms) {
        const line = path === '' ? `docker ${f} ${args}` : `docker ${path} ${f} ${args}`;
        const r = runScript(createDefaultWorld(), [...SETUP, line].join('\n')).results.at(-1)!;
        if (/unknown (shorthand )?flag/.test(r.output)) unknown.push(`${line} => ${r.output.split('\n')[0]}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});
