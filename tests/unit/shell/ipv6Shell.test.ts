import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { findContainer, findNetwork } from '../../../src/sim/lookup';
import { linkLocal6 } from '../../../src/sim/net/addr6';
import { createDefaultWorld } from '../../../src/sim/world';

/** One IPv6 network with two containers (alpine: busybox; netshoot: bind9's dig/nslookup), then `lines`. */
function run(lines: string[]) {
  const setup = [
    'docker network create --ipv6 --subnet fd00:1::/64 v6',
    'docker run -dit --name web --network v6 alpine',
    'docker run -dit --name cli --network v6 nicolaka/netshoot',
    'docker run -dit --name plain alpine',
  ];
  const r = runScript(createDefaultWorld(), [...setup, ...lines].join('\n'));
  const world = r.session.world;
  return { world, out: r.results.slice(setup.length).map((x) => x.output) };
}

describe('addresses and routes of an IPv6 network (osl setInterfaceIPv6, bridge programIPv6Addresses)', () => {
  it('the container: its address with nodad, then the kernel’s EUI-64 link-local; ip -6 route with the default via ::1', () => {
    const { world, out } = run([
      'docker exec web ip -6 addr',
      'docker exec web ip -6 route',
      'docker exec web ip -4 addr',
    ]);
    const web = findContainer(world, 'web')!;
    const mac = web.endpoints[0].mac!;
    expect(linkLocal6('02:42:ac:12:00:02')).toBe('fe80::42:acff:fe12:2');
    expect(out[0]).toContain(
      [
        '    inet6 fd00:1::2/64 scope global nodad ',
        '       valid_lft forever preferred_lft forever',
        `    inet6 ${linkLocal6(mac)}/64 scope link `,
      ].join('\n'),
    );
    // -6 lists only links with an IPv6 address, and no IPv4 line
    expect(out[0]).not.toContain('inet 172.18.0.2');
    expect(out[1].split('\n')).toEqual([
      '::1 dev lo proto kernel metric 256 pref medium',
      'fd00:1::/64 dev eth0 proto kernel metric 256 pref medium',
      'fe80::/64 dev eth0 proto kernel metric 256 pref medium',
      'default via fd00:1::1 dev eth0 metric 1024 pref medium',
    ]);
    expect(out[2]).toContain('inet 172.18.0.2/16');
    expect(out[2]).not.toContain('inet6');
  });

  it('a container on an IPv4-only network has IPv6 off on its interface: no inet6 but lo’s', () => {
    const { out } = run(['docker exec plain ip -6 addr', 'docker exec plain ip -6 route']);
    expect(out[0]).not.toContain('eth0');
    expect(out[1]).toBe('::1 dev lo proto kernel metric 256 pref medium');
  });

  it('the host: the bridge holds the gateway (nodad) and its link-local; an empty IPv6 bridge is linkdown', () => {
    const { world, out } = run([
      'docker network create --ipv6 --subnet fd00:9::/64 empty6',
      'ip -6 addr',
      'ip -6 route',
    ]);
    const br = findNetwork(world, 'v6')!;
    expect(out[1]).toContain(
      [
        `    inet6 fd00:1::1/64 scope global nodad `,
        '       valid_lft forever preferred_lft forever',
        `    inet6 ${linkLocal6(br.bridgeMac!)}/64 scope link `,
      ].join('\n'),
    );
    const routes = out[2].split('\n');
    expect(routes).toContain(`fd00:1::/64 dev ${br.bridge} proto kernel metric 256 pref medium`);
    expect(routes).toContain(
      `fd00:9::/64 dev ${findNetwork(world, 'empty6')!.bridge} proto kernel metric 256 linkdown pref medium`,
    );
    // docker0 (IPv4 only) has IPv6 disabled: no address, no fe80::/64 route
    expect(out[2]).not.toContain('dev docker0');
    expect(routes[0]).toBe('::1 dev lo proto kernel metric 256 pref medium');
  });
});

