import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommandResult, Step, World } from '../../src/sim/model';
import { runShell } from '../../src/sim/shell';
import type { Where } from '../../src/sim/where';
import { dockerOn, hostId, swarmOfHosts } from '../unit/swarm/helpers';

/**
 * Random swarms of 2–4 nodes with a replicated service on an overlay and on the routing mesh:
 * round robin reaches every task by the VIP from a container on every node, and through the
 * routing mesh from pc1 on every node's address; every answer comes back un-NATed to the address
 * and port the client asked.
 */

const spec = fc.record({
  hosts: fc.integer({ min: 2, max: 4 }),
  replicas: fc.integer({ min: 1, max: 4 }),
  port: fc.integer({ min: 8000, max: 9000 }),
  /** an unrelated service created first, so fwmarks and addresses move */
  other: fc.boolean(),
});
type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

function build(s: Spec): World {
  let w = swarmOfHosts(s.hosts);
  const lines = [
    'docker network create -d overlay appnet',
    ...(s.other ? ['docker service create -d --name other --network appnet -p 7000:80 nginx'] : []),
    `docker service create -d --name web --replicas ${s.replicas} --network appnet -p ${s.port}:80 nginx`,
    'docker service create -d --name client --mode global --network appnet nicolaka/netshoot',
  ];
  for (const l of lines) w = dockerOn(w, 'docker-host', l).world;
  return w;
}

const where = (st: Step) => ('node' in st.at ? st.at.node : st.at.link);

/** The task container that got the request, and the last segment the client got back. */
function ends(r: CommandResult, client: string): { served: string; back: Step | undefined } {
  const steps = r.trace!.steps;
  const d = steps.find((st) => st.action === 'deliver' && st.frame.l4?.dport === 80 && where(st).startsWith('ctr:'));
  const back = steps.filter((st) => st.action === 'deliver' && where(st) === client).at(-1);
  return { served: d ? where(d).slice(4) : '', back };
}

describe('the swarm load balancers, property', () => {
  it('every task answers by VIP from every node and through the mesh on every node’s address', () => {
    fc.assert(
      fc.property(spec, (s) => {
        let w = build(s);
        const web = Object.values(w.swarm!.services).find((x) => x.name === 'web')!;
        const tasks = new Set(
          Object.values(w.swarm!.tasks)
            .filter((t) => t.serviceId === web.id)
            .map((t) => t.containerId),
        );
        expect(tasks.size).toBe(s.replicas);
        const appnet = Object.values(w.networks).find((n) => n.name === 'appnet')!;
        const vip = web.vips.find((v) => v.networkId === appnet.id)!.addr.split('/')[0];
        for (let i = 0; i < s.hosts; i++) {
          const c = Object.values(w.containers).find((x) => x.name.startsWith('client.') && x.daemon === hostId(i))!;
          const me = c.endpoints.find((e) => e.networkId === appnet.id)!.ip;
          const seen = new Set<string>();
          for (let k = 0; k < s.replicas; k++) {
            const at: Where = { kind: 'container', id: c.id };
            const r = runShell(w, ['curl', '-s', '-o', '/dev/null', 'web'], at, 'curl web');
            expect(r.exitCode).toBe(0);
            const e = ends(r, `ctr:${c.id}`);
            seen.add(e.served);
            expect(e.back?.frame.ip).toMatchObject({ src: vip, dst: me });
            expect(e.back?.frame.l4?.sport).toBe(80);
            w = r.world;
          }
          expect(seen).toEqual(tasks);
        }
        for (let i = 0; i < s.hosts; i++) {
          const ip = `192.168.0.${10 + i}`;
          const seen = new Set<string>();
          for (let k = 0; k < s.replicas; k++) {
            const url = `${ip}:${s.port}`;
            const r = runShell(
              w,
              ['curl', '-s', '-o', '/dev/null', url],
              { kind: 'machine', id: 'pc1' },
              `curl ${url}`,
            );
            expect(r.exitCode).toBe(0);
            const e = ends(r, 'pc1');
            seen.add(e.served);
            expect(e.back?.frame.ip).toMatchObject({ src: ip, dst: '192.168.0.20' });
            expect(e.back?.frame.l4?.sport).toBe(s.port);
            w = r.world;
          }
          expect(seen).toEqual(tasks);
        }
      }),
      { numRuns: 12 },
    );
  });
});
