import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { ulaBase } from '../../../src/sim/ipam6';
import { findContainer, findNetwork } from '../../../src/sim/lookup';
import { linkLocal6 } from '../../../src/sim/net/addr6';
import { netfilterOf } from '../../../src/sim/netfilter';
import { createDefaultWorld } from '../../../src/sim/world';

/** Runs `setup` then `lines` from the default world; the outputs and exit codes of `lines`. */
function run(setup: string[], lines: string[]) {
  const r = runScript(createDefaultWorld(), [...setup, ...lines].join('\n'));
  const rest = r.results.slice(setup.length);
  return { world: r.session.world, out: rest.map((x) => x.output), codes: rest.map((x) => x.exitCode) };
}

const base = ulaBase('docker-host').replace('::/48', '');
const SETUP = [
  'docker network create --ipv4=false --ipv6 v6only',
  'docker run -dit --name web --network v6only alpine',
  'docker run -dit --name cli --network v6only nicolaka/netshoot',
];

describe('network create --ipv4=false (daemon/network.go createNetwork, bridge CreateNetwork)', () => {
  it('with --ipv6: EnableIPv4 false, one IPv6 IPAM config from the ULA pool', () => {
    const { world, out } = run(
      ['docker network create --ipv4=false --ipv6 v6only'],
      [
        "docker network inspect v6only --format '{{.EnableIPv4}} {{.EnableIPv6}} {{json .IPAM.Config}}'",
        "docker network ls --filter name=v6only --format '{{.Name}} {{.IPv4}} {{.IPv6}}'",
      ],
    );
    expect(out[0]).toBe(`false true [{"Subnet":"${base}::/64","Gateway":"${base}::1"}]`);
    expect(out[1]).toBe('v6only false true');
    const n = findNetwork(world, 'v6only')!;
    expect([n.ipam, n.enableIPv4, n.enableIPv6]).toEqual([null, false, true]);
  });

  it('the refusals: neither family on a bridge; IPv4 off on an overlay; a driver-opt that is no bool', () => {
    const { out, codes } = run(
      ['docker swarm init --advertise-addr 192.168.0.10'],
      [
        'docker network create --ipv4=false nothing',
        'docker network create -d overlay --ipv4=false --ipv6 ov6',
        'docker network create -o com.docker.network.enable_ipv4=maybe --ipv6 bad',
      ],
    );
    expect(out).toEqual([
      'Error response from daemon: IPv4 or IPv6 must be enabled',
      'Error response from daemon: IPv4 cannot be disabled in a Swarm scoped network',
      'Error response from daemon: driver-opt "com.docker.network.enable_ipv4" is not a valid bool',
    ]);
    expect(codes).toEqual([1, 1, 1]);
  });

  it('-o com.docker.network.enable_ipv4=false works as --ipv4=false; without the flag the option stays in Options', () => {
    const { out } = run(
      ['docker network create -o com.docker.network.enable_ipv4=false --ipv6 --subnet fd00:5::/64 byopt'],
      ["docker network inspect byopt --format '{{.EnableIPv4}} {{json .Options}} {{json .IPAM.Config}}'"],
    );
    expect(out[0]).toBe(
      'false {"com.docker.network.enable_ipv4":"false"} [{"Subnet":"fd00:5::/64","Gateway":"fd00:5::1"}]',
    );
  });

  it('macvlan and ipvlan take --ipv4=false too, even without --ipv6: their endpoints then have no address', () => {
    const { world, out } = run(
      [
        'docker network create -d macvlan --ipv4=false -o parent=eth0 bare',
        'docker network create -d ipvlan --ipv4=false --ipv6 --subnet fd00:6::/64 -o parent=eth0 iv6',
        'docker run -dit --name m1 --network bare alpine',
        'docker run -dit --name i1 --network iv6 alpine',
      ],
      [
        "docker network inspect bare iv6 --format '{{.Name}} {{.EnableIPv4}} {{.EnableIPv6}} {{json .IPAM.Config}}'",
        'docker exec m1 ip addr show eth0',
        'docker exec i1 ip route',
        'docker exec i1 ip -6 route',
      ],
    );
    expect(out[0].split('\n')).toEqual([
      'bare false false null',
      'iv6 false true [{"Subnet":"fd00:6::/64","Gateway":"fd00:6::1"}]',
    ]);
    // an interface with neither family: its link lines only
    expect(out[1].split('\n')).toHaveLength(2);
    expect(out[1]).toMatch(/^\d+: eth0@if\d+: /);
    expect(out[2]).toBe('');
    expect(out[3].split('\n').at(-1)).toBe('default via fd00:6::1 dev eth0 metric 1024 pref medium');
    expect(findContainer(world, 'm1')!.endpoints[0].ip).toBeUndefined();
  });
});

