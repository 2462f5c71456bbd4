import { describe, expect, it } from 'vitest';
import { formatExplain } from '../../../src/i18n/trace';
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
      'flood',
      'transmit',
      'arp-reply',
      'transmit',
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
    // the bridge learned both MACs from the containers' unsolicited ARPs at their start (net/garp.ts)
    expect(ch.filter((c) => c.table === 'fdb' && c.kind === 'add')).toHaveLength(0);
    expect(a).not.toContain('fdb-learn');
    const macs = Object.values(s.world.containers).map((c) => c.endpoints[0].mac);
    const br = Object.values(s.world.networks).find((n) => n.name === 'second-bridge')!;
    expect(br.fdb.map((e) => e.mac).sort()).toEqual(macs.sort());
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

  it('a second ping narrates the ARP cache hit at each sender and the bridge forwarding by its learned FDB entry', () => {
    let s = setup(seed004);
    const first = run(s, 'docker exec containerA ping -c 1 containerB');
    // the first ping asks (no arp-hit step); the bridge already had both MACs from the
    // containers' unsolicited ARPs at their start, so even the first reply is forwarded as known
    expect(actions(first.trace)).not.toContain('arp-hit');
    expect(first.trace!.steps.map((x) => x.explain.key)).toContain('bridge.forward-known');
    s = first.session;
    const r = run(s, 'docker exec containerA ping -c 1 10.0.0.3');
    expect(actions(r.trace)).toEqual([
      'send',
      'arp-hit',
      'transmit',
      'forward',
      // br_netfilter sees the frame once the bridge chose its port, before it arrives (issue 13)
      'conntrack-new',
      'transmit',
      'deliver',
      'reply',
      'arp-hit',
      'transmit',
      'forward',
      'transmit',
      'deliver',
    ]);
    const w = r.session.world;
    const ctr = (n: string) => Object.values(w.containers).find((c) => c.name === n)!;
    const [a, b] = [ctr('containerA'), ctr('containerB')];
    const macA = a.endpoints[0]?.mac ?? '';
    const macB = b.endpoints[0]?.mac ?? '';
    expect(macB).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
    const steps = r.trace!.steps;
    const hitA = steps[1];
    expect(hitA.at).toEqual({ node: `ctr:${a.id}` });
    expect(formatExplain('en', hitA.explain)).toBe(
      `containerA already knows 10.0.0.3 is at ${macB} (ARP cache), so no broadcast: the frame goes straight to that MAC.`,
    );
    expect(formatExplain('ko', hitA.explain)).toBe(
      `containerA는 10.0.0.3의 MAC 주소가 ${macB}임을 이미 알고 있으므로(ARP 캐시) 브로드캐스트 없이 그 MAC으로 바로 프레임을 보냅니다.`,
    );
    expect(hitA.changes).toEqual([
      { on: `ctr:${a.id}`, table: 'arp', kind: 'hit', entry: expect.objectContaining({ ip: '10.0.0.3', mac: macB }) },
    ]);
    expect(hitA.frame.eth).toEqual({ src: macA, dst: macB, type: 'IPv4' });
    // the wire step no longer carries the hit: it is on the narrated step
    expect(steps[2].changes).toEqual([]);
    expect(formatExplain('en', steps[8].explain)).toBe(
      `containerB already knows 10.0.0.2 is at ${macA} (ARP cache), so no broadcast: the frame goes straight to that MAC.`,
    );
    const fwd = steps[3];
    const net = Object.values(w.networks).find((n) => n.name === 'second-bridge')!;
    const portB = net.fdb.find((e) => e.mac === macB)!.port;
    expect(fwd.explain.key).toBe('bridge.forward-known');
    expect(formatExplain('en', fwd.explain)).toBe(
      `Bridge ${net.bridge} already learned ${macB} on port ${portB} from an earlier frame (FDB entry), so it forwards the frame only to that port instead of flooding it.`,
    );
    // the particle after the MAC follows its last character (이 or 가)
    expect(formatExplain('ko', fwd.explain)).toMatch(
      new RegExp(
        `^브리지 ${net.bridge}은 앞선 프레임에서 ${macB}(이|가) ${portB} 포트 뒤에 있다고 이미 배웠으므로\\(FDB 항목\\), 플러딩하지 않고 그 포트로만 프레임을 전달합니다\\.$`,
      ),
    );
    expect(fwd.changes).toContainEqual({
      on: `net:${net.id}`,
      table: 'fdb',
      kind: 'hit',
      entry: { mac: macB, port: portB, at: expect.any(Number) },
    });
  });

  it('a second curl narrates each end’s ARP cache hit once, not on every TCP segment', () => {
    let s = setup([
      ...seed004,
      'docker run -d --network second-bridge --name web nginx',
      'docker run -d --network second-bridge --name tools nicolaka/netshoot sleep infinity',
    ]);
    s = run(s, 'docker exec tools curl -s web').session;
    const r = run(s, 'docker exec tools curl -s web');
    const hits = r.trace!.steps.filter((x) => x.action === 'arp-hit');
    expect(hits.map((x) => x.explain.params.node)).toEqual(['tools', 'web']);
    // the later segments still flash the entry they use
    const flashes = r.trace!.steps.filter((x) => x.action === 'transmit' && x.changes.some((c) => c.table === 'arp'));
    expect(flashes.length).toBeGreaterThan(0);
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
