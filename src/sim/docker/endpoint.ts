import { driverOf } from '../drivers';
import { linkEndpoint } from '../ifindex';
import { allocateAddress } from '../ipam';
import { allocateAddress6, hasIPv6 } from '../ipam6';
import type { Container, Endpoint, Network, World } from '../model';
import { allocateOverlayIp, overlayIp6 } from '../swarm/overlayIpam';

/**
 * Brings an endpoint up (on an immer draft): IPAM gives its address, then the network's driver
 * its link (mac, endpoint id, veth …), then its interface name. `docker start` and `docker network
 * connect` both come here, so the order of random draws is one and the same; a veth pair takes
 * its ifindexes from `daemon`'s host and from `owner`'s namespace (ifindex.ts). Returns IPAM's
 * error, or null.
 */
export function attachEndpoint(
  draft: World,
  net: Network,
  ep: Endpoint,
  ifname: string,
  daemon: string,
  owner?: Container,
): string | null {
  // libnetwork network.go CreateEndpoint
  if (net.configOnly) return 'cannot create endpoint on configuration-only network';
  const drv = driverOf(net);
  if (drv.ipam && net.scope === 'swarm' && !ep.ipamIp && draft.swarm) {
    // swarm's serial IPAM knows the VIPs, tasks and lb endpoints of every node (overlayIpam.ts)
    const ip = allocateOverlayIp(draft, net.id);
    if (!ip) return `no available IPv4 addresses on this network's address pools: ${net.name} (${net.id})`;
    ep.ip = ip;
  } else if (drv.ipam && net.enableIPv4 !== false) {
    const ip = allocateAddress(draft, net, ep.ipamIp);
    if (!ip.ok) return ip.error;
    ep.ip = ip.value;
  }
  // assignAddress: IPv6 after IPv4, on a network with IPv6 on (an overlay's from swarm's IPAM)
  const swarm6 = net.scope === 'swarm' && ep.ip && !ep.ipamIp6 ? overlayIp6(net, ep.ip) : null;
  if (swarm6) ep.ip6 = swarm6;
  else if (drv.ipam && hasIPv6(net)) {
    const ip6 = allocateAddress6(draft, net, ep.ipamIp6);
    if (!ip6.ok) {
      delete ep.ip;
      return ip6.error;
    }
    ep.ip6 = ip6.value;
  }
  linkEndpoint(draft, net, ep, daemon, owner);
  ep.ifname = ifname;
  return null;
}

/** Whether an endpoint is up (live fields set while its container runs); not every driver makes a veth. */
export const isLive = (ep: Endpoint): boolean => ep.endpointId !== undefined;
