import { describe, expect, it } from 'vitest';
import {
  allocateAddress,
  DEFAULT_POOLS,
  nextPool,
  planNetworkIpam,
  reservedPrefixes,
  staticIpError,
} from '../../src/sim/ipam';
import { findNetwork } from '../../src/sim/lookup';
import type { World } from '../../src/sim/model';
import { createDefaultWorld } from '../../src/sim/world';
import { ipOf, play } from './docker/helpers';

describe('default pools (fact A1)', () => {
  it('are 172.17–172.31/16 then 192.168.x.0/20', () => {
    expect(DEFAULT_POOLS).toHaveLength(31);
    expect(DEFAULT_POOLS.slice(0, 2)).toEqual(['172.17.0.0/16', '172.18.0.0/16']);
    expect(DEFAULT_POOLS[14]).toBe('172.31.0.0/16');
    expect(DEFAULT_POOLS.slice(15, 17)).toEqual(['192.168.0.0/20', '192.168.16.0/20']);
    expect(DEFAULT_POOLS[30]).toBe('192.168.240.0/20');
  });
});

describe('next pool (facts A2, A3, A7)', () => {
  it('gives the first user network 172.18.0.0/16 with gateway .1', () => {
    const w = createDefaultWorld();
    expect(nextPool(w, 'docker-host')).toEqual({ ok: true, value: '172.18.0.0/16' });
    const plan = planNetworkIpam(w, 'docker-host', {});
    expect(plan).toEqual({
      ok: true,
      value: { ipam: { subnet: '172.18.0.0/16', gateway: '172.18.0.1' }, userSubnet: false },
    });
  });

  it("reserves the host's on-link LAN and resolver", () => {
    expect(reservedPrefixes(createDefaultWorld(), 'docker-host')).toEqual(['192.168.0.0/24', '192.168.0.1/32']);
  });

  it('skips 192.168.0.0/20 (the host LAN) after the 172 pools and then runs out', () => {
    const lines = Array.from({ length: 14 }, (_, i) => `docker network create n${i}`);
    let { world } = play(lines);
    expect(findNetwork(world, 'n13')?.ipam?.subnet).toBe('172.31.0.0/16');
    ({ world } = play(['docker network create lan1'], world));
    expect(findNetwork(world, 'lan1')?.ipam?.subnet).toBe('192.168.16.0/20');
    const more = Array.from({ length: 14 }, (_, i) => `docker network create m${i}`);
    ({ world } = play(more, world));
    expect(findNetwork(world, 'm13')?.ipam?.subnet).toBe('192.168.240.0/20');
    const r = play(['docker network create full'], world).last;
    expect(r.output).toBe('Error response from daemon: all predefined address pools have been fully subnetted');
    expect(r.world).toBe(world);
  });

  it('hands a freed subnet out again (first fit)', () => {
    const { world } = play([
      'docker network create a',
      'docker network create b',
      'docker network rm a',
      'docker network create c',
    ]);
    expect(findNetwork(world, 'c')?.ipam?.subnet).toBe('172.18.0.0/16');
  });

  it('skips a pool overlapping a user --subnet', () => {
    const { world } = play(['docker network create --subnet 172.18.5.0/24 x', 'docker network create y']);
    expect(findNetwork(world, 'y')?.ipam?.subnet).toBe('172.19.0.0/16');
  });
});

