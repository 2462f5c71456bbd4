import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;
const ID = /^[0-9a-f]{64}$/;

// docker/cli v28.5.2 cli/command/container/create.go: with --pull always, createContainer calls
// pullImage before ContainerCreate, and pullImage streams the daemon's jsonmessages to stderr
// (no "Using default tag" line: that one is cli/command/image/pull.go's).
describe('docker run / create --pull always', () => {
  it('shows the pull before the id: a new image downloads, a present one is up to date', () => {
    const [first, second, created] = play([
      'docker run -d --pull always --name web nginx',
      'docker run -d --pull always --name web2 nginx',
      'docker create --pull always --name cache redis',
    ]);
    const a = first.output.split('\n');
    expect(a[0]).toBe('latest: Pulling from library/nginx');
    expect(a.slice(1, -3).every((l) => /^[0-9a-f]{12}: Pull complete$/.test(l))).toBe(true);
    expect(a.at(-3)).toMatch(/^Digest: sha256:[0-9a-f]{64}$/);
    expect(a.at(-2)).toBe('Status: Downloaded newer image for nginx:latest');
    expect(a.at(-1)).toMatch(ID);

    const b = second.output.split('\n');
    expect(b.slice(0, 1)).toEqual(['latest: Pulling from library/nginx']);
    expect(b[2]).toBe('Status: Image is up to date for nginx:latest');
    expect(b).toHaveLength(4);
    expect(b[3]).toMatch(ID);

    expect(created.output.split('\n')[0]).toBe('latest: Pulling from library/redis');
    expect(created.output.split('\n').at(-2)).toBe('Status: Downloaded newer image for redis:latest');
  });

  it('stays silent with the default (missing), as the seed transcripts show', () => {
    const [r] = play(['docker run -d --name web nginx']);
    expect(r.output).toMatch(ID);
  });

  it('a one-shot command prints its output after the pull', () => {
    const [r] = play(['docker run --rm --pull always alpine echo hi']);
    expect(r.output.split('\n')[0]).toBe('latest: Pulling from library/alpine');
    expect(r.output.split('\n').at(-1)).toBe('hi');
    expect(r.exitCode).toBe(0);
  });
});
