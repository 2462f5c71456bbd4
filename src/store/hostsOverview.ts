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
  /** the address a class looks for: the LAN side for the router, eth0 else; none for the internet core */
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
  for (const e of graph.edges)
    if (e.source === 'seg:lan') lan.add(e.target);
    else if (e.target === 'seg:lan') lan.add(e.source);
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
    }
  }
  return { hosts, machines };
}
