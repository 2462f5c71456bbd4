import { IPv4CidrRange } from 'ip-num';
import { DOCKER_HOST, nodeId } from './ids';
import type { ArpEntry, Container, IfaceAddr, Network, Route, World } from './model';
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
}

const cidrOf = (ip: string, prefix: number) =>
  IPv4CidrRange.fromCidr(`${ip}/${prefix}`).getFirst().toString() + `/${prefix}`;

/** Bridge networks in creation order, with their running endpoints in attach order. */
export function bridgePorts(world: World): { net: Network; ports: { c: Container; epIndex: number }[] }[] {
  // One pass over the containers, grouped by network: this runs for every shell command.
  const byNet = new Map<string, { c: Container; epIndex: number }[]>();
  for (const n of Object.values(world.networks)) if (n.driver === 'bridge') byNet.set(n.id, []);
  for (const c of Object.values(world.containers)) {
    if (c.state !== 'running') continue;
    c.endpoints.forEach((ep, epIndex) => {
      if (ep.veth) byNet.get(ep.networkId)?.push({ c, epIndex });
    });
  }
  return [...byNet].map(([id, ports]) => ({ net: world.networks[id], ports }));
}

/** The namespace a container's processes see: its own, the host's (`--network host`), or another container's. */
export function namespaceOwner(world: World, containerId: string): Where {
  const seen = new Set<string>();
  let c = world.containers[containerId];
  while (c?.networkMode.startsWith('container:') && !seen.has(c.id)) {
    seen.add(c.id);
    const next = world.containers[c.networkMode.slice('container:'.length)];
    if (!next) break;
    c = next;
  }
  if (c?.networkMode === 'host') return { kind: 'machine', id: DOCKER_HOST };
  return { kind: 'container', id: c?.id ?? containerId };
}

/** Worlds are immutable, so the host's stack is computed once per World (every container's stack needs it). */
const hostStacks = new WeakMap<World, Stack>();

function hostStack(world: World): Stack {
  let stack = hostStacks.get(world);
  if (!stack) {
    stack = buildHostStack(world);
    hostStacks.set(world, stack);
  }
  return stack;
}

function buildHostStack(world: World): Stack {
  const m = world.machines[DOCKER_HOST];
  const ifaces: StackIface[] = m.ifaces.map((f, i) => ({
    index: i + 1,
    name: f.name,
    mac: f.mac,
    addrs: f.addrs,
    attach: f.segment ? { kind: 'segment', segment: f.segment } : { kind: 'loopback' },
    carrier: true,
  }));
  const routes: Route[] = [...m.routes];
  let index = ifaces.length;
  const vethIfaces: StackIface[] = [];
  for (const { net, ports } of bridgePorts(world)) {
    if (!net.ipam || !net.bridge || !net.bridgeMac) continue;
    const prefix = Number(net.ipam.subnet.split('/')[1]);
    ifaces.push({
      index: ++index,
      name: net.bridge,
      mac: net.bridgeMac,
      addrs: [{ ip: net.ipam.gateway, prefix }],
      attach: { kind: 'bridge', networkId: net.id },
      carrier: ports.length > 0,
    });
    routes.push({
      dst: net.ipam.subnet,
      dev: net.bridge,
      proto: 'kernel',
      scope: 'link',
      src: net.ipam.gateway,
      linkdown: ports.length === 0 || undefined,
    });
    for (const { c, epIndex } of ports) {
      const ep = c.endpoints[epIndex];
      index += 2; // veth pairs take two ifindexes: the host end and, one above, the container end
      vethIfaces.push({
        index: index - 1,
        name: ep.veth!,
        mac: ep.vethMac!,
        addrs: [],
        attach: { kind: 'bridge-port', networkId: net.id, containerId: c.id },
        peerIndex: index,
        master: net.bridge,
        carrier: true,
      });
    }
  }
  return {
    owner: DOCKER_HOST,
    kind: 'machine',
    node: nodeId.machine(DOCKER_HOST),
    hostname: m.hostname,
    ifaces: [...ifaces, ...vethIfaces],
    routes: sortRoutes(routes),
    arp: m.arp,
  };
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
      if (!ep.ip || !ep.ifname || !ep.veth || !net?.ipam) continue;
      const prefix = Number(net.ipam.subnet.split('/')[1]);
      const hostEnd = host.ifaces.find((f) => f.name === ep.veth);
      ifaces.push({
        index: hostEnd?.peerIndex ?? ifaces.length + 1,
        name: ep.ifname,
        mac: ep.mac!,
        addrs: [{ ip: ep.ip, prefix }],
        attach: { kind: 'veth', networkId: net.id, veth: ep.veth },
        peerIndex: hostEnd?.index,
        carrier: true,
      });
      routes.push({ dst: cidrOf(ep.ip, prefix), dev: ep.ifname, proto: 'kernel', scope: 'link', src: ep.ip });
      if (!defaultRoute && !net.internal) defaultRoute = { dst: 'default', via: net.ipam.gateway, dev: ep.ifname };
    }
  }
  if (defaultRoute) routes.unshift(defaultRoute);
  return {
    owner: c.id,
    kind: 'container',
    node: nodeId.container(c.id),
    hostname: c.hostname,
    ifaces,
    routes: sortRoutes(routes),
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
    if (where.id === DOCKER_HOST) return hostStack(world);
    const m = world.machines[where.id];
    if (!m) return null;
    return {
      owner: m.id,
      kind: 'machine',
      node: nodeId.machine(m.id),
      hostname: m.hostname,
      ifaces: m.ifaces.map((f, i) => ({
        index: i + 1,
        name: f.name,
        mac: f.mac,
        addrs: f.addrs,
        attach: f.segment ? { kind: 'segment', segment: f.segment } : { kind: 'loopback' },
        carrier: true,
      })),
      routes: sortRoutes(m.routes),
      arp: m.arp,
    };
  }
  const owner = namespaceOwner(world, where.id);
  if (owner.kind === 'machine') return hostStack(world);
  const c = world.containers[owner.id];
  return c ? containerStack(world, c, hostStack(world)) : null;
}
