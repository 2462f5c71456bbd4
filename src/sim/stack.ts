import { IPv4CidrRange } from 'ip-num';
import { driverOf } from './drivers';
import { networkMtu } from './drivers/bridgeOptions';
import { isL3 } from './drivers/ipvlan';
import { gateway4, gatewayEndpoints } from './gateway';
import { nodeId } from './ids';
import { hostDevices, numberHost } from './ifindex';
import { memoIn } from './memo';
import type { ArpEntry, Container, Iface, IfaceAddr, Network, Route, World } from './model';
import { withNetns } from './netns';
import type { Where } from './where';

/**
 * A network stack as the kernel sees it: one view over machines and containers, derived from the
 * World. `ip addr`, `ip route`, the packet engine and the inspector all read stacks through here.
 */

/** What an interface plugs into. */
export type Attach =
  | { kind: 'loopback' }
  /** a physical NIC on an L2 segment ("lan", "inet-router" …) */
  | { kind: 'segment'; segment: string }
  /** a container's eth: the other end of the veth pair is a port of this network's bridge */
  | { kind: 'veth'; networkId: string; veth: string }
  /** the host-side end of a veth pair, enslaved to a bridge */
  | { kind: 'bridge-port'; networkId: string; containerId: string }
  /** the bridge device itself (docker0, br-…), holding the gateway address */
  | { kind: 'bridge'; networkId: string };

export interface StackIface {
  index: number;
  name: string;
  mac: string;
  addrs: IfaceAddr[];
  attach: Attach;
  /** ifindex of the veth peer, printed as `eth0@if11` */
  peerIndex?: number;
  /** bridge name for enslaved ports */
  master?: string;
  /** false for a bridge with no ports (NO-CARRIER, `linkdown`) */
  carrier: boolean;
  /**
   * a macvlan/ipvlan link: its driver and its parent (the host's name for a link on the host, the
   * parent's ifindex for a container's, printed `eth0@if2`)
   */
  lower?: { kind: 'macvlan' | 'ipvlan' | 'ipvlan-l3'; parent: string | number };
  /** administratively down (`ip link set NAME down`, or added and not yet up) */
  down?: boolean;
  /** link MTU when not 1500 (`-o com.docker.network.driver.mtu=N`: the bridge, both veth ends) */
  mtu?: number;
  /**
   * a container's veth whose peer is not on the host but in its network's own namespace (an
   * overlay's sandbox, holding br0 and vxlan0): that network's id; absent: the host's namespace
   */
  peerNs?: string;
}

export interface Stack {
  /** machine id, or container id whose namespace this is */
  owner: string;
  kind: 'machine' | 'container';
  /** canvas node id of the owner */
  node: string;
  hostname: string;
  ifaces: StackIface[];
  routes: Route[];
  arp: ArpEntry[];
  /**
   * a Docker host's veth pairs whose host end moved into a network's sandbox (overlay): not on the
   * host's own links, but their two ifindexes come from the host's, where libnetwork created them
   * (joinleave.go createVethPair); by the sandbox end's name
   */
  sandboxPorts?: Map<string, { index: number; peerIndex: number }>;
}

/** The MTU field of a network's links (`com.docker.network.driver.mtu`, less an overlay's encapsulation): only when not 1500. */
const mtuOf = (net: Network): { mtu?: number } => {
  const drv = driverOf(net);
  const mtu = drv.endpointMtu ? drv.endpointMtu(net, networkMtu(net)) : networkMtu(net);
  return mtu === 1500 ? {} : { mtu };
};

const cidrOf = (ip: string, prefix: number) =>
  IPv4CidrRange.fromCidr(`${ip}/${prefix}`).getFirst().toString() + `/${prefix}`;

/** The namespace a container's processes see: its own, the host's (`--network host`), or another container's. */
export function namespaceOwner(world: World, containerId: string, files = false): Where {
  const seen = new Set<string>();
  let c = world.containers[containerId];
  while (c?.networkMode.startsWith('container:') && !seen.has(c.id)) {
    seen.add(c.id);
    const next = world.containers[c.networkMode.slice('container:'.length)];
    if (!next) break;
    // the owner started again since this one joined: its namespace is a new one (files.ts still
    // reads the owner's /etc/hosts and resolv.conf, which Docker shares by path)
    if (!files && c.joinedNetns !== undefined && next.state === 'running' && next.startedAt !== c.joinedNetns) break;
    c = next;
  }
  if (c?.networkMode === 'host') return { kind: 'machine', id: c.daemon };
  return { kind: 'container', id: c?.id ?? containerId };
}

