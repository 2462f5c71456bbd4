import { describe, expect, it } from 'vitest';
import { createSession, runLine, type Session } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const setup = (lines: string[]): Session =>
  lines.reduce((s, l) => runLine(s, l).session, createSession(createDefaultWorld()));

describe('busybox route and arp', () => {
  const s = setup([
    'docker network create n1',
    'docker run -d --name bb --network n1 busybox sleep 1000',
    'docker run -d --name peer --network n1 busybox sleep 1000',
    'docker exec bb ping -c 1 peer',
  ]);

  it('route -n: net-tools columns, the default route as 0.0.0.0 with flags UG', () => {
    expect(runLine(s, 'docker exec bb route -n').output).toBe(
      [
        'Kernel IP routing table',
        'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface',
        '0.0.0.0         172.18.0.1      0.0.0.0         UG    0      0        0 eth0',
        '172.18.0.0      0.0.0.0         255.255.0.0     U     0      0        0 eth0',
      ].join('\n'),
    );
    expect(runLine(s, 'docker exec bb route').output.split('\n')[2]).toBe(
      'default         172.18.0.1      0.0.0.0         UG    0      0        0 eth0',
    );
  });

  it('arp -a names the neighbour through Docker’s DNS; -n does not', () => {
    const mac = runLine(s, 'docker exec bb ip neigh').output.split(' ')[4];
    expect(runLine(s, 'docker exec bb arp -a').output).toBe(`peer.n1 (172.18.0.3) at ${mac} [ether]  on eth0`);
    expect(runLine(s, 'docker exec bb arp -n').output).toBe(`? (172.18.0.3) at ${mac} [ether]  on eth0`);
  });
});
