import { describe, expect, test } from 'vitest';
import { createSession, runLine } from '../../../src/sim/console';
import { DOCKER_HOST } from '../../../src/sim/ids';
import { addDockerHost, createDefaultWorld } from '../../../src/sim/world';
import { worldToGraph } from '../../../src/store/graph';
import { type Box, layoutGraph } from '../../../src/ui/canvas/layout';

function worldWith(n: number) {
  let s = createSession(createDefaultWorld());
  for (const line of ['docker network create mynet', 'docker network create backend']) s = runLine(s, line).session;
  for (let i = 0; i < n; i++) {
    const net = ['bridge', 'mynet', 'backend'][i % 3];
    const r = runLine(s, `docker run -dit --name c${i} --network ${net} nicolaka/netshoot`);
    expect(r.exitCode).toBe(0);
    s = r.session;
  }
  return s.world;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Boxes of siblings (same parent) must not overlap; children must sit inside the host box. */
function check(n: number) {
  const g = worldToGraph(worldWith(n));
  const layout = layoutGraph(g, {});
  const groups = new Map<string, Box[]>();
  for (const node of g.nodes) {
    const box = layout[node.id];
    expect(box, node.id).toBeTruthy();
    const key = node.parentId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), box]);
    if (node.parentId === DOCKER_HOST) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.w).toBeLessThanOrEqual(layout[DOCKER_HOST].w);
      expect(box.y + box.h).toBeLessThanOrEqual(layout[DOCKER_HOST].h);
    }
  }
  for (const boxes of groups.values())
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j])).toBe(false);
  return layout;
}

describe('layout', () => {
  test.each([0, 1, 7, 60])('%i containers: nothing overlaps, children inside the host', (n) => {
    check(n);
  });

  test('300 containers stay readable: a grid, not a 60 000 px row', () => {
    const layout = check(300);
    const host = layout[DOCKER_HOST];
    expect(host.w / host.h).toBeLessThan(4);
    expect(host.w).toBeLessThan(12000);
  });

  test('a pinned position wins and the host grows to hold it', () => {
    const g = worldToGraph(worldWith(1));
    const id = g.nodes.find((n) => n.data.kind === 'container')!.id;
    const layout = layoutGraph(g, { [id]: { x: 2000, y: 900 } });
    expect(layout[id]).toMatchObject({ x: 2000, y: 900 });
    expect(layout[DOCKER_HOST].w).toBeGreaterThan(2000);
  });

  test('two Docker hosts sit side by side under the LAN, neither stretched: the world stays about one band wide', () => {
    const small = runLine(createSession(createDefaultWorld()), 'docker run -dit --name client nicolaka/netshoot');
    const one = layoutGraph(worldToGraph(small.session.world), {});
    const added = addDockerHost(small.session.world);
    if (!added.ok) throw new Error(added.error);
    let s = createSession(added.world);
    for (const line of [
      '@docker-host-2 docker run -d --name web -p 8080:80 nginx',
      '@docker-host-2 docker network create backend',
    ])
      s = runLine(s, line).session;
    const g = worldToGraph(s.world);
    const layout = layoutGraph(g, {});
    const [h1, h2] = [layout[DOCKER_HOST], layout['docker-host-2']];
    expect(h2.x).toBeGreaterThan(h1.x + h1.w);
    expect(h2.y).toBe(h1.y);
    // host 1 holds only its own cards (it spans the band only when it is alone)
    expect(h1.w).toBeLessThan(one[DOCKER_HOST].w);
    for (const n of g.nodes.filter((x) => x.parentId === 'docker-host-2')) {
      expect(layout[n.id].x + layout[n.id].w, n.id).toBeLessThanOrEqual(h2.w);
      expect(layout[n.id].y + layout[n.id].h, n.id).toBeLessThanOrEqual(h2.h);
    }
    // 1702 px (was 2078: host 1 stretched to 1142 px); at 1280x720 Fit zoomed below the compact-text floor and every name hid
    expect(h2.x + h2.w).toBeLessThan(1.6 * one[DOCKER_HOST].w);
  });
});
