import { dockerTime } from '../clock';
import { daemonView } from '../docker/scope';
import { takeIfindex } from '../ifindex';
import { allocateAddress, planNetworkIpam } from '../ipam';
import type { Network, World } from '../model';
import { cidrBounds, ipString } from '../net/addr';
import { randomId, randomMac } from '../prng';
import { allocateOverlayIp, lowestFreeVni, nextOverlaySubnet } from './overlayIpam';
import { reconcileService } from './schedule';
import { randomBase36 } from './state';
import { gwbridgeOf, removeTaskContainer } from './taskContainer';

/**
 * What joining and leaving a swarm does to the World (writers on an immer draft): the cluster
 * record, the `ingress` overlay (docker-facts 46, 75) and each node's `docker_gwbridge` (fact 77).
 */

/** Creates the node's docker_gwbridge unless it has one: a bridge with icc off and masquerade on. */
export function ensureGwbridge(d: World, machine: string): void {
  if (gwbridgeOf(d, machine)) return;
  // local IPAM: the pools this daemon's own networks leave free (every host gets 172.18.0.0/16)
  const plan = planNetworkIpam(daemonView(d, machine), machine, {});
  if (!plan.ok) return;
  const id = randomId(d);
  const net: Network = {
    id,
    name: 'docker_gwbridge',
    driver: 'bridge',
    daemon: machine,
    scope: 'local',
    created: dockerTime(d.clock),
    internal: false,
    attachable: false,
    labels: {},
    options: {
      'com.docker.network.bridge.enable_icc': 'false',
      'com.docker.network.bridge.enable_ip_masquerade': 'true',
      'com.docker.network.bridge.name': 'docker_gwbridge',
    },
    ipam: plan.value.ipam,
    userSubnet: false,
    predefined: false,
    bridge: 'docker_gwbridge',
    bridgeMac: randomMac(d),
    fdb: [],
    ifindex: takeIfindex(d, machine, 1),
  };
  d.networks[id] = net;
  // the ingress sandbox joins it first (fact 75: gateway_ingress-sbox, usually 172.18.0.2)
  const ip = allocateAddress(d, net);
  if (ip.ok) net.sandboxes = [{ name: 'gateway_ingress-sbox', ip: ip.value, mac: randomMac(d) }];
}

/** A swarm-scoped overlay network record (25-char id, VNI from 4096, subnet from the swarm's address pools). */
export function createOverlayNetwork(
  d: World,
  name: string,
  opts: {
    ingress?: boolean;
    attachable?: boolean;
    internal?: boolean;
    subnet?: string;
    gateway?: string;
    labels?: Record<string, string>;
    /** `-o` driver options as given (swarmkit keeps them; the allocator adds vxlanid_list) */
    options?: Record<string, string>;
  },
): Network {
  const id = randomBase36(d);
  const subnet = opts.subnet ?? nextOverlaySubnet(d);
  const vni = lowestFreeVni(d);
  // the subnet's first address (10.0.1.1 of 10.0.1.0/24, 10.20.0.65 of 10.20.0.64/26)
  const gateway = opts.gateway ?? ipString(cidrBounds(subnet).first + 1);
  const net: Network = {
    id,
    name,
    driver: 'overlay',
    daemon: null,
    scope: 'swarm',
    created: dockerTime(d.clock),
    internal: opts.internal ?? false,
    attachable: opts.attachable ?? false,
    labels: opts.labels ?? {},
    options: { ...opts.options, 'com.docker.network.driver.overlay.vxlanid_list': String(vni) },
    ipam: { subnet, gateway },
    userSubnet: opts.subnet !== undefined,
    predefined: false,
    bridge: null,
    bridgeMac: null,
    fdb: [],
    vni,
    ...(opts.ingress ? { ingress: true } : {}),
  };
  d.networks[id] = net;
  return net;
}

/** `docker swarm init` on `machine`: the cluster, its first (leader) node, ingress, docker_gwbridge. Returns the node id. */
export function createSwarm(
  d: World,
  machine: string,
  addr: string,
  opts: { dataPathPort?: number; addrPools?: string[]; poolMaskLength?: number } = {},
): string {
  const nodeId = randomBase36(d);
  d.swarm = {
    id: randomBase36(d),
    createdAt: d.clock,
    caDigest: randomBase36(d, 50),
    workerSecret: randomBase36(d),
    managerSecret: randomBase36(d),
    nodes: [{ id: nodeId, machine, role: 'manager', status: 'ready', addr }],
    services: {},
    tasks: {},
    index: 1,
    nextDynamicPort: 30000,
    ipamLast: {},
    ...(opts.dataPathPort ? { dataPathPort: opts.dataPathPort } : {}),
    ...(opts.addrPools?.length ? { addrPools: opts.addrPools, poolMaskLength: opts.poolMaskLength ?? 24 } : {}),
  };
  const ingress = createOverlayNetwork(d, 'ingress', { ingress: true });
  d.swarm.nodes[0].ingressIp = allocateOverlayIp(d, ingress.id) ?? undefined;
  ensureGwbridge(d, machine);
  return nodeId;
}

/** `docker swarm join`: a new node record (a node that left and comes back gets a new id). */
export function addNodeToSwarm(
  d: World,
  machine: string,
  role: 'manager' | 'worker',
  addr: string,
  availability?: 'active' | 'pause' | 'drain',
): string {
  const s = d.swarm!;
  const nodeId = randomBase36(d);
  s.nodes.push({ id: nodeId, machine, role, status: 'ready', addr, ...(availability ? { availability } : {}) });
  const ingress = Object.values(d.networks).find((n) => n.ingress);
  if (ingress) s.nodes[s.nodes.length - 1].ingressIp = allocateOverlayIp(d, ingress.id) ?? undefined;
  ensureGwbridge(d, machine);
  s.index++;
  // Global services start a task on the new node; a replicated one's Pending tasks may fit it now
  // (running tasks are not rebalanced).
  for (const svc of Object.values(s.services)) reconcileService(d, svc.id);
  return nodeId;
}

/** A node leaves (`swarm leave` on a worker, or a manager with --force while others remain): listed as Down. */
export function dropNode(d: World, machine: string): void {
  const s = d.swarm!;
  for (const n of s.nodes) if (n.machine === machine && n.status === 'ready') n.status = 'down';
  for (const t of Object.values(s.tasks)) {
    if (t.node === machine && t.desired === 'running') {
      removeTaskContainer(d, t);
      t.desired = 'shutdown';
      t.state = 'shutdown';
      t.since = d.clock;
    }
  }
  s.index++;
  for (const svc of Object.values(s.services)) reconcileService(d, svc.id);
}

/**
 * The last manager leaves with --force: the cluster's state is erased, so its services, tasks and
 * overlay networks go; each node keeps its docker_gwbridge (as real nodes do). Workers that were
 * still joined lose the cluster too, where real ones would be left with an unreachable manager.
 */
export function dropSwarm(d: World): void {
  for (const t of Object.values(d.swarm?.tasks ?? {})) removeTaskContainer(d, t);
  for (const n of Object.values(d.networks)) if (n.scope === 'swarm') delete d.networks[n.id];
  delete d.swarm;
}
