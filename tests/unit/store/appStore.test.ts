import { beforeAll, describe, expect, test } from 'vitest';
import { createAppStore } from '../../../src/store/appStore';
import { loadEngine } from '../../../src/store/engine';
import { loadSave, SAVE_KEY, startAutosave, UNREADABLE_PREFIX } from '../../../src/store/persist';
import { dropCommands } from '../../../src/ui/canvas/gestures';

beforeAll(async () => {
  await loadEngine();
});

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    map: m,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
}

describe('store: history', () => {
  test('a gesture of two commands is one undo step; undo restores the World object', () => {
    const store = createAppStore();
    store.getState().run('docker network create mynet');
    store.getState().run('docker run -dit --name c1 nicolaka/netshoot');
    const before = store.getState().world;
    const c = Object.values(before.containers)[0];
    const from = c.endpoints[0].networkId;
    const mynet = Object.values(before.networks).find((n) => n.name === 'mynet')!.id;
    const lines = dropCommands(before, c.id, from, mynet, false);
    expect(lines).toEqual(['docker network disconnect bridge c1', 'docker network connect mynet c1']);
    const steps = store.temporal.getState().pastStates.length;
    expect(store.getState().gesture(lines).ok).toBe(true);
    expect(store.temporal.getState().pastStates.length).toBe(steps + 1);
    expect(
      store
        .getState()
        .log.filter((e) => e.source === 'gesture')
        .map((e) => e.text),
    ).toEqual(lines);
    store.temporal.getState().undo();
    expect(store.getState().world).toBe(before);
  });

  test('a refused command changes nothing and adds no step; playback never does either', () => {
    const store = createAppStore();
    const world = store.getState().world;
    const res = store.getState().run('docker network connect nosuchnet c1');
    expect(res.ok).toBe(false);
    expect(res.output).toBe('Error response from daemon: No such container: c1');
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    expect(store.getState().world.containers).toBe(world.containers);
    store.getState().loadTrace({ command: 'x', steps: [], outcome: { ok: true, summary: '' } });
    store.getState().select('pc1');
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  test('a failed gesture leaves the World as it was (all or nothing)', () => {
    const store = createAppStore();
    store.getState().run('docker run -dit --name c1 nicolaka/netshoot');
    const before = store.getState().world;
    const res = store
      .getState()
      .gesture(['docker network disconnect bridge c1', 'docker network connect nosuchnet c1']);
    expect(res.ok).toBe(false);
    expect(store.getState().world).toBe(before);
    // the console says the first line's silence was not a success that stayed
    expect(
      store
        .getState()
        .log.slice(-4)
        .map((e) => [e.kind, e.key ?? e.text]),
    ).toEqual([
      ['cmd', 'docker network disconnect bridge c1'],
      ['cmd', 'docker network connect nosuchnet c1'],
      ['err', 'Error response from daemon: network nosuchnet not found'],
      ['note', 'console.rolledBack'],
    ]);
    // a one-line gesture's error needs no such note
    store.getState().gesture(['docker network connect nosuchnet c1']);
    expect(store.getState().log.at(-1)?.kind).toBe('err');
  });
});

describe('persistence', () => {
  test('autosave writes a document that loads back', async () => {
    const storage = memoryStorage();
    const store = createAppStore();
    const stop = startAutosave(store, storage, () => false, 0);
    store.getState().run('docker network create saved');
    await new Promise((r) => setTimeout(r, 10));
    stop();
    const res = await loadSave(storage, 'x');
    expect(res.status).toBe('ok');
    if (res.status === 'ok') expect(Object.values(res.doc.world.networks).map((n) => n.name)).toContain('saved');
  });

  test('a save the browser refuses (quota, private mode) is reported once, and again after it recovered', async () => {
    const storage = memoryStorage();
    let full = true;
    const setItem = storage.setItem;
    storage.setItem = (k: string, v: string) => {
      if (full) throw new DOMException('quota', 'QuotaExceededError');
      setItem(k, v);
    };
    const store = createAppStore();
    const stop = startAutosave(store, storage, () => false, 0);
    const tick = () => new Promise((r) => setTimeout(r, 10));
    const failures = () => store.getState().notices.filter((n) => n.key === 'notice.saveFailed').length;
    store.getState().run('docker network create one');
    await tick();
    expect(failures()).toBe(1);
    store.getState().dismiss(store.getState().notices[0].id);
    store.getState().run('docker network create two');
    await tick();
    expect(failures()).toBe(0);
    full = false;
    store.getState().run('docker network create three');
    await tick();
    expect(storage.map.has(SAVE_KEY)).toBe(true);
    full = true;
    store.getState().run('docker network create four');
    await tick();
    expect(failures()).toBe(1);
    stop();
  });

  test('an unreadable save is kept aside under its own key before anything else', async () => {
    const storage = memoryStorage();
    storage.setItem(SAVE_KEY, '{"broken');
    const res = await loadSave(storage, 'stamp');
    expect(res).toEqual({
      status: 'unreadable',
      error: 'not valid JSON',
      text: '{"broken',
      keptKey: `${UNREADABLE_PREFIX}stamp`,
    });
    expect(storage.map.get(`${UNREADABLE_PREFIX}stamp`)).toBe('{"broken');
    expect(storage.map.has(SAVE_KEY)).toBe(false);
  });

  test('storage that throws is survived: nothing kept aside, the text still returned', async () => {
    const throwing = {
      getItem: () => '{"broken',
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(await loadSave(throwing, 's')).toEqual({
      status: 'unreadable',
      error: 'not valid JSON',
      text: '{"broken',
      keptKey: null,
    });
  });
});

describe('a console inside a container', () => {
  test('a gesture that removes or stops that container brings the console back to the host at once', () => {
    const store = createAppStore();
    store.getState().run('docker run -it --name c1 nicolaka/netshoot bash');
    expect(store.getState().stack.map((f) => f.kind)).toEqual(['machine', 'container']);
    store.getState().gesture(['docker stop c1']);
    expect(store.getState().stack).toEqual([{ kind: 'machine', id: 'docker-host' }]);
    expect(store.getState().log.at(-1)).toMatchObject({
      kind: 'note',
      text: '[c1 is no longer running; back on docker-host]',
    });
    store.getState().run('docker start c1');
    store.getState().run('docker exec -it c1 sh');
    const id = store.getState().stack[1]?.id ?? '';
    store.getState().gesture(['docker rm -f c1']);
    expect(store.getState().stack).toHaveLength(1);
    expect(store.getState().log.at(-1)?.text).toBe(`[${id.slice(0, 12)} is removed; back on docker-host]`);
    // a gesture elsewhere leaves the console where it is
    store.getState().run('docker run -dit --name c2 nicolaka/netshoot');
    store.getState().run('docker exec -it c2 sh');
    store.getState().gesture(['docker network create other']);
    expect(store.getState().stack).toHaveLength(2);
  });
});

describe('selection and notices follow the World', () => {
  const idOf = (store: ReturnType<typeof createAppStore>, name: string) =>
    Object.values(store.getState().world.containers).find((c) => c.name === name)?.id;

  test('a removed node is no longer selected; a container re-created under its name stays selected', () => {
    const store = createAppStore();
    store.getState().run('docker network create mynet');
    store.getState().run('docker run -dit --name c1 nicolaka/netshoot');
    const first = idOf(store, 'c1');
    store.getState().select(`ctr:${first}`);
    // what Publish port runs
    expect(
      store.getState().gesture(['docker rm -f c1', 'docker run -dit --name c1 -p 8080:80 nicolaka/netshoot']).ok,
    ).toBe(true);
    const second = idOf(store, 'c1');
    expect(second).not.toBe(first);
    expect(store.getState().selected).toBe(`ctr:${second}`);
    store.temporal.getState().undo();
    expect(store.getState().selected).toBe(`ctr:${first}`);
    store.getState().run('docker rm -f c1');
    expect(store.getState().selected).toBeNull();
    const net = Object.values(store.getState().world.networks).find((n) => n.name === 'mynet')!;
    store.getState().select(`net:${net.id}`);
    store.getState().run('docker network rm mynet');
    expect(store.getState().selected).toBeNull();
    store.getState().select('pc1');
    store.getState().run('docker network create other');
    expect(store.getState().selected).toBe('pc1');
  });

  test('a newer notice of the same kind replaces the older; a kept-aside save stays', () => {
    const store = createAppStore();
    const s = store.getState();
    s.notify({ tone: 'error', key: 'notice.unreadableSave', keptAside: { storageKey: 'k', text: 'x' } });
    s.notify({ tone: 'error', key: 'notice.dropRefused', params: { error: 'one' } });
    s.notify({ tone: 'error', key: 'notice.dropRefused', params: { error: 'two' } });
    s.notify({ tone: 'info', key: 'notice.openedLink' });
    expect(store.getState().notices.map((n) => [n.key, n.params?.error])).toEqual([
      ['notice.unreadableSave', undefined],
      ['notice.dropRefused', 'two'],
      ['notice.openedLink', undefined],
    ]);
  });
});
