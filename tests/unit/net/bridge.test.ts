import { describe, expect, it } from 'vitest';
import { actions, changes, expectInOrder, run, setup } from './helpers';

const seed004 = [
  'docker network create --driver bridge --subnet 10.0.0.0/24 second-bridge',
  'docker run -d --network second-bridge --name containerA devwikirepo/pingbuntu',
  'docker run -d --network second-bridge --name containerB devwikirepo/pingbuntu',
];

describe('two containers on one bridge', () => {
  it('ARP broadcast flooded by the bridge, reply, FDB learning, then ICMP; the reply line names containerB.second-bridge', () => {
    const s = setup(seed004);
    const r = run(s, 'docker exec containerA ping -c 2 containerB');
    expect(r.exitCode).toBe(0);
    const out = r.output.split('\n');
    expect(out[0]).toBe('PING containerB (10.0.0.3) 56(84) bytes of data.');
    expect(out[1]).toMatch(
      /^64 bytes from containerB\.second-bridge \(10\.0\.0\.3\): icmp_seq=1 ttl=64 time=\d\.\d+ ms$/,
    );
    expect(out[2]).toMatch(
      /^64 bytes from containerB\.second-bridge \(10\.0\.0\.3\): icmp_seq=2 ttl=64 time=0\.\d{3} ms$/,
    );
    expect(out.slice(3, 6)).toEqual([
      '',
      '--- containerB ping statistics ---',
      '2 packets transmitted, 2 received, 0% packet loss, time 1002ms',
    ]);
    expect(out[6]).toMatch(/^rtt min\/avg\/max\/mdev = \d+\.\d{3}\/\d+\.\d{3}\/\d+\.\d{3}\/\d+\.\d{3} ms$/);
    const a = actions(r.trace);
    expectInOrder(a, [
      'dns-query',
      'dns-answer',
      'send',
      'arp-request',
      'transmit',
      'fdb-learn',
      'flood',
      'transmit',
      'arp-reply',
      'transmit',
      'fdb-learn',
      'forward',
      'transmit',
      'arp-learn',
      'transmit',
      'forward',
      'transmit',
      'deliver',
      'reply',
      'deliver',
    ]);
    expect(a.filter((x) => x === 'arp-request')).toHaveLength(1);
    const ch = changes(r.trace);
    expect(ch.filter((c) => c.table === 'fdb' && c.kind === 'add')).toHaveLength(2);
    expect(ch.some((c) => c.table === 'arp' && c.kind === 'add' && (c.entry as { ip: string }).ip === '10.0.0.3')).toBe(
      true,
    );
    // every step points at a canvas id
    for (const st of r.trace!.steps) {
      const id = 'node' in st.at ? st.at.node : st.at.link;
      expect(id).toMatch(
        /^(ctr:|net:|seg:|veth:|brhost:|if:|docker-host$|pc\d$|router$|internet$|remote$|dns$|google\.com$)/,
      );
    }
  });

  it('a second ping reuses the ARP and FDB entries (ip neigh REACHABLE, bridge fdb learned)', () => {
    let s = setup(seed004);
    s = run(s, 'docker exec containerA ping -c 1 containerB').session;
    const r = run(s, 'docker exec containerA ping -c 1 10.0.0.3');
    expect(r.output.split('\n')[1]).toMatch(/^64 bytes from 10\.0\.0\.3: icmp_seq=1 ttl=64 time=0\.0\d\d ms$/);
    expect(actions(r.trace)).not.toContain('arp-request');
    expect(actions(r.trace)).not.toContain('fdb-learn');
    const ch = changes(r.trace);
    expect(ch.some((c) => c.table === 'arp' && c.kind === 'hit')).toBe(true);
    expect(ch.some((c) => c.table === 'fdb' && c.kind === 'hit')).toBe(true);
    const a = Object.values(r.session.world.containers).find((c) => c.name === 'containerA')!;
    expect(a.arp).toEqual([expect.objectContaining({ ip: '10.0.0.3', dev: 'eth0', state: 'REACHABLE' })]);
    const fdb = run(r.session, 'bridge fdb show');
    expect(fdb.output.match(/ dev veth[0-9a-f]{7} master br-[0-9a-f]{12} $/gm)).toHaveLength(2);
    const ct = run(r.session, 'conntrack -L');
    expect(ct.output).toMatch(
      /^icmp {5}1 28 src=10\.0\.0\.2 dst=10\.0\.0\.3 type=8 code=0 id=\d+ src=10\.0\.0\.3 dst=10\.0\.0\.2 type=0 code=0 id=\d+ mark=0 use=1$/m,
    );
  });

  it('curl between containers by name reaches the app (TCP over the bridge)', () => {
    const s = setup([
      ...seed004,
      'docker run -d --network second-bridge --name web nginx',
      'docker run -d --network second-bridge --name tools nicolaka/netshoot sleep infinity',
    ]);
    const r = run(s, 'docker exec tools curl -s web');
    expect(r.output).toContain('<h1>Welcome to nginx!</h1>');
    expectInOrder(actions(r.trace), [
      'dns-query',
      'dns-answer',
      'send',
      'arp-request',
      'flood',
      'arp-reply',
      'deliver',
      'reply',
      'deliver',
      'send',
      'app',
      'reply',
    ]);
  });
});
