import type { World } from '../../sim/model';

const DOCKER_WORDS = [
  'run',
  'ps',
  'exec',
  'start',
  'stop',
  'restart',
  'rm',
  'rename',
  'inspect',
  'logs',
  'port',
  'network',
  'create',
  'connect',
  'disconnect',
  'ls',
  'container',
  'images',
  'image',
  'pull',
  'pause',
  'unpause',
  'top',
  'attach',
];
const SHELL_WORDS = [
  'docker',
  'ping',
  'curl',
  'nslookup',
  'dig',
  'cat',
  'ip',
  'brctl',
  'bridge',
  'iptables',
  'conntrack',
  'hostname',
  'exit',
  '/etc/resolv.conf',
  '/etc/hosts',
  'addr',
  'route',
  'neigh',
];

/**
 * Words Tab may complete to at this point of the line: after `docker network <verb>` network and
 * container names, after `docker run` image names, after `@` machines and containers, else all.
 */
export function candidatesFor(line: string, world: World, imageNames: string[]): string[] {
  const words = line.trimStart().split(/\s+/);
  const containers = Object.values(world.containers).map((c) => c.name);
  const networks = Object.values(world.networks).map((n) => n.name);
  if (words.length === 1 && words[0].startsWith('@'))
    return [...Object.keys(world.machines), ...containers].map((m) => `@${m}`);
  if (words[0] === 'docker' && words[1] === 'network' && words.length >= 4) return [...networks, ...containers];
  if (words[0] === 'docker' && words[1] === 'network' && words.length === 3)
    return ['create', 'connect', 'disconnect', 'inspect', 'ls', 'rm'];
  if (words[0] === 'docker' && words[1] === 'pull' && words.length >= 3) return imageNames;
  if (words[0] === 'docker' && (words[1] === 'run' || words[1] === 'create') && words.length >= 3)
    return [...imageNames, ...networks];
  if (words[0] === 'docker' && words.length >= 3) return [...containers, ...networks];
  return candidates(world, imageNames);
}

/** Words Tab may complete to: commands, and the names of containers, networks and machines. */
export function candidates(world: World, imageNames: string[]): string[] {
  const names = [
    ...Object.values(world.containers).map((c) => c.name),
    ...Object.values(world.networks).map((n) => n.name),
    ...Object.keys(world.machines),
    ...Object.keys(world.machines).map((m) => `@${m}`),
  ];
  return [...new Set([...DOCKER_WORDS, ...SHELL_WORDS, ...names, ...imageNames])];
}

/**
 * Completes the word before the cursor. One match: the word is replaced (plus a space); several:
 * extended to their common prefix, and the matches are returned to list.
 */
export function complete(line: string, words: string[]): { line: string; matches: string[] } {
  const m = /(\S*)$/.exec(line);
  const word = m ? m[1] : '';
  const head = line.slice(0, line.length - word.length);
  const matches = words.filter((w) => w.startsWith(word) && w !== word).sort();
  if (word === '' && head.trim() === '') return { line, matches: [] };
  if (matches.length === 0) return { line, matches: [] };
  if (matches.length === 1) return { line: `${head}${matches[0]} `, matches: [] };
  let prefix = matches[0];
  for (const w of matches) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return { line: head + (prefix.length > word.length ? prefix : word), matches };
}
