import { parseNodeId } from '../sim/ids';
import type { Container, World } from '../sim/model';
import { portsOf, worldToGraph } from '../store/graph';
import { appStore } from '../store/instance';
import { arrangeHost } from './canvas/arrange';
import { shellArg } from './canvas/gestures';
import { layoutGraph } from './canvas/layout';

/**
 * Toolbar, context-menu and keyboard actions. Each is a docker command line (or a few) that the
 * console echoes, so a person learns the CLI by clicking. Pure builders are exported for tests.
 */

/** The command that removes what a canvas node stands for, or null if it cannot be removed. */
export function deleteCommand(world: World, nodeId: string): string | null {
  const at = parseNodeId(nodeId);
  if (at.kind === 'ctr') {
    const c = world.containers[at.id];
    return c ? `docker rm -f ${shellArg(c.name)}` : null;
  }
  if (at.kind === 'net') {
    const n = world.networks[at.id];
    return n ? `docker network rm ${shellArg(n.name)}` : null;
  }
  return null;
}

export function containerOf(world: World, nodeId: string | null): Container | null {
  const at = nodeId ? parseNodeId(nodeId) : null;
  return at?.kind === 'ctr' ? (world.containers[at.id] ?? null) : null;
}

/**
 * Runs a gesture's lines through the store. When Docker refuses (Delete on a network that still
 * has containers, on a predefined one), its words show over the canvas as for a refused drop, not
 * only in a console that may be scrolled away or hidden in presenter mode.
 */
export function act(lines: string[]): boolean {
  if (!lines.length) return false;
  const s = appStore().getState();
  const res = s.gesture(lines);
  if (!res.ok) s.notify({ tone: 'error', key: 'notice.dropRefused', params: { error: res.output } });
  return res.ok;
}

/** Opens the add-container form; with a network selected, that network is already chosen. */
export function openAddContainer(): void {
  const s = appStore().getState();
  const net = s.selected?.startsWith('net:') ? s.world.networks[s.selected.slice(4)] : undefined;
  s.openDialog(net ? { kind: 'addContainer', network: net.name } : { kind: 'addContainer' });
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
