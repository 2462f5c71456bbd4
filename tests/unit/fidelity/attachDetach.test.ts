import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

const configOf = (run: string) => {
  const r = runScript(createDefaultWorld(), [run, 'docker inspect box'].join('\n')).results;
  const c = JSON.parse(r[r.length - 1].output)[0].Config;
  return [c.AttachStdin, c.AttachStdout, c.AttachStderr, c.OpenStdin, c.StdinOnce];
};

// docker/cli v28.5.2 cli/command/container/opts.go (no -a: attach stdout and stderr; -i: stdin too)
// and run.go (detach: AttachStdin/Stdout/Stderr and StdinOnce set to false before the create).
describe('Config.Attach* as the CLI sends them', () => {
  it.each([
    ['docker run -d --name box nginx', [false, false, false, false, false]],
    ['docker run -dit --name box nginx', [false, false, false, true, false]],
    ['docker run --name box busybox true', [false, true, true, false, false]],
    ['docker create --name box nginx', [false, true, true, false, false]],
    ['docker create -it --name box nginx', [true, true, true, true, true]],
  ])('%s', (run, expected) => {
    expect(configOf(run)).toEqual(expected);
  });
});
