import { beforeAll, describe, expect, test } from 'vitest';
import { parseProject } from '../../../src/io/project';
import { createAppStore } from '../../../src/store/appStore';
import { loadEngine } from '../../../src/store/engine';
import { COPY_PREFIX, newGuard, readStamp, SAVE_KEY, startAutosave } from '../../../src/store/persist';
import { keepMine, loadTheirs } from '../../../src/store/tabConflict';

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    map: m,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
}
beforeAll(async () => {
  await loadEngine();
}, 60_000);

const tick = () => new Promise((r) => setTimeout(r, 10));
const nets = (text: string | undefined) => {
  const res = parseProject(text ?? '');
  return res.ok ? Object.values(res.doc.world.networks).map((n) => n.name) : [];
};

/** Two tabs of one browser: one storage, a store and a guard each. */
function twoTabs() {
  const storage = memoryStorage();
  const tab = (id: string) => {
    const store = createAppStore();
    const guard = newGuard(storage, id);
    const stop = startAutosave(store, storage, () => false, 0, guard);
    return { store, guard, stop };
  };
  return { storage, a: tab('A'), b: tab('B') };
}

describe('autosave across tabs', () => {
  test('each write carries the tab and a revision; a tab that finds a newer save from another stops and asks', async () => {
    const { storage, a, b } = twoTabs();
    a.store.getState().run('docker network create mine-a');
    await tick();
    expect(readStamp(storage)).toEqual({ tab: 'A', rev: 1 });
    expect(JSON.parse(storage.map.get(SAVE_KEY) ?? '').saved).toEqual({ tab: 'A', rev: 1 });
    b.store.getState().run('docker network create mine-b');
    await tick();
    // B did not write over A's work
    expect(nets(storage.map.get(SAVE_KEY))).toContain('mine-a');
    expect(nets(storage.map.get(SAVE_KEY))).not.toContain('mine-b');
    expect(b.store.getState().notices.map((n) => [n.key, n.tabConflict])).toEqual([['notice.otherTab', true]]);
    // and it keeps not writing while it asks
    b.store.getState().run('docker network create mine-b2');
    await tick();
    expect(readStamp(storage)).toEqual({ tab: 'A', rev: 1 });
    // A goes on saving (its stamp is still the newest)
    a.store.getState().run('docker network create mine-a2');
    await tick();
    expect(readStamp(storage)).toEqual({ tab: 'A', rev: 2 });
    a.stop();
    b.stop();
  });

  test('Load theirs: the other tab’s work opens here, mine is kept as a copy and one undo away', async () => {
    const { storage, a, b } = twoTabs();
    a.store.getState().run('docker network create mine-a');
    await tick();
    b.store.getState().run('docker network create mine-b');
    await tick();
    await loadTheirs(b.store, storage, b.guard, 't1');
    const names = () => Object.values(b.store.getState().world.networks).map((n) => n.name);
    expect(names()).toContain('mine-a');
    expect(nets(storage.map.get(`${COPY_PREFIX}t1`))).toContain('mine-b');
    expect(b.store.getState().notices.map((n) => n.key)).toEqual(['notice.tabCopy']);
    // loading theirs wrote nothing back (A is not told its own work changed)
    await tick();
    expect(readStamp(storage)).toEqual({ tab: 'A', rev: 1 });
    // B saves again from here on
    b.store.getState().run('docker network create after');
    await tick();
    expect(readStamp(storage)).toEqual({ tab: 'B', rev: 2 });
    b.store.temporal.getState().undo();
    b.store.temporal.getState().undo();
    expect(names()).toContain('mine-b');
    a.stop();
    b.stop();
  });

  test('Keep mine: this tab’s work becomes the save, theirs is kept as a copy; then the other tab asks', async () => {
    const { storage, a, b } = twoTabs();
    a.store.getState().run('docker network create mine-a');
    await tick();
    b.store.getState().run('docker network create mine-b');
    await tick();
    keepMine(b.store, storage, b.guard, 't2');
    expect(nets(storage.map.get(SAVE_KEY))).toContain('mine-b');
    expect(nets(storage.map.get(`${COPY_PREFIX}t2`))).toContain('mine-a');
    expect(readStamp(storage)).toEqual({ tab: 'B', rev: 2 });
    a.store.getState().run('docker network create mine-a2');
    await tick();
    expect(nets(storage.map.get(SAVE_KEY))).not.toContain('mine-a2');
    expect(a.store.getState().notices.map((n) => n.key)).toEqual(['notice.otherTab']);
    a.stop();
    b.stop();
  });
});
