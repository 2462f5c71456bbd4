import { networkOf } from '../sim/net/addr';
import type { Graph } from './graph';

/**
 * What the canvas says about each machine when it is zoomed out too far for any card's text (the
 * `none` detail of readability.ts, e.g. a three-host swarm fitted at 1280x720): a Docker host's
 * name, LAN address and how much it holds; an outside machine's name and address. Read from the
 * graph that is drawn, so the counts are the cards the host box holds.
 */

export interface HostSummary {
  /** the host node's id (its machine id) */
  id: string;
  name: string;
  /** eth0's address without its prefix length, null when the host has none */
  ip: string | null;
  /** container cards in the host box (tasks included) */
  containers: number;
  /** network cards in the host box (an overlay counts on every host it is drawn on) */
  networks: number;
}

export interface MachineLabel {
  id: string;
  name: string;
  /** the address a class looks for: the LAN side for the router, eth0 else; none for the internet core; the LAN switch's subnet */
  ip: string | null;
  /** cabled to the LAN switch (the router, the PCs): its name and address are never left out */
  lan: boolean;
}

export interface HostsOverview {
  hosts: HostSummary[];
  machines: MachineLabel[];
}

const bare = (cidr: string | undefined) => (cidr ? cidr.split('/')[0] : null);

/** The overview of a drawn graph, hosts and machines in graph order. */
export function hostsOverview(graph: Graph): HostsOverview {
  const counts = new Map<string, { containers: number; networks: number }>();
  for (const n of graph.nodes) {
    if (!n.parentId) continue;
    const c = counts.get(n.parentId) ?? { containers: 0, networks: 0 };
    if (n.data.kind === 'container') c.containers++;
    else if (n.data.kind === 'network') c.networks++;
    counts.set(n.parentId, c);
  }
  const lan = new Set<string>();
  // the LAN's subnet, read off a machine's address on it (the switch has none of its own)
  let lanSubnet: string | null = null;
  for (const e of graph.edges) {
    const [seg, other] = e.source === 'seg:lan' ? [e.source, e.target] : [e.target, e.source];
    if (seg !== 'seg:lan') continue;
    lan.add(other);
    const n = graph.nodes.find((x) => x.id === other);
    const cidr = n?.data.kind === 'machine' ? n.data.ifaces.find((f) => f.name === e.labels?.[1])?.ip : undefined;
    if (!lanSubnet && cidr?.includes('/')) {
      const [ip, prefix] = cidr.split('/');
      lanSubnet = networkOf(ip, Number(prefix));
    }
  }
  const hosts: HostSummary[] = [];
  const machines: MachineLabel[] = [];
  for (const n of graph.nodes) {
    const d = n.data;
    if (d.kind === 'host') {
      const c = counts.get(n.id) ?? { containers: 0, networks: 0 };
      hosts.push({ id: n.id, name: d.hostname, ip: bare(d.ifaces.find((f) => f.name === 'eth0')?.ip), ...c });
    } else if (d.kind === 'machine' && !n.parentId) {
      // the internet core has an address on every network it joins: its name says enough
      const ip = d.machineId === 'internet' ? null : bare(d.ifaces[0]?.ip);
      machines.push({ id: n.id, name: d.machineId, ip, lan: lan.has(n.id) });
    } else if (d.kind === 'segment' && d.segment === 'lan' && lanSubnet) {
      // the switch's card is blank at this zoom too: tagged with its subnet where a tag fits
      machines.push({ id: n.id, name: 'LAN', ip: lanSubnet, lan: false });
    }
  }
  return { hosts, machines };
}
