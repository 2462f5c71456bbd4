import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

/**
 * `--help` of the swarm subcommands as docker/cli v28.5.2 declares them (cli/command/swarm,
 * service, node; pflag's FlagUsagesWrapped at 80 columns), and their list flags.
 */

const run = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;
const last = (lines: string[]) => run(lines).at(-1)!;

const JOIN_HELP = `Usage:  docker swarm join [OPTIONS] HOST:PORT

Join a swarm as a node and/or manager

Options:
      --advertise-addr string   Advertised address (format:
                                "<ip|interface>[:port]")
      --availability string     Availability of the node ("active",
                                "pause", "drain") (default "active")
      --data-path-addr string   Address or interface to use for data path
                                traffic (format: "<ip|interface>")
      --listen-addr node-addr   Listen address (format:
                                "<ip|interface>[:port]") (default
                                0.0.0.0:2377)
      --token string            Token for entry into the swarm`;

const SCALE_HELP = `Usage:  docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]

Scale one or multiple replicated services

Options:
  -d, --detach   Exit immediately instead of waiting for the service to
                 converge`;

const RM_HELP = `Usage:  docker service rm SERVICE [SERVICE...]

Remove one or more services

Aliases:
  docker service rm, docker service remove`;

describe('swarm subcommands print their own --help', () => {
  it.each([
    ['docker swarm join --help', JOIN_HELP],
    ['docker service scale --help', SCALE_HELP],
    ['docker service rm --help', RM_HELP],
    ['docker service remove --help', RM_HELP],
    ['docker help service rm', RM_HELP],
  ])('%s', (line, text) => {
    const r = last([line]);
    expect(r.output).toBe(text);
    expect(r.exitCode).toBe(0);
  });

  it('answers --help after flags, and -h with cobra’s deprecation line', () => {
    expect(last(['docker service ls -q --help']).output).toMatch(/^Usage: {2}docker service ls \[OPTIONS\]\n/);
    const h = last(['docker node ls -h']).output;
    expect(h.split('\n').slice(0, 2)).toEqual([
      'Flag shorthand -h has been deprecated, use --help',
      'Usage:  docker node ls [OPTIONS]',
    ]);
  });

  it('service create lists its flags sorted, with pflag’s types and swarmkit’s defaults', () => {
    const help = last(['docker service create --help']).output;
    const names = [...help.matchAll(/^ {2}(?:-\w, | {4})--([\w-]+)/gm)].map((m) => m[1]);
    // the 73 of docs/reference/commandline/service_create.md at v28.5.2
    expect(names).toHaveLength(73);
    expect(names).toEqual([...names].sort());
    for (const row of [
      '      --ulimit ulimit                      Ulimit options (default [])',
      '      --replicas uint                      Number of tasks',
      '      --limit-cpu decimal                  Limit CPUs',
      '      --limit-memory bytes                 Limit Memory',
      '      --placement-pref pref                Add a placement preference',
      '  -p, --publish port                       Publish a port as a node port',
      '      --stop-signal string                 Signal to stop the container',
    ])
      expect(help.split('\n')).toContain(row);
    expect(help).toContain('      --endpoint-mode string               Endpoint mode (vip or dnsrr)\n');
    expect(help).toContain('      --restart-delay duration             Delay between restart attempts\n');
  });
});

