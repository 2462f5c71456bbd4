import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { World } from '../../src/sim/model';
import { dockerOn, hostId, swarmOfHosts } from '../unit/swarm/helpers';

const NETS = ['ov1', 'ov2', 'ov3'];

const service = fc.record({
  global: fc.boolean(),
  replicas: fc.integer({ min: 0, max: 7 }),
  nets: fc.subarray(NETS),
  publish: fc.boolean(),
});
const spec = fc.record({
  hosts: fc.integer({ min: 2, max: 4 }),
  services: fc.array(service, { minLength: 1, maxLength: 4 }),
  /** after creating: scale service i to n */
  scales: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 6 })), { maxLength: 3 }),
  /** then this worker (index ≥ 1) leaves, or none */
  leaver: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
});

type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

function build(s: Spec): World {
  let w = swarmOfHosts(s.hosts);
  for (const n of NETS) w = dockerOn(w, 'docker-host', `docker network create -d overlay ${n}`).world;
  s.services.forEach((svc, i) => {
    const flags = [
      svc.global ? '--mode global' : `--replicas ${svc.replicas}`,
      ...svc.nets.map((n) => `--network ${n}`),
      svc.publish ? `-p ${8080 + i}:80` : '',
    ];
    const r = dockerOn(w, 'docker-host', `docker service create -d --name s${i} ${flags.join(' ')} nginx`);
    expect(r.exitCode, r.output).toBe(0);
    w = r.world;
  });
  for (const [i, n] of s.scales) {
    const k = i % s.services.length;
    if (!s.services[k].global) w = dockerOn(w, 'docker-host', `docker service scale -d s${k}=${n}`).world;
  }
  if (s.leaver !== undefined && s.leaver < s.hosts) w = dockerOn(w, hostId(s.leaver), 'docker swarm leave').world;
  return w;
}

describe('random swarms', () => {
  it('every running task is a container on its own (ready) node with an address on each of its overlays, unique per overlay', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const w = build(s);
        const sw = w.swarm!;
        const ready = new Set(sw.nodes.filter((n) => n.status === 'ready').map((n) => n.machine));
        const running = Object.values(sw.tasks).filter((t) => t.desired === 'running');
        const seen = new Map<string, Set<string>>();
        for (const t of running) {
          expect(ready.has(t.node)).toBe(true);
          const c = w.containers[t.containerId!];
          expect(c, t.id).toBeDefined();
          expect(c.daemon).toBe(t.node);
          expect(c.state).toBe('running');
          const svc = sw.services[t.serviceId];
          const want = [...(svc.ports.length ? ['ingress'] : []), ...svc.networks.map((id) => w.networks[id].name)];
          expect(t.addrs.map((a) => w.networks[a.networkId].name)).toEqual(want);
          for (const a of t.addrs) {
            const ep = c.endpoints.find((e) => e.networkId === a.networkId);
            expect(ep?.ip).toBe(a.ip);
            const used = seen.get(a.networkId) ?? new Set();
            expect(used.has(a.ip), `${a.ip} twice on ${w.networks[a.networkId].name}`).toBe(false);
            used.add(a.ip);
            seen.set(a.networkId, used);
          }
          // with an overlay, docker_gwbridge of its own node comes right after the first one
          if (t.addrs.length) {
            const gw = w.networks[c.endpoints[1].networkId];
            expect([gw.name, gw.daemon]).toEqual(['docker_gwbridge', t.node]);
          }
        }
        // VIPs and node ingress addresses never collide with a task's
        for (const svc of Object.values(sw.services))
          for (const v of svc.vips) expect(seen.get(v.networkId)?.has(v.addr.split('/')[0]) ?? false).toBe(false);
        // no container is left of a task that is gone
        const live = new Set(running.map((t) => t.containerId));
        for (const c of Object.values(w.containers)) expect(live.has(c.id)).toBe(true);
        // replicated services run exactly their replica count, global ones one task per ready node
        for (const svc of Object.values(sw.services)) {
          const mine = running.filter((t) => t.serviceId === svc.id);
          if (svc.mode === 'global') expect(new Set(mine.map((t) => t.node))).toEqual(ready);
          else expect(mine.length).toBe(svc.replicas);
          // spread: no node holds two more of a service's tasks than another ready node
          if (svc.mode === 'replicated' && ready.size > 0) {
            const counts = [...ready].map((n) => mine.filter((t) => t.node === n).length);
            expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(s.leaver === undefined ? 1 : 2);
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
