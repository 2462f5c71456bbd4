import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

/**
 * Every flag a `--help` lists works, or the help does not list it (issue 13): walks the help
 * texts the app prints (the root's Global Options, each command of `docker --help`, of the
 * management commands' own lists and of `docker compose --help`), except run and create, and runs
 * each listed flag (long and short form) on a small world. A flag the parser does not know
 * answers pflag's `unknown flag` and fails the walk. The swarm commands (`docker swarm|service|node
 * --help` and their subcommands, service create's 70-odd flags included) run on a world that is a
 * swarm manager with an overlay and a service, each flag given a valid value of its type: there
 * pflag's `invalid argument` fails the walk too.
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

/** The swarm commands' world: a manager with an overlay network and a service. */
const SWARM_SETUP = [
  ...SETUP,
  'docker swarm init',
  'docker network create -d overlay ov1',
  'docker service create -d --name svc --replicas 2 nginx',
];

/** The management commands whose help is walked though `docker --help` lists them only in swarm mode. */
const SWARM_COMMANDS = ['swarm', 'service', 'node'];

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
  'swarm join': '192.168.0.10:2377',
  'swarm join-token': 'worker',
  'swarm init': '',
  'swarm leave': '',
  'service create': 'nginx',
  'service inspect': 'svc',
  'service ps': 'svc',
  'service rm': 'svc',
  'service scale': 'svc=3',
  'service update': 'svc',
  'service rollback': 'svc',
  'service ls': '',
  'node ls': '',
};

/** A valid value of each pflag type the swarm commands' flags have. */
const VALUE_BY_TYPE: Record<string, string> = {
  duration: '1s',
  uint: '1',
  uint32: '4789',
  int: '1',
  float: '0.5',
  bytes: '64m',
  decimal: '0.5',
  ipNetSlice: '10.20.0.0/16',
  'node-addr': '0.0.0.0:2377',
  'external-ca': 'protocol=cfssl,url=https://ca.example.com',
  mount: 'type=tmpfs,target=/tmp',
  network: 'ov1',
  port: '9000:80',
  pref: 'spread=node.id',
  'credential-spec': 'file://spec.json',
  command: 'nginx',
  ulimit: 'nofile=1024:2048',
  secret: 's1',
  config: 'c1',
};

/** Values the swarm commands' flags need where the shared ones above would not do. */
const SWARM_VALUE: Record<string, string> = {
  host: 'h1:10.1.2.3',
  'host-add': 'h1:10.1.2.3',
  dns: '1.1.1.1',
  'dns-add': '1.1.1.1',
  'generic-resource-add': 'gpu=1',
  'dns-search': 'example.com',
  'dns-option': 'ndots:2',
  constraint: 'node.role==manager',
  'generic-resource': 'gpu=1',
  group: 'staff',
  sysctl: 'net.ipv4.ip_forward=1',
  'log-opt': 'max-size=10m',
  'cap-add': 'NET_ADMIN',
  'cap-drop': 'MKNOD',
  'container-label': 'a=b',
  mode: 'replicated',
  'endpoint-mode': 'vip',
  'restart-condition': 'any',
  'update-failure-action': 'pause',
  'rollback-failure-action': 'pause',
  'update-order': 'stop-first',
  'rollback-order': 'stop-first',
  hostname: 'h1',
  name: 'svc9',
  isolation: 'default',
  'log-driver': 'json-file',
  'stop-signal': 'SIGTERM',
  'health-cmd': 'true',
  availability: 'active',
  'advertise-addr': '192.168.0.10',
  'data-path-addr': '192.168.0.10',
  token: 'x',
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
function optionRows(help: string): { short?: string; long: string; takesValue: boolean; type?: string }[] {
  const table = help.split(/\n(?:Global )?Options:\n/)[1]?.split('\n\n')[0] ?? '';
  return (
    table
      .split('\n')
      // the flag column only: a wrapped usage line may begin with a flag's name (`--replicas)`)
      .map((l) => /^ {2}(?:-(\w), | {4})--([\w-]+)(?: ([\w-]+))?/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ short: m[1], long: m[2], takesValue: m[3] !== undefined, type: m[3] }))
  );
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
  for (const name of SWARM_COMMANDS) {
    paths.push(name);
    for (const sub of commandNames(out(`docker ${name} --help`).split('Commands:\n')[1] ?? ''))
      paths.push(`${name} ${sub}`);
  }
  return paths.filter((p) => !/(^|\s)(run|create)$/.test(p) || p.startsWith('network') || p.startsWith('service'));
}

const isSwarm = (path: string) => SWARM_COMMANDS.includes(path.split(' ')[0]);

/** The value the walk gives a flag on `path`. */
function valueFor(path: string, row: { long: string; type?: string }): string {
  if (isSwarm(path)) return SWARM_VALUE[row.long] ?? VALUE[row.long] ?? VALUE_BY_TYPE[row.type ?? ''] ?? 'x';
  return VALUE[row.long] || (row.long === 'ip' ? '' : 'x');
}

describe('every flag a --help lists works', () => {
  const paths = helpPaths();

  it('walks the root, the commands and the management commands’ subcommands', () => {
    for (const p of ['', 'ps', 'logs', 'exec', 'network create', 'network connect', 'container prune', 'compose'])
      expect(paths).toContain(p);
    for (const p of ['swarm init', 'swarm join', 'service create', 'service ps', 'service scale', 'node ls'])
      expect(paths).toContain(p);
    expect(paths).not.toContain('run');
  });

  it.each(paths.map((p) => [p || '(root)', p]))('docker %s', (_label, path) => {
    const help = out(`docker ${path} --help`.replace('  ', ' '));
    const rows = optionRows(help);
    // each swarm subcommand prints its own help (not the management command's list), service rm has no flags
    if (isSwarm(path) && path.includes(' ')) expect(help).toMatch(new RegExp(`^Usage:  docker ${path} `));
    if (isSwarm(path) && path.includes(' ') && path !== 'service rm') expect(rows.length).toBeGreaterThan(0);
    const unknown: string[] = [];
    for (const row of rows) {
      if (row.long === 'help' || row.long === 'version') continue;
      const value = row.takesValue ? ` ${valueFor(path, row)}` : '';
      const args = ARGS[path] ?? ARGS[path.split(' ').at(-1)!] ?? '';
      const forms = [`--${row.long}${value}`, ...(row.short ? [`-${row.short}${value}`] : [])];
      for (const f of forms) {
        const line = path === '' ? `docker ${f} ${args}` : `docker ${path} ${f} ${args}`;
        const setup = isSwarm(path) ? SWARM_SETUP : SETUP;
        const r = runScript(createDefaultWorld(), [...setup, line].join('\n')).results.at(-1)!;
        const refused = isSwarm(path) ? /unknown (shorthand )?flag|invalid argument/ : /unknown (shorthand )?flag/;
        if (refused.test(r.output)) unknown.push(`${line} => ${r.output.split('\n')[0]}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});
