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
  hostname: string;
  ifaces: IfaceView[];
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
  /** the group node holding this one (docker-host for bridges and containers) */
  parentId?: string;
}

export type EdgeKind = 'veth' | 'brhost' | 'iface' | 'mode' | 'configured';

export interface GraphEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  sourceHandle: string;
  targetHandle: string;
  /** label at the source end and at the target end (eth0 ↔ veth…) */
  labels: [string, string];
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
  const nets = Object.values(world.networks);
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
    return {
      name: ep.ifname ?? '',
      ip: ep.ip ? `${ep.ip}/${prefix}` : '',
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
    parentId: DOCKER_HOST,
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
  const host = world.machines[DOCKER_HOST];

  // segments with more than two members are switches; two members are a point-to-point cable
  const members = new Map<string, { m: Machine; ifname: string }[]>();
  for (const m of machines)
    for (const f of m.ifaces)
      if (f.segment) members.set(f.segment, [...(members.get(f.segment) ?? []), { m, ifname: f.name }]);

  for (const m of machines) {
    if (m.id === DOCKER_HOST) {
      nodes.push({ id: DOCKER_HOST, data: { kind: 'host', hostname: m.hostname, ifaces: machineIfaces(m) } });
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
      const owner = list.find((x) => segment === `inet-${x.m.id}`) ?? list[1];
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

  for (const n of orderedNetworks(world)) {
    nodes.push({
      id: nodeId.network(n.id),
      parentId: host ? DOCKER_HOST : undefined,
      data: {
        kind: 'network',
        networkId: n.id,
        name: n.name,
        driver: n.driver,
        bridge: n.bridge,
        subnet: n.ipam?.subnet ?? null,
        gateway: n.ipam?.gateway ?? null,
        internal: n.internal,
        predefined: n.predefined,
        dns: n.driver === 'bridge' && !n.predefined,
        ...(n.labels['com.docker.compose.project'] ? { compose: composeTag(n.labels, false) } : {}),
      },
    });
    if (n.bridge && host)
      edges.push({
        id: linkId.bridgeHost(n.bridge),
        kind: 'brhost',
        source: nodeId.network(n.id),
        target: DOCKER_HOST,
        sourceHandle: 'up',
        targetHandle: 'stack',
        labels: [n.ipam?.gateway ?? '', ''],
      });
  }

  const nets = Object.values(world.networks);
  for (const c of Object.values(world.containers)) {
    nodes.push(containerNode(world, c));
    const cid = nodeId.container(c.id);
    for (const ep of c.endpoints) {
      const net = world.networks[ep.networkId];
      if (!net) continue;
      if (ep.veth)
        edges.push({
          id: linkId.veth(ep.veth),
          kind: 'veth',
          source: nodeId.network(net.id),
          target: cid,
          sourceHandle: 'down',
          targetHandle: 'up',
          labels: [ep.veth, ep.ifname ?? ''],
        });
      else
        edges.push({
          id: `cfg:${c.id}:${net.id}`,
          kind: 'configured',
          source: nodeId.network(net.id),
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
        : nets.find((n) => n.name === mode && (n.driver === 'host' || n.driver === 'null'))
          ? nodeId.network(nets.find((n) => n.name === mode)!.id)
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
