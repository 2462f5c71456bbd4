import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;

// moby v28.5.2 daemon/prune.go (accepted filters, getUntilFromPruneFilters, matchLabels).
describe('container prune / network prune --filter', () => {
  it('label, label! and until select what goes; other keys are refused', () => {
    const r = play([
      'docker network create --label env=dev n1',
      'docker network create --label env=prod n2',
      'docker network create n3',
      'docker network prune -f --filter label=env=dev',
      'docker network prune -f --filter label!=env',
      'docker network prune -f --filter until=1h',
      'docker network ls --format {{.Name}}',
      'docker network prune -f --filter foo=bar',
      'docker network prune -f --filter until=1h --filter until=2h',
      'docker network prune -f --filter until=soon',
      'docker network prune -f --filter nofield',
    ]);
    expect(r[3].output).toBe('Deleted Networks:\nn1\n');
    expect(r[4].output).toBe('Deleted Networks:\nn3\n');
    expect(r[5].output).toBe('');
    expect(r[6].output).toBe('bridge\nhost\nn2\nnone');
    expect(r[7].output).toBe("Error response from daemon: invalid filter 'foo'");
    expect(r[8].output).toBe('Error response from daemon: more than one until filter specified');
    expect(r[9].output).toBe('Error response from daemon: failed to parse value as time or duration: "soon"');
    expect(r[10].output).toContain(
      'invalid argument "nofield" for "--filter" flag: bad format of filter (expected name=value)',
    );
    expect(r[10].exitCode).toBe(125);
  });

  it('container prune keeps what the filter keeps', () => {
    const r = play([
      'docker create --name a1 --label keep=yes nginx',
      'docker create --name a2 nginx',
      'docker container prune -f --filter until=1h',
      'docker container prune -f --filter label!=keep',
      "docker ps -a --format '{{.Names}}'",
    ]);
    expect(r[2].output).toBe('Total reclaimed space: 0B');
    expect(r[3].output).toMatch(/^Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: 0B$/);
    expect(r[4].output).toBe('a1');
  });
});

// moby/sys/signal ParseSignal; moby v28.5.2 daemon/kill.go ContainerKill, daemon/stop.go
// ContainerStop/containerStop, daemon/restart.go; pflag IntVarP for -t.
describe('kill -s, stop -s/-t, restart -s', () => {
  const setup = ['docker run -d --name web nginx', 'docker run -d --name sl busybox sleep 1000'];

  it('refuses signals ParseSignal does not know, in the daemon’s words', () => {
    const r = play([
      ...setup,
      'docker kill -s FOO web nope',
      'docker kill -s 100 web',
      'docker stop -s SIGFOO web',
      'docker restart -s FOO web',
      'docker stop -t x web',
    ]);
    expect(r[2].output).toBe(
      'Error response from daemon: Invalid signal: FOO\nError response from daemon: Invalid signal: FOO',
    );
    expect(r[3].output).toBe('Error response from daemon: the linux daemon does not support signal 100');
    expect(r[4].output).toBe('Error response from daemon: cannot stop container: web: Invalid signal: SIGFOO');
    expect(r[5].output).toBe('Error response from daemon: Cannot restart container web: Invalid signal: FOO');
    expect(r[6].output).toContain(
      'invalid argument "x" for "-t, --timeout" flag: strconv.ParseInt: parsing "x": invalid syntax',
    );
    expect(r[6].exitCode).toBe(125);
  });

  it('a signal the main process handles ends it; one PID 1 has no handler for changes nothing', () => {
    const r = play([
      ...setup,
      'docker kill -s HUP web',
      'docker kill -s TERM sl',
      "docker ps -a --format '{{.Names}} {{.State}}'",
      'docker kill -s sigterm web',
      'docker stop -s 9 sl',
      "docker ps -a --format '{{.Names}} {{.Status}}'",
    ]);
    expect(r[4].output).toBe('sl running\nweb running');
    expect(r[7].output).toMatch(/^sl Exited \(137\) .*\nweb Exited \(0\) /);
  });
});

// moby v28.5.2 daemon/delete.go containerRm, rmLink.
describe('rm --link', () => {
  it('removes the link PARENT/ALIAS, never a container', () => {
    const r = play([
      'docker run -d --name db redis',
      'docker run -d --name web --link db:store nginx',
      'docker rm -l web',
      'docker rm -l web/nope',
      'docker rm --link /web/store',
      "docker inspect -f '{{json .HostConfig.Links}}' web",
      "docker ps --format '{{.Names}}'",
    ]);
    expect(r[2].output).toBe(
      'Error response from daemon: Conflict, cannot remove the default link name of the container',
    );
    expect(r[3].output).toBe('Error response from daemon: No such container: web/nope');
    expect(r[4].output).toBe('/web/store');
    expect(r[5].output).toBe('null');
    expect(r[6].output).toBe('web\ndb');
  });
});

// docker/cli v28.5.2 cli/command/container/list.go, formatter/container.go Size, NewContainerFormat;
// moby api/types/container ContainerJSONBase (SizeRw, SizeRootFs).
describe('ps -s, inspect -s', () => {
  it('show the writable layer and the whole root filesystem', () => {
    const r = play([
      'docker run -d --name web nginx',
      'docker exec web sh -c "echo hello > /tmp/x"',
      'docker ps -s',
      "docker ps --format '{{.Names}} {{.Size}}'",
      "docker ps --size=false --format '{{.Names}} {{.Size}}'",
      "docker inspect -s -f '{{.SizeRw}} {{.SizeRootFs}}' web",
      "docker inspect -f '{{.SizeRw}}' web",
    ]);
    const [head, row] = r[2].output.split('\n');
    expect(head.endsWith('NAMES     SIZE')).toBe(true);
    expect(row.endsWith('web       6B (virtual 192MB)')).toBe(true);
    expect(r[3].output).toBe('web 6B (virtual 192MB)');
    expect(r[4].output).toBe('web 0B');
    expect(r[5].output).toBe('6 192004248');
    expect(r[6].output).toBe('<no value>');
  });
});

// docker/cli v28.5.2 cli/command/container/attach.go, start.go; moby daemon/attach.go ContainerAttach.
describe('attach / start -a --detach-keys, attach --sig-proxy', () => {
  it('the daemon refuses keys term.ToBytes cannot read, after the CLI found the container', () => {
    const r = play([
      'docker run -d --name web nginx',
      'docker attach --detach-keys ctrl-zz web',
      'docker attach --detach-keys ctrl-p,q web',
      'docker attach --sig-proxy=maybe web',
      'docker create --name idle busybox echo hi',
      'docker start -a --detach-keys foo idle',
      "docker ps -a --filter name=idle --format '{{.State}}'",
      'docker start -a --detach-keys ctrl-x idle',
    ]);
    expect(r[1].output).toBe('Error response from daemon: Invalid detach keys (ctrl-zz) provided');
    expect(r[2].exitCode).toBe(0);
    expect(r[3].output).toContain(
      'invalid argument "maybe" for "--sig-proxy" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    );
    expect(r[5].output).toBe('Error response from daemon: Invalid detach keys (foo) provided');
    expect(r[6].output).toBe('created');
    expect(r[7].output).toBe('hi');
  });
});
