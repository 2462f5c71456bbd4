import { describe, expect, it } from 'vitest';
import { worldProblem } from '../../../src/io/worldSchema';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n'));
const fmt = (names: string) =>
  `docker inspect -f '{{.Name}} {{.State.Status}} {{.RestartCount}} {{.State.ExitCode}} {{.NetworkSettings.IPAddress}}' ${names}`;

// moby v28.5.2 restartmanager/restartmanager.go ShouldRestart (100 ms back-off doubled to 1 min),
// daemon/monitor.go handleContainerExit (RestartCount++ at the exit, SetRestarting), container/state.go
// String() "Restarting (%d) %s ago", daemon/exec.go errContainerIsRestarting, daemon/delete.go cleanupContainer
describe('restart policies are obeyed when the main process exits', () => {
  it('on-failure:N restarts N times, then stays Exited with RestartCount N and its logs of every run', () => {
    const r = play([
      "docker run --name job --restart on-failure:3 busybox sh -c 'echo hi; exit 3'",
      "docker inspect -f '{{.State.Status}} {{.RestartCount}} {{.State.ExitCode}}' job",
      'docker logs job',
    ]).results;
    expect(r[0].output).toBe('hi');
    expect(r[0].exitCode).toBe(3);
    // exits at 0, restarts at 100, 300 and 700 ms: all done a second later
    expect(r[1].output).toBe('exited 3 3');
    expect(r[2].output).toBe('hi\nhi\nhi\nhi');
  });

  it('on-failure does not restart a clean exit; no policy never restarts', () => {
    const r = play([
      'docker run --name ok --restart on-failure busybox true',
      "docker run --name bad busybox sh -c 'exit 2'",
      "docker inspect -f '{{.State.Status}} {{.RestartCount}} {{.State.ExitCode}}' ok bad",
    ]).results;
    expect(r[2].output).toBe('exited 0 0\nexited 0 2');
  });

  it('always keeps restarting: docker ps lists it as Restarting, exec and rm refuse, stop ends it', () => {
    const s = play([
      'docker run -d --name loop --restart always busybox echo hello',
      'docker ps',
      'docker exec loop ls',
      'docker rm loop',
      "docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.Restarting}} {{.State.Pid}}' loop",
      'docker stop loop',
      "docker ps -a --format '{{.Names}} {{.Status}}'",
      "docker inspect -f '{{.State.Status}} {{.State.Restarting}}' loop",
    ]);
    const r = s.results;
    const id = Object.values(s.session.world.containers)[0].id;
    expect(r[1].output).toContain('Restarting (0) Less than a second ago');
    expect(r[2].output).toBe(
      `Error response from daemon: Container ${id} is restarting, wait until the container is running`,
    );
    expect(r[2].exitCode).toBe(1);
    expect(r[3].output).toBe(
      'Error response from daemon: cannot remove container "/loop": container is restarting: stop the container before removing or force remove',
    );
    expect(r[4].output).toBe('restarting true true 0');
    expect(r[5].output).toBe('loop');
    expect(r[6].output).toMatch(/^loop Exited \(0\) \d+ seconds? ago$/);
    expect(r[7].output).toBe('exited false');
    expect(worldProblem(s.session.world)).toBeNull();
  });

  it('the back-off doubles: RestartCount grows with time, not with commands', () => {
    const r = play([
      'docker run -d --name loop --restart always busybox true',
      ...Array.from({ length: 10 }, () => 'true'),
      "docker inspect -f '{{.RestartCount}}' loop",
    ]).results;
    // exits at 0 (count 1), restarts at 0.1, 0.3, 0.7, 1.5, 3.1, 6.3 s, the next at 12.7 s; 11 s later: 7
    expect(r[11].output).toBe('7');
  });

  it('a docker start resets RestartCount, so on-failure:1 restarts once more', () => {
    const r = play([
      "docker run --name job --restart on-failure:1 busybox sh -c 'echo x; exit 1'",
      "docker inspect -f '{{.State.Status}} {{.RestartCount}}' job",
      'docker start job',
      "docker inspect -f '{{.State.Status}} {{.RestartCount}}' job",
      'docker logs job',
    ]).results;
    expect(r[1].output).toBe('exited 1');
    expect(r[2].output).toBe('job');
    // start.go resetRestartManager: the count starts over, and the run after the start restarts once
    expect(r[3].output).toBe('exited 1');
    expect(r[4].output).toBe('x\nx\nx\nx');
  });
});

