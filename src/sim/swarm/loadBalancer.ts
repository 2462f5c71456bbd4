import type { World } from '../model';
import { allocateOverlayIp } from './overlayIpam';
import type { SwarmService, SwarmTask } from './types';

/**
 * Swarm's service load balancers as libnetwork programs them on every node (service_common.go
 * addServiceBinding, service_linux.go addLBBackend; docker-facts 75, 76, 79): each (service,
 * network) pair with a VIP gets a firewall mark, counted from 256 (fwMarkCtr), an IPVS service
 * `FWM <mark> rr` in the network's load-balancer sandbox of each node (`lb_<net id 9>`, the
 * ingress network's is `ingress_sbox`) whose real servers are the tasks' addresses on that network,
 * on any node, and the VIP as a /32 alias on that sandbox's interface.
 */

/** One IPVS service. */
export interface LoadBalancer {
  service: SwarmService;
  networkId: string;
  vip: string;
  /** iptables mangle MARK --set-mark, IPVS FWM */
  fwmark: number;
}

/** A real server of a load balancer: a running task's address on the network. */
export interface Backend {
  ip: string;
  task: SwarmTask;
}

const lbCache = new WeakMap<object, LoadBalancer[]>();

/** The swarm's load balancers in creation order (fwmarks 256, 257 …). */
export function loadBalancers(world: World): LoadBalancer[] {
  const s = world.swarm;
  if (!s) return [];
  const hit = lbCache.get(s.services);
  if (hit) return hit;
  const out: LoadBalancer[] = [];
  let mark = 256;
  for (const svc of Object.values(s.services)) {
    if (svc.endpointMode !== 'vip') continue;
    for (const v of svc.vips)
      out.push({ service: svc, networkId: v.networkId, vip: v.addr.split('/')[0], fwmark: mark++ });
  }
  lbCache.set(s.services, out);
  return out;
}

const vipCache = new WeakMap<LoadBalancer[], Map<string, LoadBalancer>>();

/** The load balancer whose VIP is `vip` on `networkId` (the first, in creation order), if any. */
export function lbOfVip(world: World, networkId: string, vip: string): LoadBalancer | undefined {
  const all = loadBalancers(world);
  let m = vipCache.get(all);
  if (!m) {
    m = new Map();
    for (const lb of all) {
      const k = `${lb.networkId}|${lb.vip}`;
      if (!m.has(k)) m.set(k, lb);
    }
    vipCache.set(all, m);
  }
  return m.get(`${networkId}|${vip}`);
}

const backendCache = new WeakMap<object, Map<string, Backend[]>>();

/** IPVS's real servers for `lb`, in the order the tasks were created (round robin walks this list). */
export function backendsOf(world: World, lb: LoadBalancer): Backend[] {
  const s = world.swarm;
  if (!s) return [];
  let m = backendCache.get(s.tasks);
  if (!m) {
    m = new Map();
    backendCache.set(s.tasks, m);
  }
  const k = `${lb.service.id}|${lb.networkId}`;
  const hit = m.get(k);
  if (hit) return hit;
  const out: Backend[] = [];
  for (const id in s.tasks) {
    const t = s.tasks[id];
    if (t.serviceId !== lb.service.id || t.desired !== 'running' || t.state !== 'running' || !t.containerId) continue;
    const a = t.addrs.find((x) => x.networkId === lb.networkId);
    if (a) out.push({ ip: a.ip, task: t });
  }
  m.set(k, out);
  return out;
}

/** The address of `machine`'s load-balancer sandbox on an overlay: its ingress-endpoint on ingress, its lb endpoint else. */
export function lbIpOf(world: World, machine: string, networkId: string): string | undefined {
  const node = world.swarm?.nodes.find((n) => n.machine === machine && n.status === 'ready');
  if (!node) return undefined;
  return world.networks[networkId]?.ingress ? node.ingressIp : node.lbIps?.[networkId];
}

/**
 * Gives `machine` its load-balancer endpoint on a user overlay when the network first comes to the
 * node (swarmkit allocates one address per node and network, fact 76); ingress has its own already.
 */
export function ensureLbEndpoint(d: World, machine: string, networkId: string): void {
  const net = d.networks[networkId];
  const node = d.swarm?.nodes.find((n) => n.machine === machine && n.status === 'ready');
  if (!node || net?.scope !== 'swarm' || net.ingress || node.lbIps?.[networkId]) return;
  const ip = allocateOverlayIp(d, networkId);
  if (!ip) return;
  node.lbIps = { ...(node.lbIps ?? {}), [networkId]: ip };
}

/** The ingress-mode published port `proto/port` of a service, with its load balancer on ingress. */
export function ingressPort(world: World, proto: string, port: number): { lb: LoadBalancer; target: number } | null {
  const all = loadBalancers(world);
  let hit = portCache.get(all);
  if (!hit || hit.networks !== world.networks) {
    // the first load balancer on ingress (creation order) publishing proto/port, and its first such port
    const ports = new Map<string, { lb: LoadBalancer; target: number }>();
    for (const lb of all) {
      if (!world.networks[lb.networkId]?.ingress) continue;
      for (const p of lb.service.ports) {
        const k = `${p.protocol}/${p.published}`;
        if (p.mode === 'ingress' && !ports.has(k)) ports.set(k, { lb, target: p.target });
      }
    }
    hit = { networks: world.networks, ports };
    portCache.set(all, hit);
  }
  return hit.ports.get(`${proto}/${port}`) ?? null;
}

/** ingressPort's answers per load-balancer list and networks record (a packet to a node asks at every hop). */
const portCache = new WeakMap<
  LoadBalancer[],
  { networks: World['networks']; ports: Map<string, { lb: LoadBalancer; target: number }> }
>();