/** Worlds are immutable, so a host's stack is computed once per World (every container's stack needs it). */
const hostStacks = new WeakMap<World, Map<string, Stack>>();

function hostStack(world: World, daemon: string): Stack {
  return memoIn(hostStacks, world, daemon, () => buildHostStack(world, daemon));
}

function buildHostStack(world: World, daemon: string): Stack {
  const m = world.machines[daemon];
  const ifaces: StackIface[] = m.ifaces.map((f, i) => machineIface(f, i));
  const routes: Route[] = [...m.routes];
  const devs = hostDevices(world, daemon);
  const { bridges, ports: numbered } = numberHost(world, daemon, devs);
  const { devices, sandboxed } = devs;
  for (const { net, dev, ports } of devices) {
    ifaces.push({
      index: bridges.get(net)!,
      name: dev.name,
      mac: dev.mac,
      addrs: dev.addrs,
      attach: { kind: 'bridge', networkId: net.id },
      carrier: ports.length > 0,
      ...mtuOf(net),
    });
    if (dev.route) routes.push({ ...dev.route, linkdown: ports.length === 0 || undefined });
    for (const { c, epIndex } of ports) {
      const ep = c.endpoints[epIndex];
      const { host, inner } = numbered.get(ep)!;
      ifaces.push({
        index: host,
        name: ep.veth!,
        mac: ep.vethMac!,
        addrs: [],
        attach: { kind: 'bridge-port', networkId: net.id, containerId: c.id },
        peerIndex: inner,
        master: dev.name,
        carrier: true,
        ...mtuOf(net),
      });
    }
  }
  const sandboxPorts = new Map<string, { index: number; peerIndex: number }>();
  for (const { c, epIndex } of sandboxed) {
    const ep = c.endpoints[epIndex];
    const { host, inner } = numbered.get(ep)!;
    sandboxPorts.set(ep.veth!, { index: host, peerIndex: inner });
  }
  return {
    owner: daemon,
    kind: 'machine',
    node: nodeId.machine(daemon),
    hostname: m.hostname,
    ifaces: ifaces.sort((x, y) => x.index - y.index),
    routes: sortRoutes(routes),
    arp: m.arp,
    sandboxPorts,
  };
}

/** A machine's own interface (a shim made by `ip link add … type macvlan` names its parent). */
function machineIface(f: Iface, i: number): StackIface {
  return {
    index: i + 1,
    name: f.name,
    mac: f.mac,
    addrs: f.addrs,
    attach: f.segment ? { kind: 'segment', segment: f.segment } : { kind: 'loopback' },
    carrier: true,
    ...(f.parent ? { lower: { kind: 'macvlan' as const, parent: f.parent } } : {}),
    ...(f.down ? { down: true } : {}),
  };
}

/** A container's macvlan/ipvlan link: its kind and its parent's ifindex on the host. */
function lowerOf(net: Network, host: Stack): StackIface['lower'] {
  if (net.segment === undefined) return undefined;
  const base = (net.options.parent ?? '').split('.')[0];
  const kind = net.driver === 'macvlan' ? 'macvlan' : isL3(net) ? 'ipvlan-l3' : 'ipvlan';
  return { kind, parent: host.ifaces.find((f) => f.name === base)?.index ?? 2 };
}

/**
 * A running container's default route: its gateway endpoint's, in libnetwork's order (not the
 * attach order). `ip route` prints it and the packet engine (net/topo.ts) routes by it.
 */
export function containerDefaultRoute(world: World, c: Container): Route | undefined {
  const { ep4 } = gatewayEndpoints(world, c);
  return (ep4 && gateway4(world, ep4)) || undefined;
}

