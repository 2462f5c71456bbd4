import { digest } from '../docker/inspect';
import type { World } from '../model';
import type { Where } from '../where';

/**
 * Seed 002's namespaces as a real Docker host shows them: Docker keeps a container's network
 * namespace under /var/run/docker/netns (its SandboxKey), not /var/run/netns, so `ip netns list`
 * is empty, and `nsenter --net=SANDBOXKEY CMD` runs the host's CMD inside that namespace.
 */

/** The running container whose SandboxKey (`docker inspect -f '{{.NetworkSettings.SandboxKey}}'`) is `path`. */
export function containerAtSandbox(world: World, daemon: string, path: string): string | undefined {
  const p = path.replace(/^\/run\//, '/var/run/');
  return Object.values(world.containers).find(
    (c) =>
      c.daemon === daemon &&
      c.state === 'running' &&
      p === `/var/run/docker/netns/${digest(`sandbox:${c.id}:${c.startedAt}`).slice(0, 12)}`,
  )?.id;
}

export type NsenterTarget = { id: string; cmd: string[] } | { error: string; exitCode: number };

/** `nsenter --net=PATH CMD…` / `nsenter -nPATH CMD…` (util-linux): which namespace, and the command. */
export function nsenterTarget(world: World, argv: string[], where: Where): NsenterTarget {
  let path: string | undefined;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--net=')) path = a.slice('--net='.length);
    else if (a.startsWith('-n') && a.length > 2) path = a.slice(2);
    else if (a === '--') {
      i++;
      break;
    } else if (a.startsWith('-')) {
      return { error: `nsenter: this option is not simulated here: ${a} (use --net=PATH)`, exitCode: 1 };
    } else break;
  }
  if (path === undefined) return { error: 'nsenter: no namespace specified', exitCode: 1 };
  const id = where.kind === 'machine' ? containerAtSandbox(world, where.id, path) : undefined;
  if (!id) return { error: `nsenter: cannot open ${path}: No such file or directory`, exitCode: 1 };
  const cmd = argv.slice(i);
  if (cmd.length === 0) {
    return { error: 'whalewire: give nsenter a command to run there (nsenter --net=PATH ip addr)', exitCode: 1 };
  }
  return { id, cmd };
}
