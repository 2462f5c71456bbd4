import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { ulaBase } from '../../../src/sim/ipam6';
import { findContainer, findNetwork } from '../../../src/sim/lookup';
import { linkLocal6 } from '../../../src/sim/net/addr6';
import { createDefaultWorld } from '../../../src/sim/world';

/** Runs `lines` from the default world; the outputs of the lines after the first `setup` ones. */
function run(setup: string[], lines: string[]) {
  const r = runScript(createDefaultWorld(), [...setup, ...lines].join('\n'));
  return { world: r.session.world, out: r.results.slice(setup.length).map((x) => x.output) };
}

const base = ulaBase('docker-host').replace('::/48', '');

describe('addr6.linkLocal6: addrconf_ifid_eui48', () => {
  it('EUI-64 flips the universal/local bit; a dev_id replaces ff:fe and leaves the bit alone', () => {
    expect(linkLocal6('02:42:ac:12:00:02')).toBe('fe80::42:acff:fe12:2');
    // the ipvlan example of Docker's ipvlan guide: 00:50:56:2b:29:40, the parent's first link
    expect(linkLocal6('00:50:56:2b:29:40', 1)).toBe('fe80::50:5600:12b:2940');
    expect(linkLocal6('00:50:56:2b:29:40', 0x102)).toBe('fe80::50:5601:22b:2940');
  });
});

describe('IPv6 on macvlan (macvlan_joinleave.go: SetGatewayIPv6 from the v6 subnet)', () => {
  const setup = [
    'docker network create -d macvlan --ipv6 --subnet 192.168.0.0/24 --gateway 192.168.0.1 --subnet 2001:db8:1::/64 --gateway 2001:db8:1::1 -o parent=eth0 mv6',
    'docker run -dit --name web --network mv6 alpine',
  ];

  it('the container: its address nodad, its EUI-64 link-local, the default via the v6 gateway', () => {
    const { world, out } = run(setup, ['docker exec web ip -6 addr show eth0', 'docker exec web ip -6 route']);
    const mac = findContainer(world, 'web')!.endpoints[0].mac!;
    expect(out[0].split('\n').slice(2)).toEqual([
      '    inet6 2001:db8:1::2/64 scope global nodad ',
      '       valid_lft forever preferred_lft forever',
      `    inet6 ${linkLocal6(mac)}/64 scope link `,
      '       valid_lft forever preferred_lft forever',
    ]);
    expect(out[1].split('\n')).toEqual([
      '::1 dev lo proto kernel metric 256 pref medium',
      '2001:db8:1::/64 dev eth0 proto kernel metric 256 pref medium',
      'fe80::/64 dev eth0 proto kernel metric 256 pref medium',
      'default via 2001:db8:1::1 dev eth0 metric 1024 pref medium',
    ]);
  });

  it('inspect: EnableIPv6, both IPAM configs, the endpoint’s IPv6 and gateway', () => {
    const { out } = run(setup, [
      "docker network inspect mv6 --format '{{.EnableIPv6}} {{json .IPAM.Config}}'",
      "docker inspect web --format '{{range .NetworkSettings.Networks}}{{.GlobalIPv6Address}}/{{.GlobalIPv6PrefixLen}} {{.IPv6Gateway}}{{end}}'",
      "docker network inspect mv6 --format '{{range .Containers}}{{.IPv6Address}}{{end}}'",
    ]);
    expect(out).toEqual([
      'true [{"Subnet":"192.168.0.0/24","Gateway":"192.168.0.1"},{"Subnet":"2001:db8:1::/64","Gateway":"2001:db8:1::1"}]',
      '2001:db8:1::2/64 2001:db8:1::1',
      '2001:db8:1::2/64',
    ]);
  });

  it('without a parent the network is internal to the driver: no IPv6 default route', () => {
    const { out } = run(
      ['docker network create -d macvlan --ipv6 lonely', 'docker run -dit --name solo --network lonely alpine'],
      ['docker exec solo ip -6 route'],
    );
    expect(out[0].split('\n')).toEqual([
      '::1 dev lo proto kernel metric 256 pref medium',
      `${base}::/64 dev eth0 proto kernel metric 256 pref medium`,
      'fe80::/64 dev eth0 proto kernel metric 256 pref medium',
    ]);
  });
});

