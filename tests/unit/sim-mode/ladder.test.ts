import { describe, expect, it } from 'vitest';
import { traceLadder } from '../../../src/sim/playback/ladder';
import { SCENES } from '../../../src/sim/scenes';
import { sceneTrace } from '../../fixtures/sceneTrace';

const short = (id: string) => id.replace(/^(ctr|net):.*/, '$1');

describe('ladder of real traces', () => {
  it('seed 000, a port-forwarded curl from the internet: columns client to server, 36 hops, both DNATs on their arrows', () => {
    const ladder = traceLadder(sceneTrace('nat-portfwd', 'remote-80'));
    expect(ladder.columns.map(short)).toEqual(['remote', 'internet', 'router', 'seg:lan', 'docker-host', 'net', 'ctr']);
    expect(ladder.arrows).toHaveLength(36);
    const rows = ladder.arrows.map((a) => `${short(a.from)}>${short(a.to)} ${a.short}`);
    expect(rows.slice(0, 6)).toEqual([
      'remote>internet ARP who-has 203.0.113.1',
      'internet>remote ARP 203.0.113.1 is-at 1e:24:e5:62:22:5f',
      'remote>internet SYN',
      'internet>router ARP who-has 124.111.46.91',
      'router>internet ARP 124.111.46.91 is-at 3a:33:59:da:7e:c1',
      'internet>router SYN',
    ]);
    expect(rows.at(-1)).toBe('internet>remote HTTP/1.1 200 OK');
    // tcpdump's own line, addresses first
    const syn = ladder.arrows[2];
    expect(syn.line).toMatch(/^IP 203\.0\.113\.50\.36774 > 124\.111\.46\.91\.80: Flags \[S\], seq \d+, win/);
    expect(syn.ends).toBe('203.0.113.50.36774 > 124.111.46.91.80');
    expect(ladder.arrows[0].line).toBe('ARP, Request who-has 203.0.113.1 tell 203.0.113.50, length 28');
    // rewrites ride on the packet that leaves the node that made them, not on the ARP before it
    const nat = ladder.arrows.filter((a) => a.nat.length > 0);
    expect(nat.map((a) => `${short(a.from)} ${a.short} ${a.nat.map((n) => `${n.action} ${n.rewrite}`)}`)).toEqual([
      'router SYN dnat 124.111.46.91:80 → 192.168.0.10:8001',
      'docker-host SYN dnat 192.168.0.10:8001 → 172.17.0.2:80',
      'docker-host SYN-ACK un-nat 172.17.0.2:80 → 192.168.0.10:8001',
      'router SYN-ACK un-nat 192.168.0.10:8001 → 124.111.46.91:80',
      'router GET / HTTP/1.1 dnat 124.111.46.91:80 → 192.168.0.10:8001',
      'docker-host GET / HTTP/1.1 dnat 192.168.0.10:8001 → 172.17.0.2:80',
      'docker-host HTTP/1.1 200 OK un-nat 172.17.0.2:80 → 192.168.0.10:8001',
      'router HTTP/1.1 200 OK un-nat 192.168.0.10:8001 → 124.111.46.91:80',
    ]);
    expect(nat.every((a) => a.kind !== 'arp')).toBe(true);
    // after the router's DNAT to 8001 tcpdump no longer decodes HTTP (not port 80): the arrow still says GET
    const lan = ladder.arrows.find((a) => a.from === 'router' && a.short === 'GET / HTTP/1.1')!;
    expect(lan.label).toBe('Flags [P.], length 76');
  });

  it('seed 000, a port nobody forwards: the refusal is a stop at the router, the RST goes back', () => {
    const ladder = traceLadder(sceneTrace('nat-portfwd', 'remote-8001'));
    expect(ladder.stops).toEqual([{ at: 'router', step: 22, action: 'refuse' }]);
    expect(ladder.arrows.at(-1)).toMatchObject({ from: 'internet', to: 'remote', short: 'RST-ACK', kind: 'close' });
  });

  it('seed 004, ping by name: Docker’s DNS answers inside, then ARP and the echo over the bridge', () => {
    const ladder = traceLadder(sceneTrace('dns-test', 'a-b-ping'));
    expect(ladder.arrows.map((a) => a.short)).toEqual([
      'ARP who-has 10.0.0.3',
      'ARP who-has 10.0.0.3',
      expect.stringMatching(/^ARP 10\.0\.0\.3 is-at /),
      expect.stringMatching(/^ARP 10\.0\.0\.3 is-at /),
      'echo request, seq 1',
      'echo request, seq 1',
      'echo reply, seq 1',
      'echo reply, seq 1',
    ]);
  });

  const all = SCENES.filter((s) => s.seed === '000' || s.seed === '004').flatMap((s) =>
    s.packets.map((p) => [s.id, p.id] as const),
  );
  it.each(all)('%s / %s: every hop joins two columns, in time order, and every step has its hop', (s, p) => {
    const trace = sceneTrace(s, p);
    const ladder = traceLadder(trace);
    expect(ladder.arrowOfStep).toHaveLength(trace.steps.length);
    for (let i = 0; i < ladder.arrows.length; i++) {
      const a = ladder.arrows[i];
      expect(a.from).not.toBe(a.to);
      expect(ladder.columns).toContain(a.from);
      expect(ladder.columns).toContain(a.to);
      expect(a.first).toBeLessThanOrEqual(a.step);
      if (i > 0) expect(a.first).toBeGreaterThan(ladder.arrows[i - 1].step);
      expect(ladder.arrowOfStep[a.step]).toBe(i);
      expect(a.short).not.toBe('');
    }
    for (let i = 1; i < trace.steps.length; i++)
      expect(ladder.arrowOfStep[i]).toBeGreaterThanOrEqual(ladder.arrowOfStep[i - 1]);
  });
});
