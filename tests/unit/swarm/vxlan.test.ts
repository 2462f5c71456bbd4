import { describe, expect, it } from 'vitest';
import type { Step, World } from '../../../src/sim/model';
import { captureFrames } from '../../../src/sim/net/capture';
import { decodeFrame } from '../../../src/sim/net/decode';
import { frameBytes } from '../../../src/sim/net/wire';
import { runShell } from '../../../src/sim/shell';
import { session, threeNodeSwarm } from './helpers';

/** Container → container on another node over an overlay: a packet inside a packet (facts 47, 81). */

function swarmWorld(): World {
  return session(
    ['docker network create -d overlay mynet', 'docker service create --name web --replicas 3 --network mynet nginx'],
    threeNodeSwarm(),
  ).world;
}
const on = (w: World, host: string) => Object.values(w.containers).find((c) => c.daemon === host)!;
const where = (s: Step) => ('node' in s.at ? s.at.node : s.at.link);

describe('VXLAN between nodes', () => {
  const w = swarmWorld();
  const a = on(w, 'docker-host');
  const b = on(w, 'docker-host-3');
  const aIp = a.endpoints[0].ip!;
  const bIp = b.endpoints[0].ip!;
  const r = runShell(w, ['curl', '-s', '-o', '/dev/null', bIp], { kind: 'container', id: a.id }, `curl ${bIp}`);
  const steps = r.trace!.steps;
  const net = Object.values(w.networks).find((n) => n.name === 'mynet')!;

  it('reaches the task on the other node; ARP for it is answered by vxlan0 on this node, not across the LAN', () => {
    expect(r.exitCode).toBe(0);
    expect(steps.some((s) => s.action === 'deliver' && where(s) === `ctr:${b.id}`)).toBe(true);
    const proxy = steps.find((s) => s.explain.key === 'vxlan.arp-proxy')!;
    expect(proxy.frame.arp).toMatchObject({ op: 'reply', senderIp: bIp, senderMac: b.endpoints[0].mac });
    // the only ARP on the LAN is the hosts' own, for each other's LAN addresses
    const lanArp = steps.filter((s) => s.frame.arp && where(s).startsWith('if:')).map((s) => s.frame.arp!.targetIp);
    expect(new Set(lanArp)).toEqual(new Set(['192.168.0.12', '192.168.0.10']));
    // no host conntrack for the overlay's own bridge
    expect(steps.filter((s) => s.explain.key === 'ct.bridged')).toEqual([]);
  });

  it('keeps the inner headers in frame and the outer ones in frame.outer across the LAN', () => {
    const encap = steps.find((s) => s.action === 'vxlan-encap')!;
    expect(where(encap)).toBe(`net:${net.id}`);
    const onLan = steps.filter((s) => s.frame.outer && where(s) === 'seg:lan');
    expect(onLan.length).toBeGreaterThanOrEqual(2); // request and reply segments
    const first = onLan[0];
    expect(first.frame.ip).toMatchObject({ src: aIp, dst: bIp, proto: 'tcp' });
    expect(first.frame.eth).toMatchObject({ src: a.endpoints[0].mac, dst: b.endpoints[0].mac });
    expect(first.frame.outer).toMatchObject({
      eth: { src: w.machines['docker-host'].ifaces.find((f) => f.name === 'eth0')!.mac },
      ip: { src: '192.168.0.10', dst: '192.168.0.12', ttl: 64 },
      udp: { dport: 4789 },
      vxlan: { vni: net.vni },
    });
    expect(first.frame.outer!.udp.sport).toBeGreaterThanOrEqual(32768);
    // the outer packet walks the hosts' eth0 and the LAN switch; the reply comes back the other way
    const path = steps.filter((s) => s.frame.outer).map(where);
    expect(path).toContain('if:docker-host:eth0');
    expect(path).toContain('if:docker-host-3:eth0');
    const back = steps.find((s) => s.frame.outer && s.frame.outer.ip.src === '192.168.0.12')!;
    expect(back.frame.ip).toMatchObject({ src: bIp, dst: aIp });
    expect(steps.filter((s) => s.action === 'vxlan-decap').length).toBeGreaterThanOrEqual(2);
  });

  it('writes real VXLAN bytes: outer UDP 4789, flags 0x08, the VNI, and the inner frame', () => {
    const frames = captureFrames(steps).filter((c) => c.frame.outer && c.at === 'seg:lan');
    const d = decodeFrame(frameBytes(frames[0].frame)!);
    expect(d.ip).toMatchObject({ src: '192.168.0.10', dst: '192.168.0.12' });
    expect(d.udp?.dport).toBe(4789);
    expect(d.vxlan?.flags).toBe(0x08);
    expect(d.vxlan?.vni).toBe(net.vni);
    expect(d.vxlan?.inner.ip).toMatchObject({ src: aIp, dst: bIp });
    expect(d.vxlan?.inner.ethSrc).toBe(a.endpoints[0].mac);
    // 50 bytes of overhead: outer Ethernet 14 + IP 20 + UDP 8 + VXLAN 8
    expect(d.length - d.vxlan!.inner.length).toBe(50);
  });

  it('leaves traffic between tasks on one node on its br0, with no VXLAN', () => {
    const w2 = session(['docker service scale web=4'], w).world;
    const [x, y] = Object.values(w2.containers).filter((c) => c.daemon === 'docker-host');
    const ip = y.endpoints[0].ip!;
    const t = runShell(w2, ['curl', '-s', '-o', '/dev/null', ip], { kind: 'container', id: x.id }, `curl ${ip}`);
    expect(t.exitCode).toBe(0);
    expect(t.trace!.steps.some((s) => s.frame.outer)).toBe(false);
  });
});

describe('the header panel on a VXLAN step', () => {
  it('shows the outer layers (Ethernet, IPv4, UDP 4789, VXLAN with its VNI) before the inner frame', async () => {
    const { diffFrames } = await import('../../../src/ui/sim/headerDiff');
    const w = swarmWorld();
    const a = on(w, 'docker-host');
    const ip = on(w, 'docker-host-2').endpoints[0].ip!;
    const r = runShell(w, ['curl', '-s', '-o', '/dev/null', ip], { kind: 'container', id: a.id }, `curl ${ip}`);
    const lan = r.trace!.steps.find((s) => s.frame.outer && where(s) === 'seg:lan')!;
    const layers = diffFrames(undefined, lan.frame);
    expect(layers.map((l) => l.name)).toEqual([
      'Outer Ethernet',
      'Outer IPv4',
      'Outer UDP',
      'VXLAN',
      'Ethernet',
      'IPv4',
      'TCP',
    ]);
    const field = (layer: string, name: string) =>
      layers.find((l) => l.name === layer)!.fields.find((f) => f.name === name)!.value;
    expect([field('Outer IPv4', 'dst'), field('Outer UDP', 'dport'), field('IPv4', 'dst')]).toEqual([
      '192.168.0.11',
      '4789',
      ip,
    ]);
    expect(field('VXLAN', 'vni')).toBe('4097');
  });
});
