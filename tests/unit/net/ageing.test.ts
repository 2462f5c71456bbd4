import { describe, expect, it } from 'vitest';
import { liveConntrack, neighState } from '../../../src/sim/net/ageing';
import { run, setup } from './helpers';

/** The Inspector's ARP and conntrack rows say what `ip neigh` and `conntrack -L` say at the same clock. */
describe('Inspector table rows follow the clock as the tools do', () => {
  it('an ARP entry unconfirmed for 30 s reads STALE, as ip neigh prints it', () => {
    let s = setup(['docker run -d --name web nginx', 'ping -c 1 172.17.0.2']);
    const host = () => s.world.machines['docker-host'];
    expect(host().arp.map((e) => neighState(e, s.world.clock))).toEqual(['REACHABLE']);
    expect(run(s, 'ip neigh').output).toContain('172.17.0.2 dev docker0 lladdr');
    expect(run(s, 'ip neigh').output).toMatch(/REACHABLE $/);
    s = run(s, 'sleep 30').session;
    expect(run(s, 'ip neigh').output).toMatch(/STALE $/);
    // the World still stores REACHABLE with its time: the row reads it at the clock
    expect(host().arp[0].state).toBe('REACHABLE');
    expect(host().arp.map((e) => neighState(e, s.world.clock))).toEqual(['STALE']);
  });

  it('a conntrack entry whose timeout ran out is gone, as conntrack -L no longer lists it', () => {
    let s = setup([
      'docker run -d -p 8001:80 --name web nginx',
      '@pc1 curl -s 192.168.0.10:8001',
      'ping -c 1 172.17.0.2',
    ]);
    const host = () => s.world.machines['docker-host'];
    expect(liveConntrack(host().conntrack, s.world.clock).map((e) => e.proto)).toEqual(['icmp', 'tcp']);
    s = run(s, 'sleep 30').session;
    expect(run(s, 'conntrack -L').output).toMatch(/ 1 flow entries have been shown\.\ntcp /);
    expect(host().conntrack).toHaveLength(2);
    expect(liveConntrack(host().conntrack, s.world.clock).map((e) => e.proto)).toEqual(['tcp']);
    s = run(s, 'sleep 2m').session;
    expect(liveConntrack(host().conntrack, s.world.clock)).toEqual([]);
  });
});
