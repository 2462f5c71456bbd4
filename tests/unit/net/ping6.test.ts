import { describe, expect, it } from 'vitest';
import { runText } from '../../../src/cli/sim';
import { formatExplain } from '../../../src/i18n/trace';
import { DEFAULT_SEED } from '../../../src/sim/world';
import { keys, run, setup } from './helpers';

/** Two containers on one IPv6 bridge (busybox c1 = fd00::2, iputils c2 = fd00::3). */
const SETUP = [
  'docker network create --ipv6 --subnet fd00::/64 v6net',
  'docker run -d --name c1 --network v6net alpine sleep 1000',
  'docker run -d --name c2 --network v6net nicolaka/netshoot sleep 1000',
];

/** The time fields vary with jitter; everything else is exact. */
const timeless = (out: string) => out.replace(/time=[\d.]+ ms/g, 'time=T ms').replace(/= [\d./]+ ms/g, '= R ms');

describe('ping -6 between two containers on one IPv6 bridge (issue 13)', () => {
  it('busybox prints its IPv6 lines (PING x (addr): 56 data bytes, seq from 0)', () => {
    const s = setup(SETUP);
    const r = run(s, 'docker exec c1 ping -6 -c 2 c2');
    expect(r.exitCode).toBe(0);
    expect(timeless(r.output)).toBe(
      [
        'PING c2 (fd00::3): 56 data bytes',
        '64 bytes from fd00::3: seq=0 ttl=64 time=T ms',
        '64 bytes from fd00::3: seq=1 ttl=64 time=T ms',
        '',
        '--- c2 ping statistics ---',
        '2 packets transmitted, 2 packets received, 0% packet loss',
        'round-trip min/avg/max = R ms',
      ].join('\n'),
    );
  });

  it('iputils prints PING addr(addr) 56 data bytes for an IPv6 literal; ping6 is busybox’s applet', () => {
    const s = setup(SETUP);
    const r = run(s, 'docker exec c2 ping -c 1 fd00::2');
    expect(timeless(r.output)).toBe(
      [
        'PING fd00::2(fd00::2) 56 data bytes',
        '64 bytes from fd00::2: icmp_seq=1 ttl=64 time=T ms',
        '',
        '--- fd00::2 ping statistics ---',
        '1 packets transmitted, 1 received, 0% packet loss, time 0ms',
        'rtt min/avg/max/mdev = R ms',
      ].join('\n'),
    );
    const r6 = run(s, 'docker exec c1 ping6 -c 1 fd00::3');
    expect(r6.output.split('\n')[0]).toBe('PING fd00::3 (fd00::3): 56 data bytes');
    expect(r6.exitCode).toBe(0);
  });

  it('iputils names the peer by its reverse name for a name', () => {
    const s = setup(SETUP);
    const r = run(s, 'docker exec c2 ping -6 -c 1 c1');
    expect(
      r.output
        .split('\n')
        .slice(0, 2)
        .map((l) => l.replace(/time=[\d.]+/, 'time=T')),
    ).toEqual([
      'PING c1(c1.v6net (fd00::2)) 56 data bytes',
      '64 bytes from c1.v6net (fd00::2): icmp_seq=1 ttl=64 time=T ms',
    ]);
  });

  it('the trace: AAAA question, neighbour solicitation flooded, advertisement, echo and reply', () => {
    const s = setup(SETUP);
    const r = run(s, 'docker exec c1 ping -6 -c 1 c2');
    const k = keys(r.trace);
    expect(k.slice(0, 3)).toEqual(['dns.embedded-query6', 'dns.embedded-answer', 'ip.send']);
    const i = k.indexOf('ndp.solicit');
    // the bridge knows both MACs from the containers' unsolicited ARPs at start (garp.ts)
    expect(k.slice(i, i + 9)).toEqual([
      'ndp.solicit',
      'wire.transmit',
      'bridge.flood-multicast',
      'wire.receive',
      'ndp.advert',
      'wire.transmit',
      'bridge.forward-known',
      'wire.receive',
      'ndp.learn',
    ]);
    expect(k).toContain('ndp.learn');
    const ns = r.trace!.steps[i];
    expect(ns.frame.ip).toEqual({ src: 'fd00::2', dst: 'ff02::1:ff00:3', ttl: 255, proto: 'icmp' });
    expect(ns.frame.eth?.dst).toBe('33:33:ff:00:00:03');
    expect(ns.frame.eth?.type).toBe('IPv6');
    expect(formatExplain('en', ns.explain)).toBe(
      'IPv6 has no ARP: fd00::2 sends a neighbour solicitation (ICMPv6) asking who has fd00::3, to fd00::3’s solicited-node multicast group ff02::1:ff00:3, not to everyone.',
    );
    expect(formatExplain('ko', ns.explain)).toContain('ff02::1:ff00:3');
    // the second ping finds the neighbour cached: no solicitation, said once
    const again = keys(run(r.session, 'docker exec c1 ping -6 -c 1 c2').trace);
    expect(again).not.toContain('ndp.solicit');
    expect(again).toContain('ndp.hit');
  });

  it('ip -6 neigh shows what was learnt (REACHABLE on the asker, STALE then DELAY on the target); ip -4 neigh does not', () => {
    let s = setup(SETUP);
    s = run(s, 'docker exec c1 ping -6 -c 1 c2').session;
    const mac2 =
      s.world.containers[Object.keys(s.world.containers).find((id) => s.world.containers[id].name === 'c2')!]
        .endpoints[0].mac;
    const mac1 =
      s.world.containers[Object.keys(s.world.containers).find((id) => s.world.containers[id].name === 'c1')!]
        .endpoints[0].mac;
    expect(run(s, 'docker exec c1 ip -6 neigh').output).toBe(`fd00::3 dev eth0 lladdr ${mac2} REACHABLE `);
    expect(run(s, 'docker exec c2 ip -6 neigh').output).toBe(`fd00::2 dev eth0 lladdr ${mac1} DELAY `);
    expect(run(s, 'docker exec c1 ip -4 neigh').output).toBe('');
    expect(run(s, 'docker exec c1 ip neigh').output).toBe(`fd00::3 dev eth0 lladdr ${mac2} REACHABLE `);
    // 30 s on, unconfirmed: STALE, as ARP entries age
    s = run(s, 'sleep 31').session;
    expect(run(s, 'docker exec c1 ip -6 neigh').output).toBe(`fd00::3 dev eth0 lladdr ${mac2} STALE `);
  });

  it('nobody holds the address: the solicitation goes unanswered (iputils: Address unreachable, busybox: silence)', () => {
    const s = setup(SETUP);
    const r = run(s, 'docker exec c2 ping -6 -c 1 fd00::9');
    expect(r.exitCode).toBe(1);
    expect(r.output).toBe(
      [
        'PING fd00::9(fd00::9) 56 data bytes',
        'From fd00::3 icmp_seq=1 Destination unreachable: Address unreachable',
        '',
        '--- fd00::9 ping statistics ---',
        '1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms',
        '',
      ].join('\n'),
    );
    expect(keys(r.trace)).toContain('drop.ndp-unanswered');
    expect(run(s, 'docker exec c1 ping -6 -c 1 fd00::9').output).toBe(
      [
        'PING fd00::9 (fd00::9): 56 data bytes',
        '',
        '--- fd00::9 ping statistics ---',
        '1 packets transmitted, 0 packets received, 100% packet loss',
      ].join('\n'),
    );
  });

  it('a name without an IPv6 address: each flavour’s getaddrinfo failure', () => {
    const s = setup([
      ...SETUP,
      'docker network create v4net',
      'docker network connect v4net c1',
      'docker network connect v4net c2',
    ]);
    // c2 is on v6net too, so it has an AAAA; the default bridge's names are not served
    expect(run(s, 'docker exec c1 ping -6 -c 1 nosuch').output).toBe("ping: bad address 'nosuch'");
    expect(run(s, 'docker exec c2 ping -6 -c 1 nosuch').output).toBe('ping: nosuch: Name does not resolve');
  });

  it('tcpdump prints neighbour discovery and ICMPv6 echo as tcpdump 4.99 does', () => {
    const out = runText([...SETUP, 'docker exec c2 tcpdump -n &', 'docker exec c1 ping -6 -c 1 c2', ''].join('\n'), {
      json: false,
      seed: DEFAULT_SEED,
    });
    const dumped = out
      .split('\n')
      .filter((l) => /^\d\d:\d\d:\d\d\.\d{6} /.test(l))
      .map((l) => l.slice(16).replace(/id \d+/, 'id N'));
    expect(dumped).toEqual([
      'IP6 fd00::2 > ff02::1:ff00:3: ICMP6, neighbor solicitation, who has fd00::3, length 32',
      'IP6 fd00::3 > fd00::2: ICMP6, neighbor advertisement, tgt is fd00::3, length 32',
      'IP6 fd00::2 > fd00::3: ICMP6, echo request, id N, seq 1, length 64',
      'IP6 fd00::3 > fd00::2: ICMP6, echo reply, id N, seq 1, length 64',
    ]);
  });

  it('conntrack -L lists IPv4 flows only; -f ipv6 lists the bridged ICMPv6 echo', () => {
    let s = setup(SETUP);
    s = run(s, 'docker exec c1 ping -6 -c 1 fd00::3').session;
    expect(run(s, 'conntrack -L').output).toBe('conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.');
    const v6 = run(s, 'conntrack -L -f ipv6').output.split('\n');
    expect(v6[0]).toBe('conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.');
    expect(v6[1]).toMatch(
      /^icmpv6 {3}58 \d+ src=fd00::2 dst=fd00::3 type=128 code=0 id=(\d+) src=fd00::3 dst=fd00::2 type=129 code=0 id=\1 mark=0 use=1$/,
    );
  });
});