describe('--subnet / --gateway / --ip-range validation (facts 11, 17, A6)', () => {
  const w = createDefaultWorld();
  it.each([
    [{ subnet: '10.0.0.0/33' }, 'invalid network config:\ninvalid subnet 10.0.0.0/33: invalid CIDR block notation'],
    [{ subnet: 'banana' }, 'invalid network config:\ninvalid subnet banana: invalid CIDR block notation'],
    [{ subnet: '172.20.0.1/16' }, 'invalid network config:\ninvalid subnet 172.20.0.1/16: it should be 172.20.0.0/16'],
    [{ subnet: '172.17.5.0/24' }, 'invalid pool request: Pool overlaps with other one on this address space'],
    [
      { subnet: '10.1.0.0/24', gateway: '10.2.0.1' },
      "invalid network config:\ninvalid gateway 10.2.0.1: parent subnet 10.1.0.0/24 doesn't contain this address",
    ],
    [
      { subnet: '10.1.0.0/24', ipRange: '10.1.0.0/16' },
      'invalid network config:\ninvalid ip-range 10.1.0.0/16: CIDR block is bigger than its parent subnet 10.1.0.0/24',
    ],
  ])('%j -> %s', (req, error) => {
    expect(planNetworkIpam(w, 'docker-host', req)).toEqual({ ok: false, error });
  });

  it('accepts the documented --ip-range/--gateway example', () => {
    const r = planNetworkIpam(w, 'docker-host', {
      subnet: '172.28.0.0/16',
      ipRange: '172.28.5.0/24',
      gateway: '172.28.5.254',
    });
    expect(r).toEqual({
      ok: true,
      value: { ipam: { subnet: '172.28.0.0/16', gateway: '172.28.5.254', ipRange: '172.28.5.0/24' }, userSubnet: true },
    });
  });
});

describe('addresses (facts A4, A5)', () => {
  const withNet = (extra: string[] = []): World =>
    play(['docker network create --subnet 10.0.0.0/24 --ip-range 10.0.0.128/25 r', ...extra]).world;

  it('takes the gateway and then containers from the ip-range, lowest first', () => {
    // Without --gateway the daemon asks the allocator for any address of the ip-range.
    const w = withNet(['docker run -d --name c1 --network r nginx', 'docker run -d --name c2 --network r nginx']);
    const net = findNetwork(w, 'r')!;
    expect(net.ipam?.gateway).toBe('10.0.0.128');
    expect(ipOf(w, 'c1', 'r')).toBe('10.0.0.129');
    expect(allocateAddress(w, net)).toEqual({ ok: true, value: '10.0.0.131' });
  });

  it('reuses the lowest freed address', () => {
    const { world } = play([
      'docker run -d --name c1 nginx',
      'docker run -d --name c2 nginx',
      'docker run -d --name c3 nginx',
      'docker rm -f c2',
      'docker run -d --name c4 nginx',
    ]);
    expect(ipOf(world, 'c4', 'bridge')).toBe('172.17.0.3');
  });

  it('never hands out the broadcast address and reports exhaustion', () => {
    const lines = ['docker network create --subnet 10.9.0.0/30 tiny', 'docker run -d --name c1 --network tiny nginx'];
    const { world } = play(lines);
    expect(ipOf(world, 'c1', 'tiny')).toBe('10.9.0.2');
    const r = play(['docker run -d --name c2 --network tiny nginx'], world).last;
    expect(r.exitCode).toBe(125);
    expect(r.output).toContain("no available IPv4 addresses on this network's address pools: tiny");
  });

  it.each([
    [
      'bridge',
      '172.17.0.9',
      'invalid config for network bridge: invalid endpoint settings:\nuser specified IP address is supported on user defined networks only',
    ],
    [
      'bridge',
      '10.1.1.1',
      'invalid config for network bridge: invalid endpoint settings:\n* user specified IP address is supported on user defined networks only\n* no configured subnet or ip-range contain the IP address 10.1.1.1',
    ],
    [
      'fixed',
      '0.0.0.0',
      'invalid config for network fixed: invalid endpoint settings:\n* invalid IPv4 address: 0.0.0.0\n* no configured subnet or ip-range contain the IP address 0.0.0.0',
    ],
    [
      'auto',
      '172.18.0.9',
      'invalid config for network auto: invalid endpoint settings:\nuser specified IP address is supported only when connecting to networks with user configured subnets',
    ],
    [
      'fixed',
      '10.9.9.9',
      'invalid config for network fixed: invalid endpoint settings:\nno configured subnet or ip-range contain the IP address 10.9.9.9',
    ],
    ['fixed', '10.0.0.50', null],
  ])('static --ip on %s %s', (net, ip, error) => {
    const { world } = play(['docker network create auto', 'docker network create --subnet 10.0.0.0/24 fixed']);
    expect(staticIpError(findNetwork(world, net)!, ip)).toBe(error);
  });
});
