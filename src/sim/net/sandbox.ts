import { macFromIp } from '../drivers/overlay';
import { linkId, nodeId } from '../ids';
import { memoFrozen } from '../memo';
import type { Network, World } from '../model';
import { backendsOf, ingressPort, lbIpOf, lbOfVip, loadBalancers } from '../swarm/loadBalancer';
import { inCidr, isLoopback, networkOf, prefixOf } from './addr';
import { type Ctx, step } from './ctx';
import { frameOf, type Pkt } from './pkt';
import { type NetNode, type NIface, ownsIp, tableOn } from './topo';
import { hash32 } from './wire';

/**
 * The swarm's load-balancer sandboxes as network namespaces of the engine (libnetwork
 * service_linux.go; docker-facts 75, 78, 79). On each node, every overlay with a service VIP has
 * one: `lb_<net id 9>` with the node's `lb-<net>` address on eth0, and the ingress network's is
 * `ingress_sbox` (eth0 its ingress-endpoint 10.0.0.x, eth1 `gateway_ingress-sbox` on
 * docker_gwbridge). The VIPs are /32 aliases on eth0, so ARP and ping for a VIP are answered by
 * the sender's own node's sandbox; mangle marks the service's traffic (INPUT -d VIP, and in
 * ingress_sbox PREROUTING --dport PUBLISHED) and IPVS (`FWM <mark> rr`, masquerading) sends it to
 * a task's address, with nat POSTROUTING `-m ipvs --ipvs -j SNAT` to the sandbox's own address, so
 * the reply comes back through the same sandbox and conntrack restores the VIP.
 * Keys are `sbox:<machine>:<network id>`; steps are shown on the node's machine.
 */

const PREFIX = 'sbox:';

export const sandboxKey = (machine: string, networkId: string): string => `${PREFIX}${machine}:${networkId}`;

/** The namespace's name on the node (`/var/run/docker/netns/…`). */
export const sandboxName = (net: Network): string => (net.ingress ? 'ingress_sbox' : `lb_${net.id.slice(0, 9)}`);

type Gateway = { net: Network; ip: string; mac: string } | null;

/** The node's docker_gwbridge and its `gateway_ingress-sbox` endpoint. */
function gatewayOf(world: World, machine: string): Gateway {
  return memoFrozen(gatewayCache, world.networks, machine, () => findGateway(world, machine));
}

/** gatewayOf per networks record: a packet to a swarm node asks at every hop. */
const gatewayCache = new WeakMap<World['networks'], Map<string, Gateway>>();

function findGateway(world: World, machine: string): Gateway {
  for (const id in world.networks) {
    const n = world.networks[id];
    if (n.name !== 'docker_gwbridge' || n.daemon !== machine) continue;
    const sb = n.sandboxes?.find((x) => x.name === 'gateway_ingress-sbox');
    return sb ? { net: n, ip: sb.ip, mac: sb.mac } : null;
  }
  return null;
}

const vethOf = (machine: string, name: string) =>
  `veth${(hash32(`${machine}/${name}`) >>> 0).toString(16).padStart(8, '0').slice(0, 7)}`;

function build(world: World, key: string): NetNode | null {
  const rest = key.slice(PREFIX.length);
  const cut = rest.lastIndexOf(':');
  const machine = rest.slice(0, cut);
  const networkId = rest.slice(cut + 1);
  const net = world.networks[networkId];
  const ip = lbIpOf(world, machine, networkId);
  if (!net?.ipam || net.scope !== 'swarm' || !ip) return null;
  const name = sandboxName(net);
  const prefix = prefixOf(net.ipam.subnet);
  const vips = loadBalancers(world)
    .filter((lb) => lb.networkId === networkId)
    .map((lb) => ({ ip: lb.vip, prefix: 32 }));
  const ifaces: NIface[] = [
    { name: 'lo', mac: '00:00:00:00:00:00', addrs: [{ ip: '127.0.0.1', prefix: 8 }], domain: null, link: '' },
    {
      name: 'eth0',
      mac: macFromIp(ip),
      addrs: [{ ip, prefix }, ...vips],
      domain: { kind: 'br', netId: networkId },
      link: linkId.iface(machine, `${name}.eth0`),
      port: vethOf(machine, `${name}.eth0`),
    },
  ];
  const routes: NetNode['routes'] = [
    { dst: networkOf(ip, prefix), dev: 'eth0', proto: 'kernel', scope: 'link', src: ip },
  ];
  const gw = net.ingress ? gatewayOf(world, machine) : null;
  if (gw?.net.ipam) {
    const gp = prefixOf(gw.net.ipam.subnet);
    ifaces.push({
      name: 'eth1',
      mac: gw.mac,
      addrs: [{ ip: gw.ip, prefix: gp }],
      domain: { kind: 'br', netId: gw.net.id },
      link: linkId.iface(machine, `${name}.eth1`),
      port: vethOf(machine, `${name}.eth1`),
    });
    routes.unshift({ dst: 'default', via: gw.net.ipam.gateway, dev: 'eth1' });
    routes.push({ dst: networkOf(gw.ip, gp), dev: 'eth1', proto: 'kernel', scope: 'link', src: gw.ip });
  }
  const host = world.machines[machine]?.hostname ?? machine;
  return {
    key,
    kind: 'machine',
    canvas: nodeId.machine(machine),
    label: `${name} (${host})`,
    ifaces,
    routes,
    forwarding: true,
    sandbox: { machine, networkId, name },
  };
}

