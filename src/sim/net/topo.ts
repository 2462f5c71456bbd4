import { driverOf, networksOf } from '../drivers';
import { gateway6, gatewayEndpoints } from '../gateway';
import { linkId, nodeId } from '../ids';
import { hasIPv6, prefixLen6 } from '../ipam6';
import type { Container, IfaceAddr, Machine, Network, Route, World } from '../model';
import { withNetns } from '../netns';
import { containerDefaultRoute, namespaceOwner } from '../stack';
import type { Where } from '../where';
import { inCidr, networkOf, prefixOf } from './addr';
import { inCidr6, masked6 } from './addr6';
import { sandboxNode } from './sandbox';

/**
 * The engine's lean view of network stacks. It follows the same rules as `stackOf` (stack.ts):
 * containers derive interfaces and routes from running endpoints (default route via the first
 * non-internal network's gateway), the Docker host adds one bridge device and kernel route per
 * bridge network. Unlike `stackOf` it never materialises every veth of the host, so a hop costs
 * the same with 10 or 1,000 containers.
 */

/** The L2 broadcast domain an interface is plugged into. */
export type Domain = { kind: 'seg'; id: string } | { kind: 'br'; netId: string };

export interface NIface {
  name: string;
  mac: string;
  addrs: IfaceAddr[];
  /** global IPv6 addresses (an endpoint's or a bridge's on a network with IPv6 on), apart so IPv4 code never parses them */
  addrs6?: IfaceAddr[];
  /** null for loopback */
  domain: Domain | null;
  /** canvas edge id of the cable / veth / bridge link this interface sends on */
  link: string;
  /** bridge port name (the host-side veth) for container interfaces */
  port?: string;
}

/** A network namespace: a machine or a container (after following `--network host|container:`). */
export interface NetNode {
  /** machine id or container id owning the namespace */
  key: string;
  kind: 'machine' | 'container';
  /** canvas node id */
  canvas: string;
  label: string;
  ifaces: NIface[];
  routes: Route[];
  /** the IPv6 main table: on-link prefixes and `default` (::/0), as `ip -6 route` prints them */
  routes6?: Route[];
  /** routers and the Docker host forward packets not addressed to them */
  forwarding: boolean;
  /** a Docker host's own namespace: the daemon whose netfilter and conntrack apply here */
  daemon?: string;
  machine?: Machine;
  container?: Container;
  /** a swarm load-balancer sandbox (ingress_sbox, lb_<net>) on `machine` (sandbox.ts) */
  sandbox?: { machine: string; networkId: string; name: string };
}

/** The namespace key of a `Where` (a `--network host` container runs in the Docker host's). */
export function nodeKeyOf(world: World, where: Where): string {
  if (where.kind === 'machine') return where.id;
  const o = namespaceOwner(world, where.id);
  return o.id;
}

function machineNode(world: World, m: Machine): NetNode {
  const ifaces: NIface[] = m.ifaces
    .filter((f) => !f.down)
    .map((f) => ({
      name: f.name,
      mac: f.mac,
      addrs: f.addrs,
      domain: f.segment ? { kind: 'seg', id: f.segment } : null,
      link: linkId.iface(m.id, f.name),
    }));
  const routes = [...m.routes];
  const routes6: Route[] = [];
  const daemon = world.daemons[m.id] ? m.id : undefined;
  if (daemon) {
    for (const net of networksOf(world, daemon)) {
      const dev = driverOf(net).hostDevice(net, daemon);
      if (!dev) continue;
      // a bridge of a network with IPv6 on holds the IPv6 gateway (programIPv6Addresses) and its prefix's route
      const gw6 = hasIPv6(net) && net.bridge === dev.name ? net.ipam6!.gateway : '';
      ifaces.push({
        name: dev.name,
        mac: dev.mac,
        addrs: dev.addrs,
        ...(gw6 ? { addrs6: [{ ip: gw6, prefix: prefixLen6(net) }] } : {}),
        domain: { kind: 'br', netId: net.id },
        link: dev.link,
      });
      if (dev.route) routes.push(dev.route);
      if (gw6) routes6.push({ dst: masked6(net.ipam6!.subnet), dev: dev.name, proto: 'kernel', metric: 256 });
    }
  }
  return {
    key: m.id,
    kind: 'machine',
    canvas: nodeId.machine(m.id),
    label: m.hostname,
    ifaces,
    routes,
    ...(routes6.length ? { routes6 } : {}),
    // Docker Desktop's PC forwards its VM's traffic (vpnkit, src/sim/desktop.ts)
    forwarding: m.kind === 'router' || m.kind === 'docker-host' || m.desktopVm !== undefined,
    ...(daemon ? { daemon } : {}),
    machine: m,
  };
}

