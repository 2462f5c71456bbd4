import { dockerTime } from '../clock';
import type { Network, NetworkDriver, World } from '../model';
import { randomBase36 } from './state';

/**
 * `docker network create --scope swarm -d bridge|macvlan|ipvlan NAME` on a manager: libnetwork's
 * NewNetwork answers ManagerRedirectError for a swarm-scoped network on a swarm node (moby v28.5.2
 * libnetwork/controller.go), postNetworkCreate hands the request to cluster.CreateNetwork
 * (daemon/cluster/networks.go, convert.BasicNetworkCreateToGRPC) and swarmkit stores it
 * (manager/controlapi/network.go CreateNetwork). Its allocator gives a node-local driver's network
 * nothing (libnetwork/cnmallocator/networkallocator.go Allocate: isNodeLocal): no pool, no VNI,
 * only DriverState.Name and an empty IPAM; each node makes its own instance when a task joins.
 * The record: a 25-character id, daemon null, no IPAM, no device.
 */
export function createNodeLocalSwarmNetwork(
  d: World,
  name: string,
  driver: NetworkDriver,
  opts: {
    attachable: boolean;
    internal: boolean;
    labels: Record<string, string>;
    options: Record<string, string>;
    configFrom: string;
    enableIPv6: boolean;
  },
): Network {
  const net: Network = {
    id: randomBase36(d),
    name,
    driver,
    daemon: null,
    scope: 'swarm',
    created: dockerTime(d.clock),
    internal: opts.internal,
    attachable: opts.attachable,
    labels: opts.labels,
    options: opts.options,
    ipam: null,
    userSubnet: false,
    predefined: false,
    bridge: null,
    bridgeMac: null,
    fdb: [],
    ...(opts.configFrom ? { configFrom: opts.configFrom } : {}),
    ...(opts.enableIPv6 ? { enableIPv6: true } : {}),
  };
  d.networks[net.id] = net;
  if (d.swarm) d.swarm.index++;
  return net;
}

/** What step of a node-local swarm network whalewire does not simulate yet: its per-node instance. */
export const nodeLocalInstanceNotSimulated = (n: Network) =>
  `whalewire: the local instance of swarm-scoped ${n.driver} network ${n.name} on this node is not simulated`;

/** A service's tasks on such a network: each node's local instance is not simulated yet. */
export const nodeLocalTasksNotSimulated = (n: Network, what: 'created' | 'updated') =>
  `whalewire: service tasks on swarm-scoped ${n.driver} network ${n.name} are not simulated; the service was not ${what}`;
