import { isDraft, original } from 'immer';
import { dockerTime } from '../clock';
import { attachEndpoint } from '../docker/endpoint';
import { recordImage } from '../docker/imageStore';
import { removeContainer } from '../docker/lifecycle';
import { draftTouched } from '../draftState';
import { driverOf } from '../drivers';
import { linkEndpoint } from '../ifindex';
import { firstFree } from '../ipam';
import { memoFrozen } from '../memo';
import type { Container, Endpoint, Network, World } from '../model';
import { advertiseEndpoints } from '../net/garp';
import { randomId } from '../prng';
import { txnOf } from '../recordTxn';
import { endpointIps, releaseOnDraft, usedOnDraft } from './draftCache';
import { ensureLbEndpoint } from './loadBalancer';
import { overlayIp6 } from './overlayIpam';
import { reconcileService } from './schedule';
import type { SwarmTask } from './types';

/**
 * The container a task runs as on its node (swarmkit's executor, moby
 * daemon/cluster/executor/container): named `<service>.<slot>.<task id>` (`<service>.<node id>.<task
 * id>` for global services, fact 74), on its node's daemon, running at once. Its interfaces follow
 * libnetwork's sandbox order (fact 77): the first overlay, then docker_gwbridge (joined right after
 * the first endpoint without a gateway), then the other overlays. A task on no overlay at all joins
 * its node's default bridge, as a container without a network does.
 */

/** The networks of `nets` that `is` picks, in key order. */
function scanNetworks(nets: World['networks'], is: (n: Network) => boolean): Network[] {
  const out: Network[] = [];
  for (const id in nets) if (is(nets[id])) out.push(nets[id]);
  return out;
}

const picked = new WeakMap<World['networks'], Map<string, Network[]>>();

/**
 * The first network (key order) that `is` picks, as a scan of world.networks finds it, without
 * visiting every network of a recipe's record (issue 12: reading its entries drafts each of them): the
 * matches of its frozen original are kept per record (`key` names the question), and only the
 * entries the recipe touched are read through the draft.
 */
function firstNetwork(world: World, key: string, is: (n: Network) => boolean): Network | undefined {
  const nets = world.networks;
  const txn = txnOf<Network>(nets);
  if (!isDraft(nets) && !txn) return memoFrozen(picked, nets, key, () => scanNetworks(nets, is))[0];
  const touched = txn ? txn.touched() : draftTouched(nets);
  if (!touched) return scanNetworks(nets, is)[0];
  const base = txn ? txn.base : (original(nets) as World['networks']);
  const kept = memoFrozen(picked, base, key, () => scanNetworks(base, is)).filter((n) => !touched.has(n.id));
  const now = [...touched].filter((id) => nets[id] !== undefined && is(nets[id]));
  // one candidate is the answer; with more, key order decides, as the scan does
  if (kept.length + now.length > 1) return scanNetworks(nets, is)[0];
  return kept.length ? nets[kept[0].id] : now.length ? nets[now[0]] : undefined;
}

/** The node's docker_gwbridge, once it has one. */
export function gwbridgeOf(world: World, machine: string): Network | undefined {
  return firstNetwork(world, `gwbridge ${machine}`, (n) => n.name === 'docker_gwbridge' && n.daemon === machine);
}

function defaultBridgeOf(world: World, machine: string): Network | undefined {
  return firstNetwork(
    world,
    `default ${machine}`,
    (n) => !!n.predefined && n.driver === 'bridge' && n.daemon === machine,
  );
}

/** The container's name: `<service>.<slot>.<task id>`, or `<service>.<node id>.<task id>` for slot 0. */
export function taskContainerName(world: World, task: SwarmTask): string {
  const s = world.swarm!;
  const svc = s.services[task.serviceId];
  const node = s.nodes.find((n) => n.machine === task.node && n.status === 'ready');
  // naming.Task: a slot of 0 (a global task, a replicated job's first) is named by its node
  const slot = task.slot ? String(task.slot) : (node?.id ?? task.node);
  return `${svc.name}.${slot}.${task.id}`;
}

/**
 * The task container's settings from the service's ContainerSpec (swarmkit's executor,
 * container.go config/hostConfig): `--hostname` with its templates (template/context.go:
 * .Service.Name/ID, .Task.Slot/ID/Name, .Node.ID/Hostname), `--dns*` as the DNSConfig and
 * `--host` lines ("IP host") as extra hosts.
 */
