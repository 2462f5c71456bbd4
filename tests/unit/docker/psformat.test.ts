import { describe, expect, it } from 'vitest';
import { docker, play } from './helpers';

describe('docker ps --format and --filter', () => {
  const { world } = play([
    'docker network create app',
    'docker run -d --name web --network app -p 8080:80 nginx',
    'docker run -d --name db redis',
    'docker create --name cc nginx',
  ]);

  it.each([
    ["docker ps --format '{{.Names}}'", 'db\nweb'],
    [
      "docker ps -a --format 'table {{.Names}}\\t{{.Status}}\\t{{.Ports}}'",
      [
        'NAMES     STATUS                  PORTS',
        'cc        Created                 ',
        'db        Up Less than a second   6379/tcp',
        'web       Up Less than a second   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp',
      ].join('\n'),
    ],
    ["docker ps --filter network=app --format '{{.Names}} {{.Networks}}'", 'web app'],
    ['docker ps --filter name=we -q', findId('web')],
    ["docker ps -f status=created --format '{{.Names}} {{.State}}'", 'cc created'],
    ["docker ps -n 1 --format '{{.Names}} {{.CreatedAt}}'", 'cc 2026-01-01 00:00:00 +0000 UTC'],
  ])('%s', (line, out) => {
    const r = docker(world, line);
    expect(r.output).toBe(out);
    expect(r.exitCode).toBe(0);
  });

  it.each([
    ['docker ps --filter foo=bar', "Error response from daemon: invalid filter 'foo'", 1],
    [
      'docker ps --filter status=zzz',
      "Error response from daemon: invalid filter 'status=zzz': invalid value for state (zzz): must be one of created, running, paused, restarting, removing, exited, dead",
      1,
    ],
    [
      'docker ps --filter xx',
      'invalid argument "xx" for "-f, --filter" flag: bad format of filter (expected name=value)\n\nUsage:  docker ps [OPTIONS]\n\nRun \'docker ps --help\' for more information',
      125,
    ],
    ["docker ps --format '{{nope}}'", 'template parsing error: template: :1: function "nope" not defined', 64],
  ])('%s', (line, out, code) => {
    const r = docker(world, line);
    expect(r.output).toBe(out);
    expect(r.exitCode).toBe(code);
    expect(r.world).toBe(world);
  });

  function findId(name: string): string {
    return Object.values(world.containers)
      .find((c) => c.name === name)!
      .id.slice(0, 12);
  }
});
