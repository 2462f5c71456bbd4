import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostsWorld, run, setupOn } from '../unit/multihost/helpers';

const PORTS = [8080, 8081, 9000];
const hostIp = (i: number) => `192.168.0.${10 + i}`;
const hostId = (i: number) => (i === 0 ? 'docker-host' : `docker-host-${i + 1}`);

/** Per host: which of PORTS it publishes (one nginx each). */
const worldSpec = fc
  .integer({ min: 2, max: 3 })
  .chain((n) => fc.array(fc.subarray(PORTS, { minLength: 1 }), { minLength: n, maxLength: n }));

describe('random multi-host worlds (no swarm)', () => {
  it('every published port is reachable from every other host’s containers and from pc1; replies come back un-NATed', () => {
    fc.assert(
      fc.property(worldSpec, (spec) => {
        const lines: string[] = [];
        spec.forEach((ports, i) => {
          const at = i === 0 ? '' : `@${hostId(i)} `;
          lines.push(`${at}docker run -d --name client busybox sleep 1000`);
          for (const p of ports) lines.push(`${at}docker run -d --name web${p} -p ${p}:80 nginx`);
        });
        const s = setupOn(hostsWorld(spec.length), lines);
        const ctr = (host: number, name: string) =>
          Object.values(s.world.containers).find((c) => c.daemon === hostId(host) && c.name === name)!;
        spec.forEach((ports, target) => {
          for (const p of ports) {
            const web = ctr(target, `web${p}`);
            const clients = spec.map((_, i) => i).filter((i) => i !== target);
            for (const from of [...clients, -1]) {
              const line =
                from === -1
                  ? `@pc1 curl -s ${hostIp(target)}:${p}`
                  : `@${ctr(from, 'client').id.slice(0, 12)} wget -qO- ${hostIp(target)}:${p}`;
              const r = run(s, line);
              expect(r.exitCode, line).toBe(0);
              const steps = r.trace!.steps;
              const delivered = steps
                .filter((x) => x.action === 'deliver')
                .map((x) => ('node' in x.at ? x.at.node : ''));
              expect(delivered[0], line).toBe(`ctr:${web.id}`);
              // the reply that reaches the client carries the client's own address and the host's
              const last = [...steps].reverse().find((x) => x.frame.ip)!;
              const clientIp = from === -1 ? '192.168.0.20' : ctr(from, 'client').endpoints[0].ip;
              expect(last.frame.ip, line).toMatchObject({ src: hostIp(target), dst: clientIp });
              // DNAT happened on the target host only
              const dnatAt = steps.filter((x) => x.action === 'dnat').map((x) => ('node' in x.at ? x.at.node : ''));
              expect(new Set(dnatAt), line).toEqual(new Set([hostId(target)]));
            }
          }
        });
      }),
      { numRuns: 12 },
    );
  });
});
