import { describe, expect, it } from 'vitest';
import { run, setup } from './helpers';

/**
 * A neighbour that never answers, as Linux keeps it (net/core/neighbour.c neigh_timer_handler:
 * mcast_solicit 3 and ucast_solicit 3 requests 1 s apart, then NUD_FAILED; neigh_fill_info puts
 * the lladdr only for a valid state) and iproute2 prints it: `10.0.0.9 dev eth0 FAILED `.
 */
describe('ip neigh: INCOMPLETE, PROBE and FAILED', () => {
  const base = [
    'docker network create --subnet 10.0.0.0/24 n1',
    'docker run -d --name aa1 --network n1 nicolaka/netshoot sleep infinity',
  ];

  it('an address nobody has: INCOMPLETE while asked (no lladdr), FAILED after its 3 requests, and it stays', () => {
    let s = setup([...base]);
    const ping = run(s, 'docker exec aa1 ping -c 1 -W 1 10.0.0.9');
    expect(ping.output).toContain('1 packets transmitted, 0 received');
    s = ping.session;
    const neigh = () => run(s, 'docker exec aa1 ip neigh').output;
    // ping -W 1 gave up before the kernel did (2 s on the clock: its 3 requests take 3 s)
    expect(neigh()).toBe('10.0.0.9 dev eth0 INCOMPLETE ');
    s = run(s, 'sleep 1').session;
    expect(neigh()).toBe('10.0.0.9 dev eth0 FAILED ');
    s = run(s, 'sleep 600').session;
    expect(neigh()).toBe('10.0.0.9 dev eth0 FAILED ');
  });

  it('asked again after FAILED: INCOMPLETE again; a new holder’s unsolicited ARPs give it its lladdr', () => {
    let s = setup([...base]);
    s = run(s, 'docker exec aa1 ping -c 1 -W 1 10.0.0.9').session;
    s = run(s, 'sleep 5').session;
    expect(run(s, 'docker exec aa1 ip neigh').output).toBe('10.0.0.9 dev eth0 FAILED ');
    const again = run(s, 'docker exec aa1 ping -c 1 -W 1 10.0.0.9').session;
    expect(run(again, 'docker exec aa1 ip neigh').output).toBe('10.0.0.9 dev eth0 INCOMPLETE ');
    s = run(s, 'docker run -d --name bb1 --network n1 --ip 10.0.0.9 nicolaka/netshoot sleep infinity').session;
    const mac = Object.values(s.world.containers).find((c) => c.name === 'bb1')!.endpoints[0].mac;
    // bb1's unsolicited ARPs update the FAILED entry aa1 has (arp_process: neigh_update, STALE)
    expect(run(s, 'docker exec aa1 ip neigh').output).toBe(`10.0.0.9 dev eth0 lladdr ${mac} STALE `);
    const ok = run(s, 'docker exec aa1 ping -c 1 10.0.0.9');
    expect(ok.output).toContain('1 received');
    expect(ok.trace!.steps.filter((x) => x.action === 'arp-request').map((x) => x.frame.arp?.targetIp)).toEqual([
      '10.0.0.2',
    ]);
    expect(run(ok.session, 'docker exec aa1 ip neigh').output).toBe(`10.0.0.9 dev eth0 lladdr ${mac} DELAY `);
  });

  it('a neighbour that has gone while REACHABLE: no ARP, the frame goes to the old MAC and is lost; stale, then DELAY, PROBE, FAILED', () => {
    let s = setup([
      ...base,
      'docker run -d --name bb1 --network n1 --ip 10.0.0.9 nicolaka/netshoot sleep infinity',
      'docker exec aa1 ping -c 1 10.0.0.9',
    ]);
    const mac = Object.values(s.world.containers).find((c) => c.name === 'bb1')!.endpoints[0].mac;
    s = run(s, 'docker rm -f bb1').session;
    const lost = run(s, 'docker exec aa1 ping -c 1 -W 1 10.0.0.9');
    expect(lost.output).toContain('1 packets transmitted, 0 received');
    const actions = lost.trace!.steps.map((x) => x.action);
    // the kernel does not ask while the entry is REACHABLE (neigh_resolve_output: NUD_VALID)
    expect(actions).not.toContain('arp-request');
    const gone = lost.trace!.steps.find((x) => x.explain.key === 'drop.neigh-gone')!;
    expect(gone.frame.eth?.dst).toBe(mac);
    expect(lost.trace!.steps.some((x) => x.explain.key === 'bridge.flood-unknown' && x.frame.eth?.dst === mac)).toBe(
      true,
    );
    s = lost.session;
    const neigh = () => run(s, 'docker exec aa1 ip neigh').output;
    expect(neigh()).toBe(`10.0.0.9 dev eth0 lladdr ${mac} REACHABLE `);

    // 30 s unconfirmed: STALE; the next packet puts it in DELAY, unicast probes (PROBE), then FAILED
    s = run(s, 'sleep 30').session;
    expect(neigh()).toBe(`10.0.0.9 dev eth0 lladdr ${mac} STALE `);
    const again = run(s, 'docker exec aa1 ping -c 1 -W 1 10.0.0.9');
    expect(again.trace!.steps.map((x) => x.action)).not.toContain('arp-request');
    s = again.session;
    const failedAt = Object.values(s.world.containers).find((c) => c.name === 'aa1')!.arp[0].at!;
    const expected = (ms: number) =>
      ms < 5000
        ? `10.0.0.9 dev eth0 lladdr ${mac} DELAY `
        : ms < 8000
          ? `10.0.0.9 dev eth0 lladdr ${mac} PROBE `
          : '10.0.0.9 dev eth0 FAILED ';
    const seen = [neigh().split(' ').at(-2)];
    expect(neigh()).toBe(expected(s.world.clock - failedAt));
    for (const wait of [1, 2, 3, 4]) {
      s = run(s, `sleep ${wait}`).session;
      expect(neigh()).toBe(expected(s.world.clock - failedAt));
      seen.push(neigh().split(' ').at(-2));
    }
    expect([...new Set(seen)]).toEqual(['DELAY', 'PROBE', 'FAILED']);
    // FAILED: the next packet asks by broadcast again
    const asked = run(s, 'docker exec aa1 ping -c 1 -W 1 10.0.0.9');
    expect(asked.trace!.steps.map((x) => x.action)).toContain('arp-request');
  });

  it('a new container takes the address: its unsolicited ARPs gave the cache the new MAC, so no request', () => {
    const s = setup([
      ...base,
      'docker run -d --name bb1 --network n1 --ip 10.0.0.9 nicolaka/netshoot sleep infinity',
      'docker exec aa1 ping -c 1 10.0.0.9',
      'docker rm -f bb1',
      'docker run -d --name cc1 --network n1 --ip 10.0.0.9 nicolaka/netshoot sleep infinity',
    ]);
    const mac = Object.values(s.world.containers).find((c) => c.name === 'cc1')!.endpoints[0].mac;
    const ping = run(s, 'docker exec aa1 ping -c 1 10.0.0.9');
    expect(ping.output).toContain('1 received');
    const steps = ping.trace!.steps;
    const told = steps.find((x) => x.explain.key === 'arp.unsolicited')!;
    // the entry took the MAC at cc1's start (garp.test.ts); the ping uses it
    expect(told.changes?.[0]).toMatchObject({ table: 'arp', kind: 'hit', entry: { ip: '10.0.0.9', mac } });
    // aa1 asks nobody; cc1, which has never heard of aa1, asks for aa1 to answer
    expect(steps.filter((x) => x.action === 'arp-request').map((x) => x.frame.arp?.targetIp)).toEqual(['10.0.0.2']);
    expect(run(ping.session, 'docker exec aa1 ip neigh').output).toBe(`10.0.0.9 dev eth0 lladdr ${mac} DELAY `);
  });
});
