import { describe, expect, it } from 'vitest';
import { createDefaultWorld } from '../../src/sim/world';

describe('default world (DESIGN §3)', () => {
  it('has the machines and addresses of the contract', () => {
    const w = createDefaultWorld();
    const addr = (id: string, ifname: string) => w.machines[id].ifaces.find((i) => i.name === ifname)?.addrs[0]?.ip;
    expect(addr('docker-host', 'eth0')).toBe('192.168.0.10');
    expect(addr('pc1', 'eth0')).toBe('192.168.0.20');
    expect(addr('pc2', 'eth0')).toBe('192.168.0.30');
    expect(addr('router', 'eth0')).toBe('192.168.0.1');
    expect(addr('router', 'wan0')).toBe('124.111.46.91');
    expect(addr('remote', 'eth0')).toBe('203.0.113.50');
    expect(addr('dns', 'eth0')).toBe('8.8.8.8');
    expect(w.machines.dns.zone['google.com']).toBe(addr('google.com', 'eth0'));
    expect(w.machines.pc1.nameservers).toEqual(['192.168.0.1']);
  });

  it("has Docker's three predefined networks and no containers", () => {
    const w = createDefaultWorld();
    const nets = Object.values(w.networks).map((n) => [n.name, n.driver, n.bridge, n.ipam?.subnet ?? null]);
    expect(nets).toEqual([
      ['bridge', 'bridge', 'docker0', '172.17.0.0/16'],
      ['host', 'host', null, null],
      ['none', 'null', null, null],
    ]);
    expect(Object.keys(w.containers)).toHaveLength(0);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(JSON.stringify(createDefaultWorld(7))).toBe(JSON.stringify(createDefaultWorld(7)));
    expect(JSON.stringify(createDefaultWorld(7))).not.toBe(JSON.stringify(createDefaultWorld(8)));
  });

  it('has unique MACs', () => {
    const w = createDefaultWorld();
    const macs = Object.values(w.machines).flatMap((m) => m.ifaces.filter((i) => i.name !== 'lo').map((i) => i.mac));
    expect(new Set(macs).size).toBe(macs.length);
  });
});
