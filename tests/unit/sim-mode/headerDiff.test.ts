import { describe, expect, it } from 'vitest';
import { protoLabel, stepCategory } from '../../../src/sim/playback/protocol';
import { diffFrames, isSamePacket, stepHeaders } from '../../../src/ui/sim/headerDiff';
import { formatEntry } from '../../../src/ui/sim/tableEntry';
import { curlDnat, pingSameBridge } from '../../fixtures/traces';

const field = (layers: ReturnType<typeof diffFrames>, layer: string, name: string) =>
  layers.find((l) => l.name === layer)?.fields.find((f) => f.name === name);

describe('header diff', () => {
  it('shows the DNAT rewrite of ip.dst and dport as before → after', () => {
    const i = curlDnat.steps.findIndex((s) => s.action === 'dnat');
    const layers = stepHeaders(curlDnat.steps, i);
    expect(layers.map((l) => l.name)).toEqual(['Ethernet', 'IPv4', 'TCP', 'Application']);
    expect(field(layers, 'IPv4', 'dst')).toEqual({ name: 'dst', value: '172.17.0.2', before: '192.168.0.10' });
    expect(field(layers, 'TCP', 'dport')).toEqual({ name: 'dport', value: '80', before: '8001' });
    expect(field(layers, 'IPv4', 'src')).toEqual({ name: 'src', value: '192.168.0.20' });
  });

  it('shows routing rewriting MACs and decrementing TTL', () => {
    const i = curlDnat.steps.findIndex((s, j) => s.action === 'route' && j > 0);
    const layers = stepHeaders(curlDnat.steps, i);
    expect(field(layers, 'IPv4', 'ttl')).toEqual({ name: 'ttl', value: '63', before: '64' });
    expect(field(layers, 'Ethernet', 'src')?.before).toBe('3a:5c:11:9e:20:01');
  });

  it('shows the reverse rewrite on the reply path (un-nat)', () => {
    const i = curlDnat.steps.findIndex((s) => s.action === 'un-nat');
    const layers = stepHeaders(curlDnat.steps, i);
    expect(field(layers, 'IPv4', 'src')).toEqual({ name: 'src', value: '192.168.0.10', before: '172.17.0.2' });
    expect(field(layers, 'TCP', 'sport')).toEqual({ name: 'sport', value: '8001', before: '80' });
  });

  it('marks nothing changed on a new packet (a reply, another ARP op, another protocol)', () => {
    const steps = pingSameBridge.steps;
    for (const i of [5, 10, 15]) {
      const changed = stepHeaders(steps, i).flatMap((l) => l.fields.filter((f) => f.before !== undefined));
      expect(changed, `step ${i} (${steps[i].action})`).toEqual([]);
    }
    expect(isSamePacket(steps[14].frame, steps[15].frame)).toBe(false);
    expect(isSamePacket(steps[11].frame, steps[12].frame)).toBe(true);
  });

  it('lays out ARP and ICMP headers by layer', () => {
    const arp = stepHeaders(pingSameBridge.steps, 0);
    expect(arp.map((l) => l.name)).toEqual(['Ethernet', 'ARP']);
    expect(field(arp, 'Ethernet', 'dst')?.value).toBe('ff:ff:ff:ff:ff:ff');
    const icmp = stepHeaders(pingSameBridge.steps, 10);
    expect(icmp.map((l) => l.name)).toEqual(['Ethernet', 'IPv4', 'ICMP']);
    expect(field(icmp, 'ICMP', 'type')?.value).toBe('echo-request');
  });
});

describe('protocol and table entry labels', () => {
  it('classifies steps for colours and filters', () => {
    expect(stepCategory(pingSameBridge.steps[0])).toBe('arp');
    expect(protoLabel(pingSameBridge.steps[10])).toBe('ICMP');
    const { app: _app, ...bare } = curlDnat.steps[0].frame;
    expect(protoLabel({ ...curlDnat.steps[0], frame: bare })).toBe('TCP');
    expect(protoLabel(curlDnat.steps[10])).toBe('HTTP');
  });

  it('prints entries the way ip neigh, bridge fdb and conntrack print them', () => {
    expect(formatEntry(pingSameBridge.steps[5].changes[0])).toBe(
      '172.18.0.2 dev eth0 lladdr 02:42:ac:12:00:02 REACHABLE',
    );
    expect(formatEntry(pingSameBridge.steps[2].changes[0])).toBe('02:42:ac:12:00:02 dev veth3f1c2a9 master');
    const ct = curlDnat.steps.find((s) => s.action === 'un-nat')!.changes[0];
    expect(formatEntry(ct)).toBe(
      'tcp ESTABLISHED src=192.168.0.20 dst=192.168.0.10 sport=40312 dport=8001 src=172.17.0.2 dst=192.168.0.20 sport=80 dport=40312 [ASSURED]',
    );
  });
});

describe('sim strings', () => {
  it('has a Korean text for every English key, with the same placeholders', async () => {
    const { simStrings } = await import('../../../src/i18n/sim');
    const ph = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of Object.entries(simStrings.en)) {
      expect(simStrings.ko[k], k).toBeTypeOf('string');
      if (k !== 'sim.on') expect(ph(simStrings.ko[k]), k).toEqual(ph(v));
    }
  });
});

describe('header diff across node and wire steps', () => {
  it('compares Ethernet with the last wire step when the step before is a node step without one', () => {
    const ip = { src: '10.0.0.2', dst: '8.8.8.8', ttl: 64, proto: 'udp' as const };
    const l4 = { sport: 5000, dport: 53 };
    const wire1 = { eth: { src: 'aa', dst: 'gw', type: 'IPv4' as const }, ip, l4 };
    const atRouter = { ip: { ...ip, ttl: 63 }, l4 };
    const wire2 = { eth: { src: 'gw2', dst: 'bb', type: 'IPv4' as const }, ip: { ...ip, ttl: 63 }, l4 };
    const layers = diffFrames([atRouter, wire1], wire2);
    expect(field(layers, 'Ethernet', 'src')).toEqual({ name: 'src', value: 'gw2', before: 'aa' });
    expect(field(layers, 'IPv4', 'ttl')).toEqual({ name: 'ttl', value: '63' });
  });
});

describe('entries of the packet engine', () => {
  it('prints NAT and route entries like iptables and ip route', () => {
    expect(
      formatEntry({
        on: 'docker-host',
        table: 'nat',
        kind: 'hit',
        entry: { chain: 'DOCKER', rule: 'DNAT', from: '192.168.0.10:8001', to: '172.17.0.2:80' },
      }),
    ).toBe('DOCKER: DNAT 192.168.0.10:8001 → 172.17.0.2:80');
    expect(
      formatEntry({
        on: 'docker-host',
        table: 'route',
        kind: 'hit',
        entry: { dst: '172.17.0.0/16', dev: 'docker0', proto: 'kernel', scope: 'link', src: '172.17.0.1' },
      }),
    ).toBe('172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1');
  });

  it('prints a DNS answer as name → addresses', () => {
    const entry = { name: 'google.com', answer: ['142.250.196.142'] };
    expect(formatEntry({ on: 'dns', table: 'dns', kind: 'hit', entry })).toBe('google.com → 142.250.196.142');
  });

  it('counts a server step that carries only an HTTP payload as TCP', () => {
    const app = {
      at: { node: 'ctr:x' },
      action: 'app',
      frame: { app: { summary: 'HTTP/1.1 200 OK' } },
      changes: [],
      explain: { key: 'app.http', params: {} },
    };
    expect(stepCategory(app)).toBe('tcp');
  });
});
