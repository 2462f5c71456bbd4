import { runScript } from '../../../src/sim/console';
import { createDefaultWorld } from '../../../src/sim/world';

/** Two containers on a user-defined network, nginx published on 8080, as the lab's topology. */
export const SETUP = [
  'docker network create mynet',
  'docker run -d --name web --network mynet -p 8080:80 nginx',
  'docker run -d --name client --network mynet nicolaka/netshoot sleep infinity',
];

/** Replays lines after the setup; returns each line's output (setup lines excluded). */
export function replay(lines: string[]): {
  outputs: string[];
  world: ReturnType<typeof runScript>['session']['world'];
} {
  const r = runScript(createDefaultWorld(), [...SETUP, ...lines].join('\n'));
  return { outputs: r.results.slice(SETUP.length).map((x) => x.output), world: r.session.world };
}

/** A tcpdump line with its variable parts (time, MACs, addresses, numbers) as placeholders. */
export function shape(line: string): string {
  return line
    .replace(/^\d\d:\d\d:\d\d\.\d{6}/, 'T')
    .replace(/([0-9a-f]{2}:){5}[0-9a-f]{2}/g, 'MAC')
    .replace(/\d+\.\d+\.\d+\.\d+/g, 'IP')
    .replace(/\d+/g, 'N');
}