describe('a container on an IPv6-only network', () => {
  it('ip addr: eth0 has only inet6 lines; ip route prints nothing, ip -6 route the v6 routes', () => {
    const { world, out } = run(SETUP, [
      'docker exec web ip addr show eth0',
      'docker exec web ip route',
      'docker exec web ip -6 route',
      'docker exec web ip -4 addr',
    ]);
    const mac = findContainer(world, 'web')!.endpoints[0].mac!;
    expect(out[0].split('\n').slice(2)).toEqual([
      `    inet6 ${base}::2/64 scope global nodad `,
      '       valid_lft forever preferred_lft forever',
      `    inet6 ${linkLocal6(mac)}/64 scope link `,
      '       valid_lft forever preferred_lft forever',
    ]);
    expect(out[1]).toBe('');
    expect(out[2].split('\n')).toEqual([
      '::1 dev lo proto kernel metric 256 pref medium',
      `${base}::/64 dev eth0 proto kernel metric 256 pref medium`,
      'fe80::/64 dev eth0 proto kernel metric 256 pref medium',
      `default via ${base}::1 dev eth0 metric 1024 pref medium`,
    ]);
    expect(out[3]).not.toContain('eth0');
  });

  it('docker inspect: IPAddress, Gateway and IPPrefixLen empty; the IPv6 fields set; network inspect likewise', () => {
    const { out } = run(SETUP, [
      "docker inspect web --format '{{range .NetworkSettings.Networks}}[{{.IPAddress}}] [{{.Gateway}}] {{.IPPrefixLen}} {{.GlobalIPv6Address}}/{{.GlobalIPv6PrefixLen}} {{.IPv6Gateway}}{{end}}'",
      "docker network inspect v6only --format '{{range .Containers}}[{{.IPv4Address}}] {{.IPv6Address}} {{end}}'",
    ]);
    expect(out[0]).toBe(`[] [] 0 ${base}::2/64 ${base}::1`);
    expect(out[1]).toBe(`[] ${base}::2/64 [] ${base}::3/64 `);
  });

  it('/etc/hosts: only the IPv6 record of its own name', () => {
    const { world, out } = run(SETUP, ['docker exec web cat /etc/hosts']);
    const id = findContainer(world, 'web')!.id.slice(0, 12);
    expect(out[0].split('\n').at(-1)).toBe(`${base}::2\t${id}`);
    expect(out[0]).not.toMatch(/^172\./m);
  });

  it('the embedded DNS serves it: resolv.conf names 127.0.0.11 (a user-defined network without IPv4 still counts)', () => {
    const { out } = run(SETUP, ['docker exec web cat /etc/resolv.conf']);
    expect(out[0]).toContain('nameserver 127.0.0.11');
  });

  it('the host: the bridge has the gateway and its link-local but no inet; no IPv4 route or iptables rule for it', () => {
    const { world, out } = run(SETUP, ['ip addr show', 'ip route', 'iptables -S', 'iptables -t nat -S']);
    const br = findNetwork(world, 'v6only')!.bridge!;
    const block = out[0].split('\n');
    const at = block.findIndex((l) => l.includes(` ${br}: `));
    expect(block[at + 2]).toBe(`    inet6 ${base}::1/64 scope global nodad `);
    expect(out[0]).not.toMatch(new RegExp(`inet .* ${br}$`, 'm'));
    expect(out[1]).not.toContain(br);
    expect(out[2]).not.toContain(br);
    expect(out[3]).not.toContain(br);
    expect(JSON.stringify(netfilterOf(world, 'docker-host'))).not.toContain(br);
  });

  it('IPv4 to it fails as Linux does: nothing to reach, no crash', () => {
    const { out, codes } = run(SETUP, [
      'docker exec web ping -c 1 -W 1 172.17.0.1',
      'docker exec web wget -T 1 -qO- http://172.17.0.1/',
    ]);
    expect(out[0]).toMatch(/^ping: sendto: Network (is )?unreachable$/);
    expect(codes[0]).not.toBe(0);
    expect(codes[1]).not.toBe(0);
  });
});