function containerNode(world: World, c: Container): NetNode {
  const ifaces: NIface[] = [
    { name: 'lo', mac: '00:00:00:00:00:00', addrs: [{ ip: '127.0.0.1', prefix: 8 }], domain: null, link: '' },
  ];
  const routes: Route[] = [];
  const routes6: Route[] = [];
  let gw: Route | undefined;
  if (c.state === 'running') {
    for (const ep of c.endpoints) {
      const net = world.networks[ep.networkId];
      if (!ep.ifname || !ep.mac || !net) continue;
      const v4 = ep.ip && net.ipam ? ep.ip : '';
      const v6 = ep.ip6 && hasIPv6(net) ? ep.ip6 : '';
      if (!v4 && !v6) continue;
      const at = driverOf(net).endpointLink(net, ep);
      if (!at) continue;
      const prefix = v4 ? prefixOf(net.ipam!.subnet) : 0;
      ifaces.push({
        name: ep.ifname,
        mac: ep.mac,
        addrs: v4 ? [{ ip: v4, prefix }] : [],
        ...(v6 ? { addrs6: [{ ip: v6, prefix: prefixLen6(net) }] } : {}),
        domain: at.domain,
        link: at.link,
        ...(at.port ? { port: at.port } : {}),
      });
      if (v4) routes.push({ dst: networkOf(v4, prefix), dev: ep.ifname, proto: 'kernel', scope: 'link', src: v4 });
      if (v6) routes6.push({ dst: masked6(`${v6}/${prefixLen6(net)}`), dev: ep.ifname, proto: 'kernel', metric: 256 });
    }
    gw = containerDefaultRoute(world, c);
    const { ep6 } = gatewayEndpoints(world, c);
    const gw6 = ep6 && gateway6(world, ep6);
    if (gw6) routes6.push({ dst: 'default', ...(gw6.via ? { via: gw6.via } : {}), dev: gw6.dev, metric: 1024 });
  }
  if (gw) routes.unshift(gw);
  // what `ip` changed in the namespace; a link set down carries nothing
  const own = withNetns(c.netns, ifaces, routes);
  return {
    key: c.id,
    kind: 'container',
    canvas: nodeId.container(c.id),
    label: c.name,
    ifaces: own.ifaces.filter((f) => !c.netns?.links[f.name]?.down),
    routes: own.routes,
    // IPv6 routes stay the kernel's (ip -6 changes are not modelled), gone with a link set down
    ...(routes6.length ? { routes6: routes6.filter((r) => !c.netns?.links[r.dev]?.down) } : {}),
    forwarding: false,
    container: c,
  };
}

/**
 * A node is a view of its machine or container and of the networks (the Docker host's bridges, a
 * container's subnets): kept per object while `world.networks` is the same object, so commands
 * that leave both alone (most packet commands) reuse it instead of rebuilding the Docker host's
 * interface per network. Nodes are read-only views; nothing in the engine writes to one.
 */
const nodeCache = new WeakMap<Machine | Container, { networks: World['networks']; node: NetNode }>();

/** Builds the node for a namespace key (machine id or container id); null if it does not exist. */
export function buildNode(world: World, key: string): NetNode | null {
  const m = world.machines[key];
  if (!m && key.startsWith('sbox:')) return sandboxNode(world, key);
  const c = m ? undefined : world.containers[key];
  const obj = m ?? c;
  if (!obj) return null;
  const hit = nodeCache.get(obj);
  if (hit && hit.networks === world.networks) return hit.node;
  const node = m ? machineNode(world, m) : containerNode(world, c as Container);
  nodeCache.set(obj, { networks: world.networks, node });
  return node;
}

/**
 * Whose tables a change names: the node's canvas id, except for a swarm sandbox, which is drawn
 * on its host's node but keeps its own ARP cache, routes and conntrack (so playback does not put
 * them in the host's tables).
 */
export const tableOn = (node: NetNode): string => (node.sandbox ? node.key : node.canvas);

/** The prefix length of an IPv6 route's destination (`default` is ::/0). */
const prefix6 = (dst: string) => (dst === 'default' ? 0 : Number(dst.split('/')[1] ?? 128));

/** Longest-prefix match; ties keep table order (lowest metric first). An IPv6 `dst` looks in `routes6`. */
export function lookupRoute(node: NetNode, dst: string): { route: Route; iface: NIface } | null {
  let best: { route: Route; iface: NIface } | null = null;
  let bestLen = -1;
  let bestMetric = Number.POSITIVE_INFINITY;
  const v6 = dst.includes(':');
  for (const r of v6 ? (node.routes6 ?? []) : node.routes) {
    if (v6 ? r.dst !== 'default' && !inCidr6(dst, r.dst) : !inCidr(dst, r.dst)) continue;
    const len = v6 ? prefix6(r.dst) : prefixOf(r.dst);
    const metric = r.metric ?? 0;
    if (len < bestLen || (len === bestLen && metric >= bestMetric)) continue;
    const iface = ifaceNamed(node, r.dev);
    if (!iface) continue;
    best = { route: r, iface };
    bestLen = len;
    bestMetric = metric;
  }
  return best;
}

/** The node's interface called `name`, if any (plain loops: the engine asks at every hop). */
export function ifaceNamed(node: NetNode, name: string): NIface | undefined {
  for (const f of node.ifaces) if (f.name === name) return f;
  return undefined;
}

/** Whether `ip` is one of the node's own addresses (Linux answers on any of them: weak host model). */
export function ownsIp(node: NetNode, ip: string): boolean {
  if (ip.includes(':')) {
    if (ip === '::1') return true;
    for (const f of node.ifaces) for (const a of f.addrs6 ?? []) if (a.ip === ip) return true;
    return false;
  }
  for (const f of node.ifaces) for (const a of f.addrs) if (a.ip === ip) return true;
  return false;
}

/** The first non-loopback address: what `hostname -i` would print. */
export function primaryIp(node: NetNode): string | null {
  return node.ifaces.find((f) => f.domain)?.addrs[0]?.ip ?? null;
}

/** The canvas node standing for an L2 domain, if the canvas draws one (bridges and the LAN switch). */
export function domainCanvas(d: Domain): string | null {
  if (d.kind === 'br') return nodeId.network(d.netId);
  return d.id === 'lan' ? nodeId.segment('lan') : null;
}

/** The Docker network owning a bridge domain. */
export function domainNetwork(world: World, d: Domain | null): Network | null {
  return d?.kind === 'br' ? (world.networks[d.netId] ?? null) : null;
}
