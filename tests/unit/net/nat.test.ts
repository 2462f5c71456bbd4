import { describe, expect, it } from 'vitest';
import { actions, expectInOrder, run, setup } from './helpers';

const nodesOf = (t: { steps: { at: object; action: string }[] } | undefined, action: string) =>
  (t?.steps ?? []).filter((s) => s.action === action).map((s) => (s.at as { node: string }).node);

describe('outbound: container -> google.com', () => {
  it('DNS, route via the gateway, MASQUERADE at the host, NAT at the router, replies un-NATed at both', () => {
    const s = setup(['docker run -d --name tt nicolaka/netshoot sleep infinity']);
    const r = run(s, 'docker exec tt curl -s http://www.google.com/');
    expect(r.output).toContain('<title>Google</title>');
    const t = r.trace!;
    const syn = t.steps.filter((x) => x.frame.l4?.flags === 'SYN' && x.action === 'snat');
    expect(syn.map((x) => [(x.at as { node: string }).node, x.frame.ip!.src])).toEqual([
      ['docker-host', '192.168.0.10'],
      ['router', '124.111.46.91'],
    ]);
    const unnat = t.steps.filter((x) => x.action === 'un-nat' && x.frame.l4?.flags === 'SYN,ACK');
    expect(unnat.map((x) => [(x.at as { node: string }).node, x.frame.ip!.dst])).toEqual([
      ['router', '192.168.0.10'],
      ['docker-host', '172.17.0.2'],
    ]);
    expectInOrder(actions(t), [
      'dns-query',
      'dns-answer',
      'send',
      'route',
      'snat',
      'conntrack-new',
      'route',
      'snat',
      'conntrack-new',
      'route',
      'deliver',
      'reply',
      'route',
      'un-nat',
      'route',
      'un-nat',
      'route',
      'deliver',
    ]);
    // the google.com server sees the router's public address
    const atGoogle = t.steps.find((x) => x.action === 'deliver' && (x.at as { node: string }).node === 'google.com');
    expect(atGoogle?.frame.ip?.src).toBe('124.111.46.91');
  });

  it('TTL drops by one per routed hop: ttl=61 back from google.com, ttl=63 across the docker host', () => {
    const s = setup(['docker run -d --name tt nicolaka/netshoot sleep infinity']);
    expect(run(s, 'docker exec tt ping -c 1 google.com').output).toContain('ttl=61');
    expect(run(s, 'docker exec tt ping -c 1 192.168.0.20').output).toMatch(
      /64 bytes from 192\.168\.0\.20: icmp_seq=1 ttl=63 /,
    );
  });
});

describe('inbound through published ports', () => {
  const pub = ['docker run -d -p 8001:80 --name nginx2 nginx'];

  it('pc1 -> 192.168.0.10:8001 is DNATed to the container; conntrack shows the real-outputs shape', () => {
    const r = run(setup(pub), '@pc1 curl -s http://192.168.0.10:8001/');
    expect(r.output).toContain('<h1>Welcome to nginx!</h1>');
    const dnat = r.trace!.steps.find((x) => x.action === 'dnat')!;
    expect(dnat.frame.ip).toMatchObject({ src: '192.168.0.20', dst: '172.17.0.2' });
    expect(dnat.frame.l4?.dport).toBe(80);
    const back = r.trace!.steps.filter((x) => x.action === 'un-nat');
    expect(back[0].frame.ip).toMatchObject({ src: '192.168.0.10', dst: '192.168.0.20' });
    expect(back[0].frame.l4?.sport).toBe(8001);
    const ct = run(r.session, 'conntrack -L').output;
    expect(ct).toMatch(
      /^tcp {6}6 118 TIME_WAIT src=192\.168\.0\.20 dst=192\.168\.0\.10 sport=(\d+) dport=8001 src=172\.17\.0\.2 dst=192\.168\.0\.20 sport=80 dport=\1 \[ASSURED\] mark=0 use=1$/m,
    );
  });

  it('the docker host -> localhost:8001 goes through docker-proxy, no DNAT for loopback (fact 34)', () => {
    const r = run(setup(pub), 'curl -s localhost:8001');
    expect(r.output).toContain('<h1>Welcome to nginx!</h1>');
    expect(actions(r.trace)).not.toContain('dnat');
    expectInOrder(actions(r.trace), [
      'send',
      'loopback',
      'deliver',
      'send',
      'proxy',
      'send',
      'transmit',
      'deliver',
      'app',
    ]);
    const proxied = r.trace!.steps.find(
      (x) => x.action === 'deliver' && (x.at as { node: string }).node.startsWith('ctr:'),
    );
    expect(proxied?.frame.ip?.src).toBe('172.17.0.1');
  });

  it('remote -> 124.111.46.91 via the router port-forward, then the host DNAT; replies retrace both', () => {
    const s = setup([...pub, '@router portfwd add tcp 80 192.168.0.10 8001']);
    const r = run(s, '@remote curl -s http://124.111.46.91/');
    expect(r.output).toContain('<h1>Welcome to nginx!</h1>');
    expect(nodesOf(r.trace, 'dnat').slice(0, 2)).toEqual(['router', 'docker-host']);
    const unnat = r.trace!.steps.filter((x) => x.action === 'un-nat' && x.frame.l4?.flags === 'SYN,ACK');
    expect(unnat.map((x) => x.frame.ip!.src)).toEqual(['192.168.0.10', '124.111.46.91']);
    const delivered = r.trace!.steps.filter(
      (x) => x.action === 'deliver' && (x.at as { node: string }).node === 'remote',
    );
    expect(delivered[0].frame.ip?.src).toBe('124.111.46.91');
    expect(delivered[0].frame.l4?.sport).toBe(80);
  });
});
