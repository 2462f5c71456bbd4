import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../../src/io/project';
import { engineId, ulaBase } from '../../../src/sim/ipam6';
import { findContainer, findNetwork } from '../../../src/sim/lookup';
import type { World } from '../../../src/sim/model';
import { docker, play } from './helpers';

/** The network's live IPv6 of a container (by names). */
const ip6Of = (w: World, ctr: string, net: string) =>
  findContainer(w, ctr)?.endpoints.find((e) => e.networkId === findNetwork(w, net)?.id)?.ip6;

const inspect = (w: World, line: string) => JSON.parse(docker(w, line).output);

describe('IPv6 pools (moby v28.5.2 daemon.go deriveULABaseNetwork, defaultipam)', () => {
  it('the ULA /48 is fd00::/8 plus the low 40 bits of sha256(hostID)’s first 8 bytes, as Go computes it', () => {
    const sha = createHash('sha256').update(engineId('docker-host')).digest();
    const gid = sha.readBigUInt64BE(0) & ((1n << 40n) - 1n);
    const hex = ((0xfdn << 40n) | gid).toString(16).padStart(12, '0');
    const groups = [hex.slice(0, 4), hex.slice(4, 8), hex.slice(8, 12)].map((g) => Number.parseInt(g, 16).toString(16));
    expect(ulaBase('docker-host')).toBe(`${groups.join(':')}::/48`);
    // a host ID is a UUID, and another host has another prefix
    expect(engineId('docker-host')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ulaBase('docker-host-2')).not.toBe(ulaBase('docker-host'));
  });

  it('--ipv6 without a subnet takes the first /64 of it, gateway ::1; the next network the next /64', () => {
    const { world } = play(['docker network create --ipv6 v6a', 'docker network create --ipv6 v6b']);
    const base = ulaBase('docker-host').replace('::/48', '');
    const a = findNetwork(world, 'v6a')!;
    const b = findNetwork(world, 'v6b')!;
    expect([a.enableIPv6, a.ipam6, a.userSubnet6]).toEqual([
      true,
      { subnet: `${base}::/64`, gateway: `${base}::1` },
      false,
    ]);
    expect(b.ipam6).toEqual({ subnet: `${base}:1::/64`, gateway: `${base}:1::1` });
    // and each still has its IPv4 pool
    expect([a.ipam?.subnet, b.ipam?.subnet]).toEqual(['172.18.0.0/16', '172.19.0.0/16']);
  });

  it('network inspect lists the IPv4 then the IPv6 config, EnableIPv6 true, and each container’s IPv6Address', () => {
    const { world } = play([
      'docker network create --ipv6 --subnet 10.9.0.0/24 --subnet fd00:2::/64 --gateway fd00:2::fe mixed',
      'docker run -d --name web --network mixed nginx',
    ]);
    const [n] = inspect(world, 'docker network inspect mixed');
    expect([n.EnableIPv4, n.EnableIPv6]).toEqual([true, true]);
    expect(n.IPAM.Config).toEqual([
      { Subnet: '10.9.0.0/24', Gateway: '10.9.0.1' },
      { Subnet: 'fd00:2::/64', Gateway: 'fd00:2::fe' },
    ]);
    const c = Object.values(n.Containers)[0] as Record<string, string>;
    // the lowest free address: ::1 is not the gateway here
    expect([c.IPv4Address, c.IPv6Address]).toEqual(['10.9.0.2/24', 'fd00:2::1/64']);
  });

  it('docker inspect: GlobalIPv6Address, GlobalIPv6PrefixLen, IPv6Gateway, IPAMConfig.IPv6Address', () => {
    const { world } = play([
      'docker network create --ipv6 --subnet fd00:1::/64 v6',
      'docker run -d --name pinned --network v6 --ip6 fd00:1::99 nginx',
      'docker run -d --name auto --network v6 nginx',
    ]);
    const [p] = inspect(world, 'docker inspect pinned');
    expect(p.NetworkSettings.Networks.v6).toMatchObject({
      IPAMConfig: { IPv6Address: 'fd00:1::99' },
      IPv6Gateway: 'fd00:1::1',
      GlobalIPv6Address: 'fd00:1::99',
      GlobalIPv6PrefixLen: 64,
    });
    expect(ip6Of(world, 'auto', 'v6')).toBe('fd00:1::2');
    // stopped: the live fields are empty, the request stays
    const stopped = play(['docker stop pinned'], world).world;
    const [s] = inspect(stopped, 'docker inspect pinned');
    expect([s.NetworkSettings.Networks.v6.GlobalIPv6Address, s.NetworkSettings.Networks.v6.IPAMConfig]).toEqual([
      '',
      { IPv6Address: 'fd00:1::99' },
    ]);
    expect(ip6Of(play(['docker start pinned'], stopped).world, 'pinned', 'v6')).toBe('fd00:1::99');
  });

  it('network connect --ip6 gives that address on the second network', () => {
    const { world } = play([
      'docker network create --ipv6 --subnet fd00:2::/64 v6',
      'docker run -d --name web nginx',
      'docker network connect --ip6 fd00:2::77 v6 web',
    ]);
    expect(ip6Of(world, 'web', 'v6')).toBe('fd00:2::77');
    expect(ip6Of(world, 'web', 'bridge')).toBeUndefined();
  });

  it('--ipv6=false keeps an IPv6 subnet as configuration: listed, unchecked, nothing allocated', () => {
    const { world } = play([
      'docker network create --ipv6=false --subnet fd00:4::5/64 off',
      'docker run -d --name web --network off --ip6 fd00:4::5 nginx',
    ]);
    const [n] = inspect(world, 'docker network inspect off');
    expect(n.EnableIPv6).toBe(false);
    expect(n.IPAM.Config).toEqual([{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }, { Subnet: 'fd00:4::5/64' }]);
    expect(ip6Of(world, 'web', 'off')).toBeUndefined();
    // the pool is not held: an IPv6 network may take it
    expect(play(['docker network create --ipv6 --subnet fd00:4::/64 on'], world).last.exitCode).toBe(0);
  });

  const base = play([
    'docker network create --ipv6 --subnet fd00:1::/64 v6',
    'docker network create auto6 --ipv6',
  ]).world;
  it.each([
    [
      'docker network create --ipv6 --subnet fd00:1::/64 clash',
      'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space',
    ],
    [
      'docker network create --ipv6 --subnet fd00:3::5/64 --ip-range fd00:3::/60 bad',
      'Error response from daemon: invalid network config:\n* invalid subnet fd00:3::5/64: it should be fd00:3::/64\n* invalid ip-range fd00:3::/60: CIDR block is bigger than its parent subnet fd00:3::5/64',
    ],
    [
      'docker network create --ipv6 --subnet fd00:3::/64 --subnet 10.3.0.1/24 bad',
      'Error response from daemon: invalid network config:\ninvalid subnet 10.3.0.1/24: it should be 10.3.0.0/24',
    ],
    [
      'docker network create --ipv6 --subnet fd00:3::/64 --gateway fd00:4::1 bad',
      'no matching subnet for gateway fd00:4::1',
    ],
    [
      'docker run -d --network v6 --ip6 fd00:9::1 nginx',
      'docker: Error response from daemon: invalid config for network v6: invalid endpoint settings:\nno configured subnet or ip-range contain the IP address fd00:9::1',
    ],
    [
      'docker run -d --network auto6 --ip6 fd00:1::5 nginx',
      'docker: Error response from daemon: invalid config for network auto6: invalid endpoint settings:\nuser specified IP address is supported only when connecting to networks with user configured subnets',
    ],
    [
      'docker run -d --network v6 --ip6 10.0.0.5 nginx',
      'docker: Error response from daemon: invalid config for network v6: invalid endpoint settings:\n* invalid IPv6 address: 10.0.0.5\n* no configured subnet or ip-range contain the IP address 10.0.0.5',
    ],
  ])('%s', (line, expected) => {
    const r = docker(base, line);
    expect(r.output.split('\n\nRun ')[0]).toBe(expected);
    expect(r.world.networks).toEqual(base.networks);
  });

  it('an address in use is refused at start, as IPv4 ones are', () => {
    const { last } = play(
      [
        'docker run -d --name one --network v6 --ip6 fd00:1::9 nginx',
        'docker run -d --name two --network v6 --ip6 fd00:1::9 nginx',
      ],
      base,
    );
    expect(last.output).toContain('failed to set up container networking: Address already in use');
  });
});

describe('saves from before IPv6', () => {
  it('an old save (no ipam6, ip6 fields) opens, and IPv6 networks can be made in it', () => {
    const text = readFileSync(new URL('../../fixtures/saves/pre-lb-save.json', import.meta.url), 'utf8');
    expect(text).not.toContain('ipam6');
    const res = parseProject(text);
    if (!res.ok) throw new Error(res.error);
    const { world } = play(
      ['docker network create --ipv6 v6', 'docker run -d --name fresh --network v6 nginx'],
      res.doc.world,
    );
    expect(ip6Of(world, 'fresh', 'v6')).toMatch(/^fd[0-9a-f]{2}:[0-9a-f:]+::2$/);
    const [n] = inspect(res.doc.world, 'docker network inspect bridge');
    expect([n.EnableIPv6, n.IPAM.Config.length]).toEqual([false, 1]);
  });
});
