import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openFragment, shareFragment } from '../../../src/io/shareCodec';
import { openShareFragment, shareLink, shortShareLink } from '../../../src/io/shareLink';
import * as eng from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';
import { createAppStore } from '../../../src/store/appStore';
import { loadEngine } from '../../../src/store/engine';
import { undo } from '../../../src/store/instance';

/** A 20-container world built as a person builds it: console lines and canvas gestures. */
function twentyContainers() {
  const store = createAppStore();
  const s = () => store.getState();
  s().run('docker network create front');
  s().run('docker network create back --subnet 10.20.0.0/24');
  for (let i = 0; i < 20; i++)
    s().run(`docker run -d --name app${i} --network ${i % 2 ? 'front' : 'back'} ${i % 3 ? 'nginx' : 'redis'}`);
  s().run('docker run -d --name edge -p 8080:80 nginx');
  // a gesture: connect app0 to front as well (the canvas runs docker lines at the host)
  expect(s().gesture(['docker network connect front app0']).ok).toBe(true);
  s().run('docker exec app1 curl -s app3');
  const app5 = Object.values(s().world.containers).find((c) => c.name === 'app5');
  s().pin(`ctr:${app5?.id}`, { x: 120, y: 480 });
  s().pin('pc1', { x: 900, y: 40 });
  return store;
}

const BASE = 'https://whalewire.example/app/';

describe('short share links', () => {
  beforeAll(async () => {
    await loadEngine();
  });

  it('carry a 20-container world in under 2,000 characters, and open it exactly', async () => {
    const store = twentyContainers();
    const st = store.getState();
    expect(Object.keys(st.world.containers)).toHaveLength(21);
    const url = await shortShareLink({ world: st.world, pinned: st.pinned, recipe: st.recipe }, BASE, loadEngine);
    expect(url.length).toBeLessThan(2000);
    expect(url).toMatch(/^https:\/\/whalewire\.example\/app\/#c=/);
    const old = shareLink({ world: st.world, pinned: st.pinned }, BASE);
    expect(old.length).toBeGreaterThan(20 * url.length);
    const opened = await openShareFragment(new URL(url).hash, loadEngine);
    expect(opened?.ok).toBe(true);
    if (!opened?.ok) return;
    expect(opened.doc.world).toEqual(st.world);
    expect(opened.doc.pinned).toEqual(st.pinned);
    // the opened project keeps its recipe, so sharing it again is as short
    expect(opened.doc.recipe).toEqual(st.recipe);
  });

  it('fall back to the compressed World when the lines no longer rebuild it (after an undo)', async () => {
    const store = twentyContainers();
    store.getState().run('docker network create extra');
    undo(store);
    const st = store.getState();
    expect(Object.values(st.world.networks).some((n) => n.name === 'extra')).toBe(false);
    const frag = shareFragment({ world: st.world, pinned: st.pinned, recipe: st.recipe }, createDefaultWorld, eng);
    expect(frag.startsWith('w=')).toBe(true);
    const opened = openFragment('w', frag.slice(2), createDefaultWorld, eng);
    expect(opened.ok && opened.doc.world).toEqual(st.world);
  });

  it('use the World for a project with no known lines (an import), and it opens', async () => {
    const store = twentyContainers();
    const st = store.getState();
    const url = await shortShareLink({ world: st.world, pinned: st.pinned, recipe: null }, BASE, loadEngine);
    expect(url).toContain('#w=');
    // lz-string's URI alphabet has "+": it must survive being read from location.hash
    const opened = await openShareFragment(new URL(url).hash, loadEngine);
    expect(opened?.ok && opened.doc.world).toEqual(st.world);
  });

  it('open a link made before short links existed (schema 1 World, base64url JSON)', async () => {
    const link = readFileSync(new URL('../../fixtures/links/v1-project-link.txt', import.meta.url), 'utf8').trim();
    expect(link).toMatch(/#project=eyJ/);
    const opened = await openShareFragment(new URL(link).hash, loadEngine);
    expect(opened?.ok).toBe(true);
    if (!opened?.ok) return;
    const names = Object.values(opened.doc.world.containers).map((c) => c.name);
    expect(names).toEqual(['web', 'cache', 'tool']);
    const web = Object.values(opened.doc.world.containers).find((c) => c.name === 'web');
    expect(web?.endpoints[0].ip).toBe('10.10.0.2');
    expect(opened.doc.pinned).toEqual({ [`ctr:${web?.id}`]: { x: 40, y: 300 } });
    expect(opened.doc.world.schema).toBe(2);
  });

  it.each([
    ['#c=garbage!!', 'the link is damaged (not lz-string data)'],
    ['#w=garbage!!', 'the link is damaged (not lz-string data)'],
  ])('refuse a damaged link %s with a message', async (hash, error) => {
    expect(await openShareFragment(hash, loadEngine)).toEqual({ ok: false, error });
  });

  it('refuse a command link whose payload is not a list of commands', () => {
    const opened = openFragment('c', 'N4XyA', createDefaultWorld, eng); // lz of "{}"-like noise
    expect(opened.ok).toBe(false);
  });

  it('ignore a fragment that holds no project', async () => {
    expect(await openShareFragment('#other=1', loadEngine)).toBeNull();
    expect(await openShareFragment('', loadEngine)).toBeNull();
  });
});
