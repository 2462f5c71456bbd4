/**
 * Canvas node and edge ids. Traces (`Step.at`), the canvas and the inspector all name things
 * through these functions, so a trace step always points at something drawn.
 *
 * Nodes: machines by their id ("docker-host", "pc1", "router", "internet", "remote", "dns",
 * "google.com"); Docker networks `net:<id>`; containers `ctr:<id>`; the LAN switch `seg:lan`.
 * Edges: a container endpoint's veth pair `veth:<host-side veth name>`; a bridge device to the
 * host's own stack `brhost:<bridge name>`; a machine's physical interface to what it plugs into
 * `if:<machine id>:<ifname>`.
 */
export const nodeId = {
  machine: (id: string) => id,
  network: (networkId: string) => `net:${networkId}`,
  container: (containerId: string) => `ctr:${containerId}`,
  segment: (segment: string) => `seg:${segment}`,
};

export const linkId = {
  veth: (veth: string) => `veth:${veth}`,
  bridgeHost: (bridge: string) => `brhost:${bridge}`,
  iface: (machineId: string, ifname: string) => `if:${machineId}:${ifname}`,
};

/** The machine that runs Docker Engine in every World. */
export const DOCKER_HOST = 'docker-host';
