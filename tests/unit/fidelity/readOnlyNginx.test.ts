import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;
const CANNOT =
  '10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)';

// The official nginx image (docker-entrypoint.d/10-listen-on-ipv6-by-default.sh, nginx.conf's
// temp paths and pid /run/nginx.pid) under --read-only; docker-library/docs nginx names the tmpfs it needs.
describe('nginx --read-only', () => {
  it('without tmpfs it exits 1 at start: mkdir() of its temp path fails, in docker logs', () => {
    const r = play([
      'docker run -d --name ro --read-only nginx',
      'docker ps -a --format "{{.Names}} {{.Status}}"',
      'docker logs ro',
      'docker run --name ro-fg --read-only nginx',
    ]);
    expect(r[1].output).toBe('ro Exited (1) 1 second ago');
    const log = r[2].output.split('\n');
    expect(log[3]).toBe(CANNOT);
    expect(log.some((l) => l.includes('Getting the checksum'))).toBe(false);
    expect(log.slice(-3)).toEqual([
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      '2026/01/01 00:00:00 [emerg] 1#1: mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)',
      'nginx: [emerg] mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)',
    ]);
    expect(r[3].exitCode).toBe(1);
    expect(r[3].output.split('\n').at(-1)).toBe(
      'nginx: [emerg] mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)',
    );
  });

  it('a tmpfs for /var/cache/nginx only: the pid file cannot be written', () => {
    const r = play(['docker run -d --name ro --read-only --tmpfs /var/cache/nginx nginx', 'docker logs ro']);
    expect(r[1].output.split('\n').slice(-2)).toEqual([
      '2026/01/01 00:00:00 [emerg] 1#1: open() "/run/nginx.pid" failed (30: Read-only file system)',
      'nginx: [emerg] open() "/run/nginx.pid" failed (30: Read-only file system)',
    ]);
  });

  it('with --tmpfs /var/cache/nginx --tmpfs /var/run it serves; the entrypoint still cannot touch default.conf', () => {
    const r = play([
      'docker run -d --name ro --read-only --tmpfs /var/cache/nginx --tmpfs /var/run -p 8080:80 nginx',
      'docker ps --format "{{.Names}} {{.Status}}"',
      'docker logs ro',
      'curl -s localhost:8080',
      "docker exec ro sh -c 'touch /x; touch /var/cache/nginx/ok && echo ok'",
    ]);
    expect(r[1].output).toBe('ro Up 1 second');
    expect(r[2].output.split('\n')[3]).toBe(CANNOT);
    expect(r[2].output).not.toContain('[emerg]');
    expect(r[3].output).toContain('<title>Welcome to nginx!</title>');
    expect(r[4].output).toBe("touch: cannot touch '/x': Read-only file system\nok");
  });

  it('docker start fails the same way, each start adding its lines to the log; so does a host-mode nginx whose port is held', () => {
    const r = play([
      'docker create --name ro --read-only nginx',
      'docker start ro',
      'docker ps -a --format "{{.Names}} {{.Status}}"',
      'docker start ro',
      'docker logs ro',
      'docker run -d --name h1 --network host nginx',
      'docker create --name h2 --network host nginx',
      'docker start h2',
      'docker ps -a --filter name=h --format "{{.Names}} {{.Status}}"',
      'docker logs h2',
    ]);
    expect(r[1]).toMatchObject({ output: 'ro', exitCode: 0 });
    expect(r[2].output).toBe('ro Exited (1) 1 second ago');
    const log = r[4].output.split('\n');
    expect(log.filter((l) => l.startsWith('nginx: [emerg] mkdir()'))).toHaveLength(2);
    expect(log.filter((l) => l === CANNOT)).toHaveLength(2);
    expect(log.at(-2)).toBe(
      '2026/01/01 00:00:03 [emerg] 1#1: mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)',
    );
    expect(r[8].output).toBe('h2 Exited (1) 1 second ago\nh1 Up 3 seconds');
    // started at 7 s, the last of 5 tries 500 ms apart ends 2.5 s later
    expect(r[9].output.split('\n').slice(-2)).toEqual([
      '2026/01/01 00:00:09 [emerg] 1#1: still could not bind()',
      'nginx: [emerg] still could not bind()',
    ]);
  });
});