function specSettings(
  d: World,
  task: SwarmTask,
  node: { id: string } | undefined,
  name: string,
): Pick<Container, 'dns' | 'dnsSearch' | 'dnsOptions' | 'extraHosts'> & { hostname?: string } {
  const svc = d.swarm!.services[task.serviceId];
  const cs = svc.spec?.containerSpec ?? {};
  const dns = (cs.DNSConfig ?? {}) as { Nameservers?: string[]; Search?: string[]; Options?: string[] };
  const fields: Record<string, string> = {
    'Service.Name': svc.name,
    'Service.ID': svc.id,
    'Task.Slot': String(task.slot || ''),
    'Task.ID': task.id,
    'Task.Name': name,
    'Node.ID': node?.id ?? '',
    'Node.Hostname': d.machines[task.node]?.hostname ?? task.node,
  };
  const hostname =
    typeof cs.Hostname === 'string'
      ? cs.Hostname.replace(/\{\{\s*\.([\w.]+)\s*\}\}/g, (m, k: string) => fields[k] ?? m)
      : undefined;
  const hosts = ((cs.Hosts ?? []) as string[]).map(
    (h) => `${h.slice(h.indexOf(' ') + 1)}:${h.slice(0, h.indexOf(' '))}`,
  );
  return {
    ...(hostname ? { hostname } : {}),
    ...(dns.Nameservers?.length ? { dns: dns.Nameservers } : {}),
    ...(dns.Search?.length ? { dnsSearch: dns.Search } : {}),
    ...(dns.Options?.length ? { dnsOptions: dns.Options } : {}),
    ...(hosts.length ? { extraHosts: hosts } : {}),
  };
}

/** Creates and starts the task's container on its node (on an immer draft); records its id on the task. */
export function startTaskContainer(d: World, taskId: string): void {
  const s = d.swarm!;
  const task = s.tasks[taskId];
  const svc = s.services[task.serviceId];
  const node = s.nodes.find((n) => n.machine === task.node && n.status === 'ready');
  const id = randomId(d);
  const gw = gwbridgeOf(d, task.node);
  for (const a of task.addrs) ensureLbEndpoint(d, task.node, a.networkId);
  const endpoints: Endpoint[] = [];
  task.addrs.forEach((a, i) => {
    endpoints.push({ networkId: a.networkId, aliases: [] });
    if (i === 0 && gw) endpoints.push({ networkId: gw.id, aliases: [] });
  });
  if (!endpoints.length) {
    const br = defaultBridgeOf(d, task.node);
    if (br) endpoints.push({ networkId: br.id, aliases: [] });
  }
  const name = taskContainerName(d, task);
  const { hostname, ...dnsSettings } = specSettings(d, task, node, name);
  const c: Container = {
    id,
    name,
    daemon: task.node,
    image: svc.image,
    cmd: [...svc.args],
    env: [...svc.env],
    hostname: hostname ?? id.slice(0, 12),
    ...dnsSettings,
    state: 'created',
    exitCode: 0,
    created: dockerTime(d.clock),
    startedAt: 0,
    networkMode: endpoints.length ? (d.networks[endpoints[0].networkId]?.name ?? 'bridge') : 'bridge',
    endpoints,
    ports: svc.ports
      .filter((p) => p.mode === 'host')
      .map((p) => ({ hostIp: '', hostPort: p.published, containerPort: p.target, proto: p.protocol })),
    labels: {
      'com.docker.swarm.node.id': node?.id ?? '',
      'com.docker.swarm.service.id': svc.id,
      'com.docker.swarm.service.name': svc.name,
      'com.docker.swarm.task': '',
      'com.docker.swarm.task.id': task.id,
      'com.docker.swarm.task.name': name.slice(0, name.lastIndexOf('.')),
    },
    publishAll: false,
    autoRemove: false,
    tty: false,
    interactive: false,
    arp: [],
    seq: d.seq,
  };
  d.seq += 1;
  d.containers[id] = c;
  recordImage(d, task.node, svc.image);
  const draftC = d.containers[id];
  const byNet = new Map(task.addrs.map((a) => [a.networkId, a.ip]));
  for (const [i, ep] of draftC.endpoints.entries()) {
    const net = d.networks[ep.networkId];
    const ip = byNet.get(ep.networkId);
    if (ip !== undefined) {
      // swarm's IPAM chose the address already (the task's NetworksAttachment): the driver links it
      ep.ip = ip;
      const ip6 = overlayIp6(net, ip);
      if (ip6) ep.ip6 = ip6;
      linkEndpoint(d, net, ep, draftC.daemon);
      ep.ifname = `eth${i}`;
    } else if (net.id === gw?.id) {
      // local IPAM's lowest free address, from this command's set (draftCache.ts)
      const used = usedOnDraft(
        d,
        gw.id,
        () =>
          new Set([
            gw.ipam?.gateway ?? '',
            ...(gw.sandboxes ?? []).map((x) => x.ip),
            ...(endpointIps(d).get(gw.id) ?? []),
          ]),
      );
      const free = gw.ipam ? firstFree(gw.ipam.subnet, gw.ipam.ipRange, used) : null;
      if (free) {
        used.add(free);
        ep.ip = free;
        linkEndpoint(d, net, ep, draftC.daemon);
        ep.ifname = `eth${i}`;
      }
    } else attachEndpoint(d, net, ep, `eth${i}`, draftC.daemon);
  }
  for (const b of draftC.ports) b.boundPort = b.hostPort ?? undefined;
  draftC.state = 'running';
  draftC.startedAt = d.clock;
  // a task's sandbox sends unsolicited ARPs as any container's does (net/garp.ts)
  advertiseEndpoints(d, draftC);
  task.containerId = id;
}

