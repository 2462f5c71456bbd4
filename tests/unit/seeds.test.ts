import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runText } from '../../src/cli/sim';
import { type LineResult, runScript } from '../../src/sim/console';
import { createDefaultWorld } from '../../src/sim/world';

/**
 * The seed walkthroughs' docker parts (issue 2 "Done when"), replayed through the runner's core.
 * Ids and MACs vary with the seed, so these assert shapes plus Docker's own addresses and messages.
 */
const dir = join(__dirname, '..', 'fixtures', 'seeds');

function replay(file: string, seed = 28): Map<string, LineResult[]> {
  const { lines, results } = runScript(createDefaultWorld(seed), readFileSync(join(dir, file), 'utf8'));
  const byLine = new Map<string, LineResult[]>();
  lines.forEach((l, i) => {
    byLine.set(l, [...(byLine.get(l) ?? []), results[i]]);
  });
  return byLine;
}
const one = (m: Map<string, LineResult[]>, line: string) => {
  const r = m.get(line)?.[0];
  if (!r) throw new Error(`no line ${line}`);
  return r;
};
const ID64 = /^[0-9a-f]{64}$/;

describe('seed 003: port forwarding', () => {
  const m = replay('003-port-forwarding.txt');

  it('run -d prints the 64-hex id', () => {
    expect(one(m, 'docker run -d --name nginx nginx').output).toMatch(ID64);
    expect(one(m, 'docker run -d -p 8001:80 --name nginx2 nginx').output).toMatch(ID64);
  });

  it('nginx without -p sits on the default bridge at 172.17.0.2 and publishes nothing', () => {
    const inspect = JSON.parse(one(m, 'docker container inspect nginx').output);
    const bridge = inspect[0].NetworkSettings.Networks.bridge;
    expect(bridge).toMatchObject({ Gateway: '172.17.0.1', IPAddress: '172.17.0.2', IPPrefixLen: 16, DNSNames: null });
    expect(bridge.MacAddress).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
  });

  it('the yellow app gets an id, then the bind error, and stays Created', () => {
    const r = one(m, 'docker run -d -p 8003:3000 --name yellowColorApp --env COLOR=yellow devwikirepo/envnodecolorapp');
    const [id, err] = r.output.split('\n');
    expect(id).toMatch(ID64);
    expect(err).toMatch(
      /^docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint yellowColorApp \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8003 failed: port is already allocated$/,
    );
    expect(r.exitCode).not.toBe(0);
    const yellow = one(m, 'docker ps -a')
      .output.split('\n')
      .find((l) => l.endsWith('yellowColorApp'));
    expect(yellow).toMatch(/\sCreated\s/);
  });

  it('the nat table holds one DNAT per bound port, none for the yellow app', () => {
    const nat = one(m, 'iptables -t nat -S').output.split('\n');
    expect(nat).toContain('-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE');
    expect(nat).toContain('-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8001 -j DNAT --to-destination 172.17.0.3:80');
    expect(nat).toContain('-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8004 -j DNAT --to-destination 172.17.0.6:3030');
    expect(nat.filter((l) => l.includes('--dport 8003'))).toHaveLength(1);
  });

  it('rm -f echoes every name', () => {
    expect(one(m, 'docker rm -f nginx nginx2 redColorApp blueColorApp yellowColorApp greenColorApp').output).toBe(
      'nginx\nnginx2\nredColorApp\nblueColorApp\nyellowColorApp\ngreenColorApp',
    );
  });
});

describe('seed 004: second-bridge and the embedded DNS', () => {
  const m = replay('004-dns.txt');

  it('network create prints the id and network ls lists second-bridge', () => {
    expect(one(m, 'docker network create --driver bridge --subnet 10.0.0.0/24 second-bridge').output).toMatch(ID64);
    const ls = one(m, 'docker network ls').output.split('\n');
    expect(ls[0]).toBe('NETWORK ID     NAME            DRIVER    SCOPE');
    expect(ls.slice(1).map((l) => l.split(/\s+/).slice(1))).toEqual([
      ['bridge', 'bridge', 'local'],
      ['host', 'host', 'local'],
      ['none', 'null', 'local'],
      ['second-bridge', 'bridge', 'local'],
    ]);
  });

  it('run -it enters containerA: its resolv.conf points at 127.0.0.11', () => {
    const r = one(m, 'cat /etc/resolv.conf');
    expect(r.output).toContain('\nnameserver 127.0.0.11\noptions ndots:0\n');
    expect(r.output).toContain('# ExtServers: [host(192.168.0.1)]');
    const { results, session } = runScript(
      createDefaultWorld(),
      'docker network create --subnet 10.0.0.0/24 second-bridge\ndocker run -it --network second-bridge --name containerA devwikirepo/pingbuntu bin/bash\n',
    );
    expect(results[1].output).toBe('');
    expect(session.stack.at(-1)?.kind).toBe('container');
  });

  it('before containerB exists the name does not resolve (glibc wording)', () => {
    expect(one(m, 'ping -c 1 containerB').output).toBe('ping: containerB: Name or service not known');
  });

  it('containerB gets 10.0.0.3 with DNSNames [name, short id]', () => {
    const b = JSON.parse(one(m, '@docker-host docker inspect containerB').output)[0];
    const ep = b.NetworkSettings.Networks['second-bridge'];
    expect(ep).toMatchObject({ Gateway: '10.0.0.1', IPAddress: '10.0.0.3', IPPrefixLen: 24 });
    expect(ep.DNSNames).toEqual(['containerB', b.Id.slice(0, 12)]);
  });

  it('pingbuntu has no ip tool; exit leaves the container', () => {
    expect(one(m, 'ip route').output).toBe('bash: ip: command not found');
    expect(one(m, 'exit').output).toBe('exit');
  });

  it('clean-up in the seed order works', () => {
    expect(one(m, 'docker rm -f containerA').output).toBe('containerA');
    expect(one(m, 'docker network rm second-bridge')).toMatchObject({ output: 'second-bridge', exitCode: 0 });
  });
});

describe('seed 002: networks at start', () => {
  const m = replay('002-networks.txt');

  it('bridge, host and none', () => {
    const names = one(m, 'docker network ls')
      .output.split('\n')
      .slice(1)
      .map((l) => l.split(/\s+/).slice(1).join(' '));
    expect(names).toEqual(['bridge bridge local', 'host host local', 'none null local']);
  });

  it('the default bridge is 172.17.0.0/16 on docker0, linkdown until a container joins', () => {
    const inspect = JSON.parse(one(m, 'docker network inspect bridge').output);
    expect(inspect[0].IPAM.Config).toEqual([{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }]);
    expect(one(m, 'ip route').output).toContain(
      '172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown ',
    );
    const [before, after] = m.get('brctl show docker0') ?? [];
    expect(before.output.split('\n')[1]).toMatch(/^docker0\t\t8000\.[0-9a-f]{12}\tno\t\t$/);
    expect(after.output.split('\n')[1]).toMatch(/^docker0\t\t8000\.[0-9a-f]{12}\tno\t\tveth[0-9a-f]{7}$/);
  });

  it('container run -p 8081:80 adds its DNAT', () => {
    expect(one(m, 'iptables -t nat -S').output).toContain(
      '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8081 -j DNAT --to-destination 172.17.0.2:80',
    );
  });
});

describe('replays are deterministic', () => {
  it.each(['002-networks.txt', '003-port-forwarding.txt', '004-dns.txt'])('%s', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(runText(text, { json: false, seed: 5 })).toBe(runText(text, { json: false, seed: 5 }));
  });
});
