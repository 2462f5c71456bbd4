import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { World } from '../../src/sim/model';
import { backendsOf, loadBalancers } from '../../src/sim/swarm/loadBalancer';
import { dockerOn, swarmOfHosts } from '../unit/swarm/helpers';

/**
 * After any sequence of `service update` / `service rollback` (issue 13): a replicated service
 * has exactly `replicas` running tasks, each with its container on its node holding the task's
 * address on every network, and every load balancer of the service (one per VIP) balances over
 * exactly those tasks; no two live endpoints share an address.
 */

const op = fc.oneof(
  fc.constantFrom(
    'update -d --image nginx:alpine',
    'update -d --image nginx',
    'update -d --env-add A=1',
    'update -d --env-rm A',
    'update -d --force',
    'update -d --update-order start-first --force',
    'update -d --network-add ov2',
    'update -d --network-rm ov2',
    'update -d --network-rm ov1',
    'update -d --network-add ov1',
    'update -d --publish-add 9090:80',
    'update -d --publish-rm 80',
    'update -d --label-add x=y',
    'update -d --update-failure-action rollback --image my-image',
    'rollback -d',
    'update -d --rollback',
  ),
  fc.integer({ min: 0, max: 4 }).map((n) => `update -d --replicas ${n}`),
);

function check(w: World) {
  const s = w.swarm!;
  for (const svc of Object.values(s.services)) {
    const live = Object.values(s.tasks).filter((t) => t.serviceId === svc.id && t.desired === 'running');
    // a spec left on an image no registry has (no task was there to fail the update) runs nothing
    if (svc.image === 'my-image:latest') expect(live.filter((t) => t.state === 'running')).toHaveLength(0);
    else expect(live.filter((t) => t.state === 'running')).toHaveLength(svc.replicas);
    const running = live.filter((t) => t.state === 'running');
    for (const t of running) {
      const c = w.containers[t.containerId!];
      expect(c?.daemon).toBe(t.node);
      for (const a of t.addrs) expect(c.endpoints.find((e) => e.networkId === a.networkId)?.ip).toBe(a.ip);
    }
    const lbs = loadBalancers(w).filter((lb) => lb.service.id === svc.id);
    expect(lbs.map((lb) => lb.networkId)).toEqual(svc.vips.map((v) => v.networkId));
    for (const lb of lbs)
      expect(
        backendsOf(w, lb)
          .map((b) => b.task.id)
          .sort(),
      ).toEqual(running.map((t) => t.id).sort());
  }
  const seen = new Set<string>();
  for (const c of Object.values(w.containers))
    for (const e of c.endpoints) {
      if (!e.ip || w.networks[e.networkId]?.scope !== 'swarm') continue;
      const k = `${e.networkId}|${e.ip}`;
      expect(seen.has(k), k).toBe(false);
      seen.add(k);
    }
}

describe('service update / rollback', () => {
  it('keeps replicas running tasks, each reachable through every VIP of its service', () => {
    let base = swarmOfHosts(2);
    for (const n of ['ov1', 'ov2']) base = dockerOn(base, 'docker-host', `docker network create -d overlay ${n}`).world;
    base = dockerOn(
      base,
      'docker-host',
      'docker service create -d --name web -p 8080:80 --network ov1 --replicas 2 nginx',
    ).world;
    fc.assert(
      fc.property(fc.array(op, { maxLength: 8 }), (ops) => {
        let w = base;
        for (const o of ops) {
          const r = dockerOn(w, 'docker-host', `docker service ${o} web`);
          w = r.world;
          check(w);
        }
      }),
      { numRuns: 60 },
    );
  });
});
