import { driverOf, type HostDevice, networksOf } from './drivers';
import type { Container, Endpoint, Network, World } from './model';

/**
 * Interface indexes. The kernel numbers a namespace's links in the order they are made (lo is 1;
 * dev_index_reserve hands out the next one, never reusing a freed one at once): on a Docker host its
 * own links, then each bridge when its network is created, then one index per veth pair that
 * joins a bridge. Since Engine 28.0 the bridge driver makes the pair with its container end
 * directly in the container's namespace (moby v28.5.2 libnetwork/drivers/bridge/bridge_linux.go
 * createVeth, commit 65120d586b "Create bridge veth in container netns": netlink.Veth with
 * PeerNamespace), so that end takes the container namespace's next index: eth0 is 2 after lo, a
 * connected eth1 3 (`2: eth0@if5` inside, `5: vethXXX@if2` on the host). Pairs libnetwork still
 * makes in the host's namespace and then moves (an overlay's, joinleave.go createVethPair, and
 * docker_gwbridge's gateway endpoint, which default_gateway.go creates with no netns path) take
 * two host indexes, the container end first (veth_newlink registers the peer before the device
 * itself), and keep them when moved. The daemon's counter (DaemonState.lastIfindex) and each
 * running container's (Container.lastIfindex) hand them out; a World from before numbers what it
 * has as the stack always did, and keeps those numbers at the first new link. docker0, made when
 * the daemon starts, is always the one after the host's own.
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

/** A veth pair's two ifindexes: its host (or sandbox) end's and its container end's. */
export interface PairIndex {
  host: number;
  inner: number;
}

/**
 * The index of each bridge (by network) and of each veth pair (by endpoint): stored ones as
 * stored (a save from before the host end was stored has it one below the container end); any
 * other numbered after the counter, or, before the daemon had one, in the order of old (each
 * bridge, then its ports; overlay ports last), two host indexes a pair, the container end above.
 */
export function numberHost(
  world: World,
  daemon: string,
  devs: ReturnType<typeof hostDevices> = hostDevices(world, daemon),
): { bridges: Map<Network, number>; ports: Map<Endpoint, PairIndex>; top: number } {
  const own = world.machines[daemon]?.ifaces.length ?? 0;
  const { devices, sandboxed } = devs;
  // docker0 is made at the daemon's start, right after the host's own links: never stored
  const predefined = devices.filter((x) => x.net.predefined);
  let next = world.daemons[daemon]?.lastIfindex ?? own + predefined.length;
  const bridges = new Map<Network, number>(predefined.map((x, i) => [x.net, own + 1 + i]));
  const ports = new Map<Endpoint, PairIndex>();
  const port = ({ c, epIndex }: Ports[number]) => {
    const ep = c.endpoints[epIndex];
    if (ep.ifindex === undefined) {
      next += 2;
      ports.set(ep, { host: next - 1, inner: next });
    } else ports.set(ep, { host: ep.hostIfindex ?? ep.ifindex - 1, inner: ep.ifindex });
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
    for (const [ep, i] of ports) {
      ep.ifindex = i.inner;
      ep.hostIfindex = i.host;
    }
    st.lastIfindex = top;
  }
  const first = st.lastIfindex + 1;
  st.lastIfindex += n;
  return first;
}

/** The next index of `c`'s namespace (lo is 1): what a link made in it, or moved in, takes. */
function takeInner(c: Container): number {
  let i = (c.lastIfindex ?? 1) + 1;
  // an index a link moved in with is taken (an overlay's end keeps its host index)
  while (c.endpoints.some((e) => e.ifindex === i)) i++;
  c.lastIfindex = i;
  return i;
}

/**
 * Links a joining endpoint of container `owner` through its driver and numbers its link: a bridge
 * veth made in the container's namespace takes one host index and the container's next; a pair
 * made on the host (overlay, docker_gwbridge, or no owner given: a swarm task's) two host indexes,
 * the container end the lower; a macvlan/ipvlan link the container's next.
 */
/**
 * ipvlan_link_new: the parent's port hands out dev_ids from its dev_id_start up (ida_alloc_range
 * up to 0xFFFD, then from 1), and moves dev_id_start past the one taken, so a link that is gone
 * still counts; the port goes with its last link, and the next one starts again at 1.
 */
function takeDevId(draft: World, net: Network, ep: Endpoint): void {
  const live = Object.values(draft.containers)
    .filter((c) => c.state === 'running')
    .flatMap((c) => c.endpoints)
    .filter((e) => e !== ep && e.networkId === net.id && e.endpointId !== undefined);
  const used = new Set(live.map((e) => e.devId));
  let start = live.length === 0 ? 1 : (net.ipvlanNextDevId ?? live.length + 1);
  if (start >= 0xfffe) start = 1;
  let id = start;
  while (used.has(id) && id <= 0xfffd) id++;
  if (id > 0xfffd) for (id = 1; used.has(id); id++);
  ep.devId = id;
  net.ipvlanNextDevId = id + 1;
}

export function linkEndpoint(draft: World, net: Network, ep: Endpoint, daemon: string, owner?: Container): void {
  // number what is there before this endpoint's veth exists
  if (draft.daemons[daemon] && draft.daemons[daemon].lastIfindex === undefined) takeIfindex(draft, daemon, 0);
  driverOf(net).attach(draft, net, ep);
  if (driverOf(net).sharesParentMac) takeDevId(draft, net, ep);
  const link = driverOf(net).endpointLink(net, ep);
  if (!link?.port) {
    if (link && owner) ep.ifindex = takeInner(owner);
    return;
  }
  const inContainer = owner && driverOf(net).hostDevice(net, daemon) && net.name !== 'docker_gwbridge';
  if (inContainer) {
    ep.ifindex = takeInner(owner);
    ep.hostIfindex = takeIfindex(draft, daemon, 1);
  } else {
    ep.ifindex = takeIfindex(draft, daemon, 2);
    ep.hostIfindex = ep.ifindex + 1;
  }
}
