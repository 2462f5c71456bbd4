import { describe, expect, it } from 'vitest';
import type { Trace } from '../../../src/sim/model';
import { phaseIndexAt, tracePhases } from '../../../src/sim/playback/phases';
import { SCENES } from '../../../src/sim/scenes';
import { sceneTrace } from '../../fixtures/sceneTrace';

const outline = (t: Trace) => tracePhases(t).map((p) => `${p.kind} ${p.start}-${p.end} ${p.detail}`);

describe('phases of real traces', () => {
  it('seed 000: a port-forwarded curl from the internet, 109 steps in 25 phases, both rewrites named', () => {
    // a reply's conntrack lookup (PREROUTING) comes before its un-DNAT (POSTROUTING); the client's
    // bare ACK and the close are steps of their own; docker0 knows the container's MAC from its
    // unsolicited ARPs at start (net/garp.ts), so its ARP reply teaches the bridge nothing
    const trace = sceneTrace('nat-portfwd', 'remote-80');
    expect(trace.steps).toHaveLength(109);
    expect(outline(trace)).toEqual([
      'handshake 0-0 SYN',
      'arp 1-7 who-has 203.0.113.1',
      'handshake 8-10 SYN',
      'arp 11-17 who-has 124.111.46.91',
      'handshake 18-19 SYN',
      'nat 20-22 124.111.46.91:80 → 192.168.0.10:8001',
      'arp 23-31 who-has 192.168.0.10',
      'handshake 32-34 SYN',
      'nat 35-37 192.168.0.10:8001 → 172.17.0.2:80',
      'arp 38-46 who-has 172.17.0.2',
      'handshake 47-56 SYN',
      'nat 57-57 172.17.0.2:80 → 192.168.0.10:8001',
      'handshake 58-62 SYN,ACK',
      'nat 63-63 192.168.0.10:8001 → 124.111.46.91:80',
      'handshake 64-70 SYN,ACK',
      'request 71-76 GET / HTTP/1.1',
      'nat 77-78 124.111.46.91:80 → 192.168.0.10:8001',
      'request 79-81 GET / HTTP/1.1',
      'nat 82-83 192.168.0.10:8001 → 172.17.0.2:80',
      'request 84-87 GET / HTTP/1.1',
      'response 88-94 HTTP/1.1 200 OK',
      'nat 95-95 172.17.0.2:80 → 192.168.0.10:8001',
      'response 96-100 HTTP/1.1 200 OK',
      'nat 101-101 192.168.0.10:8001 → 124.111.46.91:80',
      'response 102-108 HTTP/1.1 200 OK',
    ]);
  });

  it('seed 000: a ping by name on a user-defined bridge: embedded DNS, echo request, ARP, echo reply', () => {
    expect(outline(sceneTrace('bridges', 'api-db'))).toEqual([
      'dns 0-1 A? db',
      'request 2-2 echo request seq=1',
      // both MACs were in the bridge's FDB from the containers' unsolicited ARPs: no learning steps
      'arp 3-11 who-has 172.18.0.3',
      'request 12-16 echo request seq=1',
      'response 17-21 echo reply seq=1',
    ]);
  });

  it('seed 000: a port nobody forwards ends in a close phase (the router’s RST)', () => {
    const phases = tracePhases(sceneTrace('nat-portfwd', 'remote-8001'));
    expect(phases.at(-1)).toMatchObject({ kind: 'close', detail: 'RST,ACK' });
    expect(phases.map((p) => p.kind)).toEqual(['handshake', 'arp', 'handshake', 'arp', 'handshake', 'close']);
  });

  it('seed 000: a container resolving www.google.com through the router: DNS with ARP on each hop, SNAT on the way out and back', () => {
    const phases = tracePhases(sceneTrace('nat-portfwd', 'web-google'));
    expect(phases.filter((p) => p.kind === 'dns')[0].detail).toBe('A? www.google.com');
    const nat = phases.filter((p) => p.kind === 'nat').map((p) => p.detail);
    // Docker's MASQUERADE, then the router's, on the SYN; un-NAT in reverse order on the SYN+ACK
    expect(nat.slice(2, 7)).toEqual([
      '172.17.0.2:56530 → 192.168.0.10:56530',
      '192.168.0.10:56530 → 124.111.46.91:56530',
      '124.111.46.91:56530 → 192.168.0.10:56530',
      '192.168.0.10:56530 → 172.17.0.2:56530',
      '172.17.0.2:56530 → 192.168.0.10:56530',
    ]);
    expect(phases.map((p) => p.kind)).toContain('response');
  });

  it('seed 004: port 8004 forwards to a port nothing listens on: the RST is un-NATed on its way back', () => {
    expect(tracePhases(sceneTrace('port-forwarding', 'pc1-8004')).map((p) => p.kind)).toEqual([
      'handshake',
      'arp',
      'handshake',
      'nat',
      'arp',
      'handshake',
      'close',
      'nat',
      'close',
    ]);
  });

  const seedPackets = SCENES.filter((s) => s.seed === '000' || s.seed === '004').flatMap((s) =>
    s.packets.map((p) => [s.id, p.id] as const),
  );
  it.each(seedPackets)('%s / %s: phases cover every step once, in order, and say what each step carries', (s, p) => {
    const trace = sceneTrace(s, p);
    const phases = tracePhases(trace);
    expect(phases[0].start).toBe(0);
    expect(phases.at(-1)!.end).toBe(trace.steps.length - 1);
    for (let i = 0; i < phases.length; i++) {
      expect(phases[i].end).toBeGreaterThanOrEqual(phases[i].start);
      if (i > 0) {
        expect(phases[i].start).toBe(phases[i - 1].end + 1);
        expect(phases[i].kind).not.toBe(phases[i - 1].kind);
      }
    }
    trace.steps.forEach((step, i) => {
      const phase = phases[phaseIndexAt(phases, i)];
      expect(phase.start <= i && i <= phase.end).toBe(true);
      if (step.frame.arp) expect(phase.kind).toBe('arp');
      if (['snat', 'dnat', 'un-nat'].includes(step.action)) expect(phase.kind).toBe('nat');
      if (step.action.startsWith('dns-')) expect(phase.kind).toBe('dns');
      if (/SYN/.test(step.frame.l4?.flags ?? '')) expect(['handshake', 'nat']).toContain(phase.kind);
    });
  });
});

describe('phaseIndexAt', () => {
  const phases = [
    { kind: 'arp', start: 0, end: 3, detail: '' },
    { kind: 'dns', start: 4, end: 4, detail: '' },
    { kind: 'nat', start: 5, end: 9, detail: '' },
  ] as const;
  it.each([
    [-1, -1],
    [0, 0],
    [3, 0],
    [4, 1],
    [5, 2],
    [9, 2],
    [10, -1],
  ])('step %i is in phase %i', (step, index) => {
    expect(phaseIndexAt([...phases], step)).toBe(index);
  });
});
