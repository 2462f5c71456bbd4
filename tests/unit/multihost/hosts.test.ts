import { describe, expect, test } from 'vitest';
import { parseArgs, runText } from '../../../src/cli/sim';
import { worldProblem } from '../../../src/io/worldSchema';
import { addDockerHost, createDefaultWorld, nextDockerHost } from '../../../src/sim/world';
import { hostsWorld, run, setupOn } from './helpers';

describe('addDockerHost', () => {
  test('adds docker-host-2 at 192.168.0.11 with a daemon of its own: docker0 172.17.0.1/16, bridge, host, none', () => {
    const w = hostsWorld(2);
    const m = w.machines['docker-host-2'];
    expect(m.kind).toBe('docker-host');
    expect(m.ifaces.find((f) => f.name === 'eth0')?.addrs).toEqual([{ ip: '192.168.0.11', prefix: 24 }]);
    expect(m.tools).toContain('docker');
    expect(Object.keys(w.daemons)).toEqual(['docker-host', 'docker-host-2']);
    const nets = Object.values(w.networks).filter((n) => n.daemon === 'docker-host-2');
    expect(nets.map((n) => [n.name, n.driver, n.bridge, n.ipam?.subnet, n.ipam?.gateway])).toEqual([
      ['bridge', 'bridge', 'docker0', '172.17.0.0/16', '172.17.0.1'],
      ['host', 'host', null, undefined, undefined],
      ['none', 'null', null, undefined, undefined],
    ]);
    // the new host sits right after the other Docker hosts in display order
    expect(Object.keys(w.machines).slice(0, 3)).toEqual(['docker-host', 'docker-host-2', 'pc1']);
    expect(worldProblem(JSON.parse(JSON.stringify(w)))).toBeNull();
  });

  test('numbers hosts 2, 3 … at .11, .12 …; never touches the default World', () => {
    const before = JSON.stringify(createDefaultWorld());
    const w = hostsWorld(4);
    expect(JSON.stringify(createDefaultWorld())).toBe(before);
    expect(['docker-host-2', 'docker-host-3', 'docker-host-4'].map((h) => w.machines[h].ifaces[1].addrs[0].ip)).toEqual(
      ['192.168.0.11', '192.168.0.12', '192.168.0.13'],
    );
    expect(nextDockerHost(w)).toEqual({ id: 'docker-host-5', ip: '192.168.0.14' });
  });

  test.each([
    ['a taken id', 'pc1', undefined, 'a machine named pc1 already exists'],
    [
      'a taken address',
      'docker-host-7',
      '192.168.0.20',
      '192.168.0.20 is not a free address on the LAN (192.168.0.0/24)',
    ],
    [
      'an address off the LAN',
      'docker-host-7',
      '10.0.0.5',
      '10.0.0.5 is not a free address on the LAN (192.168.0.0/24)',
    ],
    ['a bad name', 'Bad Host', '192.168.0.50', '"Bad Host" is not a valid host name'],
  ])('refuses %s and changes nothing', (_, id, ip, error) => {
    const w = createDefaultWorld();
    expect(addDockerHost(w, id, ip)).toEqual({ ok: false, error });
  });
});

