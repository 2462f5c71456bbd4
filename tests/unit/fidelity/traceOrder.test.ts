import { describe, expect, it } from 'vitest';
import { formatExplain } from '../../../src/i18n/trace';
import { runScript } from '../../../src/sim/console';
import type { Step } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;
const at = (steps: Step[], node: string, key: string, from = 0) =>
  steps.findIndex((s, i) => i >= from && s.explain.key === key && s.explain.params.node === node);

// Linux netfilter hooks (PREROUTING: DNAT and a reply's un-SNAT, then routing and FORWARD, then
// POSTROUTING: SNAT/MASQUERADE and a reply's un-DNAT), nf_conntrack_icmp (errors RELATED to the
// flow they quote), neigh_event_ns (the ARP target notes the asker STALE), icmp_send on a failed
// next-hop ARP, and the TCP close; ping output as iputils prints it.
describe('traces that tell events in the order Linux does them', () => {
  it('a reply’s un-DNAT comes after routing (POSTROUTING), its conntrack lookup before', () => {
    const r = play([
      'docker run -d --name web -p 8080:80 nginx',
      '@pc1 curl -s -o /dev/null http://192.168.0.10:8080/',
    ]);
    const s = r[1].trace!.steps;
    const hit = s.findIndex((x) => x.action === 'conntrack-hit' && x.frame.l4?.flags === 'SYN,ACK');
    const route = s.findIndex((x, i) => i > hit && x.action === 'route' && x.explain.params.node === 'docker-host');
    const unnat = at(s, 'docker-host', 'nat.un-dnat');
    expect(hit).toBeGreaterThan(0);
    expect(hit < route && route < unnat).toBe(true);
    expect(s[unnat].frame.ip?.src).toBe('192.168.0.10');
  });

  it('a masqueraded flow’s later packets are masqueraded after routing', () => {
    const r = play([
      'docker run -d --name box nicolaka/netshoot sleep infinity',
      'docker exec box curl -s -o /dev/null http://google.com/',
    ]);
    const s = r[1].trace!.steps;
    const snat = s.findIndex((x) => x.explain.key === 'nat.ct-snat' && x.explain.params.node === 'docker-host');
    expect(snat).toBeGreaterThan(0);
    const routeBefore = s
      .slice(0, snat)
      .reverse()
      .find((x) => x.explain.params.node === 'docker-host' && x.action !== 'conntrack-hit');
    expect(routeBefore?.action).toBe('route');
  });

  it('the client’s bare ACK ends the handshake, the FIN exchange comes before TIME_WAIT', () => {
    const r = play([
      'docker run -d --name web -p 8080:80 nginx',
      '@pc1 curl -s -o /dev/null http://192.168.0.10:8080/',
    ]);
    const s = r[1].trace!.steps;
    const synAckIn = s.findIndex((x) => x.action === 'deliver' && x.explain.params.node === 'pc1');
    const ack = s.findIndex((x) => x.explain.key === 'tcp.ack');
    const request = s.findIndex((x) => x.action === 'send' && x.frame.l4?.flags === 'PSH,ACK');
    const close = s.findIndex((x) => x.explain.key === 'tcp.close');
    expect(synAckIn < ack && ack < request && request < close).toBe(true);
    expect(close).toBe(s.length - 1);
    expect(
      s[close].changes.some((c) => c.table === 'conntrack' && (c.entry as { state: string }).state === 'TIME_WAIT'),
    ).toBe(true);
    expect(formatExplain('ko', s[close].explain)).toContain('TIME_WAIT');
  });

  it('the ARP target notes the asker STALE (neigh_event_ns), the asker learns REACHABLE', () => {
    const r = play([
      'docker run -d --name a1 nicolaka/netshoot sleep infinity',
      'docker run -d --name a2 nicolaka/netshoot sleep infinity',
      'docker exec a1 ping -c 1 172.17.0.3',
    ]);
    const s = r[2].trace!.steps;
    const reply = s.find((x) => x.action === 'arp-reply')!;
    expect(reply.changes.find((c) => c.table === 'arp')?.entry).toMatchObject({ ip: '172.17.0.2', state: 'STALE' });
    const learn = s.find((x) => x.action === 'arp-learn')!;
    expect(learn.changes.find((c) => c.table === 'arp')?.entry).toMatchObject({ ip: '172.17.0.3', state: 'REACHABLE' });
    expect(formatExplain('en', reply.explain)).toContain('STALE');
  });

  it('a failed next-hop ARP at the gateway: “From <gateway> … Destination Host Unreachable”', () => {
    const r = play([
      'docker run -d --name a1 nicolaka/netshoot sleep infinity',
      'docker exec a1 ping -c 1 192.168.0.99',
    ]);
    expect(r[1].output).toBe(
      [
        'PING 192.168.0.99 (192.168.0.99) 56(84) bytes of data.',
        'From 172.17.0.1 icmp_seq=1 Destination Host Unreachable',
        '',
        '--- 192.168.0.99 ping statistics ---',
        '1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms',
        '',
      ].join('\n'),
    );
    const s = r[1].trace!.steps;
    const err = s.find((x) => x.explain.key === 'ip.host-unreachable');
    expect(err?.frame.ip).toMatchObject({ src: '172.17.0.1', dst: '172.17.0.2' });
  });

  it('traceroute: time exceeded goes to the NATed source and each NAT undoes itself (RELATED)', () => {
    const r = play([
      'docker run -d --name a1 nicolaka/netshoot sleep infinity',
      'docker exec a1 traceroute -n -m 3 8.8.8.8',
    ]);
    const s = r[1].trace!.steps;
    const hop3 = s.findIndex((x) => x.explain.key === 'ip.time-exceeded' && x.explain.params.hop === 3);
    expect(s[hop3].frame.ip?.dst).toBe('124.111.46.91');
    const related = s
      .filter((x, i) => i > hop3 && x.explain.key === 'nat.related')
      .map((x) => [x.explain.params.node, x.frame.ip?.dst]);
    expect(related).toEqual([
      ['router', '192.168.0.10'],
      ['docker-host', '172.17.0.2'],
    ]);
    const last = s.slice(hop3).find((x) => x.action === 'deliver');
    expect(last?.explain.params.node).toBe('a1');
  });

  it('bridged traffic passes netfilter before the frame reaches the target (ct.bridged first)', () => {
    const r = play([
      'docker run -d --name web nginx',
      'docker run -d --name box nicolaka/netshoot sleep infinity',
      'docker exec box curl -s -o /dev/null http://172.17.0.2/',
    ]);
    const s = r[2].trace!.steps;
    const bridged = s.findIndex((x) => x.explain.key === 'ct.bridged');
    const arrives = s.findIndex(
      (x) => x.explain.key === 'wire.receive' && x.explain.params.node === 'web' && x.frame.ip,
    );
    expect(bridged).toBeGreaterThan(0);
    expect(bridged).toBeLessThan(arrives);
  });
});
