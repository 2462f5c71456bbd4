import { describe, expect, it } from 'vitest';
import { run, setup } from './helpers';

describe('neighbour entries age as Linux ages them', () => {
  // Linux net/core/neighbour.c: neigh_event_send moves a used STALE entry to DELAY
  // (delay_first_probe_time 5 s); neigh_timer_handler then finds it confirmed (or probes it, PROBE,
  // and the answer confirms it): REACHABLE. It does not turn REACHABLE on the packet itself. (This
  // test asserted REACHABLE right after the packet before.)
  it('REACHABLE for 30 s after the ARP answer, then STALE; the next packet uses it without ARP: DELAY, 5 s later REACHABLE', () => {
    let s = setup([
      'docker network create n1',
      'docker run -d --name aa1 --network n1 nicolaka/netshoot sleep infinity',
      'docker run -d --name bb1 --network n1 nicolaka/netshoot sleep infinity',
      'docker exec aa1 ping -c 1 bb1',
    ]);
    const state = () => run(s, 'docker exec aa1 ip neigh').output.trim().split(' ').pop();
    expect(state()).toBe('REACHABLE');
    s = run(s, 'sleep 40').session;
    expect(state()).toBe('STALE');
    const again = run(s, 'docker exec aa1 ping -c 1 bb1');
    expect(again.trace!.steps.some((x) => x.action === 'arp-request')).toBe(false);
    s = again.session;
    expect(state()).toBe('DELAY');
    s = run(s, 'sleep 5').session;
    expect(state()).toBe('REACHABLE');
    s = run(s, 'sleep 20').session;
    expect(state()).toBe('REACHABLE');
    s = run(s, 'sleep 15').session;
    expect(state()).toBe('STALE');
  });

  // arp_process: a request for us makes neigh_event_ns note the asker STALE; the echo reply then
  // uses it (DELAY); the asker's entry came from the reply itself, so it is REACHABLE
  it('the target of the ARP exchange notes the asker STALE, its reply puts it in DELAY, 5 s later REACHABLE', () => {
    let s = setup([
      'docker network create n1',
      'docker run -d --name aa1 --network n1 nicolaka/netshoot sleep infinity',
      'docker run -d --name bb1 --network n1 nicolaka/netshoot sleep infinity',
    ]);
    const ping = run(s, 'docker exec aa1 ping -c 1 bb1');
    const reply = ping.trace!.steps.find((x) => x.action === 'arp-reply')!;
    expect(reply.changes.find((c) => c.table === 'arp')?.entry).toMatchObject({ ip: '172.18.0.2', state: 'STALE' });
    s = ping.session;
    const neigh = (c: string) => run(s, `docker exec ${c} ip neigh`).output;
    expect(neigh('bb1')).toMatch(/^172\.18\.0\.2 dev eth0 lladdr ([0-9a-f]{2}:){5}[0-9a-f]{2} DELAY $/);
    expect(neigh('aa1')).toMatch(/^172\.18\.0\.3 dev eth0 lladdr ([0-9a-f]{2}:){5}[0-9a-f]{2} REACHABLE $/);
    s = run(s, 'sleep 5').session;
    expect(neigh('bb1')).toMatch(/ REACHABLE $/);
  });
});
