import { describe, expect, it } from 'vitest';
import { formatExplain } from '../../../src/i18n/trace';
import { actions, run, setup } from './helpers';

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

  it('-b: iputils warns, sends to ff:ff:ff:ff:ff:ff without ARP, every machine ignores it (icmp_echo_ignore_broadcasts)', () => {
    const s = setup([]);
    const r = run(s, 'ping -c 2 -b 192.168.0.255');
    expect(r.exitCode).toBe(1);
    expect(r.output.split('\n')).toEqual([
      'WARNING: pinging broadcast address',
      'PING 192.168.0.255 (192.168.0.255) 56(84) bytes of data.',
      '',
      '--- 192.168.0.255 ping statistics ---',
      '2 packets transmitted, 0 received, 100% packet loss, time 1002ms',
      '',
    ]);
    // no "Destination Host Unreachable": nobody is ARPed for a broadcast address
    expect(actions(r.trace)).toEqual(['send', 'transmit', 'flood', 'drop', 'send', 'transmit', 'flood', 'drop']);
    const flood = r.trace!.steps[2];
    expect(flood.frame.eth?.dst).toBe('ff:ff:ff:ff:ff:ff');
    expect(flood.frame.ip?.dst).toBe('192.168.0.255');
    const drop = r.trace!.steps[3];
    expect(drop.at).toEqual({ node: 'seg:lan' });
    expect(formatExplain('en', drop.explain)).toBe(
      'Nobody answers the ping to the broadcast address 192.168.0.255: docker-host sends it without ARP to ff:ff:ff:ff:ff:ff, every machine on the link gets it, and Linux ignores pings to a broadcast address (net.ipv4.icmp_echo_ignore_broadcasts = 1).',
    );
    expect(formatExplain('ko', drop.explain)).toBe(
      '브로드캐스트 주소 192.168.0.255로 보낸 ping에 아무도 응답하지 않습니다: docker-host는 ARP 없이 ff:ff:ff:ff:ff:ff로 보내고 링크의 모든 머신이 받지만, 리눅스는 브로드캐스트 주소로 온 ping을 무시합니다(net.ipv4.icmp_echo_ignore_broadcasts = 1).',
    );
    // the ARP cache learned nothing
    expect(r.session.world.machines['docker-host'].arp).toEqual(s.world.machines['docker-host'].arp);
  });

  it('-b 255.255.255.255 stays on the link of the default route; the router does not forward it', () => {
    const r = run(setup([]), 'ping -c 1 -b 255.255.255.255');
    expect(r.output.split('\n').slice(0, 2)).toEqual([
      'WARNING: pinging broadcast address',
      'PING 255.255.255.255 (255.255.255.255) 56(84) bytes of data.',
    ]);
    expect(actions(r.trace)).toEqual(['send', 'transmit', 'flood', 'drop']);
  });

  it('in a container the bridge floods the broadcast echo to every port; busybox needs no -b and prints no warning', () => {
    const s = setup([
      'docker run -d --name bb busybox sleep 100',
      'docker run -d --name ns nicolaka/netshoot sleep 100',
    ]);
    const ns = run(s, 'docker exec ns ping -c 1 -b 172.17.255.255');
    expect(ns.output.split('\n')[0]).toBe('WARNING: pinging broadcast address');
    // the bridge knows ns's MAC from its unsolicited ARPs at start: nothing to learn
    expect(actions(ns.trace)).toEqual(['send', 'transmit', 'flood', 'drop']);
    const bb = run(s, 'docker exec bb ping -c 1 172.17.255.255');
    expect(bb.output.split('\n')[0]).toBe('PING 172.17.255.255 (172.17.255.255): 56 data bytes');
    expect(actions(bb.trace)).not.toContain('arp-request');
  });
});