const cache = new WeakMap<object, { swarm: unknown; nodes: Map<string, NetNode | null> }>();

/** The sandbox namespace of a `sbox:` key, or null (no such node, network or load-balancer endpoint). */
export function sandboxNode(world: World, key: string): NetNode | null {
  let c = cache.get(world.networks);
  if (!c || c.swarm !== world.swarm) {
    c = { swarm: world.swarm, nodes: new Map() };
    cache.set(world.networks, c);
  }
  if (c.nodes.has(key)) return c.nodes.get(key) ?? null;
  const n = key.startsWith(PREFIX) ? build(world, key) : null;
  c.nodes.set(key, n);
  return n;
}

/**
 * Which sandbox holds `ip` on a network: a VIP is on every node's sandbox, so the sender's own
 * node answers for it; a sandbox's own address (lb endpoint, ingress-endpoint, gateway_ingress-sbox)
 * is one node's.
 */
export function sandboxPeer(
  world: World,
  netId: string,
  ip: string,
  fromDaemon: string | undefined,
): { key: string; ifname: string } | null {
  const net = world.networks[netId];
  const s = world.swarm;
  if (!net || !s) return null;
  if (net.scope !== 'swarm') {
    if (!net.daemon || !net.sandboxes?.some((x) => x.ip === ip && x.name === 'gateway_ingress-sbox')) return null;
    const ingress = Object.values(world.networks).find((n) => n.ingress);
    return ingress ? { key: sandboxKey(net.daemon, ingress.id), ifname: 'eth1' } : null;
  }
  if (fromDaemon && lbOfVip(world, netId, ip)) {
    return lbIpOf(world, fromDaemon, netId) ? { key: sandboxKey(fromDaemon, netId), ifname: 'eth0' } : null;
  }
  for (const n of s.nodes) {
    if (n.status === 'ready' && lbIpOf(world, n.machine, netId) === ip)
      return { key: sandboxKey(n.machine, netId), ifname: 'eth0' };
  }
  return null;
}

/** The Docker daemon a namespace lives on: a container's, a sandbox's node, or the Docker host itself. */
export const daemonOfNode = (n: NetNode): string | undefined => n.container?.daemon ?? n.daemon ?? n.sandbox?.machine;

const hex = (n: number) => `0x${n.toString(16)}`;

/** rr's position per IPVS service, counted on through the command (written back by `commit`). */
function nextRr(ctx: Ctx, key: string): number {
  if (!ctx.ipvs) ctx.ipvs = new Map();
  const m = ctx.ipvs;
  const n = m.get(key) ?? ctx.world.swarm?.rr?.[key] ?? 0;
  m.set(key, n + 1);
  return n;
}

/**
 * mangle and IPVS in a load-balancer sandbox for a new flow: marks the packet when it is for a
 * service (a VIP, or in ingress_sbox a published port), lets IPVS pick the next task round robin
 * and rewrites the destination to it (the port stays: real servers have port 0). ICMP is no IPVS
 * protocol: a ping to a VIP is answered by the sandbox itself. Returns what the later SNAT needs,
 * 'drop' when the service has no task, null when it is no service's packet.
 */
export function ipvsSchedule(ctx: Ctx, node: NetNode, p: Pkt): { snat: string; subnet: string } | 'drop' | null {
  const sb = node.sandbox;
  if (!sb || (p.proto !== 'tcp' && p.proto !== 'udp')) return null;
  const w = ctx.world;
  const net = w.networks[sb.networkId];
  if (!net?.ipam) return null;
  let lb = lbOfVip(w, sb.networkId, p.dst);
  let match = `-d ${p.dst}/32`;
  let chain = 'INPUT';
  if (!lb && net.ingress && ownsIp(node, p.dst)) {
    lb = ingressPort(w, p.proto, p.dport)?.lb;
    match = `-p ${p.proto} --dport ${p.dport}`;
    chain = 'PREROUTING';
  }
  if (!lb) return null;
  const mark = { chain, rule: `${match} -j MARK --set-mark ${lb.fwmark}` };
  step(
    ctx,
    node.canvas,
    'mark',
    frameOf(p),
    'ipvs.mark',
    { node: node.label, chain, match, mark: hex(lb.fwmark), service: lb.service.name },
    [{ on: tableOn(node), table: 'nat', kind: 'hit', entry: { table: 'mangle', ...mark } }],
  );
  const all = backendsOf(w, lb);
  if (!all.length) {
    step(ctx, node.canvas, 'drop', frameOf(p), 'drop.no-backend', {
      node: node.label,
      dst: p.dst,
      service: lb.service.name,
      reason: 'no-backend',
    });
    return 'drop';
  }
  const i = nextRr(ctx, `${sb.machine}|${sb.networkId}|${lb.fwmark}`) % all.length;
  const b = all[i];
  const from = `${p.dst}:${p.dport}`;
  p.dst = b.ip;
  const to = `${p.dst}:${p.dport}`;
  const c = b.task.containerId ? w.containers[b.task.containerId] : undefined;
  step(
    ctx,
    node.canvas,
    'ipvs',
    frameOf(p),
    'ipvs.schedule',
    {
      node: node.label,
      mark: hex(lb.fwmark),
      from,
      to,
      task: c?.name ?? b.task.id,
      host: w.machines[b.task.node]?.hostname ?? b.task.node,
      n: i + 1,
      count: all.length,
    },
    [{ on: tableOn(node), table: 'nat', kind: 'hit', entry: { chain: 'IPVS', rule: `FWM ${lb.fwmark} rr`, from, to } }],
  );
  const own = node.ifaces.find((f) => f.name === 'eth0')?.addrs[0]?.ip ?? '';
  return { snat: own, subnet: net.ipam.subnet };
}

