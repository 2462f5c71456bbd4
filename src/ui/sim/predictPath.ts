import { nodeId } from '../../sim/ids';
import type { Trace, World } from '../../sim/model';
import { worldToGraph } from '../../store/graph';

/** The canvas node that owns `ip`: a machine's interface or a container's endpoint. */
function ownerOf(world: World, ip: string): string | null {
  for (const m of Object.values(world.machines))
    if (m.ifaces.some((f) => f.addrs.some((a) => a.ip === ip))) return nodeId.machine(m.id);
  for (const c of Object.values(world.containers))
    if (c.endpoints.some((e) => e.ip === ip)) return nodeId.container(c.id);
  return null;
}

/**
 * The way a class expects the packet to go: the canvas path from the sender to the machine or
 * container that owns the destination address, whatever the trace did. Predict mode offers these
 * stops too, so the choices do not give the answer away (a packet dropped by the internet used to
 * offer only "remote" and "internet": the class could read where it stops off the buttons).
 */
export function expectedPath(world: World, trace: Trace): string[] {
  const first = trace.steps[0];
  if (!first || !('node' in first.at)) return [];
  const origin = first.at.node;
  // the packet the command is about: the origin's last send (a ping to a name sends DNS first)
  let dst: string | undefined;
  for (const s of trace.steps) if (s.action === 'send' && 'node' in s.at && s.at.node === origin) dst = s.frame.ip?.dst;
  const goal = dst ? ownerOf(world, dst) : null;
  if (!goal || goal === origin) return [];
  const next = new Map<string, string[]>();
  for (const e of worldToGraph(world).edges) {
    next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
    next.set(e.target, [...(next.get(e.target) ?? []), e.source]);
  }
  // breadth first: the fewest hops, as a person reads the drawing
  const from = new Map<string, string>([[origin, origin]]);
  const queue = [origin];
  while (queue.length) {
    const n = queue.shift() as string;
    if (n === goal) break;
    for (const m of next.get(n) ?? [])
      if (!from.has(m)) {
        from.set(m, n);
        queue.push(m);
      }
  }
  if (!from.has(goal)) return [];
  const path = [goal];
  while (path[0] !== origin) path.unshift(from.get(path[0]) as string);
  return path;
}
