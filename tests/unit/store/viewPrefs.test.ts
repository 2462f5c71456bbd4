import { describe, expect, test } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';
import { createAppStore } from '../../../src/store/appStore';
import { clampSize, DOCK_MIN, dockMax } from '../../../src/store/panelSizes';
import { HIDDEN_NETWORKS_KEY, keepViewPrefs, LARGE_LABELS_KEY, PANELS_KEY } from '../../../src/store/viewPrefs';

function memory(init: Record<string, string> = {}) {
  const m = new Map(Object.entries(init));
  return {
    m,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
}

describe('view preferences: larger labels and the panels as a person left them', () => {
  test('restored from storage, written back on change', () => {
    const storage = memory({
      [LARGE_LABELS_KEY]: '1',
      [PANELS_KEY]: JSON.stringify({ inspectorOpen: false, dockHeight: 320, inspectorWidth: 400 }),
    });
    const store = createAppStore();
    keepViewPrefs(store, storage);
    const s = store.getState();
    expect([s.largeLabels, s.inspectorOpen, s.dockHeight, s.inspectorWidth]).toEqual([true, false, 320, 400]);
    s.setInspectorOpen(true);
    s.setPanelSize({ dockHeight: 200 });
    expect(JSON.parse(storage.m.get(PANELS_KEY) ?? '')).toEqual({
      inspectorOpen: true,
      dockHeight: 200,
      inspectorWidth: 400,
    });
  });

  test.each([
    ['not JSON', '{'],
    ['an array', '[1]'],
    ['wrong types', JSON.stringify({ inspectorOpen: 'no', dockHeight: 'tall', inspectorWidth: -5 })],
  ])('an unreadable saved value (%s) leaves the defaults', (_what, text) => {
    const store = createAppStore();
    keepViewPrefs(store, memory({ [PANELS_KEY]: text }));
    const s = store.getState();
    expect([s.inspectorOpen, s.dockHeight, s.inspectorWidth]).toEqual([true, null, null]);
  });

  test('storage that throws changes nothing and breaks nothing', () => {
    const store = createAppStore();
    const bad = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {},
    };
    keepViewPrefs(store, bad);
    store.getState().setPanelSize({ dockHeight: 300 });
    expect(store.getState().dockHeight).toBe(300);
  });

  test('sizes are clamped to the limits; the dock never takes more than 70% of the window', () => {
    expect(clampSize(50, DOCK_MIN, dockMax(720))).toBe(140);
    expect(clampSize(900, DOCK_MIN, dockMax(720))).toBe(504);
    expect(clampSize(Number.NaN, DOCK_MIN, 500)).toBeNull();
    expect(dockMax(100)).toBe(DOCK_MIN);
  });
});

describe('networks hidden on the canvas', () => {
  const world = runScript(createDefaultWorld(), 'docker network create front\n').session.world;
  const front = Object.values(world.networks).find((n) => n.name === 'front')!;
  test('is a view preference: saved and restored, never in the World or its history', () => {
    const storage = memory();
    const store = createAppStore(world);
    keepViewPrefs(store, storage);
    store.getState().setNetworkHidden(front.id, true);
    expect(JSON.parse(storage.m.get(HIDDEN_NETWORKS_KEY) ?? '')).toEqual([front.id]);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    expect(store.getState().world).toBe(world);
    const again = createAppStore(world);
    keepViewPrefs(again, storage);
    expect(again.getState().hiddenNetworks).toEqual([front.id]);
    again.getState().setNetworkHidden(null);
    expect(storage.m.get(HIDDEN_NETWORKS_KEY)).toBe('[]');
  });

  test.each([['{'], ['{"a":1}'], ['[1, "x"]']])('an unreadable saved value (%s) hides nothing', (text) => {
    const store = createAppStore(world);
    keepViewPrefs(store, memory({ [HIDDEN_NETWORKS_KEY]: text }));
    expect(store.getState().hiddenNetworks).toEqual([]);
  });
});
