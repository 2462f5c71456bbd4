import { tokenize } from '../../../src/sim/console';
import { runDocker } from '../../../src/sim/docker';
import { findContainer, findNetwork } from '../../../src/sim/lookup';
import type { CommandResult, World } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';

export const HOST = { kind: 'machine', id: 'docker-host' } as const;

/** Runs one `docker …` line on the Docker host. */
export function docker(world: World, line: string): CommandResult {
  const argv = tokenize(line);
  if (argv[0] !== 'docker') throw new Error(`not a docker line: ${line}`);
  return runDocker(world, argv.slice(1), HOST);
}

/** Runs lines in order from the default world (or `world`), failing loudly if one fails unexpectedly. */
export function play(lines: string[], world: World = createDefaultWorld()): { world: World; last: CommandResult } {
  let w = world;
  let last: CommandResult = { world: w, output: '', exitCode: 0 };
  for (const l of lines) {
    last = docker(w, l);
    w = last.world;
  }
  return { world: w, last };
}

/** The live IPv4 of a container on a network (by names). */
export function ipOf(world: World, ctr: string, net: string): string | undefined {
  const c = findContainer(world, ctr);
  const n = findNetwork(world, net);
  return c?.endpoints.find((e) => e.networkId === n?.id)?.ip;
}
