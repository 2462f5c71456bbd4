import { beforeAll, describe, expect, test } from 'vitest';
import { createAppStore } from '../../../src/store/appStore';
import { promptFor } from '../../../src/store/docSlice';
import { loadEngine } from '../../../src/store/engine';
import { startTabsPersist, TABS_KEY } from '../../../src/store/tabsPersist';

beforeAll(async () => {
  await loadEngine();
});

const memory = () => {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
};

describe('store: terminal tabs', () => {
  test('seed 004 in two tabs: tab 1 stays in containerA while tab 2 makes and removes containerB', () => {
    const store = createAppStore();
    const st = () => store.getState();
    st().run('docker network create --driver bridge --subnet 10.0.0.0/24 second-bridge');
    st().run('docker run -it --network second-bridge --name containerA devwikirepo/pingbuntu bin/bash');
    expect(st().run('ping containerB').output).toBe('ping: containerB: Name or service not known');
    st().newTab();
    expect(st().tabs.map((t) => t.name)).toEqual(['1', '2']);
    expect(promptFor(st().world, st().stack)).toBe('root@docker-host:~#');
    expect(st().log).toEqual([]);
    st().run('docker run -d --network second-bridge --name containerB devwikirepo/pingbuntu');
    st().switchTab(0);
    expect(promptFor(st().world, st().stack)).toMatch(/^root@[0-9a-f]{12}:\/#$/);
    expect(st().run('ping containerB').output).toMatch(/^PING containerB \(10\.0\.0\.3\) 56\(84\) bytes of data\./);
    st().switchTab(1);
    expect(st().history).toEqual(['docker run -d --network second-bridge --name containerB devwikirepo/pingbuntu']);
    st().run('docker rm -f containerB');
    st().switchTab(0);
    expect(st().run('ping containerB').output).toBe('ping: containerB: Name or service not known');
    st().switchTab(1);
    st().run('docker rm -f containerA');
    st().switchTab(0);
    expect(promptFor(st().world, st().stack)).toBe('root@docker-host:~#');
    st().renameTab(0, 'containerA');
    st().renameTab(1, 'containerA');
    expect(st().tabs.map((t) => t.name)).toEqual(['containerA', '2']);
    st().closeTab(0);
    expect(st().tabs.map((t) => t.name)).toEqual(['2']);
    expect(st().activeTab).toBe(0);
    st().closeTab(0);
    expect(st().tabs).toHaveLength(1);
  });

  test('a heredoc typed in the page console waits with a > prompt', () => {
    const store = createAppStore();
    const st = () => store.getState();
    st().run("cat > compose.yaml <<'EOF'");
    expect(st().pending).toBeDefined();
    st().run('services: {}');
    st().run('EOF');
    expect(st().pending).toBeUndefined();
    expect(st().run('cat compose.yaml').output).toBe('services: {}');
  });

  test('tabs survive a reload: names, places, cwd and history', () => {
    const kv = memory();
    const a = createAppStore();
    startTabsPersist(a, kv);
    a.getState().run('cd gloddy_server');
    a.getState().newTab();
    a.getState().renameTab(1, 'second');
    expect(JSON.parse(kv.getItem(TABS_KEY) ?? '{}').active).toBe(1);
    const b = createAppStore();
    startTabsPersist(b, kv);
    expect(b.getState().tabs.map((t) => t.name)).toEqual(['1', 'second']);
    b.getState().switchTab(0);
    expect(promptFor(b.getState().world, b.getState().stack)).toBe('root@docker-host:~/gloddy_server#');
    expect(b.getState().history).toEqual(['cd gloddy_server']);
    kv.setItem(TABS_KEY, '{"tabs":[{"name":1}]}');
    const c = createAppStore();
    startTabsPersist(c, kv);
    expect(c.getState().tabs).toHaveLength(1);
  });
});