describe('names over IPv6 (resolver.go handleIPQuery, sandbox_dns_unix.go makeHostsRecs)', () => {
  it('dig AAAA answers with the container’s IPv6 address, TTL 600; A still its IPv4', () => {
    const { out } = run([
      'docker exec cli dig AAAA web +short',
      'docker exec cli dig web AAAA',
      'docker exec cli dig web +short',
    ]);
    expect(out[0]).toBe('fd00:1::2');
    expect(out[1]).toContain('web.\t\t\t600\tIN\tAAAA\tfd00:1::2');
    expect(out[1]).toContain('ANSWER: 1,');
    expect(out[2]).toBe('172.18.0.2');
  });

  it('a container without IPv6 has no AAAA: an empty NOERROR', () => {
    const { out } = run(['docker network connect v6 plain', 'docker exec cli dig AAAA plain +short']);
    // plain joined later: it got an address of the IPv6 subnet too
    expect(out[1]).toBe('fd00:1::4');
    const none = runScript(
      createDefaultWorld(),
      [
        'docker network create v4',
        'docker run -dit --name a1 --network v4 alpine',
        'docker run -dit --name b1 --network v4 nicolaka/netshoot',
        'docker exec b1 dig AAAA a1 +short',
      ].join('\n'),
    ).results.at(-1)!.output;
    expect(none).toBe('');
  });

  it('nslookup: bind9 lists the AAAA after the A; busybox prints a second answer block', () => {
    const { out } = run(['docker exec cli nslookup web', 'docker exec web nslookup cli']);
    expect(out[0]).toContain('Name:\tweb\nAddress: 172.18.0.2\nName:\tweb\nAddress: fd00:1::2');
    expect(out[1]).toContain('Address: 172.18.0.3\n\nNon-authoritative answer:\nName:\tcli\nAddress: fd00:1::3');
    expect(out[1]).not.toContain('No answer');
  });

  it('/etc/hosts has the container’s IPv6 record after its IPv4 one', () => {
    const { world, out } = run(['docker exec web cat /etc/hosts']);
    const id = findContainer(world, 'web')!.hostname;
    expect(out[0].split('\n').slice(-2)).toEqual([`172.18.0.2\t${id}`, `fd00:1::2\t${id}`]);
  });
});

describe('IPv6 packets', () => {
  it.each([
    ['docker exec web wget -q -O- http://[fd00:1::3]/', 'wget fd00:1::3'],
    ['docker exec cli traceroute fd00:1::2', 'traceroute fd00:1::2'],
  ])('%s says in one line that IPv6 packets are not traced, and sends nothing', (line, what) => {
    const { world, out } = run([line]);
    const before = run([]).world;
    expect(out[0]).toBe(
      `whalewire: IPv6 packets are not traced yet (${what}); nothing was sent. IPv6 addresses, routes and DNS are shown (ip -6 addr, ip -6 route, dig AAAA) and ping and curl are traced over IPv6; send over IPv4 to trace.`,
    );
    expect(findContainer(world, 'cli')!.arp).toEqual(findContainer(before, 'cli')!.arp);
  });

  it.each([
    ['docker exec cli ping -6 -c 1 web', 'PING web(web.v6 (fd00:1::2)) 56 data bytes'],
    ['docker exec cli ping -c 1 fd00:1::2', 'PING fd00:1::2(fd00:1::2) 56 data bytes'],
  ])('%s is ICMPv6 echo through the engine (tests/unit/net/ping6.test.ts has the details)', (line, first) => {
    const { out } = run([line]);
    expect(out[0].split('\n')[0]).toBe(first);
    expect(out[0]).toContain('1 packets transmitted, 1 received, 0% packet loss');
  });

  it('IPv4 still traces: ping by name over the same network', () => {
    const { out } = run(['docker exec cli ping -c 1 web']);
    expect(out[0]).toContain('1 packets transmitted, 1 received');
  });
});
