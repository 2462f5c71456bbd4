import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { World } from '../../../src/sim/model';
import { runShell } from '../../../src/sim/shell';
import type { Where } from '../../../src/sim/where';
import { A_ID, labWorld } from './labWorld';

const host: Where = { kind: 'machine', id: 'docker-host' };
const run = (w: World, where: Where, line: string) => runShell(w, line.split(' '), where, line);

describe('brctl, bridge fdb, conntrack (shared/lab/real-outputs.txt)', () => {
  const w = labWorld();

  it('brctl show: tab layout, bridges by name, ports below each other', () => {
    expect(run(w, host, 'brctl show').output).toBe(
      [
        'bridge name\tbridge id\t\tSTP enabled\tinterfaces',
        'br-5173498c2a7a\t\t8000.6e619cb52c17\tno\t\tveth5d6e7f8',
        '\t\t\t\t\t\t\tveth9a0b1c2',
        'docker0\t\t8000.02453f4ba828\tno\t\tveth1a2b3c4',
      ].join('\n'),
    );
  });

  it('brctl show BRIDGE shows that bridge only', () => {
    expect(run(w, host, 'brctl show docker0').output).toBe(
      'bridge name\tbridge id\t\tSTP enabled\tinterfaces\ndocker0\t\t8000.02453f4ba828\tno\t\tveth1a2b3c4',
    );
  });

  it('bridge fdb show br BR: self entries, learned entries, port entries', () => {
    expect(run(w, host, 'bridge fdb show br br-5173498c2a7a').output).toBe(
      [
        '33:33:00:00:00:01 dev br-5173498c2a7a self permanent',
        '01:00:5e:00:00:6a dev br-5173498c2a7a self permanent',
        '33:33:00:00:00:6a dev br-5173498c2a7a self permanent',
        '01:00:5e:00:00:01 dev br-5173498c2a7a self permanent',
        '33:33:ff:b5:2c:17 dev br-5173498c2a7a self permanent',
        '22:33:d8:71:f6:3d dev veth5d6e7f8 master br-5173498c2a7a ',
        'f2:b0:7b:94:ab:4b dev veth5d6e7f8 master br-5173498c2a7a permanent',
        '33:33:00:00:00:01 dev veth5d6e7f8 self permanent',
        '01:00:5e:00:00:01 dev veth5d6e7f8 self permanent',
        '33:33:ff:94:ab:4b dev veth5d6e7f8 self permanent',
        'c2:10:31:8e:62:3d dev veth9a0b1c2 master br-5173498c2a7a ',
        '6e:61:9c:b5:2c:17 dev veth9a0b1c2 master br-5173498c2a7a permanent',
        '33:33:00:00:00:01 dev veth9a0b1c2 self permanent',
        '01:00:5e:00:00:01 dev veth9a0b1c2 self permanent',
        '33:33:ff:b5:2c:17 dev veth9a0b1c2 self permanent',
      ].join('\n'),
    );
  });

  it('bridge fdb show dev PORT: that port only, learned entry first', () => {
    expect(run(w, host, 'bridge fdb show dev veth9a0b1c2').output).toBe(
      [
        'c2:10:31:8e:62:3d dev veth9a0b1c2 master br-5173498c2a7a ',
        '6e:61:9c:b5:2c:17 dev veth9a0b1c2 master br-5173498c2a7a permanent',
        '33:33:00:00:00:01 dev veth9a0b1c2 self permanent',
        '01:00:5e:00:00:01 dev veth9a0b1c2 self permanent',
        '33:33:ff:b5:2c:17 dev veth9a0b1c2 self permanent',
      ].join('\n'),
    );
    expect(run(w, host, 'bridge fdb show dev vethnope')).toMatchObject({
      output: 'Cannot find device "vethnope"',
      exitCode: 1,
    });
  });

  it('bridge fdb show br of a missing bridge', () => {
    expect(run(w, host, 'bridge fdb show br br-nope')).toMatchObject({
      output: 'Cannot find device "br-nope"',
      exitCode: 1,
    });
  });

  it('conntrack -L: summary line, then original and reply tuples (lab)', () => {
    expect(run(w, host, 'conntrack -L').output).toBe(
      [
        'conntrack v1.4.7 (conntrack-tools): 2 flow entries have been shown.',
        'tcp      6 119 TIME_WAIT src=192.168.0.20 dst=192.168.0.10 sport=52444 dport=8001 src=172.17.0.2 dst=192.168.0.20 sport=80 dport=52444 [ASSURED] mark=0 use=1',
        'icmp     1 26 src=10.0.0.2 dst=10.0.0.3 type=8 code=0 id=11904 src=10.0.0.3 dst=10.0.0.2 type=0 code=0 id=11904 mark=0 use=1',
      ].join('\n'),
    );
  });

  it('conntrack in a container namespace shows its own, empty table', () => {
    expect(run(w, { kind: 'container', id: A_ID }, 'conntrack -L').output).toBe(
      'conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.',
    );
  });

  it('a udp flow', () => {
    const u = produce(w, (d) => {
      d.machines['docker-host'].conntrack = [
        {
          proto: 'udp',
          orig: { src: '172.17.0.2', dst: '192.168.0.1', sport: 40000, dport: 53 },
          reply: { src: '192.168.0.1', dst: '192.168.0.10', sport: 53, dport: 40000 },
          state: '',
          timeout: 29,
          assured: false,
        },
      ];
    });
    expect(run(u, host, 'conntrack -L').output.split('\n')[1]).toBe(
      'udp      17 29 src=172.17.0.2 dst=192.168.0.1 sport=40000 dport=53 src=192.168.0.1 dst=192.168.0.10 sport=53 dport=40000 mark=0 use=1',
    );
  });
});

describe('conntrack filters, count and flush', () => {
  const w = labWorld();
  const host: Where = { kind: 'machine', id: 'docker-host' };

  it('-p and -s keep the matching entries; -C counts them', () => {
    const tcp = run(w, host, 'conntrack -L -p tcp').output.split('\n');
    expect(tcp[0]).toBe('conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.');
    expect(tcp.slice(1).every((l) => l.startsWith('tcp '))).toBe(true);
    expect(run(w, host, 'conntrack -C').output).toBe('2');
    expect(run(w, host, 'conntrack -C -s 10.0.0.2').output).toBe('1');
  });

  it('-F empties the table (the World changes), an unknown option is refused', () => {
    const r = run(w, host, 'conntrack -F');
    expect(r.output).toBe('conntrack v1.4.7 (conntrack-tools): connection tracking table has been emptied.');
    expect(run(r.world, host, 'conntrack -C').output).toBe('0');
    expect(run(w, host, 'conntrack -L -x')).toMatchObject({
      output:
        "conntrack v1.4.7 (conntrack-tools): unknown option `-x'\nTry `conntrack -h' or 'conntrack --help' for more information.",
      exitCode: 2,
    });
  });
});
