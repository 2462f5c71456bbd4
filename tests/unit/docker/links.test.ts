import { describe, expect, it } from 'vitest';
import { findContainer } from '../../../src/sim/lookup';
import type { World } from '../../../src/sim/model';
import { runShell } from '../../../src/sim/shell';
import { docker, play } from './helpers';

/** A shell line inside a container (as `docker exec NAME …` runs it). */
const inside = (w: World, name: string, line: string) =>
  runShell(w, line.split(' '), { kind: 'container', id: findContainer(w, name)!.id }, line);

describe('legacy --link (docs/network/links.md, docker-facts 28)', () => {
  const bridge = () =>
    play(['docker run -d --name db redis', 'docker run -d --name web --link db:database busybox sleep 3600']).world;

  it('writes "IP<TAB>alias hostname name" into the linking container\'s /etc/hosts, before its own line', () => {
    const w = bridge();
    const db = findContainer(w, 'db')!;
    const web = findContainer(w, 'web')!;
    const hosts = inside(w, 'web', 'cat /etc/hosts').output.split('\n');
    expect(hosts.slice(-2)).toEqual([`172.17.0.2\tdatabase ${db.id.slice(0, 12)} db`, `172.17.0.3\t${web.hostname}`]);
    // the link is one-way: db's file has no line for web
    expect(inside(w, 'db', 'cat /etc/hosts').output).not.toContain('web');
  });

  it('the alias and the name resolve from the linked container on the default bridge', () => {
    const w = bridge();
    const r = inside(w, 'web', 'ping -c 1 database');
    expect(r.exitCode).toBe(0);
    expect(r.output.split('\n')[0]).toBe('PING database (172.17.0.2): 56 data bytes');
    expect(r.output).toContain('64 bytes from 172.17.0.2: seq=0 ttl=64');
    expect(inside(w, 'web', 'ping -c 1 db').exitCode).toBe(0);
    // without a link the default bridge still resolves nothing
    const w2 = play(['docker run -d --name other busybox sleep 3600'], w).world;
    expect(inside(w2, 'other', 'ping -c 1 database').output).toBe("ping: bad address 'database'");
  });

  it('inspect shows HostConfig.Links as /child:/parent/alias', () => {
    const w = bridge();
    expect(docker(w, 'docker inspect -f "{{json .HostConfig.Links}}" web').output).toBe('["/db:/web/database"]');
    expect(docker(w, 'docker inspect -f "{{json .HostConfig.Links}}" db').output).toBe('null');
  });

  it("docker ps --no-trunc lists the link name parent/alias with the child's own (formatter Names)", () => {
    const w = bridge();
    expect(docker(w, 'docker ps --format "{{.Names}}"').output).toBe('web\ndb');
    expect(docker(w, 'docker ps --no-trunc --format "{{.Names}}"').output).toBe('web\ndb,web/database');
  });

  it('a missing target is refused at create; a bad format by the CLI flag parser', () => {
    const { world } = play([]);
    expect(docker(world, 'docker run -d --name web --link nope:x nginx')).toMatchObject({
      output:
        "docker: Error response from daemon: could not get container for nope: No such container: nope\n\nRun 'docker run --help' for more information",
      exitCode: 125,
    });
    expect(docker(world, 'docker run -d --link a:b:c nginx')).toMatchObject({
      output:
        'invalid argument "a:b:c" for "--link" flag: bad format for links: a:b:c\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun \'docker run --help\' for more information',
      exitCode: 125,
    });
  });

  it('starting a container whose linked container is stopped fails as setupLinkedContainers does', () => {
    const w = play(['docker stop db', 'docker stop web'], bridge()).world;
    expect(docker(w, 'docker start web')).toMatchObject({
      output:
        'Error response from daemon: Cannot link to a non running container: /db AS /web/database\nError: failed to start containers: web',
      exitCode: 1,
    });
  });

  it('on a user-defined network the alias resolves only from the linking container (embedded DNS)', () => {
    const { world: w } = play([
      'docker network create app',
      'docker run -d --name db --network app redis',
      'docker run -d --name web --network app --link db:database busybox sleep 3600',
      'docker run -d --name other --network app busybox sleep 3600',
    ]);
    expect(inside(w, 'web', 'ping -c 1 database').output.split('\n')[0]).toBe(
      'PING database (172.18.0.2): 56 data bytes',
    );
    expect(inside(w, 'other', 'ping -c 1 database').output).toBe("ping: bad address 'database'");
    expect(inside(w, 'web', 'cat /etc/hosts').output).not.toContain('database');
    expect(docker(w, 'docker inspect -f "{{json .HostConfig.Links}}" web').output).toBe('null');
    expect(docker(w, 'docker inspect -f "{{json .NetworkSettings.Networks.app.Links}}" web').output).toBe(
      '["db:database"]',
    );
  });
});
