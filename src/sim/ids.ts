/**
 * Canvas node and edge ids. Traces (`Step.at`), the canvas and the inspector all name things
 * through these functions, so a trace step always points at something drawn.
 *
 * Nodes: machines by their id ("docker-host", "pc1", "router", "internet", "remote", "dns",
 * "google.com"); Docker networks `net:<id>`; containers `ctr:<id>`; the LAN switch `seg:lan`.
 * Edges: a container endpoint's veth pair `veth:<host-side veth name>`; a bridge device to the
 * host's own stack `brhost:<bridge name>`; a machine's physical interface to what it plugs into
 * `if:<machine id>:<ifname>`.
 *
 * Several Docker hosts: network and container ids are global, so only what every daemon names
 * alike is qualified, and only on hosts other than the first (`brhost:docker0@docker-host-2`), so
 * ids in traces written for one host stay valid.
 */
export const nodeId = {
  machine: (id: string) => id,
  network: (networkId: string) => `net:${networkId}`,
  container: (containerId: string) => `ctr:${containerId}`,
  segment: (segment: string) => `seg:${segment}`,
};

export const linkId = {
  veth: (veth: string) => `veth:${veth}`,
  bridgeHost: (bridge: string, daemon: string = DOCKER_HOST) => `brhost:${bridge}${qualify(daemon)}`,
  iface: (machineId: string, ifname: string) => `if:${machineId}:${ifname}`,
  /** a macvlan/ipvlan endpoint's link from its network's box (its parent's side) to the container */
  lower: (endpointId: string) => `lower:${endpointId.slice(0, 12)}`,
  /** a macvlan/ipvlan network's parent interface to the segment it is plugged into */
  parent: (networkId: string) => `parent:${networkId.slice(0, 12)}`,
};

/** The machine that runs Docker Engine in every World. */
export const DOCKER_HOST = 'docker-host';
/** The `@host` suffix of an id on a daemon other than the first one; empty on the first. */
function qualify(daemon: string): string {
  return daemon === DOCKER_HOST ? '' : `@${daemon}`;
}

/** A canvas id taken apart: `kind` is its prefix ('machine' for a bare machine id), `host` its `@host` suffix. */
export interface ParsedId {
  kind: 'machine' | 'net' | 'ctr' | 'seg' | 'veth' | 'brhost' | 'if' | 'lower' | 'parent';
  /** what follows the prefix, without the host suffix (for `if:`, "machine:ifname") */
  id: string;
  /** the daemon the id is qualified with; absent: the first Docker host, or not host-specific */
  host?: string;
}

const PREFIXES = ['net', 'ctr', 'seg', 'veth', 'brhost', 'if', 'lower', 'parent'] as const;

/** Parses a node or edge id of this module (the inverse of nodeId/linkId). */
export function parseNodeId(id: string): ParsedId {
  const colon = id.indexOf(':');
  const prefix = colon > 0 ? id.slice(0, colon) : '';
  if (!(PREFIXES as readonly string[]).includes(prefix)) return { kind: 'machine', id };
  let rest = id.slice(colon + 1);
  let host: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at > 0 && prefix !== 'if') {
    host = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  return { kind: prefix as ParsedId['kind'], id: rest, ...(host ? { host } : {}) };
}
