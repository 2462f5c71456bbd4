import type { Container, World } from '../sim/model';
import { portsOf, worldToGraph } from '../store/graph';
import { appStore } from '../store/instance';
import { arrangeHost } from './canvas/arrange';
import { shellArg } from './canvas/gestures';
import { layoutGraph } from './canvas/layout';
import { imageChoices } from './catalogue';

/**
 * Toolbar, context-menu and keyboard actions. Each is a docker command line (or a few) that the
 * console echoes, so a person learns the CLI by clicking. Pure builders are exported for tests.
 */

export interface NewContainer {
  image: string;
  name: string;
  /** "8080:80, 5432:5432" */
  ports: string;
  network: string;
  env?: string;
}

/** `docker run` for the add-container form: shell images get -dit so they keep running. */
export function runCommand(c: NewContainer): string {
  const shell = imageChoices().find((i) => i.image === c.image)?.shell ?? false;
  const parts = ['docker', 'run', shell ? '-dit' : '-d'];
  if (c.name.trim()) parts.push('--name', shellArg(c.name.trim()));
  if (c.network && c.network !== 'bridge') parts.push('--network', shellArg(c.network));
  for (const p of c.ports.split(/[\s,]+/).filter(Boolean)) parts.push('-p', shellArg(p));
  for (const e of (c.env ?? '').split('\n').filter((x) => x.trim())) parts.push('-e', shellArg(e.trim()));
  parts.push(shellArg(c.image.trim()));
  return parts.join(' ');
}

export interface NewNetwork {
  name: string;
  driver: string;
  subnet: string;
}

export function networkCreateCommand(n: NewNetwork): string {
  const parts = ['docker', 'network', 'create'];
  if (n.driver && n.driver !== 'bridge') parts.push('-d', shellArg(n.driver));
  if (n.subnet.trim()) parts.push('--subnet', shellArg(n.subnet.trim()));
  parts.push(shellArg(n.name.trim()));
  return parts.join(' ');
}

/**
 * Publishing a port on an existing container: Docker cannot add one to a container that exists, so
 * the container is re-created with the same image, name, env and networks plus the new port.
 */
export function republishCommands(world: World, c: Container, port: string): string[] {
  const nets = c.endpoints.map((ep) => world.networks[ep.networkId]?.name).filter((n): n is string => !!n);
  const first = nets[0] ?? c.networkMode;
  const parts = ['docker', 'run', c.tty ? '-dit' : '-d', '--name', shellArg(c.name)];
  if (first && first !== 'bridge' && first !== 'default') parts.push('--network', shellArg(first));
  for (const p of c.ports) {
    const host = p.hostPort == null ? '' : `${p.hostIp ? `${p.hostIp}:` : ''}${p.hostPort}:`;
    parts.push('-p', shellArg(`${host}${p.containerPort}${p.proto === 'udp' ? '/udp' : ''}`));
  }
  parts.push('-p', shellArg(port.trim()));
  for (const e of c.env) parts.push('-e', shellArg(e));
  parts.push(shellArg(c.image), ...c.cmd.map(shellArg));
  return [
    `docker rm -f ${shellArg(c.name)}`,
    parts.join(' '),
    ...nets.slice(1).map((n) => `docker network connect ${shellArg(n)} ${shellArg(c.name)}`),
  ];
}

/** The command that removes what a canvas node stands for, or null if it cannot be removed. */
export function deleteCommand(world: World, nodeId: string): string | null {
  if (nodeId.startsWith('ctr:')) {
    const c = world.containers[nodeId.slice(4)];
    return c ? `docker rm -f ${shellArg(c.name)}` : null;
  }
  if (nodeId.startsWith('net:')) {
    const n = world.networks[nodeId.slice(4)];
    return n ? `docker network rm ${shellArg(n.name)}` : null;
  }
  return null;
}

export function containerOf(world: World, nodeId: string | null): Container | null {
  return nodeId?.startsWith('ctr:') ? (world.containers[nodeId.slice(4)] ?? null) : null;
}

/** Runs a gesture's lines through the store, telling the canvas to forget a moved node's pin. */
export function act(lines: string[]): boolean {
  if (!lines.length) return false;
  return appStore().getState().gesture(lines).ok;
}

export function deleteSelected(): void {
  const s = appStore().getState();
  if (!s.selected) return;
  const line = deleteCommand(s.world, s.selected);
  if (line && act([line])) s.select(null);
}

export function toggleRunning(nodeId: string | null): void {
  const s = appStore().getState();
  const c = containerOf(s.world, nodeId);
  if (c) act([`docker ${c.state === 'running' ? 'stop' : 'start'} ${shellArg(c.name)}`]);
}

/** Lays out the host's interior with elkjs (loaded now) and pins the result as one undo step. */
export async function arrange(): Promise<boolean> {
  const s = appStore().getState();
  const graph = worldToGraph(s.world);
  const pos = await arrangeHost(graph, layoutGraph(graph, {}));
  if (!pos) {
    s.notify({ tone: 'info', key: 'notice.arrangeTooMany' });
    return false;
  }
  appStore().getState().pinAll(pos);
  return true;
}

export { portsOf };
