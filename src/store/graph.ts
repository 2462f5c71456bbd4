import { DOCKER_HOST, linkId, nodeId } from '../sim/ids';
import type { Container, Machine, Network, World } from '../sim/model';

/**
 * The World as a graph of canvas nodes and edges (DESIGN §6), before layout. Ids come from
 * src/sim/ids.ts so a trace step always points at something drawn. Plain data: no React here.
 */

export type IfaceView = {
  name: string;
  ip: string;
  mac: string;
  /** network name for container interfaces */
  network?: string;
};

export type HostData = {
  kind: 'host';
  /** the Docker host's machine id (its daemon) */
  machineId: string;
  hostname: string;
  ifaces: IfaceView[];
  /** the PC this host is Docker Desktop's VM inside (Machine.desktopVm), when it is one */
  vmOf?: string;
};

export type NetworkData = {
  kind: 'network';
  networkId: string;
  name: string;
  driver: Network['driver'];
  /** Linux bridge device (docker0, br-…) or null for host/none */
  bridge: string | null;
  subnet: string | null;
  gateway: string | null;
  internal: boolean;
  predefined: boolean;
  /** embedded DNS answers on this network (user-defined bridges only) */
  dns: boolean;
  /** the Compose project that made it (label com.docker.compose.project) */
  compose?: ComposeTag;
  /** macvlan/ipvlan: the host interface it hangs off (`-o parent=`) and its mode (bridge, l2, l3) */
  parent?: { name: string; mode: string; lan: boolean };
  /** overlay: its VXLAN id, whether containers may join it, and on how many hosts it is drawn */
  overlay?: { vni: number; attachable: boolean; ingress: boolean; hosts: number };
};

/** A Compose project as the canvas tags its containers and networks: read from Compose's labels. */
export type ComposeTag = {
  project: string;
  /** the service, for containers */
  service?: string;
  /** a hue (0-359) from the project's name, the same on every card of the project */
  hue: number;
};

export type ContainerData = {
  kind: 'container';
  containerId: string;
  name: string;
  image: string;
  /** what `docker ps` calls it (State.Status): a paused container is "paused", not "running" */
  state: Container['state'] | 'paused';
  /** "bridge", "host", "none", "container:<name>" or a network name */
  networkMode: string;
  ifaces: IfaceView[];
  /** as `docker ps` prints them: 0.0.0.0:8080->80/tcp */
  ports: string[];
  /** the Compose project and service it belongs to (labels com.docker.compose.project/.service) */
  compose?: ComposeTag;
};

export type MachineData = {
  kind: 'machine';
  machineId: string;
  role: Machine['kind'];
  hostname: string;
  ifaces: IfaceView[];
};

export type SegmentData = {
  kind: 'segment';
  segment: string;
};

export type NodeData = HostData | NetworkData | ContainerData | MachineData | SegmentData;

export interface GraphNode {
  id: string;
  data: NodeData;
  /** the group node holding this one (its Docker host for bridges and containers) */
  parentId?: string;
}

export type EdgeKind = 'veth' | 'brhost' | 'iface' | 'mode' | 'configured' | 'lower' | 'vxlan';

export interface GraphEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  sourceHandle: string;
  targetHandle: string;
  /** label at the source end and at the target end (eth0 ↔ veth…) */
  labels: [string, string];
  /** vxlan: which of the stacked runs above the cards it takes (one per overlay, 0 lowest) */
  lane?: number;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Published ports as `docker ps` prints them (v28 binds both families when no host IP is given). */
export function portsOf(c: Container): string[] {
  return c.ports.map((p) => {
    const port = p.boundPort ?? p.hostPort;
    const host = p.hostIp || '0.0.0.0';
    return port == null ? `${p.containerPort}/${p.proto}` : `${host}:${port}->${p.containerPort}/${p.proto}`;
  });
}

/** A stable hue for a project name (FNV-1a), so one project's cards share a colour. */
export function projectHue(name: string): number {
  let h = 0x811c9dc5;
  for (const ch of name) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h % 360;
}

function composeTag(labels: Record<string, string> | undefined, withService: boolean): ComposeTag | undefined {
  const project = labels?.['com.docker.compose.project'];
  if (!project) return undefined;
  const service = labels?.['com.docker.compose.service'];
  return { project, ...(withService && service ? { service } : {}), hue: projectHue(project) };
}

