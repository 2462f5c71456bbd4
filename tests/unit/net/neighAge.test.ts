import { describe, expect, it } from 'vitest';
import { run, setup } from './helpers';

describe('neighbour entries age as Linux ages them', () => {
  it('REACHABLE for 30 s after the ARP answer, then STALE; the next packet uses it without ARP and confirms it', () => {
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
    expect(state()).toBe('REACHABLE');
  });
});