// moby v28.5.2 daemon/daemon.go Shutdown/shutdownContainer and restore (restartContainers,
// removeContainers); docker-facts 90-91
describe('sudo systemctl restart docker / service docker restart (live-restore off)', () => {
  const setup = [
    'docker run -d --name web1 --restart always nginx',
    'docker run -d --name web2 nginx',
    'docker run -d --name web3 --restart unless-stopped nginx',
    'docker run -d --name web4 --restart unless-stopped nginx',
    'docker run -d --name sl --restart on-failure busybox sleep 1000',
    "docker run -d --name job --restart on-failure:2 busybox sh -c 'exit 1'",
    'docker run -d --name tmp --rm busybox sleep 100',
    'docker stop web1 web3',
  ];

  it('brings back the containers whose policy says so, with new addresses from the lowest free', () => {
    for (const restart of ['sudo systemctl restart docker', 'service docker restart', 'sudo service docker restart']) {
      const s = play([
        ...setup,
        fmt('web1 web2 web3 web4 sl'),
        restart,
        fmt('web1 web2 web3 web4 sl job'),
        'docker ps -a -q',
      ]);
      const r = s.results;
      expect(r[8].output).toBe(
        [
          '/web1 exited 0 0 ',
          '/web2 running 0 0 172.17.0.3',
          '/web3 exited 0 0 ',
          '/web4 running 0 0 172.17.0.5',
          '/sl running 0 0 172.17.0.6',
        ].join('\n'),
      );
      expect(r[9]).toMatchObject({ output: '', exitCode: 0 });
      expect(r[10].output).toBe(
        [
          // always: back even though the user stopped it
          '/web1 running 0 0 172.17.0.2',
          // no policy: stopped by the shutdown (nginx exits 0 on its stop signal)
          '/web2 exited 0 0 ',
          // unless-stopped: the user's stop holds; the daemon's own shutdown is no manual stop
          '/web3 exited 0 0 ',
          '/web4 running 0 0 172.17.0.3',
          // sleep ignores SIGTERM: killed after 10 s (137), which on-failure restarts
          '/sl running 0 0 172.17.0.4',
          // on-failure:2 had used its two restarts
          '/job exited 2 1 ',
        ].join('\n'),
      );
      // the running --rm container is gone
      expect(r[11].output.split('\n')).toHaveLength(6);
      expect(worldProblem(s.session.world)).toBeNull();
    }
  });

  it('the shutdown waits the 10 s stop timeout for a process that ignores SIGTERM', () => {
    const r = play([
      'docker run -d --name sl busybox sleep 1000',
      'docker run -d --name web nginx',
      'sudo systemctl restart docker',
      "docker ps -a --format '{{.Names}} {{.Status}}'",
    ]).results;
    expect(r[3].output).toBe('web Exited (0) 11 seconds ago\nsl Exited (137) 1 second ago');
  });

  it('systemctl and service answer as on Ubuntu for other units, on machines without Docker and in containers', () => {
    const r = play([
      'systemctl restart nginx',
      'service nginx restart',
      '@pc1 sudo systemctl restart docker',
      'sudo foo',
      'docker run -d --name web nginx',
      'docker exec web systemctl restart docker',
      'systemctl is-active docker',
      'sudo -i',
    ]).results;
    expect(r[0]).toMatchObject({
      output: 'Failed to restart nginx.service: Unit nginx.service not found.',
      exitCode: 5,
    });
    expect(r[1]).toMatchObject({ output: 'nginx: unrecognized service', exitCode: 1 });
    expect(r[2]).toMatchObject({
      output: 'Failed to restart docker.service: Unit docker.service not found.',
      exitCode: 5,
    });
    expect(r[3]).toMatchObject({ output: 'sudo: foo: command not found', exitCode: 1 });
    expect(r[5].output).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "systemctl": executable file not found in $PATH: unknown',
    );
    expect(r[6]).toMatchObject({ output: 'active', exitCode: 0 });
    expect(r[7]).toMatchObject({ output: '', exitCode: 0 });
  });
});
