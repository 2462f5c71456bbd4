import { beforeAll, describe, expect, test } from 'vitest';
import { openForEdit, saveEdited } from '../../../src/sim/editorFile';
import { GLODDY_COMPOSE, storedFiles } from '../../../src/sim/fs';
import { createDefaultWorld } from '../../../src/sim/world';
import { createAppStore } from '../../../src/store/appStore';
import { loadEngine } from '../../../src/store/engine';

beforeAll(async () => {
  await loadEngine();
});

describe('engine: files for the editor', () => {
  const w = createDefaultWorld();
  test('opens a stored file, a generated one, and a new one (empty, created on save)', () => {
    expect(openForEdit(w, 'docker-host', '/root/gloddy_server/docker-compose.yml')).toEqual({
      text: GLODDY_COMPOSE,
      isNew: false,
    });
    const hosts = openForEdit(w, 'docker-host', '/etc/hosts');
    expect(hosts).toMatchObject({ isNew: false });
    expect('text' in hosts && hosts.text.startsWith('127.0.0.1\tlocalhost\n127.0.1.1\tdocker-host\n')).toBe(true);
    expect(openForEdit(w, 'docker-host', '/root/compose.yaml')).toEqual({ text: '', isNew: true });
  });
  test('refuses a directory and an unknown owner', () => {
    expect(openForEdit(w, 'docker-host', '/root')).toEqual({ error: '"/root" is a directory' });
    expect(openForEdit(w, 'nope', '/x')).toEqual({ error: 'nope: no such machine or container' });
  });
  test("saves as nano writes, refuses in nano's words and leaves the World as it was", () => {
    const saved = saveEdited(w, 'docker-host', '/root/a.txt', 'hi\n');
    expect(saved.error).toBeUndefined();
    expect(saved.world.files?.['docker-host']['/root/a.txt']).toBe('hi\n');
    expect(saveEdited(saved.world, 'docker-host', '/root/a.txt', 'hi\n').world).toBe(saved.world);
    for (const [path, why] of [
      ['/root/no/dir.yml', 'No such file or directory'],
      ['/root', 'Is a directory'],
      ['/root/gloddy_server/docker-compose.yml/x', 'Not a directory'],
    ]) {
      const r = saveEdited(w, 'docker-host', path, 'x\n');
      expect(r.error).toBe(`[ Error writing ${path}: ${why} ]`);
      expect(r.world).toBe(w);
    }
  });
  test('lists stored files with their size; a pcap is binary', () => {
    const pcap = String.fromCharCode(0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0);
    const w2 = saveEdited(w, 'docker-host', '/root/c.pcap', pcap).world;
    expect(storedFiles(w2, 'docker-host')).toEqual([
      { path: '/root/c.pcap', size: 8, binary: true },
      { path: '/root/gloddy_server/docker-compose.yml', size: GLODDY_COMPOSE.length, binary: false },
    ]);
  });
});

describe('store: the editor', () => {
  test('nano FILE opens the editor on that file of the current machine; saving writes it (one undo step)', () => {
    const store = createAppStore();
    const st = () => store.getState();
    st().run('cd gloddy_server');
    expect(st().run('nano compose.yaml').exitCode).toBe(0);
    expect(st().editor).toEqual({
      owner: 'docker-host',
      path: '/root/gloddy_server/compose.yaml',
      text: '',
      isNew: true,
      from: 'console',
    });
    const before = store.temporal.getState().pastStates.length;
    expect(st().saveEditor('services:\n  web:\n    image: nginx')).toEqual({ lines: 3 });
    expect(st().world.files?.['docker-host']['/root/gloddy_server/compose.yaml']).toBe(
      'services:\n  web:\n    image: nginx\n',
    );
    expect(st().editor?.isNew).toBe(false);
    expect(store.temporal.getState().pastStates.length).toBe(before + 1);
    expect(st().recipe).toBeNull();
    st().closeEditor();
    expect(st().editor).toBeNull();
    expect(st().run('cat compose.yaml').output).toBe('services:\n  web:\n    image: nginx');
  });
  test('vi inside an Alpine container edits the container’s file (ubuntu has no vi); a directory is refused', () => {
    const store = createAppStore();
    const st = () => store.getState();
    st().run('docker run -it --name box ubuntu bash');
    expect(st().run('vi /tmp/note').output).toBe('bash: vi: command not found');
    expect(st().editor).toBeNull();
    st().run('exit');
    st().run('docker run -it --name box2 alpine sh');
    const id = Object.values(st().world.containers).find((c) => c.name === 'box2')?.id;
    st().run('vi /tmp/note');
    expect(st().editor).toMatchObject({ owner: id, path: '/tmp/note', isNew: true });
    st().closeEditor();
    const r = st().run('vi /etc');
    expect(r.output).toBe('vi: /etc: Is a directory');
    expect(st().editor).toBeNull();
  });
  test('saving after the container was removed is refused and changes nothing', () => {
    const store = createAppStore();
    const st = () => store.getState();
    st().run('docker run -d --name box nginx');
    const id = Object.values(st().world.containers)[0].id;
    expect(st().openEditor(id, '/tmp/x', 'inspector')).toBeNull();
    st().run('docker rm -f box');
    const w = st().world;
    expect(st().saveEditor('x')).toEqual({ error: '[ Error writing /tmp/x: No such file or directory ]' });
    expect(st().world).toBe(w);
  });
});
