import { describe, expect, it } from 'vitest';
import { dockerScript } from '../../../src/io/exportScript';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';
import { projectHue, worldToGraph } from '../../../src/store/graph';
import { containerHeight } from '../../../src/ui/canvas/metrics';
import { steps, write } from './helpers';

describe('a compose project on the canvas (read from its labels)', () => {
  const { session } = steps([
    'mkdir shop && cd shop',
    write('compose.yaml', 'services:\n  web:\n    image: nginx\n  db:\n    image: redis\n'),
    'docker compose up -d',
    'docker run -d --name plain nginx',
  ]);
  const g = worldToGraph(session.world);
  const data = (name: string) => g.nodes.map((n) => n.data).find((d) => 'name' in d && d.name === name)!;

  it('tags its containers with project and service, its network with the project, in one hue', () => {
    const hue = projectHue('shop');
    expect(data('shop-web-1')).toMatchObject({ compose: { project: 'shop', service: 'web', hue } });
    expect(data('shop-db-1')).toMatchObject({ compose: { project: 'shop', service: 'db', hue } });
    expect(data('shop_default')).toMatchObject({ compose: { project: 'shop', hue } });
    expect('compose' in data('plain')).toBe(false);
    expect('compose' in data('bridge')).toBe(false);
  });

  it('gives the tag a row of its own in the card height', () => {
    const web = data('shop-web-1');
    if (web.kind !== 'container') throw new Error('not a container');
    const { compose: _, ...bare } = web;
    expect(containerHeight(web)).toBeGreaterThan(containerHeight(bare));
  });

  it('Export docker script keeps the labels, so the rebuilt world is the same project', () => {
    const script = dockerScript(session.world);
    expect(script).toContain('--label com.docker.compose.project=shop');
    const rebuilt = runScript(createDefaultWorld(3), script).session;
    const again = runScript(rebuilt.world, 'docker compose ls\n');
    expect(again.results[0].output).toBe(
      'NAME      STATUS       CONFIG FILES\nshop      running(2)   /root/shop/compose.yaml',
    );
  });
});
