import { beforeAll, describe, expect, test } from 'vitest';
import { createAppStore } from '../../../src/store/appStore';
import { loadEngine } from '../../../src/store/engine';
import { tablesView } from '../../../src/store/tablesView';

beforeAll(async () => {
  await loadEngine();
});

const view = (store: ReturnType<typeof createAppStore>) => {
  const s = store.getState();
  return tablesView(s.world, s.trace, s.traceWorlds, s.cursor, s.filters);
};

describe('store: a packet command keeps the World before it beside its trace', () => {
  test('run records before/after; the Inspector view follows the cursor, then the live World', () => {
    const store = createAppStore();
    store.getState().run('docker run -d --name web nginx');
    expect(store.getState().traceWorlds).toBeNull();
    const before = store.getState().world;
    store.getState().run('ping -c 1 172.17.0.2');
    const { trace, traceWorlds, world } = store.getState();
    expect(traceWorlds).toEqual({ before, after: world });
    expect(traceWorlds?.before).toBe(before);
    expect(traceWorlds?.after).toBe(world);
    expect(store.getState().cursor).toBe(0);
    expect(view(store).step).toBe(0);
    expect(view(store).world.machines['docker-host'].arp).toEqual([]);
    store.getState().jumpTo(trace!.steps.findIndex((x) => x.action === 'arp-learn'));
    expect(view(store).world.machines['docker-host'].arp.map((e) => e.ip)).toEqual(['172.17.0.2']);
    store.getState().toEnd();
    expect(view(store)).toEqual({ world, step: null });
    // undo goes back to the World before the ping: the tables are live again
    store.getState().restart();
    store.temporal.getState().undo();
    expect(view(store)).toEqual({ world: before, step: null });
    store.getState().loadTrace(null);
    expect(store.getState().traceWorlds).toBeNull();
  });
});
