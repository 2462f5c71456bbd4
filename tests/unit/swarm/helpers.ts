import { tokenize } from '../../../src/sim/console';
import { runDocker } from '../../../src/sim/docker';
import type { CommandResult, World } from '../../../src/sim/model';
import { addDockerHost, createDefaultWorld } from '../../../src/sim/world';

/** A World with one more Docker host on the LAN (world.ts addDockerHost). */
export function withHost(world: World, id: string, ip: string): World {
  const r = addDockerHost(world, id, ip);
  if (!r.ok) throw new Error(r.error);
  return r.world;
}

/** Runs `docker …` on machine `on`. */
export function dockerOn(world: World, on: string, line: string): CommandResult {
  const argv = tokenize(line);
  if (argv[0] !== 'docker') throw new Error(`not a docker line: ${line}`);
  return runDocker(world, argv.slice(1), { kind: 'machine', id: on });
}

/** Runs `@machine docker …` lines (or plain ones on docker-host) in order. */
export function session(lines: string[], world: World = createDefaultWorld()): { world: World; outs: CommandResult[] } {
  let w = world;
  const outs: CommandResult[] = [];
  for (const l of lines) {
    const m = /^@(\S+)\s+(.*)$/.exec(l);
    const r = m ? dockerOn(w, m[1], m[2]) : dockerOn(w, 'docker-host', l);
    outs.push(r);
    w = r.world;
  }
  return { world: w, outs };
}

/** The worker join line `swarm init` printed. */
export function joinLine(initOutput: string): string {
  const m = /docker swarm join --token (\S+) (\S+)/.exec(initOutput);
  if (!m) throw new Error('no join line');
  return `docker swarm join --token ${m[1]} ${m[2]}`;
}

/** A world with docker-host (manager) and docker-host-2, -3 (workers) in one swarm. */
export function threeNodeSwarm(): World {
  let w = withHost(withHost(createDefaultWorld(), 'docker-host-2', '192.168.0.11'), 'docker-host-3', '192.168.0.12');
  const init = dockerOn(w, 'docker-host', 'docker swarm init');
  w = init.world;
  w = dockerOn(w, 'docker-host-2', joinLine(init.output)).world;
  w = dockerOn(w, 'docker-host-3', joinLine(init.output)).world;
  return w;
}

/** `docker-host`, then `docker-host-2` … for index 0, 1 … */
export const hostId = (i: number): string => (i === 0 ? 'docker-host' : `docker-host-${i + 1}`);

/** A world with `n` Docker hosts at 192.168.0.10 … in one swarm: the first the manager, the others workers. */
export function swarmOfHosts(n: number): World {
  let w = createDefaultWorld();
  for (let i = 1; i < n; i++) w = withHost(w, hostId(i), `192.168.0.${10 + i}`);
  const init = dockerOn(w, 'docker-host', 'docker swarm init --advertise-addr 192.168.0.10');
  w = init.world;
  for (let i = 1; i < n; i++) w = dockerOn(w, hostId(i), joinLine(init.output)).world;
  return w;
}
