import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../../src/sim/docker/template';
import { docker, play } from './helpers';

describe('docker inspect --format (text/template subset)', () => {
  const { world } = play([
    'docker network create --subnet 10.5.0.0/24 app',
    'docker run -d --name web --network app -p 8080:80 nginx',
    'docker run -d --name db redis',
  ]);

  it.each([
    ["docker inspect -f '{{.NetworkSettings.IPAddress}}' db", '172.17.0.2'],
    ["docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' web db", '10.5.0.2\n172.17.0.2'],
    ["docker inspect --format '{{.Name}} {{.State.Status}} {{.HostConfig.NetworkMode}}' web", '/web running app'],
    [
      "docker inspect --format='{{json .NetworkSettings.Ports}}' web",
      '{"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"},{"HostIp":"::","HostPort":"8080"}]}',
    ],
    [`docker inspect -f '{{(index .NetworkSettings.Networks "app").IPAddress}}' web`, '10.5.0.2'],
    [
      "docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' app bridge",
      '10.5.0.0/24 10.5.0.1\n172.17.0.0/16 172.17.0.1',
    ],
    [
      "docker network inspect -f '{{range $k, $v := .Containers}}{{$v.Name}}={{$v.IPv4Address}}{{end}}' app",
      'web=10.5.0.2/24',
    ],
    ["docker container inspect -f '{{if .State.Running}}up{{else}}down{{end}}' db", 'up'],
    ["docker inspect -f '{{.Nope}}' web", '<no value>'],
    // docs/reference/commandline/inspect.md "Find a specific port mapping": nested index calls.
    [`docker inspect --format='{{(index (index .NetworkSettings.Ports "80/tcp") 0).HostPort}}' web`, '8080'],
    // Go's builtin comparisons and logic (they were read as fields and always false).
    [`docker inspect -f '{{if eq .State.Status "running"}}up{{else}}down{{end}}' web`, 'up'],
    [`docker inspect -f '{{if ne .State.Status "running"}}up{{else}}down{{end}}' web`, 'down'],
    [`docker inspect -f '{{eq .HostConfig.NetworkMode "bridge" "app"}}' web`, 'true'],
    [`docker inspect -f '{{if and .State.Running (eq .State.ExitCode 0)}}ok{{end}}' web`, 'ok'],
    [`docker inspect -f '{{not .State.Paused}} {{or .Config.Domainname "none"}}' web`, 'true none'],
    [`docker inspect -f '{{gt (len .NetworkSettings.Networks) 0}}' web`, 'true'],
    [
      `docker inspect -f '{{printf "%s has %d network(s)" .Name (len .NetworkSettings.Networks)}}' web`,
      '/web has 1 network(s)',
    ],
    [`docker inspect -f '{{.Name | upper | printf "[%s]"}}' web`, '[/WEB]'],
    [`docker inspect -f '{{(.Name | upper)}}' web`, '/WEB'],
  ])('%s', (line, out) => {
    const r = docker(world, line);
    expect(r.output).toBe(out);
    expect(r.exitCode).toBe(0);
  });

  it('a template error is exit 64; a missing object is reported after the others', () => {
    const bad = docker(world, "docker inspect -f '{{foo .Name}}' web");
    expect(bad.output).toBe('template parsing error: template: :1: function "foo" not defined');
    expect(bad.exitCode).toBe(64);
    const some = docker(world, "docker inspect -f '{{.Name}}' web nosuch");
    expect(some.output).toBe('/web\nError: No such object: nosuch');
    expect(some.exitCode).toBe(1);
  });

  it('prints maps with sorted keys, nil and missing values as Go does for decoded JSON', () => {
    const t = compileTemplate('{{.m}} {{.n}} {{.x}} {{len .a}} {{join .a ","}} {{upper "ab"}}');
    expect(t.ok && t.run({ m: { b: 1, a: 'x' }, n: null, a: ['p', 'q'] })).toBe(
      'map[a:x b:1] <nil> <no value> 2 p,q AB',
    );
  });
});

describe('inspect --format with nothing found', () => {
  it('prints the empty line the template inspector flushes, then the error', () => {
    const r = docker(play([]).world, "docker container inspect -f '{{.Name}}' nope");
    expect(r.output).toBe('\nError response from daemon: No such container: nope');
    expect(r.exitCode).toBe(1);
  });
});
