import { beforeAll, describe, expect, it } from 'vitest';
import { sceneById } from '../../../src/sim/scenes';
import { createAppStore } from '../../../src/store/appStore';
import { loadEngine } from '../../../src/store/engine';
import { undo } from '../../../src/store/instance';
import { hasUserWork, loadScene } from '../../../src/ui/sim/loadScene';

/** Loading a lesson through the store: console echo, one undo step, nothing the person built lost. */

beforeAll(async () => {
  await loadEngine();
});

const names = (s: ReturnType<typeof createAppStore>) =>
  Object.values(s.getState().world.containers)
    .map((c) => c.name)
    .sort();

describe('loadScene', () => {
  it('replaces the work with the scene as one undo step; undo brings the work back', () => {
    const store = createAppStore();
    store.getState().run('docker run -d --name mine nginx');
    store.getState().pin('pc1', { x: 5, y: 7 });
    const steps = store.temporal.getState().pastStates.length;
    const mine = store.getState().world;
    expect(hasUserWork(store)).toBe(true);

    const load = loadScene(store, sceneById('dns-test')!, '# lesson');
    expect(load.unexpected).toEqual([]);
    expect(names(store)).toEqual(['containerA', 'containerB']);
    expect(store.getState().pinned).toEqual({});
    expect(store.temporal.getState().pastStates.length).toBe(steps + 1);

    undo(store);
    expect(store.getState().world).toBe(mine);
    expect(store.getState().pinned).toEqual({ pc1: { x: 5, y: 7 } });
    expect(names(store)).toEqual(['mine']);
  });

  it('echoes every line in the console as typed at the host prompt, and clears the old trace', () => {
    const store = createAppStore();
    store.getState().run('@pc1 ping -c 1 192.168.0.1');
    expect(store.getState().trace).not.toBeNull();
    loadScene(store, sceneById('nat-portfwd')!);
    const cmds = store
      .getState()
      .log.filter((e) => e.kind === 'cmd')
      .map((e) => `${e.prompt} ${e.text}`);
    expect(cmds.slice(-3)).toEqual([
      expect.stringMatching(/^root@docker-host:~# # seed 000/),
      'root@docker-host:~# docker run -d -p 8001:80 --name web nginx',
      'root@docker-host:~# @router portfwd add tcp 80 192.168.0.10 8001',
    ]);
    expect(store.getState().trace).toBeNull();
  });

  it('the yellow conflict is expected: shown in the console, not reported as unexpected', () => {
    const store = createAppStore();
    const load = loadScene(store, sceneById('port-forwarding')!);
    expect(load.unexpected).toEqual([]);
    expect(load.results.filter((r) => !r.outcome.ok)).toHaveLength(1);
    expect(store.getState().log.some((e) => e.kind === 'err' && e.text.includes('port is already allocated'))).toBe(
      true,
    );
  });

  it('a new store holds no user work', () => {
    expect(hasUserWork(createAppStore())).toBe(false);
  });
});
