import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runLine, runScript, type Session } from '../../src/sim/console';
import { inCidr } from '../../src/sim/ipam';
import { createDefaultWorld } from '../../src/sim/world';

/**
 * Random compose files: a valid one comes up with Compose's names, labels and networks, a second
 * `up` changes nothing, and `down` gives back the Docker state the World had before; an invalid one
 * is refused with exit 1 and the World's containers and networks untouched.
 */

const IMAGES = ['nginx', 'redis', 'devwikirepo/pingbuntu', 'httpd'];
const NETS = ['front', 'back', 'data'];

const spec = fc.record({
  services: fc.uniqueArray(fc.constantFrom('web', 'api', 'db', 'cache'), { minLength: 1, maxLength: 4 }),
  images: fc.array(fc.constantFrom(...IMAGES), { minLength: 4, maxLength: 4 }),
  nets: fc.array(fc.subarray(NETS), { minLength: 4, maxLength: 4 }),
  internal: fc.subarray(NETS),
  ports: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  dep: fc.boolean(),
});
type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

function file(s: Spec): Record<string, unknown> {
  const services: Record<string, unknown> = {};
  const used = new Set<string>();
  s.services.forEach((name, i) => {
    const svc: Record<string, unknown> = { image: s.images[i] };
    if (s.nets[i].length) {
      svc.networks = s.nets[i];
      for (const n of s.nets[i]) used.add(n);
    }
    if (s.ports[i]) svc.ports = [`${8000 + i}:80`];
    if (s.dep && i > 0) svc.depends_on = [s.services[i - 1]];
    services[name] = svc;
  });
  const networks = Object.fromEntries([...used].map((n) => [n, s.internal.includes(n) ? { internal: true } : {}]));
  return used.size ? { services, networks } : { services };
}

function start(body: string): Session {
  return runScript(createDefaultWorld(11), `mkdir proj && cd proj\ncat > compose.yaml <<'EOF'\n${body}EOF\n`).session;
}

const dockerState = (s: Session) => JSON.stringify([s.world.networks, s.world.containers]);

describe('compose properties', () => {
  it('up comes up consistently, is idempotent, and down restores the Docker state', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(spec, (s) => {
        const doc = file(s);
        const before = start(stringify(doc));
        const up = runLine(before, 'docker compose up -d');
        expect(up.exitCode).toBe(0);
        const w = up.session.world;
        const cs = Object.values(w.containers);
        expect(cs.map((c) => c.name).sort()).toEqual(s.services.map((n) => `proj-${n}-1`).sort());
        for (const c of cs) {
          const svc = c.name.split('-')[1];
          expect(c.state).toBe('running');
          expect(c.labels).toMatchObject({ 'com.docker.compose.project': 'proj', 'com.docker.compose.service': svc });
          const want = (doc.services as Record<string, { networks?: string[] }>)[svc].networks ?? ['default'];
          const got = c.endpoints.map((e) => w.networks[e.networkId].name).sort();
          expect(got).toEqual(want.map((n) => `proj_${n}`).sort());
          for (const e of c.endpoints) {
            expect(e.aliases).toEqual([c.name, svc]);
            expect(inCidr(e.ip!, w.networks[e.networkId].ipam!.subnet)).toBe(true);
          }
        }
        const again = runLine(up.session, 'docker compose up -d');
        expect(again.output.split('\n').every((l) => l.endsWith('  Running'))).toBe(true);
        expect(dockerState(again.session)).toBe(dockerState(up.session));
        const down = runLine(again.session, 'docker compose down');
        expect(down.exitCode).toBe(0);
        expect(dockerState(down.session)).toBe(dockerState(before));
      }),
      { numRuns: 40 },
    );
  });

  const breakage = fc.constantFrom(
    (d: Record<string, unknown>) => ({ ...d, servises: {} }),
    (d: Record<string, unknown>) => ({ ...d, services: { ...(d.services as object), bad: { image: 5 } } }),
    (d: Record<string, unknown>) => ({
      ...d,
      services: { ...(d.services as object), bad: { image: 'x', networks: ['nowhere'] } },
    }),
    (d: Record<string, unknown>) => ({
      ...d,
      services: { ...(d.services as object), bad: { image: 'x', depends_on: ['ghost'] } },
    }),
    (d: Record<string, unknown>) => ({ ...d, services: { ...(d.services as object), bad: { image: 'x', foo: 1 } } }),
    (d: Record<string, unknown>) => ({
      ...d,
      networks: { ...(d.networks as object), ext: { external: true } },
      services: { ...(d.services as object), bad: { image: 'x', networks: ['ext'] } },
    }),
  );

  it('an invalid file (or a missing external network) is refused and changes nothing', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(spec, breakage, fc.constantFrom('docker compose up -d', 'docker-compose up -d'), (s, br, cmd) => {
        const before = start(stringify(br(file(s))));
        const r = runLine(before, cmd);
        expect(r.exitCode).toBe(1);
        expect(r.output).not.toBe('');
        expect(dockerState(r.session)).toBe(dockerState(before));
      }),
      { numRuns: 40 },
    );
  });
});
