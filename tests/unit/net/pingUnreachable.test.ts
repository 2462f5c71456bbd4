import { describe, expect, it } from 'vitest';
import { run, setup } from './helpers';

/** iputils ping to an address nobody answers ARP for: the kernel reports it 3 s after each probe. */
describe('ping: Destination Host Unreachable', () => {
  const s = setup([]);

  it('-c 1 waits long enough (default -W 10) to see the error', () => {
    expect(run(s, 'ping -c 1 172.17.0.9').output).toBe(
      [
        'PING 172.17.0.9 (172.17.0.9) 56(84) bytes of data.',
        'From 172.17.0.1 icmp_seq=1 Destination Host Unreachable',
        '',
        '--- 172.17.0.9 ping statistics ---',
        '1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms',
        '',
      ].join('\n'),
    );
  });

  it('-c 1 -W 1 gives up before the kernel reports anything', () => {
    const r = run(s, 'ping -c 1 -W 1 172.17.0.9');
    expect(r.output).toBe(
      [
        'PING 172.17.0.9 (172.17.0.9) 56(84) bytes of data.',
        '',
        '--- 172.17.0.9 ping statistics ---',
        '1 packets transmitted, 0 received, 100% packet loss, time 0ms',
        '',
      ].join('\n'),
    );
    expect(r.exitCode).toBe(1);
    expect(
      r.trace?.steps.some((x) => x.explain.key === 'drop.host-unreachable' || x.explain.key === 'drop.arp-unanswered'),
    ).toBe(true);
  });

  it('several probes queue behind the failing ARP: pipe N', () => {
    const out = run(s, 'ping -c 4 172.17.0.9').output.split('\n');
    expect(out.filter((l) => l.endsWith('Destination Host Unreachable'))).toHaveLength(4);
    expect(out.slice(-2)).toEqual([
      '4 packets transmitted, 0 received, +4 errors, 100% packet loss, time 3006ms',
      'pipe 4',
    ]);
    const short = run(s, 'ping -c 3 -W 1 172.17.0.9').output.split('\n');
    expect(short.filter((l) => l.startsWith('From '))).toEqual([
      'From 172.17.0.1 icmp_seq=1 Destination Host Unreachable',
    ]);
    expect(short.slice(-2)).toEqual([
      '3 packets transmitted, 0 received, +1 errors, 100% packet loss, time 2004ms',
      'pipe 3',
    ]);
  });
});

describe('ping -w DEADLINE', () => {
  it('sends one probe a second until the deadline, and -w caps -c', () => {
    const s = setup([]);
    expect(run(s, 'ping -w 2 192.168.0.1').output).toContain(
      '2 packets transmitted, 2 received, 0% packet loss, time 1002ms',
    );
    expect(run(s, 'ping -w 1 -c 3 192.168.0.1').output).toContain('1 packets transmitted, 1 received');
  });
});

describe('ping to a broadcast address', () => {
  it('iputils asks for -b; busybox sends and nobody answers', () => {
    const s = setup(['docker run -d --name bb busybox sleep 100']);
    expect(run(s, 'ping -c 1 172.17.255.255')).toMatchObject({
      output: 'ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules',
      exitCode: 2,
    });
    expect(run(s, 'ping -c 1 255.255.255.255').exitCode).toBe(2);
    expect(run(s, 'docker exec bb ping -c 1 -W 1 172.17.255.255').output).toContain(
      '1 packets transmitted, 0 packets received, 100% packet loss',
    );
  });
});
