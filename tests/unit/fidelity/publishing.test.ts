import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n'));
const help = "\n\nRun 'docker run --help' for more information";

// moby v28.5.2 libnetwork/drivers/bridge/port_mapping_linux.go:622-626 (bindTCPOrUDP),
// internal/iptabler/port.go:172 (filterPortMappedOnLoopback), docker-facts 10 and 37
describe('publishing: what the host can bind, and the rules Docker writes for it', () => {
  it('a host IP the host does not have: bind() fails with EADDRNOTAVAIL, the container stays Created', () => {
    const s = play([
      'docker run -d --name web -p 10.9.9.9:8080:80 nginx',
      'docker run -d --name rng -p 10.9.9.9:8000-8002:80 nginx',
      "docker ps -a --format '{{.Names}} {{.Status}}'",
      'docker run -d --name ok -p 192.168.0.10:8080:80 -p 172.17.0.1:8081:80 nginx',
    ]);
    const r = s.results;
    const w = s.session.world;
    const id = (name: string) => Object.values(w.containers).find((c) => c.name === name)!.id;
    const ep = (line: string) => /endpoint \w+ \(([0-9a-f]{64})\)/.exec(line)?.[1];
    expect(r[0].output).toBe(
      `${id('web')}\ndocker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint web (${ep(r[0].output)}): failed to bind host port for 10.9.9.9:8080:172.17.0.2:80/tcp: cannot assign requested address${help}`,
    );
    expect(r[0].exitCode).toBe(125);
    expect(r[1].output).toContain(
      'failed to bind host port 8000 for 10.9.9.9:8000-8002:172.17.0.2:80/tcp: cannot assign requested address',
    );
    expect(r[2].output).toBe('rng Created\nweb Created');
    // the host's own LAN address and docker0's gateway are the host's
    expect(r[3].exitCode).toBe(0);
  });

  it('-p 127.0.0.1:PORT adds the raw-table DROP for packets not from lo, after the endpoint rule', () => {
    const r = play([
      'docker run -d --name web -p 127.0.0.1:8081:80 nginx',
      'docker run -d --name api -p 8082:80 nginx',
      'iptables -t raw -S',
    ]).results;
    expect(r[2].output).toBe(
      [
        '-P PREROUTING ACCEPT',
        '-P OUTPUT ACCEPT',
        '-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP',
        '-A PREROUTING -d 127.0.0.1/32 ! -i lo -p tcp -m tcp --dport 8081 -j DROP',
        '-A PREROUTING -d 172.17.0.3/32 ! -i docker0 -j DROP',
      ].join('\n'),
    );
  });

  it('host networking: a second nginx cannot bind 80 and exits (1), its log says why', () => {
    const r = play([
      'docker run -d --name h1 --network host nginx',
      'docker run -d --name h2 --network host nginx',
      "docker ps -a --format '{{.Names}} {{.Status}}'",
      'docker logs h2',
    ]).results;
    expect(r[2].output).toBe('h2 Exited (1) 1 second ago\nh1 Up 2 seconds');
    const log = r[3].output.split('\n');
    expect(log[8]).toBe('/docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(log.slice(9, 14)).toEqual([
      '2026/01/01 00:00:01 [emerg] 1#1: bind() to 0.0.0.0:80 failed (98: Address already in use)',
      'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)',
      '2026/01/01 00:00:01 [emerg] 1#1: bind() to [::]:80 failed (98: Address already in use)',
      'nginx: [emerg] bind() to [::]:80 failed (98: Address already in use)',
      '2026/01/01 00:00:01 [notice] 1#1: try again to bind() after 500ms',
    ]);
    expect(log.filter((l) => l.includes('try again'))).toHaveLength(5);
    expect(log.slice(-2)).toEqual([
      '2026/01/01 00:00:03 [emerg] 1#1: still could not bind()',
      'nginx: [emerg] still could not bind()',
    ]);
  });

  it('-p 80:80 while a host-mode nginx holds 80: the v28 bind error (fact 10); a published 80 stops a host-mode nginx too', () => {
    const s = play([
      'docker run -d --name h1 --network host nginx',
      'docker run -d --name web -p 80:80 nginx',
      'docker rm -f h1',
      'docker start web',
      'docker run --name h2 --network host nginx',
    ]);
    const r = s.results;
    expect(r[1].output).toContain(
      'failed to bind host port for 0.0.0.0:80:172.17.0.2:80/tcp: address already in use\n\nRun',
    );
    expect(r[3].output).toBe('web');
    expect(r[4].exitCode).toBe(1);
    expect(r[4].output.split('\n').at(-1)).toBe('nginx: [emerg] still could not bind()');
  });
});