describe('IPv6 on ipvlan (GetSkipGwAlloc: no gateway in l3; Join: a static ::/0 through the link)', () => {
  const setup = [
    'docker network create -d ipvlan --ipv6 -o parent=eth0 -o ipvlan_mode=l3 --subnet 10.9.0.0/24 iv6',
    'docker run -dit --name one --network iv6 alpine',
    'docker run -dit --name two --network iv6 alpine',
  ];

  it('l3: an auto ULA /64 without gateway, the first address ::1 (only the subnet-router anycast is held back)', () => {
    const { world, out } = run(setup, [
      "docker network inspect iv6 --format '{{json .IPAM.Config}}'",
      "docker inspect two --format '{{range .NetworkSettings.Networks}}{{.GlobalIPv6Address}} [{{.IPv6Gateway}}]{{end}}'",
    ]);
    expect(out[0]).toBe(`[{"Subnet":"10.9.0.0/24"},{"Subnet":"${base}::/64"}]`);
    expect(out[1]).toBe(`${base}::2 []`);
    expect(findContainer(world, 'one')!.endpoints[0].ip6).toBe(`${base}::1`);
  });

  it('l3: default dev eth0; each link’s link-local carries its dev_id in place of ff:fe', () => {
    const { world, out } = run(setup, [
      'docker exec one ip -6 addr show eth0',
      'docker exec two ip -6 addr show eth0',
      'docker exec two ip -6 route',
    ]);
    const parentMac = world.machines['docker-host'].ifaces.find((f) => f.name === 'eth0')!.mac;
    expect(findContainer(world, 'two')!.endpoints[0].mac).toBe(parentMac);
    expect(out[0]).toContain(`    inet6 ${linkLocal6(parentMac, 1)}/64 scope link `);
    expect(out[1]).toContain(`    inet6 ${linkLocal6(parentMac, 2)}/64 scope link `);
    expect(out[2].split('\n')).toEqual([
      '::1 dev lo proto kernel metric 256 pref medium',
      `${base}::/64 dev eth0 proto kernel metric 256 pref medium`,
      'fe80::/64 dev eth0 proto kernel metric 256 pref medium',
      'default dev eth0 metric 1024 pref medium',
    ]);
  });

  it('dev_id: a link that is gone still counted (the port’s dev_id_start); with the last link gone, 1 again', () => {
    const { world, out } = run(setup, [
      'docker stop one',
      'docker run -dit --name three --network iv6 alpine',
      'docker exec three ip -6 addr show eth0',
      'docker stop two three',
      'docker start one',
      'docker exec one ip -6 addr show eth0',
    ]);
    const parentMac = world.machines['docker-host'].ifaces.find((f) => f.name === 'eth0')!.mac;
    // one had 1, two 2; three is the port's third link though only two is up beside it
    expect(out[2]).toContain(`    inet6 ${linkLocal6(parentMac, 3)}/64 scope link `);
    expect(out[5]).toContain(`    inet6 ${linkLocal6(parentMac, 1)}/64 scope link `);
    expect(findContainer(world, 'one')!.endpoints[0].devId).toBe(1);
    // a save from before dev_ids were kept: the rank among the running links, as before
    const old = JSON.parse(JSON.stringify(run(setup, []).world));
    for (const c of Object.values(old.containers) as { endpoints: { devId?: number }[] }[])
      for (const e of c.endpoints) delete e.devId;
    const r = runScript(old, 'docker exec two ip -6 addr show eth0');
    expect(r.results[0].output).toContain(`    inet6 ${linkLocal6(parentMac, 2)}/64 scope link `);
  });

  it('l2 with a v6 subnet: the gateway is the lowest address past the anycast, the default via it', () => {
    const { out } = run(
      [
        'docker network create -d ipvlan --ipv6 -o parent=eth0 --subnet 10.8.0.0/24 --subnet fd00:8::/64 il2',
        'docker run -dit --name l2c --network il2 alpine',
      ],
      ['docker exec l2c ip -6 route', "docker network inspect il2 --format '{{json .IPAM.Config}}'"],
    );
    expect(out[0].split('\n').at(-1)).toBe('default via fd00:8::1 dev eth0 metric 1024 pref medium');
    expect(out[1]).toBe(
      '[{"Subnet":"10.8.0.0/24","Gateway":"10.8.0.1"},{"Subnet":"fd00:8::/64","Gateway":"fd00:8::1"}]',
    );
  });
});

describe('selectGatewayEndpoint (default_gateway.go): the first dual-stack endpoint serves both families', () => {
  it('a dual-stack network sorts before an IPv4-only one of a smaller name, for the IPv4 default too', () => {
    const { world, out } = run(
      [
        'docker network create aaa',
        'docker network create --ipv6 --subnet fd00:7::/64 zzz',
        'docker run -dit --name multi --network aaa alpine',
        'docker network connect zzz multi',
      ],
      ['docker exec multi ip route', 'docker exec multi ip -6 route'],
    );
    const zzz = findNetwork(world, 'zzz')!;
    const ep = findContainer(world, 'multi')!.endpoints.find((e) => e.networkId === zzz.id)!;
    expect(out[0].split('\n')[0]).toBe(`default via ${zzz.ipam!.gateway} dev ${ep.ifname} `);
    expect(out[1].split('\n').at(-1)).toBe(`default via fd00:7::1 dev ${ep.ifname} metric 1024 pref medium`);
  });

  it('even a higher --gw-priority on an IPv4-only network loses to the dual-stack one (the FIXME there)', () => {
    const { world, out } = run(
      [
        'docker network create aaa',
        'docker network create --ipv6 --subnet fd00:7::/64 zzz',
        'docker run -dit --name multi --network zzz alpine',
        'docker network connect --gw-priority 5 aaa multi',
      ],
      ['docker exec multi ip route', 'docker exec multi ip -6 route'],
    );
    const zzz = findNetwork(world, 'zzz')!;
    expect(out[0].split('\n')[0]).toBe(`default via ${zzz.ipam!.gateway} dev eth0 `);
    expect(out[1].split('\n').at(-1)).toBe('default via fd00:7::1 dev eth0 metric 1024 pref medium');
  });
});