describe('each daemon sees its own containers and networks', () => {
  const s = setupOn(hostsWorld(2), [
    'docker run -d --name web -p 8080:80 -P nginx',
    '@docker-host-2 docker run -d --name web -p 8080:80 -P nginx',
    '@docker-host-2 docker network create app',
  ]);

  test('the same name and the same host port on two hosts do not clash; ports and addresses repeat', () => {
    const ps = (on: string) => run(s, `${on}docker ps --format '{{.Names}} {{.Ports}}'`).output;
    expect(ps('')).toBe('web 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
    expect(ps('@docker-host-2 ')).toBe('web 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
    const ip = (on: string) => run(s, `${on}docker inspect web --format '{{.NetworkSettings.IPAddress}}'`).output;
    expect([ip(''), ip('@docker-host-2 ')]).toEqual(['172.17.0.2', '172.17.0.2']);
  });

  test('network ls, IPAM pools and iptables are per daemon', () => {
    expect(run(s, 'docker network ls --format "{{.Name}}"').output).toBe('bridge\nhost\nnone');
    expect(run(s, '@docker-host-2 docker network ls --format "{{.Name}}"').output).toBe('app\nbridge\nhost\nnone');
    // host 1 has no user network, so its first one takes 172.18.0.0/16 as host 2's did
    const r = run(s, 'docker network create other');
    expect(run(r.session, 'docker network inspect other --format "{{(index .IPAM.Config 0).Subnet}}"').output).toBe(
      '172.18.0.0/16',
    );
    const nat = run(s, '@docker-host-2 iptables -t nat -S').output;
    expect(nat).toContain('-A POSTROUTING -s 172.18.0.0/16 ! -o br-');
    expect(run(s, 'iptables -t nat -S').output).not.toContain('172.18.0.0/16');
  });

  test('rm on one host leaves the namesake on the other', () => {
    const r = run(s, '@docker-host-2 docker rm -f web');
    expect(r.output).toBe('web');
    expect(run(r.session, 'docker ps --format "{{.Names}}"').output).toBe('web');
    expect(run(r.session, '@docker-host-2 docker ps -a --format "{{.Names}}"').output).toBe('');
    expect(run(r.session, '@docker-host-2 docker network inspect app --format "{{.Name}}"').output).toBe('app');
  });

  test('an unknown container on this host is not found even if another host has it', () => {
    const r = run(s, '@docker-host-2 docker network create solo');
    const t = run(r.session, 'docker network rm solo');
    expect(t.output).toBe('Error response from daemon: network solo not found');
    expect(t.exitCode).toBe(1);
  });

  test('images are per daemon', () => {
    const r = run(s, '@docker-host-2 docker pull redis');
    expect(run(r.session, 'docker images --format "{{.Repository}}"').output).toBe('nginx');
    expect(run(r.session, '@docker-host-2 docker images --format "{{.Repository}}"').output).toBe('redis\nnginx');
  });

  test('ephemeral ports count per daemon', () => {
    const port = (on: string) => run(s, `${on}docker port web 80/tcp`).output.split('\n');
    expect(port('')).toContain('0.0.0.0:8080');
    expect(run(s, 'docker ps --format "{{.Ports}}"').output).toBe(
      run(s, '@docker-host-2 docker ps --format "{{.Ports}}"').output.replace(/^/, ''),
    );
  });

  test('a container in host mode on host 2 takes host 2’s name and stack', () => {
    const r = run(s, '@docker-host-2 docker run -d --name h2 --network host nginx');
    const c = Object.values(r.session.world.containers).find((x) => x.name === 'h2')!;
    expect(c.hostname).toBe('docker-host-2');
    expect(run(r.session, '@pc1 curl -s -o /dev/null -w "%{http_code}" 192.168.0.11:80').output).toBe('200');
    expect(run(r.session, '@pc1 curl -s 192.168.0.10:80').exitCode).not.toBe(0);
  });
});

describe('npm run sim -- --hosts N', () => {
  test('starts with N hosts; one host is the default', () => {
    expect(parseArgs(['--hosts', '3', 'f.txt'])).toEqual({
      ok: true,
      file: 'f.txt',
      opts: { json: false, seed: 28, hosts: 3 },
    });
    expect(parseArgs(['f.txt'])).toEqual({ ok: true, file: 'f.txt', opts: { json: false, seed: 28 } });
    expect(parseArgs(['--hosts=0', 'f.txt'])).toEqual({
      ok: false,
      help: false,
      error: '--hosts needs a whole number from 1 to 10, got "0"',
    });
    const out = runText('@docker-host-3 hostname\n@docker-host-3 docker network ls -q | wc -l\n', {
      json: false,
      seed: 28,
      hosts: 3,
    });
    expect(out).toBe('$ @docker-host-3 hostname\ndocker-host-3\n$ @docker-host-3 docker network ls -q | wc -l\n3\n');
  });

  test('with one host the output is the same as without the flag', () => {
    const text = 'docker run -d --name web -p 8080:80 nginx\n@pc1 curl -s 192.168.0.10:8080 | head -1\n';
    expect(runText(text, { json: true, seed: 28, hosts: 1 })).toBe(runText(text, { json: true, seed: 28 }));
  });
});
