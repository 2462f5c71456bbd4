import { beforeAll, describe, expect, test } from 'vitest';
import { createDefaultWorld } from '../../../src/sim/world';
import { createAppStore } from '../../../src/store/appStore';
import { loadEngine } from '../../../src/store/engine';

beforeAll(async () => {
  await loadEngine();
});

describe('store: the page console keeps $? across lines', () => {
  test('echo $? prints the last command’s exit code, then 0 for the echo itself', () => {
    const store = createAppStore();
    const run = (l: string) => store.getState().run(l);
    expect(run('docker inspect nosuch').exitCode).toBe(1);
    expect(run('echo $?').output).toBe('1');
    expect(run('echo $?').output).toBe('0');
    expect(run('nosuchcmd').exitCode).toBe(127);
    // an empty line or a comment does not reset it, as in bash
    run('');
    expect(run('echo $?').output).toBe('127');
  });

  test('a canvas gesture does not touch the console’s $?; a new document starts at 0', () => {
    const store = createAppStore();
    store.getState().run('docker inspect nosuch');
    store.getState().gesture(['docker network create mynet']);
    expect(store.getState().run('echo $?').output).toBe('1');
    store.getState().run('docker inspect nosuch');
    store.getState().loadDocument(createDefaultWorld(), {});
    expect(store.getState().run('echo $?').output).toBe('0');
  });

  test('inside a container the code carries over too', () => {
    const store = createAppStore();
    store.getState().run('docker run -dit --name box nicolaka/netshoot');
    store.getState().run('docker exec box ping -c 1 -W 1 10.99.0.1');
    const code = store.getState().lastExit;
    expect(code).not.toBe(0);
    expect(store.getState().run('echo $?').output).toBe(String(code));
  });
});
