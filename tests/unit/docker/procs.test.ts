import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { findContainer } from '../../../src/sim/lookup';
import type { World } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';
import { docker, play } from './helpers';

const later = (w: World, ms: number): World => ({ ...w, clock: w.clock + ms });

describe('docker pause / unpause', () => {
  it('marks the container Paused in ps and inspect, and refuses exec, attach and start', () => {
    let { world } = play(['docker run -d --name web nginx']);
    const id = findContainer(world, 'web')!.id;
    const r = docker(world, 'docker pause web');
    expect(r.output).toBe('web');
    world = later(r.world, 3_000);
    expect(docker(world, 'docker ps').output.split('\n')[1]).toContain('Up 3 seconds (Paused)');
    expect(docker(world, 'docker inspect -f "{{.State.Status}} {{.State.Running}} {{.State.Paused}}" web').output).toBe(
      'paused true true',
    );
    expect(docker(world, 'docker ps -q --filter status=paused').output).toBe(id.slice(0, 12));
    expect(docker(world, 'docker pause web').output).toBe(
      `Error response from daemon: Container ${id} is already paused`,
    );
    expect(docker(world, 'docker exec web ls').output).toBe(
      `Error response from daemon: Container ${id} is paused, unpause the container before exec`,
    );
    expect(docker(world, 'docker attach web').output).toBe('You cannot attach to a paused container, unpause it first');
    expect(docker(world, 'docker start web').output).toBe(
      'Error response from daemon: cannot start a paused container, try unpause instead\nError: failed to start containers: web',
    );
    expect(docker(world, 'docker rm web').output).toBe(
      'Error response from daemon: cannot remove container "/web": container is paused and must be unpaused first',
    );
    expect(findContainer(docker(world, 'docker rm -f web').world, 'web')).toBeNull();
    const u = docker(world, 'docker container unpause web');
    expect(u.output).toBe('web');
    expect(docker(u.world, 'docker ps').output).not.toContain('Paused');
    expect(docker(u.world, 'docker unpause web').output).toBe(
      `Error response from daemon: Container ${id} is not paused`,
    );
  });

  it('refuses a stopped container and goes on with the other names; stop ends the pause', () => {
    const { world } = play(['docker create --name idle nginx', 'docker run -d --name web nginx']);
    const idle = findContainer(world, 'idle')!.id;
    const r = docker(world, 'docker pause idle web');
    expect(r.exitCode).toBe(1);
    expect(r.output).toBe(`web\nError response from daemon: container ${idle} is not running`);
    const stopped = docker(r.world, 'docker stop web').world;
    expect(findContainer(stopped, 'web')!.paused).toBeUndefined();
    expect(docker(docker(stopped, 'docker start web').world, 'docker ps').output).toContain('Up Less than a second');
  });
});

describe('docker top', () => {
  it('prints ps -ef columns with tabwriter minwidth 20', () => {
    const { world } = play(['docker run -d --name web nginx']);
    const lines = docker(world, 'docker top web').output.split('\n');
    expect(lines[0]).toBe(
      `${['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME'].map((h) => h.padEnd(20)).join('')}CMD`,
    );
    expect(lines[1]).toMatch(
      /^root {16}\d+ +\d+ +0 {19}00:00 {15}\? {19}00:00:00 {12}nginx: master process nginx -g daemon off;$/,
    );
    const aux = docker(world, 'docker top web aux').output.split('\n');
    expect(aux[0].split(/\s+/)).toEqual([
      'USER',
      'PID',
      '%CPU',
      '%MEM',
      'VSZ',
      'RSS',
      'TTY',
      'STAT',
      'START',
      'TIME',
      'COMMAND',
    ]);
    expect(aux[1]).toMatch(/^root {16}\d+ +0\.0 +0\.1 +\d+ +\d+ +\? +Ss +00:00 +0:00 +nginx: master process/);
    const stopped = docker(world, 'docker stop web').world;
    const id = findContainer(stopped, 'web')!.id;
    expect(docker(stopped, 'docker top web').output).toBe(`Error response from daemon: container ${id} is not running`);
  });
});

describe('docker attach', () => {
  it('enters a shell container like run -it, ends at once for a server, refuses a stopped one', () => {
    const { world } = play([
      'docker run -dit --name sh1 ubuntu',
      'docker run -d --name web nginx',
      'docker create --name c1 nginx',
    ]);
    expect(docker(world, 'docker attach sh1').enter).toBe(findContainer(world, 'sh1')!.id);
    const web = docker(world, 'docker attach web');
    expect([web.output, web.exitCode, web.enter]).toEqual(['', 0, undefined]);
    expect(docker(world, 'docker attach c1').output).toBe('You cannot attach to a stopped container, start it first');
    expect(docker(world, 'docker attach').exitCode).toBe(1);
  });
});

