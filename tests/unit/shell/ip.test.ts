import { describe, expect, it } from 'vitest';
import type { World } from '../../../src/sim/model';
import { runShell } from '../../../src/sim/shell';
import { linkLocal } from '../../../src/sim/shell/ip';
import type { Where } from '../../../src/sim/where';
import { A_ID, labWorld } from './labWorld';

const host: Where = { kind: 'machine', id: 'docker-host' };
const ctrA: Where = { kind: 'container', id: A_ID };
const run = (w: World, where: Where, line: string) => runShell(w, line.split(' '), where, line);

describe('ip (iproute2 layout of shared/lab/real-outputs.txt)', () => {
  const w = labWorld();

  it('ip addr inside containerA', () => {
    const r = run(w, ctrA, 'ip addr');
    expect(r.exitCode).toBe(0);
    // the host's ifindexes: lo, eth0, docker0, br-…, then veth pairs (host end, container end)
    expect(r.output).toBe(
      [
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
        '    inet 127.0.0.1/8 scope host lo',
        '       valid_lft forever preferred_lft forever',
        '    inet6 ::1/128 scope host ',
        '       valid_lft forever preferred_lft forever',
        '8: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default ',
        '    link/ether 22:33:d8:71:f6:3d brd ff:ff:ff:ff:ff:ff link-netnsid 0',
        '    inet 10.0.0.2/24 brd 10.0.0.255 scope global eth0',
        '       valid_lft forever preferred_lft forever',
      ].join('\n'),
    );
  });

  it.each([
    ['ip a', 'eth0@if7'],
    ['ip address show', 'eth0@if7'],
    ['ip addr show dev eth0', 'inet 10.0.0.2/24'],
    ['ip addr show eth0', 'inet 10.0.0.2/24'],
  ])('%s is an ip addr spelling', (line, needle) => {
    expect(run(w, ctrA, line).output).toContain(needle);
  });

  it('ip addr show dev of a missing device', () => {
    expect(run(w, ctrA, 'ip addr show dev eth9')).toMatchObject({
      output: 'Device "eth9" does not exist.',
      exitCode: 1,
    });
  });

  it('ip route inside containerA (lab)', () => {
    expect(run(w, ctrA, 'ip route').output).toBe(
      'default via 10.0.0.1 dev eth0 \n10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.2 ',
    );
    expect(run(w, ctrA, 'ip r').output).toBe(run(w, ctrA, 'ip route').output);
  });

  it('ip route on the docker host (lab, plus its dhcp default route)', () => {
    expect(run(w, host, 'ip route').output).toBe(
      [
        'default via 192.168.0.1 dev eth0 proto dhcp src 192.168.0.10 metric 100 ',
        '10.0.0.0/24 dev br-5173498c2a7a proto kernel scope link src 10.0.0.1 ',
        '172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 ',
        '192.168.0.0/24 dev eth0 proto kernel scope link src 192.168.0.10 ',
      ].join('\n'),
    );
  });

  it('a bridge without ports is linkdown / NO-CARRIER', () => {
    const fresh = labWorld();
    const empty = { ...fresh, containers: {} };
    expect(run(empty, host, 'ip route').output).toContain(
      '172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown ',
    );
    expect(run(empty, host, 'ip addr show docker0').output).toBe(
      [
        '3: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default ',
        '    link/ether 02:45:3f:4b:a8:28 brd ff:ff:ff:ff:ff:ff',
        '    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0',
        '       valid_lft forever preferred_lft forever',
      ].join('\n'),
    );
  });

  it('host-side veths are enslaved to their bridge', () => {
    const out = run(w, host, 'ip link').output;
    expect(out).toContain(
      '7: veth5d6e7f8@if8: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br-5173498c2a7a state UP mode DEFAULT group default ',
    );
    expect(out).toContain(
      '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP mode DEFAULT group default qlen 1000',
    );
  });

  it('ip neigh prints the ARP cache (lab)', () => {
    expect(run(w, ctrA, 'ip neigh').output).toBe('10.0.0.3 dev eth0 lladdr c2:10:31:8e:62:3d REACHABLE ');
    expect(run(w, host, 'ip neigh').output).toBe('');
  });

  it('unknown objects', () => {
    expect(run(w, host, 'ip foo')).toMatchObject({ output: 'Object "foo" is unknown, try "ip help".', exitCode: 255 });
  });

  it('link-local addresses are EUI-64 (lab: 22:33:d8:71:f6:3d)', () => {
    expect(linkLocal('22:33:d8:71:f6:3d')).toBe('fe80::2033:d8ff:fe71:f63d');
    expect(linkLocal('02:42:ac:11:00:02')).toBe('fe80::42:acff:fe11:2');
  });

  it('a PC has only lo and eth0', () => {
    const out = run(w, { kind: 'machine', id: 'pc1' }, 'ip addr').output;
    expect(out).toContain('    inet 192.168.0.20/24 brd 192.168.0.255 scope global eth0');
    expect(out).not.toContain('docker0');
  });
});
