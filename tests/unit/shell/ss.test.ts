import { describe, expect, it } from 'vitest';
import { steps } from '../compose/helpers';

/**
 * ss (iproute2 6.1 misc/ss.c, output not a terminal: compact columns, left-aligned columns padded,
 * so lines keep trailing blanks) and netstat (net-tools netstat.c) over a namespace's sockets.
 */
describe('ss and netstat: which process listens where', () => {
  const { r } = steps([
    'docker run -d --name web -p 8080:80 nginx',
    'docker network create appnet',
    'docker run -d --name rdb --network appnet redis',
    'docker run -d --name tools --network appnet nicolaka/netshoot sleep infinity',
    'docker run -d --name color -p 127.0.0.1:3000:3000 devwikirepo/envnodecolorapp',
    'ss -tlnp',
    'ss -tuln',
    'netstat -tlnp',
    'docker exec tools ss -tlnp',
    'docker exec tools netstat -tulnp',
    'docker run --rm --network container:web nicolaka/netshoot ss -tln',
    "nsenter --net=$(docker inspect -f '{{.NetworkSettings.SandboxKey}}' web) ss -tlnp",
    'docker run --rm --network container:color nicolaka/netshoot ss -tln',
    'docker run --rm --network container:rdb nicolaka/netshoot netstat -tln',
    'ss -x',
    'ss -y',
    'ss -tn',
  ]);
  const lines = (i: number) => r[i].output.split('\n');

  it('on the Docker host: a docker-proxy per published port and address family, with host PIDs under -p', () => {
    expect(lines(5)).toEqual([
      'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess                                 ',
      expect.stringMatching(
        /^LISTEN 0 {6}4096 {7}127\.0\.0\.1:3000 {6}0\.0\.0\.0:\* {4}users:\(\("docker-proxy",pid=\d+,fd=7\)\) ?$/,
      ),
      expect.stringMatching(
        /^LISTEN 0 {6}4096 {9}0\.0\.0\.0:8080 {6}0\.0\.0\.0:\* {4}users:\(\("docker-proxy",pid=\d+,fd=7\)\)$/,
      ),
      expect.stringMatching(
        /^LISTEN 0 {6}4096 {12}\[::\]:8080 {9}\[::\]:\* {4}users:\(\("docker-proxy",pid=\d+,fd=7\)\)$/,
      ),
    ]);
    // the two families are two docker-proxy processes
    const pids = lines(5)
      .slice(2)
      .map((l) => /pid=(\d+)/.exec(l)![1]);
    expect(new Set(pids).size).toBe(2);
  });

  it('-tu adds the Netid column; no UDP is published here', () => {
    expect(lines(6)).toEqual([
      'Netid State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess',
      'tcp   LISTEN 0      4096       127.0.0.1:3000      0.0.0.0:*          ',
      'tcp   LISTEN 0      4096         0.0.0.0:8080      0.0.0.0:*          ',
      'tcp   LISTEN 0      4096            [::]:8080         [::]:*          ',
    ]);
  });

  it('the Docker host (Debian) has no net-tools: netstat is not found', () => {
    expect(r[7].output).toBe('bash: netstat: command not found');
    expect(r[7].exitCode).toBe(127);
  });

  it('a container on a user-defined network holds Docker’s resolver on 127.0.0.11, whose process it cannot see', () => {
    expect(lines(8)).toEqual([
      'State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess',
      expect.stringMatching(/^LISTEN 0 {6}4096 {6}127\.0\.0\.11:\d{5} {6}0\.0\.0\.0:\* {10}$/),
    ]);
    expect(lines(9)).toEqual([
      'Active Internet connections (only servers)',
      'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    ',
      expect.stringMatching(/^tcp {8}0 {6}0 127\.0\.0\.11:\d{5} {8}0\.0\.0\.0:\* {15}LISTEN {6}- {19}$/),
      expect.stringMatching(/^udp {8}0 {6}0 127\.0\.0\.11:\d{5} {8}0\.0\.0\.0:\* {27}- {19}$/),
    ]);
  });

  it('in nginx’s namespace: 0.0.0.0:80 and [::]:80 (listen 80; listen [::]:80;), backlog 511; PIDs only from the host', () => {
    expect(lines(10)).toEqual([
      'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess',
      'LISTEN 0      511          0.0.0.0:80        0.0.0.0:*          ',
      'LISTEN 0      511             [::]:80           [::]:*          ',
    ]);
    expect(lines(11)[1]).toMatch(
      /^LISTEN 0 {6}511 {10}0\.0\.0\.0:80 {8}0\.0\.0\.0:\* {4}users:\(\("nginx",pid=\d+,fd=6\)\)$/,
    );
  });

  it('node listens dual-stack on *:3000; redis on both families, shown by netstat as tcp and tcp6', () => {
    expect(lines(12)).toEqual([
      'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess',
      'LISTEN 0      511                *:3000            *:*          ',
    ]);
    expect(lines(13)).toEqual([
      'Active Internet connections (only servers)',
      'Proto Recv-Q Send-Q Local Address           Foreign Address         State      ',
      'tcp        0      0 0.0.0.0:6379            0.0.0.0:*               LISTEN     ',
      'tcp        0      0 127.0.0.11:' + lines(13)[3].slice(31, 36) + '        0.0.0.0:*               LISTEN     ',
      'tcp6       0      0 :::6379                 :::*                    LISTEN     ',
    ]);
  });

  it('options ss has but the simulation does not are named; unknown ones are refused; without -l only the header (no connection is open between commands)', () => {
    expect(r[14].output).toBe('whalewire: ss -x is not simulated here; try ss -tulnp');
    expect(r[15].output.split('\n')[0]).toBe("ss: invalid option -- 'y'");
    expect(r[15].exitCode).toBe(1);
    expect(r[16].output).toBe('State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess');
  });
});