function machineIfaces(m: Machine): IfaceView[] {
  return m.ifaces
    .filter((f) => f.segment !== null)
    .map((f) => ({ name: f.name, ip: f.addrs[0] ? `${f.addrs[0].ip}/${f.addrs[0].prefix}` : '', mac: f.mac }));
}

/** The network whose column a container sits in: its first attachment, or its network mode. */
export function homeNetwork(world: World, c: Container): Network | undefined {
  const nets = Object.values(world.networks).filter((n) => n.daemon === c.daemon || n.daemon === null);
  const seen = new Set<string>();
  let cur: Container | undefined = c;
  while (cur?.networkMode.startsWith('container:') && !seen.has(cur.id)) {
    seen.add(cur.id);
    const ref = cur.networkMode.slice('container:'.length);
    cur = world.containers[ref] ?? Object.values(world.containers).find((x) => x.name === ref);
  }
  if (!cur) return nets.find((n) => n.name === 'none');
  if (cur.endpoints[0]) return world.networks[cur.endpoints[0].networkId];
  const mode = cur.networkMode === 'default' ? 'bridge' : cur.networkMode;
  return nets.find((n) => n.name === mode) ?? nets.find((n) => n.name === 'none');
}

function containerNode(world: World, c: Container): GraphNode {
  const ifaces: IfaceView[] = c.endpoints.map((ep) => {
    const net = world.networks[ep.networkId];
    const prefix = net?.ipam?.subnet.split('/')[1];
    // an endpoint of an IPv6-only network (--ipv4=false) is labelled with its IPv6 address
    const ip6 = ep.ip6 && net?.ipam6 ? `${ep.ip6}/${net.ipam6.subnet.split('/')[1]}` : '';
    return {
      name: ep.ifname ?? '',
      ip: ep.ip ? `${ep.ip}/${prefix}` : ip6,
      mac: ep.mac ?? '',
      network: net?.name ?? '',
    };
  });
  let mode = c.networkMode;
  if (mode.startsWith('container:')) {
    const ref = world.containers[mode.slice('container:'.length)];
    if (ref) mode = `container:${ref.name}`;
  }
  return {
    id: nodeId.container(c.id),
    parentId: world.machines[c.daemon] ? c.daemon : undefined,
    data: {
      kind: 'container',
      containerId: c.id,
      name: c.name,
      image: c.image,
      state: c.paused ? 'paused' : c.state,
      networkMode: mode,
      ifaces,
      ports: portsOf(c),
      ...(c.labels?.['com.docker.compose.project'] ? { compose: composeTag(c.labels, true) } : {}),
    },
  };
}

/** A macvlan/ipvlan network's parent interface and mode as the card shows them. */
function lowerParent(n: Network): { name: string; mode: string } {
  const name = n.options.parent || (n.driver === 'macvlan' ? 'dm-' : 'di-') + n.id.slice(0, 12);
  const mode = n.driver === 'macvlan' ? n.options.macvlan_mode || 'bridge' : n.options.ipvlan_mode || 'l2';
  return { name, mode };
}

/**
 * The card a network has on `host`. A swarm-scoped network (an overlay) is drawn once on every
 * host it spans: the first of them holds the plain id (the one traces name), the others
 * `net:<id>@<host>`, so the packet layer can put a step on the host where it happens.
 */
export function networkCardId(networkId: string, host: string, first: string): string {
  return host === first ? nodeId.network(networkId) : `${nodeId.network(networkId)}@${host}`;
}

/** The network node a card stands for: `net:<id>@host` → `net:<id>`; any other id unchanged. */
export function cardNetwork(id: string): string {
  return id.startsWith('net:') ? id.split('@')[0] : id;
}

/**
 * The hosts an overlay is drawn on, in host order: every node with a container or task on it, the
 * managers (they list every overlay), and for ingress every node (each has the ingress sandbox).
 */
function overlayHosts(world: World, n: Network, users: Map<string, Set<string>>): string[] {
  const on = new Set(users.get(n.id));
  for (const node of world.swarm?.nodes ?? [])
    if (node.status === 'ready' && (n.ingress || node.role === 'manager')) on.add(node.machine);
  const hosts = Object.keys(world.machines).filter((id) => world.daemons[id] && on.has(id));
  return hosts.length ? hosts : [n.daemon ?? DOCKER_HOST];
}

