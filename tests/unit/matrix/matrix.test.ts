import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { type Party, reachCell, reachMatrix, reachParties, verdict } from '../../../src/sim/matrix';
import type { World } from '../../../src/sim/model';
import { sceneById } from '../../../src/sim/scenes';
import { createDefaultWorld } from '../../../src/sim/world';

/** Who can talk to whom, read off lesson Worlds whose answers the seeds show. */

const build = (lines: string[]): World => runScript(createDefaultWorld(), `${lines.join('\n')}\n`).session.world;
const party = (w: World, label: string): Party => {
  const p = reachParties(w).find((x) => x.label === label);
  if (!p) throw new Error(`no party ${label}`);
  return p;
};
const cell = (w: World, from: string, to: string) => reachCell(w, party(w, from), party(w, to));

describe('reachMatrix on seed 004’s port-forwarding World', () => {
  const scene = sceneById('port-forwarding');
  if (!scene) throw new Error('scene');
  const w = build(scene.script);

  it('lists running containers, then the machines that are not routers', () => {
    expect(reachParties(w).map((p) => p.label)).toEqual([
      'nginx',
      'nginx2',
      'redColorApp',
      'blueColorApp',
      'greenColorApp',
      'docker-host',
      'pc1',
      'pc2',
      'remote',
      'dns.google',
      'google.com',
    ]);
  });

  it('pc1 cannot ping 172.17.0.2: no route for a private address, the engine’s own reason', () => {
    const c = cell(w, 'pc1', 'nginx');
    expect(c.ping).toHaveLength(1);
    expect(c.ping[0]).toMatchObject({ ok: false, target: '172.17.0.2', line: '@pc1 ping -c 1 -W 1 172.17.0.2' });
    expect(c.ping[0].why?.key).toBe('drop.no-route-private');
    // nginx listens on 80 but nothing publishes it: only its bridge address is tried
    expect(c.http.map((p) => p.target)).toEqual(['172.17.0.2:80']);
    expect(verdict(c.http)?.ok).toBe(false);
  });

  it('pc1 loads nginx2 through -p 8001:80 at the Docker host’s address', () => {
    const h = verdict(cell(w, 'pc1', 'nginx2').http);
    expect(h).toMatchObject({ ok: true, target: '192.168.0.10:8001', summary: 'HTTP 200 from 192.168.0.10:8001' });
    expect(h?.line).toBe('@pc1 curl -s -m 2 http://192.168.0.10:8001/');
  });

  it('greenColorApp’s 8004 forwards to 3030 where nothing listens: refused', () => {
    const c = cell(w, 'pc1', 'greenColorApp');
    expect(c.http.map((p) => p.target)).toEqual(['172.17.0.6:3000', '192.168.0.10:8004']);
    expect(verdict(c.http)).toMatchObject({ ok: false, summary: 'connection refused' });
    expect(verdict(c.http)?.why?.key).toBe('app.refused');
  });

  it('containers on the default bridge reach each other by address and the internet by NAT', () => {
    expect(verdict(cell(w, 'nginx', 'nginx2').ping)?.ok).toBe(true);
    expect(verdict(cell(w, 'nginx', 'nginx2').http)?.target).toBe('172.17.0.3:80');
    expect(verdict(cell(w, 'nginx', 'google.com').http)).toMatchObject({ ok: true, target: '142.250.196.142:80' });
    expect(verdict(cell(w, 'nginx', 'pc1').ping)?.ok).toBe(true);
    // pc1 listens on nothing: no HTTP probe at all
    expect(cell(w, 'nginx', 'pc1').http).toEqual([]);
  });

  it('the whole matrix has one cell per ordered pair, the diagonal left out', () => {
    const m = reachMatrix(w);
    expect(m.cells).toHaveLength(11 * 10);
    expect(m.cells.some((c) => c.from === c.to)).toBe(false);
  });
});

describe('reachCell across networks', () => {
  const w = build([
    'docker network create front',
    'docker network create --internal back',
    'docker run -d --name web --network front nginx',
    'docker run -d --name db --network back redis',
    'docker run -d --name old nginx',
  ]);

  it('a user network and the default bridge are isolated from each other', () => {
    const c = cell(w, 'old', 'web');
    expect(verdict(c.ping)?.ok).toBe(false);
    expect(verdict(c.ping)?.why?.key).toMatch(/^drop\./);
    expect(verdict(c.http)?.ok).toBe(false);
  });

  it('an internal network reaches nothing outside, and no one outside reaches it', () => {
    const out = cell(w, 'db', 'google.com');
    expect(verdict(out.ping)?.ok).toBe(false);
    expect(verdict(out.ping)?.why).toEqual({
      key: 'matrix.unreachable',
      params: { node: 'db', dst: '142.250.196.142' },
    });
    expect(verdict(cell(w, 'remote', 'db').ping)?.ok).toBe(false);
    // redis listens on 6379 only
    expect(cell(w, 'web', 'db').http.map((p) => p.target)).toEqual([expect.stringMatching(/:6379$/)]);
  });

  it('the Docker host reaches every container by its bridge address', () => {
    for (const name of ['web', 'db', 'old']) expect(verdict(cell(w, 'docker-host', name).ping)?.ok, name).toBe(true);
  });
});