/** nat POSTROUTING `-d <subnet> -m ipvs --ipvs -j SNAT --to-source <own>` for a packet IPVS forwarded. */
export function ipvsSnat(ctx: Ctx, node: NetNode, v: { snat: string; subnet: string }, p: Pkt): void {
  if (!inCidr(p.dst, v.subnet) || p.src === v.snat) return;
  const from = p.src;
  p.src = v.snat;
  const rule = `-d ${v.subnet} -m ipvs --ipvs -j SNAT --to-source ${v.snat}`;
  step(ctx, node.canvas, 'snat', frameOf(p), 'ipvs.snat', { node: node.label, from, to: v.snat }, [
    { on: tableOn(node), table: 'nat', kind: 'hit', entry: { chain: 'POSTROUTING', rule, from, to: v.snat } },
  ]);
}

/**
 * nat PREROUTING in a task on ingress (addRedirectRules): `-d <task ingress IP> -p tcp --dport
 * PUBLISHED -j REDIRECT --to-port TARGET`. True when it rewrote the port.
 */
export function ingressRedirect(ctx: Ctx, node: NetNode, inIf: NIface | null, p: Pkt): boolean {
  const c = node.container;
  const d = inIf?.domain;
  if (!c || d?.kind !== 'br' || !ctx.world.networks[d.netId]?.ingress) return false;
  if (!inIf?.addrs.some((a) => a.ip === p.dst)) return false;
  const svc = ctx.world.swarm?.services[c.labels?.['com.docker.swarm.service.id'] ?? ''];
  const port = svc?.ports.find((x) => x.mode === 'ingress' && x.protocol === p.proto && x.published === p.dport);
  if (!port || port.target === p.dport) return false;
  const from = `${p.dst}:${p.dport}`;
  p.dport = port.target;
  const to = `${p.dst}:${p.dport}`;
  const rule = `-d ${p.dst}/32 -p ${p.proto} -m ${p.proto} --dport ${port.published} -j REDIRECT --to-ports ${port.target}`;
  step(ctx, node.canvas, 'dnat', frameOf(p), 'ipvs.redirect', { node: node.label, from, to }, [
    { on: tableOn(node), table: 'nat', kind: 'hit', entry: { chain: 'PREROUTING', rule, from, to } },
  ]);
  return true;
}

/**
 * nat DOCKER-INGRESS on a swarm node (programIngress): a packet to one of the node's own addresses
 * on a port a service publishes in ingress mode goes to the ingress sandbox's address on
 * docker_gwbridge, the published port kept.
 */
export function ingressDnat(ctx: Ctx, host: NetNode, p: Pkt): { ip: string; port: number } | null {
  if ((p.proto !== 'tcp' && p.proto !== 'udp') || !host.daemon) return null;
  const s = ctx.world.swarm;
  if (!s?.nodes.some((n) => n.machine === host.daemon && n.status === 'ready')) return null;
  if (!isLoopback(p.dst) && !ownsIp(host, p.dst)) return null; // -m addrtype --dst-type LOCAL
  if (!ingressPort(ctx.world, p.proto, p.dport)) return null;
  const gw = gatewayOf(ctx.world, host.daemon);
  return gw ? { ip: gw.ip, port: p.dport } : null;
}

/** nat POSTROUTING `-o docker_gwbridge -m addrtype --src-type LOCAL -j MASQUERADE` (a node's own packets into the mesh). */
export function gwbridgeMasquerade(host: NetNode, out: NIface, p: Pkt): string | null {
  if (out.name !== 'docker_gwbridge' || !(isLoopback(p.src) || ownsIp(host, p.src))) return null;
  return out.addrs[0]?.ip ?? null;
}