/** Networks in display order: the default bridge, user networks in creation order, then host and none. */
export function orderedNetworks(world: World): Network[] {
  const nets = Object.values(world.networks);
  const rank = (n: Network) =>
    n.name === 'bridge' && n.predefined ? 0 : n.driver === 'host' ? 2 : n.driver === 'null' ? 3 : 1;
  return nets
    .map((n, i) => ({ n, i }))
    .sort((a, b) => rank(a.n) - rank(b.n) || a.i - b.i)
    .map((x) => x.n);
}

/** Turns a World into canvas nodes and edges. Pure: the same World gives an equal graph. */
export function worldToGraph(world: World): Graph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const machines = Object.values(world.machines);

  // segments with more than two members are switches; two members are a point-to-point cable
  const members = new Map<string, { m: Machine; ifname: string }[]>();
  for (const m of machines)
    for (const f of m.ifaces)
      if (f.segment) members.set(f.segment, [...(members.get(f.segment) ?? []), { m, ifname: f.name }]);

  for (const m of machines) {
    if (world.daemons[m.id]) {
      nodes.push({
        id: nodeId.machine(m.id),
        data: {
          kind: 'host',
          machineId: m.id,
          hostname: m.hostname,
          ifaces: machineIfaces(m),
          ...vmOf(machines, m.id),
        },
      });
    } else {
      nodes.push({
        id: nodeId.machine(m.id),
        data: { kind: 'machine', machineId: m.id, role: m.kind, hostname: m.hostname, ifaces: machineIfaces(m) },
      });
    }
  }
  for (const [segment, list] of members) {
    if (list.length > 2 || segment === 'lan') {
      nodes.push({ id: nodeId.segment(segment), data: { kind: 'segment', segment } });
      for (const { m, ifname } of list)
        edges.push({
          id: linkId.iface(m.id, ifname),
          kind: 'iface',
          source: nodeId.segment(segment),
          target: nodeId.machine(m.id),
          sourceHandle: 'down',
          targetHandle: 'up',
          labels: ['', ifname],
        });
    } else if (list.length === 2) {
      // the cable is named after the machine the segment belongs to (inet-router -> router's wan0)
      // a Docker host cabled to one machine (Docker Desktop's VM in its PC) hangs below that machine
      const owner = list.find((x) => segment === `inet-${x.m.id}` || world.daemons[x.m.id]) ?? list[1];
      const other = list.find((x) => x !== owner) ?? list[0];
      edges.push({
        id: linkId.iface(owner.m.id, owner.ifname),
        kind: 'iface',
        source: nodeId.machine(other.m.id),
        target: nodeId.machine(owner.m.id),
        sourceHandle: 'down',
        targetHandle: 'up',
        labels: [other.ifname, owner.ifname],
      });
    }
  }

  // the daemons whose containers use each swarm-scoped network
  const users = new Map<string, Set<string>>();
  for (const c of Object.values(world.containers))
    for (const ep of c.endpoints)
      if (world.networks[ep.networkId]?.daemon === null) {
        const set = users.get(ep.networkId) ?? new Set<string>();
        set.add(c.daemon);
        users.set(ep.networkId, set);
      }
  /** per swarm-scoped network: the hosts its cards sit on (the first holds the plain id) */
  const spans = new Map<string, string[]>();
  let lane = 0;
  for (const n of orderedNetworks(world)) {
    // a swarm-scoped network (daemon null) has a card on each host it spans, joined by its VXLAN
    const owners =
      n.daemon === null && n.driver === 'overlay' ? overlayHosts(world, n, users) : [n.daemon ?? DOCKER_HOST];
    if (n.daemon === null) spans.set(n.id, owners);
    const data: NetworkData = {
      kind: 'network',
      networkId: n.id,
      name: n.name,
      driver: n.driver,
      bridge: n.bridge,
      subnet: n.ipam?.subnet ?? n.ipam6?.subnet ?? null,
      gateway: n.ipam?.gateway ?? n.ipam6?.gateway ?? null,
      internal: n.internal,
      predefined: n.predefined,
      // the embedded DNS answers on user-defined bridges and overlays (not on ingress)
      dns: (n.driver === 'bridge' && !n.predefined) || (n.driver === 'overlay' && !n.ingress),
      ...(n.labels['com.docker.compose.project'] ? { compose: composeTag(n.labels, false) } : {}),
      ...(n.segment !== undefined ? { parent: { ...lowerParent(n), lan: members.has(n.segment) } } : {}),
      ...(n.driver === 'overlay'
        ? { overlay: { vni: n.vni ?? 0, attachable: n.attachable, ingress: !!n.ingress, hosts: owners.length } }
        : {}),
    };
    owners.forEach((owner, i) => {
      const parent = world.machines[owner] ? owner : undefined;
      const id = networkCardId(n.id, owner, owners[0]);
      nodes.push({ id, parentId: parent, data });
      // the VXLAN tunnel between this host's card and the previous one's: the overlay spans them
      if (i > 0)
        edges.push({
          id: `vxlan:${n.id.slice(0, 12)}@${owner}`,
          kind: 'vxlan',
          source: networkCardId(n.id, owners[i - 1], owners[0]),
          target: id,
          sourceHandle: 'up',
          targetHandle: 'up',
          labels: ['', `VXLAN ${n.vni ?? ''}`],
          lane,
        });
    });
    if (owners.length > 1) lane++;
    const host = world.machines[owners[0]] ? owners[0] : undefined;
    // a macvlan/ipvlan network is plugged into the LAN through its parent, not into the host's stack
    const lowerSeg = n.segment === undefined ? null : nodeId.segment(n.segment);
    if (lowerSeg && members.has(n.segment!) && host)
      edges.push({
        id: linkId.parent(n.id),
        kind: 'lower',
        source: lowerSeg,
        target: nodeId.network(n.id),
        sourceHandle: 'down',
        targetHandle: 'up',
        labels: ['', lowerParent(n).name],
      });
    if (n.bridge && host)
      edges.push({
        id: linkId.bridgeHost(n.bridge, host),
        kind: 'brhost',
        source: nodeId.network(n.id),
        target: nodeId.machine(host),
        sourceHandle: 'up',
        targetHandle: 'stack',
        labels: [n.ipam?.gateway ?? n.ipam6?.gateway ?? '', ''],
      });
  }

  const nets = Object.values(world.networks);
  /** the card of a network on `daemon`: its own on a host an overlay spans, else the network's one */
  const cardOf = (netId: string, daemon: string) => {
    const span = spans.get(netId);
    return span?.includes(daemon) ? networkCardId(netId, daemon, span[0]) : nodeId.network(netId);
  };
  for (const c of Object.values(world.containers)) {
    const own = (n: Network) => n.daemon === c.daemon || n.daemon === null;
    nodes.push(containerNode(world, c));
    const cid = nodeId.container(c.id);
    for (const ep of c.endpoints) {
      const net = world.networks[ep.networkId];
      if (!net) continue;
      const card = cardOf(net.id, c.daemon);
      if (net.segment !== undefined && ep.endpointId)
        edges.push({
          id: linkId.lower(ep.endpointId),
          kind: 'lower',
          source: card,
          target: cid,
          sourceHandle: 'down',
          targetHandle: 'up',
          labels: ['', ep.ifname ?? ''],
        });
      else if (ep.veth)
        edges.push({
          id: linkId.veth(ep.veth),
          kind: 'veth',
          source: card,
          target: cid,
          sourceHandle: 'down',
          targetHandle: 'up',
          labels: [ep.veth, ep.ifname ?? ''],
        });
      else
        edges.push({
          id: `cfg:${c.id}:${net.id}`,
          kind: 'configured',
          source: card,
          target: cid,
          sourceHandle: 'down',
          targetHandle: 'up',
          labels: ['', ''],
        });
    }
    if (c.endpoints.length === 0) {
      const mode = c.networkMode;
      const target = mode.startsWith('container:')
        ? nodeId.container(mode.slice('container:'.length))
        : nets.find((n) => own(n) && n.name === mode && (n.driver === 'host' || n.driver === 'null'))
          ? nodeId.network(nets.find((n) => own(n) && n.name === mode)!.id)
          : null;
      if (target && target !== cid)
        edges.push({
          id: `mode:${c.id}`,
          kind: 'mode',
          source: target,
          target: cid,
          sourceHandle: 'down',
          targetHandle: 'up',
          labels: ['', mode.startsWith('container:') ? 'shared netns' : ''],
        });
    }
  }
  return { nodes, edges };
}

/** `{ vmOf: PC }` when `host` is Docker Desktop's VM inside that PC (src/sim/desktop.ts), else nothing. */
function vmOf(machines: Machine[], host: string): { vmOf?: string } {
  const pc = machines.find((x) => x.desktopVm === host);
  return pc ? { vmOf: pc.id } : {};
}