function containerStack(world: World, c: Container, host: Stack): Stack {
  const ifaces: StackIface[] = [
    {
      index: 1,
      name: 'lo',
      mac: '00:00:00:00:00:00',
      addrs: [{ ip: '127.0.0.1', prefix: 8 }],
      attach: { kind: 'loopback' },
      carrier: true,
    },
  ];
  const routes: Route[] = [];
  let defaultRoute: Route | undefined;
  if (c.state === 'running') {
    for (const ep of c.endpoints) {
      const net = world.networks[ep.networkId];
      // an endpoint of a network with IPv4 off has its link (IPv6 addresses come from ip6.ts) and no inet
      if (!ep.ifname || !net || !ep.endpointId || (!ep.ip && net.enableIPv4 !== false)) continue;
      const at = driverOf(net).endpointLink(net, ep);
      if (!at) continue;
      const prefix = net.ipam ? Number(net.ipam.subnet.split('/')[1]) : 0;
      const inSandbox = at.port ? host.sandboxPorts?.get(at.port) : undefined;
      const hostEnd = at.port && !inSandbox ? host.ifaces.find((f) => f.name === at.port) : inSandbox;
      // --link-local-ip: libnetwork adds each as IP/16 (endpoint.go CreateOptionIpam linkLocalMask)
      const linkLocal = (ep.linkLocalIps ?? []).filter((a) => !a.includes(':'));
      ifaces.push({
        index: hostEnd?.peerIndex ?? ep.ifindex ?? ifaces.length + 1,
        name: ep.ifname,
        mac: ep.mac!,
        addrs: [...(ep.ip ? [{ ip: ep.ip, prefix }] : []), ...linkLocal.map((a) => ({ ip: a, prefix: 16 }))],
        attach: at.port
          ? { kind: 'veth', networkId: net.id, veth: at.port }
          : { kind: 'segment', segment: at.domain.kind === 'seg' ? at.domain.id : net.id },
        peerIndex: hostEnd?.index,
        carrier: true,
        ...(at.port ? {} : { lower: lowerOf(net, host) }),
        ...(inSandbox ? { peerNs: net.id } : {}),
        ...mtuOf(net),
      });
      if (ep.ip)
        routes.push({ dst: cidrOf(ep.ip, prefix), dev: ep.ifname, proto: 'kernel', scope: 'link', src: ep.ip });
      for (const a of linkLocal)
        routes.push({ dst: cidrOf(a, 16), dev: ep.ifname, proto: 'kernel', scope: 'link', src: a });
    }
    defaultRoute = containerDefaultRoute(world, c);
  }
  if (defaultRoute) routes.unshift(defaultRoute);
  const own = withNetns(c.netns, ifaces, routes);
  return {
    owner: c.id,
    kind: 'container',
    node: nodeId.container(c.id),
    hostname: c.hostname,
    // the kernel lists links by ifindex: the order they came, not the endpoints' order
    ifaces: own.ifaces.sort((x, y) => x.index - y.index),
    routes: sortRoutes(own.routes),
    arp: c.arp,
  };
}

/** `ip route` order: the default route first, then destinations in address order. */
function sortRoutes(routes: Route[]): Route[] {
  const key = (r: Route) =>
    r.dst === 'default'
      ? -1
      : Number(IPv4CidrRange.fromCidr(r.dst).getFirst().getValue()) + Number(r.dst.split('/')[1]) / 100;
  return routes
    .map((r) => ({ r, k: key(r) }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.r);
}

/**
 * The stack a command at `where` runs in. For a container this follows `--network host` and
 * `--network container:NAME`; a container that is not running has only its loopback.
 */
export function stackOf(world: World, where: Where): Stack | null {
  if (where.kind === 'machine') {
    if (world.daemons[where.id]) return hostStack(world, where.id);
    const m = world.machines[where.id];
    if (!m) return null;
    return {
      owner: m.id,
      kind: 'machine',
      node: nodeId.machine(m.id),
      hostname: m.hostname,
      ifaces: m.ifaces.map((f, i) => machineIface(f, i)),
      routes: sortRoutes(m.routes),
      arp: m.arp,
    };
  }
  const owner = namespaceOwner(world, where.id);
  if (owner.kind === 'machine') return hostStack(world, owner.id);
  const c = world.containers[owner.id];
  return c ? containerStack(world, c, hostStack(world, c.daemon)) : null;
}
