import { produce } from '../containerIndex';
import { imageInfo } from '../images';
import type { Container, World } from '../model';
import { oneShotCmd } from './lifecycle';
import { processExited } from './restartManager';
import type { On } from './scope';

/** What `start`/`restart` do with a container whose CMD runs to its end. */

/** The main process's command: CMD, else the image's default. */
export const mainCmd = (c: Container) => (c.cmd.length ? c.cmd : imageInfo(c.image).defaultCmd);

export { oneShotCmd };

/**
 * After `start`/`restart`: each container left running with a one-shot CMD runs it again, its
 * output appended to the log (docker logs shows every run), and exits with its code. With
 * `start -a` the output is also printed. Returns the World and each container's output.
 */
export function rerunOneShots(before: World, world: World, on: On): { world: World; outputs: Record<string, string> } {
  let w = world;
  const outputs: Record<string, string> = {};
  for (const c of Object.values(world.containers)) {
    if (c.state !== 'running' || !oneShotCmd(c) || before.containers[c.id]?.state === 'running') continue;
    const res = on.shell(w, c.cmd, { kind: 'container', id: c.id }, c.cmd.join(' '));
    outputs[c.id] = res.output;
    w = produce(res.world, (d) => {
      const dc = d.containers[c.id];
      if (!dc) return;
      if (res.output !== '') dc.logs = [...(dc.logs ?? []), ...res.output.split('\n')];
      processExited(d, c.id, res.exitCode);
    });
  }
  return { world: w, outputs };
}
