import { driverOf, type HostDevice, networksOf } from './drivers';
import type { Container, Endpoint, Network, World } from './model';

/**
 * Interface indexes of a Docker host's namespace. The kernel numbers links in the order they are
 * made (dev_new_index): the host's own, then each bridge when its network is created and two for
 * each veth pair when an endpoint joins (docker run/start, network connect), its container end one
 * above the other (the lab's `12: eth0@if11`). An overlay's pair is made on the host too and then
 * moved into the network's sandbox and the container (joinleave.go createVethPair), so it counts
 * here as well. The daemon's counter (DaemonState.lastIfindex) hands them out; a World from before
 * it (or the default one) numbers what it has as the stack always did, and keeps those numbers at
 * the first new link. docker0, made when the daemon starts, is always the one after the host's own.
 */

export type Ports = { c: Container; epIndex: number }[];

/**
 * The networks of `daemon` that put a device on its host (bridges), in creation order, with the
 * running endpoints that have a port there (a veth) in attach order; and the ports of networks
 * whose bridge lives in a sandbox of their own (overlay's br0).
 */
export function hostDevices(
  world: World,
  daemon: string,
): { devices: { net: Network; dev: HostDevice; ports: Ports }[]; sandboxed: Ports } {
  // One pass over the containers, grouped by network: this runs for every shell command.
  const byNet = new Map<string, { net: Network; dev: HostDevice | null; ports: Ports }>();
  for (const net of networksOf(world, daemon))
    byNet.set(net.id, { net, dev: driverOf(net).hostDevice(net, daemon), ports: [] });
  for (const c of Object.values(world.containers)) {
    if (c.state !== 'running' || c.daemon !== daemon) continue;
    c.endpoints.forEach((ep, epIndex) => {
      const at = byNet.get(ep.networkId);
      if (at && driverOf(at.net).endpointLink(at.net, ep)?.port) at.ports.push({ c, epIndex });
    });
  }
  const all = [...byNet.values()];
  return {
    devices: all.filter((x): x is { net: Network; dev: HostDevice; ports: Ports } => x.dev !== null),
    sandboxed: all.filter((x) => x.dev === null).flatMap((x) => x.ports),
  };
}

/**
 * The index of each bridge (by network) and of each veth pair's container end (by endpoint):
 * stored ones as stored; any other numbered after the counter, or, before the daemon had one, in
 * the order of old (each bridge, then its ports; overlay ports last).
 */
export function numberHost(
  world: World,
  daemon: string,
  devs: ReturnType<typeof hostDevices> = hostDevices(world, daemon),
): { bridges: Map<Network, number>; ports: Map<Endpoint, number>; top: number } {
  const own = world.machines[daemon]?.ifaces.length ?? 0;
  const { devices, sandboxed } = devs;
  // docker0 is made at the daemon's start, right after the host's own links: never stored
  const predefined = devices.filter((x) => x.net.predefined);
  let next = world.daemons[daemon]?.lastIfindex ?? own + predefined.length;
  const bridges = new Map<Network, number>(predefined.map((x, i) => [x.net, own + 1 + i]));
  const ports = new Map<Endpoint, number>();
  const port = ({ c, epIndex }: Ports[number]) => {
    const ep = c.endpoints[epIndex];
    if (ep.ifindex === undefined) next += 2;
    ports.set(ep, ep.ifindex ?? next);
  };
  for (const { net, ports: on } of devices) {
    if (!net.predefined) bridges.set(net, net.ifindex ?? ++next);
    on.forEach(port);
  }
  sandboxed.forEach(port);
  return { bridges, ports, top: next };
}

/**
 * Takes `n` indexes from `daemon`'s counter (on an immer draft) and returns the first. The first
 * time, what the host has keeps the numbers it showed, stored, so nothing already listed moves.
 */
export function takeIfindex(draft: World, daemon: string, n: number): number {
  const st = draft.daemons[daemon];
  if (!st) return 0;
  if (st.lastIfindex === undefined) {
    const { bridges, ports, top } = numberHost(draft, daemon);
    for (const [net, i] of bridges) if (!net.predefined) net.ifindex = i;
    for (const [ep, i] of ports) ep.ifindex = i;
    st.lastIfindex = top;
  }
  const first = st.lastIfindex + 1;
  st.lastIfindex += n;
  return first;
}

/** Links a joining endpoint through its driver; a veth pair takes two indexes, the container end the upper. */
export function linkEndpoint(draft: World, net: Network, ep: Endpoint, daemon: string): void {
  // number what is there before this endpoint's veth exists
  if (draft.daemons[daemon] && draft.daemons[daemon].lastIfindex === undefined) takeIfindex(draft, daemon, 0);
  driverOf(net).attach(draft, net, ep);
  if (driverOf(net).endpointLink(net, ep)?.port) ep.ifindex = takeIfindex(draft, daemon, 2) + 1;
}
