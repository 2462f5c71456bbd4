import { describe, expect, it } from 'vitest';
import { formatExplain } from '../../../src/i18n/trace';
import { findContainer } from '../../../src/sim/lookup';
import { keys, run, setup } from './helpers';

/**
 * Routed IPv6 (issue 13): the gateway, another IPv6 network on the host (isolated by ip6tables'
 * DOCKER-ISOLATION chains), and the ip6tables rules the engine evaluates, as moby v28.5.2
 * programs them (iptabler network.go configure for iptables.IPv6; golden files *__ip6tables.golden).
 */

const SETUP = [
  'docker network create --ipv6 --subnet fd00::/64 v6net',
  'docker network create --ipv6 --subnet fd00:1::/64 other',
  'docker run -d --name web --network v6net -p 8080:80 nginx',
  'docker run -d --name c3 --network other nicolaka/netshoot sleep 1000',
];

describe('routed IPv6', () => {
  it('the gateway answers; its advertisement has the router flag, which ip -6 neigh shows', () => {
    let s = setup(SETUP);
    const r = run(s, 'docker exec c3 ping -6 -c 1 fd00:1::1');
    expect(r.output.split('\n')[1]).toMatch(/^64 bytes from fd00:1::1: icmp_seq=1 ttl=64 time=[\d.]+ ms$/);
    s = r.session;
    const net = Object.values(s.world.networks).find((n) => n.name === 'other')!;
    expect(run(s, 'docker exec c3 ip -6 neigh').output).toBe(
      `fd00:1::1 dev eth0 lladdr ${net.bridgeMac} router REACHABLE `,
    );
    const na = r.trace!.steps.find((x) => x.explain.key === 'ndp.advert')!;
    expect(na.frame.nd).toEqual({ target: 'fd00:1::1', lladdr: net.bridgeMac, router: true });
  });

  it('a container on another IPv6 network: routed by the host, dropped in ip6tables DOCKER-ISOLATION-STAGE-2', () => {
    const s = setup(SETUP);
    const r = run(s, 'docker exec c3 ping -6 -c 1 fd00::2');
    expect(r.exitCode).toBe(1);
    expect(r.output).toBe(
      [
        'PING fd00::2(fd00::2) 56 data bytes',
        '',
        '--- fd00::2 ping statistics ---',
        '1 packets transmitted, 0 received, 100% packet loss, time 0ms',
        '',
      ].join('\n'),
    );
    const k = keys(r.trace);
    expect(k.slice(-2)).toEqual(['ip.route', 'drop.isolated6']);
    const drop = r.trace!.steps.at(-1)!;
    expect(formatExplain('en', drop.explain)).toBe(
      'Dropped in ip6tables’ DOCKER-ISOLATION-STAGE-2 (FORWARD → DOCKER-FORWARD → DOCKER-ISOLATION-STAGE-1 → STAGE-2): Docker isolates IPv6 networks with the same chains as IPv4, so docker-host does not forward between two different Docker networks.',
    );
    expect(formatExplain('ko', drop.explain)).toContain('ip6tables의 DOCKER-ISOLATION-STAGE-2');
  });

  it('enable_icc=false drops IPv6 between two containers of the network, in ip6tables', () => {
    const s = setup([
      'docker network create --ipv6 --subnet fd00:9::/64 -o com.docker.network.bridge.enable_icc=false quiet',
      'docker run -d --name q1 --network quiet alpine sleep 1000',
      'docker run -d --name q2 --network quiet alpine sleep 1000',
    ]);
    const r = run(s, 'docker exec q1 ping -6 -c 1 q2');
    expect(r.exitCode).toBe(1);
    expect(keys(r.trace)).toContain('drop.icc6');
  });

  it('ip6tables -S and -t nat -S print the rules for the IPv6 side of each network (MASQUERADE for ULA too)', () => {
    const s = setup(SETUP);
    const v6 = Object.values(s.world.networks).find((n) => n.name === 'v6net')!.bridge!;
    const ot = Object.values(s.world.networks).find((n) => n.name === 'other')!.bridge!;
    expect(run(s, 'ip6tables -t nat -S').output).toBe(
      [
        '-P PREROUTING ACCEPT',
        '-P INPUT ACCEPT',
        '-P OUTPUT ACCEPT',
        '-P POSTROUTING ACCEPT',
        '-N DOCKER',
        '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
        '-A OUTPUT ! -d ::1/128 -m addrtype --dst-type LOCAL -j DOCKER',
        `-A POSTROUTING -s fd00:1::/64 ! -o ${ot} -j MASQUERADE`,
        `-A POSTROUTING -s fd00::/64 ! -o ${v6} -j MASQUERADE`,
        `-A DOCKER -i ${ot} -j RETURN`,
        `-A DOCKER -i ${v6} -j RETURN`,
        `-A DOCKER ! -s fe80::/10 ! -i ${v6} -p tcp -m tcp --dport 8080 -j DNAT --to-destination [fd00::2]:80`,
      ].join('\n'),
    );
    const filter = run(s, 'ip6tables -S').output.split('\n');
    expect(filter).toContain(`-A DOCKER -d fd00::2/128 ! -i ${v6} -o ${v6} -p tcp -m tcp --dport 80 -j ACCEPT`);
    expect(filter).toContain(`-A DOCKER-ISOLATION-STAGE-1 -i ${ot} ! -o ${ot} -j DOCKER-ISOLATION-STAGE-2`);
    expect(filter).toContain(`-A DOCKER-ISOLATION-STAGE-2 -o ${v6} -j DROP`);
    expect(run(s, 'ip6tables -t raw -S').output.split('\n')).toContain(
      `-A PREROUTING -d fd00::2/128 ! -i ${v6} -j DROP`,
    );
    // the IPv4 rules are unchanged, and an IPv4-only network has no IPv6 rules
    expect(run(s, 'iptables -t nat -S').output).toContain('--to-destination 172.18.0.2:80');
    expect(run(s, 'ip6tables -t nat -S').output).not.toContain('docker0');
  });

  it('ip6tables -L -n: ::/0 for any address, no fragment column', () => {
    const s = setup(SETUP);
    const out = run(s, 'ip6tables -t nat -L POSTROUTING -n').output;
    expect(out.split('\n')[2]).toBe(`MASQUERADE  all      fd00:1::/64          ::/0                `);
    expect(findContainer(s.world, 'c3')).toBeTruthy();
  });
});