describe('swarm flags are checked as pflag and docker/cli check them', () => {
  const create = (flags: string) => last(['docker swarm init', `docker service create ${flags} nginx`]);
  it.each([
    ['--replicas -1', 'invalid argument "-1" for "--replicas" flag: strconv.ParseUint: parsing "-1": invalid syntax'],
    ['--limit-memory 1q', `invalid argument "1q" for "--limit-memory" flag: invalid suffix: 'q'`],
    ['--reserve-cpu x', 'invalid argument "x" for "--reserve-cpu" flag: failed to parse x as a rational number'],
    [
      '--update-parallelism x',
      'invalid argument "x" for "--update-parallelism" flag: strconv.ParseUint: parsing "x": invalid syntax',
    ],
    ['--restart-delay 5', 'invalid argument "5" for "--restart-delay" flag: time: missing unit in duration "5"'],
    ['--health-interval -1s', 'invalid argument "-1s" for "--health-interval" flag: duration cannot be negative'],
    ['--dns 1.2.3', 'invalid argument "1.2.3" for "--dns" flag: IP address is not correctly formatted: 1.2.3'],
    ['--host nocolon', 'invalid argument "nocolon" for "--host" flag: bad format for add-host: "nocolon"'],
    ['-e =x', 'invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x'],
    ['--label " =x"', `invalid argument " =x" for "-l, --label" flag: invalid label ' =x': empty name`],
    [
      '--placement-pref pack=x',
      'invalid argument "pack=x" for "--placement-pref" flag: unsupported placement preference pack (only spread is supported)',
    ],
    [
      '--publish published=80,target=80,mode=bridge',
      `invalid argument "published=80,target=80,mode=bridge" for "-p, --publish" flag: invalid publish mode value (bridge): must be either 'ingress' or 'host'`,
    ],
    ['--network name=ov,foo=bar', 'invalid argument "name=ov,foo=bar" for "--network" flag: invalid field key foo'],
    ['--secret source=', 'invalid argument "source=" for "--secret" flag: source is required'],
    [
      '--update-max-failure-ratio x',
      'invalid argument "x" for "--update-max-failure-ratio" flag: strconv.ParseFloat: parsing "x": invalid syntax',
    ],
    ['--init=maybe', 'invalid argument "maybe" for "--init" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
  ])('%s', (flags, msg) => {
    const r = create(flags);
    expect(r.output.split('\n')[0]).toBe(msg);
    expect(r.output).toContain("Run 'docker service create --help' for more information");
    expect(r.exitCode).toBe(125);
  });
});

describe('the swarm list commands’ --filter and --format', () => {
  const setup = [
    'docker swarm init',
    'docker service create -d --name web --replicas 2 -p 8080:80 nginx',
    'docker service create -d --name api --mode global nginx',
  ];

  it('service ls filters by name prefix, id prefix and mode, and refuses other keys as the daemon does', () => {
    const rs = run([
      ...setup,
      'docker service ls --filter name=we --format "{{.Name}}"',
      'docker service ls -f mode=global --format "{{.Name}} {{.Mode}}"',
      'docker service ls --filter color=red',
      'docker service ls --filter name',
    ]);
    expect(rs.at(-4)!.output).toBe('web');
    expect(rs.at(-3)!.output).toBe('api global');
    expect(rs.at(-2)!.output).toBe("Error response from daemon: invalid filter 'color'");
    expect(rs.at(-1)!.output.split('\n')[0]).toBe(
      'invalid argument "name" for "-f, --filter" flag: bad format of filter (expected name=value)',
    );
  });

  it('service ls --filter label matches the labels --label gave (KEY, or KEY=VALUE)', () => {
    const rs = run([
      'docker swarm init',
      'docker service create -d --name a -l tier=front -l team nginx',
      'docker service create -d --name b -l tier=back nginx',
      'docker service ls --filter label=tier=front --format "{{.Name}}"',
      'docker service ls --filter label=tier --format "{{.Name}}"',
      'docker service ls --filter label=team --filter label=tier=back --format "{{.Name}}"',
    ]);
    expect(rs.at(-3)!.output).toBe('a');
    expect(rs.at(-2)!.output).toBe('a\nb');
    expect(rs.at(-1)!.output).toBe('');
  });

  it('--format json is one JSON object a line, keys sorted and HTML escaped as encoding/json does', () => {
    const out = last([...setup, 'docker service ls --format json --filter name=web']).output;
    const obj = JSON.parse(out);
    expect(Object.keys(obj)).toEqual(['ID', 'Image', 'Mode', 'Name', 'Ports', 'Replicas']);
    expect(out).toContain('"Ports":"*:8080-\\u003e80/tcp"');
    expect(obj.Replicas).toBe('2/2');
  });

  it('service ps: desired-state and node filters, --no-resolve shows IDs, a bad state is refused', () => {
    const rs = run([
      ...setup,
      'docker service ps web --filter desired-state=running --format "{{.Name}} {{.Node}} {{.DesiredState}}"',
      'docker service ps web --no-resolve --format "{{.Node}}"',
      'docker node ls -q',
      'docker service ps web --filter desired-state=sleeping',
    ]);
    expect(rs.at(-4)!.output).toBe('web.1 docker-host Running\nweb.2 docker-host Running');
    const nodeId = rs.at(-2)!.output;
    expect(rs.at(-3)!.output).toBe(`${nodeId}\n${nodeId}`);
    expect(rs.at(-1)!.output).toBe("Error response from daemon: Invalid desired-state filter: 'sleeping'");
  });

  it('node ls: role filter and template, and the daemon’s word for an unknown role', () => {
    const rs = run([
      ...setup,
      'docker node ls --filter role=manager --format "{{.Hostname}} {{.ManagerStatus}} {{.Self}}"',
      'docker node ls --filter role=worker -q',
      'docker node ls -f role=boss',
    ]);
    expect(rs.at(-3)!.output).toBe('docker-host Leader true');
    expect(rs.at(-2)!.output).toBe('');
    expect(rs.at(-1)!.output).toBe("Error response from daemon: Invalid role filter: 'boss'");
  });
});