describe('-p with a host port range', () => {
  it('binds the first free port of the range for one container port', () => {
    const { world } = play([
      'docker run -d -p 8000-8002:80 --name w1 nginx',
      'docker run -d -p 8000-8002:80 --name w2 nginx',
    ]);
    expect(docker(world, 'docker port w2').output).toBe('80/tcp -> 0.0.0.0:8001\n80/tcp -> [::]:8001');
    expect(docker(world, 'docker inspect -f "{{json .HostConfig.PortBindings}}" w1').output).toBe(
      '{"80/tcp":[{"HostIp":"","HostPort":"8000-8002"}]}',
    );
    const r = play(
      ['docker run -d -p 8000-8002:80 --name w3 nginx', 'docker run -d -p 8000-8002:80 --name w4 nginx'],
      world,
    );
    expect(r.last.exitCode).toBe(125);
    expect(r.last.output).toContain('all ports are allocated');
    expect(play(['docker run -d -p 8000-8001:80-82 nginx']).last.output).toContain(
      'invalid ranges specified for container and host Ports: 80-82 and 8000-8001',
    );
  });
});

describe('detached ping and restarted one-shots', () => {
  it('logs a ping -d line per second that has passed, bounded, and stops there', () => {
    let { world } = play(['docker run -d --name pinger busybox ping 8.8.8.8']);
    expect(docker(world, 'docker ps').output).toContain('Up Less than a second');
    const first = docker(world, 'docker logs pinger').output.split('\n');
    expect(first).toEqual([
      'PING 8.8.8.8 (8.8.8.8): 56 data bytes',
      expect.stringMatching(/^64 bytes from 8\.8\.8\.8: seq=0 ttl=\d+ time=/),
    ]);
    world = later(world, 5_000);
    expect(docker(world, 'docker logs pinger').output.split('\n')).toHaveLength(7);
    world = later(world, 600_000);
    const all = docker(world, 'docker logs pinger').output.split('\n');
    expect(all).toHaveLength(21);
    expect(all.at(-1)).toMatch(/seq=19 /);
  });

  it('a detached ping of a bad address exits at once with its error in the log', () => {
    const { world, last } = play(['docker run -d --name badping busybox ping nosuch.invalid']);
    expect(last.exitCode).toBe(0);
    expect(docker(world, 'docker ps -a').output).toContain('Exited (1)');
    expect(docker(world, 'docker logs badping').output).toBe("ping: bad address 'nosuch.invalid'");
  });

  it('start re-runs a finished one-shot command and appends its output to the log', () => {
    const { world } = play(['docker run --name once busybox ping -c 1 8.8.8.8']);
    const one = docker(world, 'docker logs once').output;
    expect(one).toContain('1 packets transmitted, 1 packets received');
    const s = docker(world, 'docker start once');
    expect(s.output).toBe('once');
    expect(docker(s.world, 'docker logs once').output.match(/packets transmitted/g)).toHaveLength(2);
    expect(docker(s.world, 'docker ps -a').output).toContain('Exited (0)');
    const a = docker(s.world, 'docker start -a once');
    expect(a.output).toMatch(/^PING 8\.8\.8\.8/);
    const failing = play(['docker run --name bad busybox ping -c 1 nosuch.invalid']);
    const again = docker(failing.world, 'docker start bad').world;
    expect(findContainer(again, 'bad')!.exitCode).toBe(1);
  });
});

describe('attach in the console', () => {
  it('exit from an attached shell ends its main process: the container stops', () => {
    const { session, results } = runScript(
      createDefaultWorld(),
      'docker run -dit --name sh1 ubuntu\ndocker attach sh1\nhostname\nexit\ndocker ps -a --format "{{.Names}} {{.State}}"',
    );
    expect(results[2].machine).toBe(findContainer(session.world, 'sh1')!.id);
    expect(results[3].output).toBe('exit');
    expect(results[4].output).toBe('sh1 exited');
  });
});

describe('start -a / -ai', () => {
  it('start -ai enters a stopped shell container again; exit stops it', () => {
    const { results } = runScript(
      createDefaultWorld(),
      'docker run -it --name u1 ubuntu\nexit\ndocker start -ai u1\nexit 4\ndocker ps -a --format "{{.Names}} {{.Status}}"',
    );
    expect(results[2].output).toBe('');
    expect(results[3].output).toBe('exit');
    expect(results[4].output).toMatch(/^u1 Exited \(4\)/);
  });

  it("start -a prints a one-shot's output and returns its code; several names are refused", () => {
    const { world } = play([
      'docker run --name bad busybox sh -c "echo oops; exit 5"',
      'docker create --name c2 nginx',
    ]);
    const r = docker(world, 'docker start -a bad');
    expect([r.output, r.exitCode]).toEqual(['oops', 5]);
    expect(docker(world, 'docker start -a bad c2').output).toBe(
      'you cannot start and attach multiple containers at once',
    );
    expect(docker(world, 'docker start -i bad c2').exitCode).toBe(1);
  });
});
