import { describe, expect, it } from 'vitest';
import { run, setup } from './helpers';

const nets = [
  'docker network create n1',
  'docker network create n2',
  'docker run -d --name probe --network n1 nicolaka/netshoot sleep infinity',
  'docker run -d --name peer --network n1 nicolaka/netshoot sleep infinity',
  'docker run -d --name other --network n2 nicolaka/netshoot sleep infinity',
];
const hops = (out: string) => out.split('\n').map((l) => l.replace(/ {2}\d+\.\d{3} ms/g, '  T'));

describe('traceroute (busybox): one line per TTL, names from the embedded DNS', () => {
  it('a container on the same bridge is one hop, named <name>.<network>', () => {
    expect(hops(run(setup(nets), 'docker exec probe traceroute peer').output)).toEqual([
      'traceroute to peer (172.18.0.3), 30 hops max, 46 byte packets',
      ' 1  peer.n1 (172.18.0.3)  T  T  T',
    ]);
  });

  it('to the internet: gateway, router, ISP, then the destination; each hop answers time exceeded', () => {
    const r = run(setup(nets), 'docker exec probe traceroute -n 8.8.8.8');
    expect(hops(r.output)).toEqual([
      'traceroute to 8.8.8.8 (8.8.8.8), 30 hops max, 46 byte packets',
      ' 1  172.18.0.1  T  T  T',
      ' 2  192.168.0.1  T  T  T',
      ' 3  124.111.46.1  T  T  T',
      ' 4  8.8.8.8  T  T  T',
    ]);
    const exceeded = r.trace!.steps.filter((s) => s.explain.key === 'ip.time-exceeded');
    expect(exceeded.map((s) => [s.explain.params.ip, s.explain.params.hop])).toEqual([
      ['172.18.0.1', 1],
      ['192.168.0.1', 2],
      ['124.111.46.1', 3],
    ]);
    // the TTL runs out before the FORWARD chain, so a masqueraded probe still names each router
    expect(r.trace!.steps.filter((s) => s.explain.key === 'drop.ttl-exceeded')).toHaveLength(3);
    expect(r.trace!.outcome.ok).toBe(true);
  });

  it('another bridge: the host answers for TTL 1, then isolation swallows every probe', () => {
    const out = hops(run(setup(nets), 'docker exec probe traceroute -m 4 172.19.0.2').output);
    expect(out).toEqual([
      'traceroute to 172.19.0.2 (172.19.0.2), 4 hops max, 46 byte packets',
      ' 1  172.18.0.1 (172.18.0.1)  T  T  T',
      ' 2  *  *  *',
      ' 3  *  *  *',
      ' 4  *  *  *',
    ]);
  });

  it('an unknown name, and host(1) for names and addresses', () => {
    const s = setup(nets);
    expect(run(s, 'docker exec probe traceroute nosuch')).toMatchObject({
      output: "traceroute: bad address 'nosuch'",
      exitCode: 1,
    });
    expect(run(s, 'docker exec probe host peer').output).toBe('peer has address 172.18.0.3');
    expect(run(s, 'docker exec probe host 172.18.0.3').output).toBe(
      '3.0.18.172.in-addr.arpa domain name pointer peer.n1.',
    );
    expect(run(s, 'docker exec probe host nosuch')).toMatchObject({
      output: 'Host nosuch not found: 3(NXDOMAIN)',
      exitCode: 1,
    });
  });
});