/**
 * libnetwork's needDefaultGW (default_gateway.go): some endpoint that counts has no gateway of its
 * own (an overlay's Join sets none) and no endpoint that counts has one. null/host, internal
 * networks and drivers that disable the gateway service (ipvlan l3) do not count.
 */
export function needsDefaultGw(world: World, c: Container, gwId: string | undefined): boolean {
  let need = false;
  for (const ep of c.endpoints) {
    const net = world.networks[ep.networkId];
    if (!net || ep.networkId === gwId || net.driver === 'null' || net.driver === 'host' || net.internal) continue;
    const drv = driverOf(net);
    if (drv.skipsGateway?.(net.options, net.internal)) continue;
    if (!drv.noGateway) return false;
    need = true;
  }
  return need;
}

/**
 * setupDefaultGW / clearDefaultGW (libnetwork default_gateway.go, endpoint.go sbJoin and sbLeave)
 * for a standalone container after its endpoints changed (start, network connect, disconnect):
 * when it needs a default gateway the sandbox joins its node's docker_gwbridge right after the first
 * endpoint without one (eth1 behind an overlay's eth0, the default route via 172.18.0.1; fact 77);
 * once an endpoint with a gateway comes, or the last one without leaves, that endpoint goes. Task
 * containers get theirs from startTaskContainer. Returns the endpoint it added or removed.
 */
export function syncDefaultGw(d: World, id: string): { added?: Endpoint; removed?: Endpoint } {
  const c = d.containers[id];
  if (c.labels?.['com.docker.swarm.task.id'] !== undefined || c.networkMode === 'docker_gwbridge') return {};
  const gw = gwbridgeOf(d, c.daemon);
  if (!gw) return {};
  const at = c.endpoints.findIndex((e) => e.networkId === gw.id);
  const need = needsDefaultGw(d, c, gw.id);
  if (need && at < 0) {
    const first = c.endpoints.findIndex((e) => {
      const net = d.networks[e.networkId];
      return net !== undefined && driverOf(net).noGateway === true && !net.internal;
    });
    c.endpoints.splice(first + 1, 0, { networkId: gw.id, aliases: [] });
    return { added: c.endpoints[first + 1] };
  }
  if (!need && at >= 0) {
    const [removed] = c.endpoints.splice(at, 1);
    const net = d.networks[gw.id];
    net.fdb = net.fdb.filter((f) => f.mac !== removed.mac && f.port !== removed.veth);
    if (removed.ifname) c.arp = c.arp.filter((a) => a.dev !== removed.ifname);
    return { removed };
  }
  return {};
}

/** After a container's endpoints came up: its node's lb endpoint on each overlay (allocated after the container's own address, fact 76). */
export function ensureLbEndpoints(d: World, id: string): void {
  const c = d.containers[id];
  for (const e of c.endpoints) ensureLbEndpoint(d, c.daemon, e.networkId);
}

/** The docker_gwbridge endpoint libnetwork gives a container on an overlay (no network of its own in `docker inspect`). */
export function isGatewayEndpoint(world: World, c: Container, ep: Endpoint): boolean {
  const net = world.networks[ep.networkId];
  if (net?.name !== 'docker_gwbridge' || net.daemon !== c.daemon) return false;
  return c.endpoints.some((e) => world.networks[e.networkId]?.scope === 'swarm');
}

/**
 * A task's container removed behind the orchestrator's back (`docker rm -f`): the task fails as
 * its killed process did (exit 137) and is shut down, and the service is reconciled, so a new task
 * takes the slot with a new task id and container name (swarmkit's restart supervisor).
 */
export function taskContainerRemoved(d: World, containerId: string, wasRunning: boolean): void {
  const s = d.swarm;
  if (!s) return;
  for (const t of Object.values(s.tasks)) {
    if (t.containerId !== containerId) continue;
    delete t.containerId;
    if (t.desired !== 'running') return;
    t.desired = 'shutdown';
    t.state = 'failed';
    t.error = wasRunning ? 'task: non-zero exit (137)' : 'No such container';
    t.since = d.clock;
    s.index++;
    reconcileService(d, t.serviceId);
    return;
  }
}

/** Removes a task's container from its node (service rm, scale down, the node leaving). */
export function removeTaskContainer(d: World, task: SwarmTask): void {
  const c = task.containerId ? d.containers[task.containerId] : undefined;
  if (c) releaseOnDraft(d, c);
  if (task.containerId) removeContainer(d, task.containerId);
  delete task.containerId;
}
