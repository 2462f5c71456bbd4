import { describe, expect, it } from 'vitest';
import { actions, keys, run, setup } from './helpers';

const twoNets = [
  'docker network create --subnet 10.0.0.0/24 net-a',
  'docker network create --subnet 10.0.1.0/24 net-b',
  'docker run -d --network net-a --name ca devwikirepo/pingbuntu',
  'docker run -d --network net-b --name cb devwikirepo/pingbuntu',
];

describe('isolation', () => {
  it('containers on different bridges cannot talk: DOCKER-ISOLATION drops at the host', () => {
    const r = run(setup(twoNets), 'docker exec ca ping -c 1 -W 1 10.0.1.2');
    expect(r.output).toBe(
      [
        'PING 10.0.1.2 (10.0.1.2) 56(84) bytes of data.',
        '',
        '--- 10.0.1.2 ping statistics ---',
        '1 packets transmitted, 0 received, 100% packet loss, time 0ms',
        '',
      ].join('\n'),
    );
    expect(r.exitCode).toBe(1);
    const drop = r.trace!.steps.find((s) => s.action === 'drop')!;
    expect(drop.explain.key).toBe('drop.isolated');
    expect(drop.at).toEqual({ node: 'docker-host' });
    expect(actions(r.trace).indexOf('route')).toBeLessThan(actions(r.trace).indexOf('drop'));
  });

  it('a container connected to both networks reaches both', () => {
    const s = setup([
      ...twoNets,
      'docker run -d --network net-a --name both devwikirepo/pingbuntu',
      'docker network connect net-b both',
    ]);
    expect(run(s, 'docker exec both ping -c 1 ca').output).toContain('1 received');
    expect(run(s, 'docker exec both ping -c 1 cb').output).toContain('1 received');
  });

  it('an --internal network has no default route: Network is unreachable', () => {
    const s = setup([
      'docker network create --internal closed',
      'docker run -d --network closed --name locked devwikirepo/pingbuntu',
    ]);
    const r = run(s, 'docker exec locked ping -c 1 8.8.8.8');
    expect(r.output).toBe('ping: connect: Network is unreachable');
    expect(r.exitCode).toBe(2);
  });

  it('the Linux docker host reaches every container IP directly (no NAT)', () => {
    const s = setup([...twoNets, 'docker run -d --name web nginx']);
    const r = run(s, 'curl -s http://172.17.0.2/');
    expect(r.output).toContain('<h1>Welcome to nginx!</h1>');
    expect(actions(r.trace)).not.toContain('dnat');
    expect(actions(r.trace)).not.toContain('snat');
    expect(run(s, 'ping -c 1 10.0.1.2').output).toMatch(/64 bytes from 10\.0\.1\.2: icmp_seq=1 ttl=64/);
    const ct = run(run(s, 'curl -s http://172.17.0.2/').session, 'conntrack -L');
    expect(ct.output).toMatch(
      /tcp {6}6 118 TIME_WAIT src=172\.17\.0\.1 dst=172\.17\.0\.2 sport=\d+ dport=80 src=172\.17\.0\.2 dst=172\.17\.0\.1 sport=80 dport=\d+ \[ASSURED\]/,
    );
  });

  it('--network none has only loopback', () => {
    const s = setup(['docker run -d --network none --name alone nicolaka/netshoot sleep infinity']);
    expect(run(s, 'docker exec alone ping -c 1 172.17.0.1').output).toBe('ping: connect: Network is unreachable');
    expect(run(s, 'docker exec alone ping -c 1 127.0.0.1').output).toContain(
      '64 bytes from 127.0.0.1: icmp_seq=1 ttl=64',
    );
    expect(keys(run(s, 'docker exec alone ping -c 1 google.com').trace)).toContain('drop.name-unresolvable');
  });
});
