import { linkId } from '../ids';
import type { Endpoint, Network, Route, World } from '../model';
import type { EndpointLink } from './types';

/**
 * What macvlan and ipvlan share (moby v28.5.2 libnetwork/drivers/{macvlan,ipvlan}): a network
 * hangs off a parent interface of its daemon's host (`-o parent=eth0`), and every endpoint is a
 * link of that parent, plugged straight into the parent's L2 segment: no bridge, no veth, no NAT.
 */

/** `-o parent=` as given ('' without one). */
export const parentOf = (opts: Record<string, string>): string => opts.parent ?? '';

/** The dummy parent of a network without `-o parent=` (getDummyName: prefix + 12 characters of the id). */
export const dummyName = (prefix: 'dm-' | 'di-', id: string): string => `${prefix}${id.slice(0, 12)}`;

/**
 * The parent's checks at network create, after IPAM (createNetwork → createVlanLink/parseVlan in
 * macvlan_setup.go / ipvlan_setup.go): a parent that is not an interface of the host must be a
 * VLAN sub-interface `IFACE.VID` of one; the driver then creates it. Null when it is fine.
 */
export function parentLinkError(world: World, daemon: string | null, parent: string): string | null {
  if (parent === '') return null;
  const host = daemon ? world.machines[daemon] : undefined;
  const has = (name: string) => host?.ifaces.some((f) => f.name === name) ?? false;
  if (has(parent) || subInterfaceExists(world, daemon, parent)) return null;
  if (!parent.includes('.')) return `invalid subinterface vlan name ${parent}, example formatting is eth0.10`;
  const split = parent.split('.');
  if (split.length !== 2) {
    return `required interface name format is: name.vlan_id, ex. eth0.10 for vlan 10, instead received ${parent}`;
  }
  const [base, vid] = split;
  // strconv.Atoi: an optional sign and decimal digits only
  if (!/^[+-]?\d+$/.test(vid)) return `unable to parse a valid vlan id from: ${vid} (ex. eth0.10 for vlan 10)`;
  if (!has(base)) return `-o parent interface was not found on the host: ${base}`;
  const n = Number(vid);
  if (n > 4094 || n < 1) return `vlan id must be between 1-4094, received: ${n}`;
  return null;
}

/** Whether another macvlan/ipvlan network of the daemon already made the sub-interface `parent`. */
function subInterfaceExists(world: World, daemon: string | null, parent: string): boolean {
  if (!daemon || !parent.includes('.')) return false;
  return Object.values(world.networks).some(
    (n) => n.daemon === daemon && n.segment !== undefined && parentOf(n.options) === parent,
  );
}

/**
 * The L2 segment a new network's endpoints join: the parent's own ("lan" for eth0), a VLAN of it
 * (`lan.50` for eth0.50: tagged frames nothing untagged hears), or the dummy's.
 */
export function segmentFor(
  world: World,
  daemon: string | null,
  id: string,
  opts: Record<string, string>,
  dummy: 'dm-' | 'di-',
): string {
  const parent = parentOf(opts);
  if (parent === '') return dummyName(dummy, id);
  const host = daemon ? world.machines[daemon] : undefined;
  const [base, vid] = parent.split('.');
  const seg = host?.ifaces.find((f) => f.name === base)?.segment ?? base;
  return vid === undefined ? seg : `${seg}.${vid}`;
}

/** The endpoint's interface: on the network's segment, drawn as a wire from the network's box. */
export function lowerEndpointLink(net: Network, ep: Endpoint): EndpointLink | null {
  if (!ep.endpointId) return null;
  return { domain: { kind: 'seg', id: net.segment ?? 'lan' }, link: linkId.lower(ep.endpointId) };
}

/** The MAC of the parent interface on the network's host (a VLAN sub-interface shares its base's). */
export function parentMac(world: World, net: Network): string | null {
  const host = net.daemon ? world.machines[net.daemon] : undefined;
  const base = parentOf(net.options).split('.')[0];
  return host?.ifaces.find((f) => f.name === base)?.mac ?? null;
}

/**
 * A container's default route through `net` (the first non-internal network gives it): via the
 * gateway; for ipvlan l3 a connected `default dev eth0 scope link` (ifaceGateway, fact 89); none
 * on a network without a gateway (a macvlan/ipvlan network without a parent is internal to its driver).
 */
export function defaultRouteOf(net: Network, ifname: string): Route | null {
  if (net.internal || !net.ipam) return null;
  if (net.driver === 'ipvlan' && (net.options.ipvlan_mode === 'l3' || net.options.ipvlan_mode === 'l3s')) {
    return parentOf(net.options) ? { dst: 'default', dev: ifname, scope: 'link' } : null;
  }
  if (net.segment !== undefined && !parentOf(net.options)) return null;
  return net.ipam.gateway ? { dst: 'default', via: net.ipam.gateway, dev: ifname } : null;
}

/**
 * The IPv6 default route an endpoint's Join gives (the same rules as IPv4's): via the network's
 * IPv6 gateway (bridge, macvlan, ipvlan l2: SetGatewayIPv6), through the link itself for ipvlan
 * l3/l3s (AddStaticRoute ::/0), none on an internal network or one without a parent.
 */
export function defaultRoute6Of(net: Network, ifname: string): { via?: string; dev: string } | null {
  if (net.internal || !net.ipam6) return null;
  if (net.driver === 'ipvlan' && (net.options.ipvlan_mode === 'l3' || net.options.ipvlan_mode === 'l3s'))
    return parentOf(net.options) ? { dev: ifname } : null;
  if (net.segment !== undefined && !parentOf(net.options)) return null;
  return net.ipam6.gateway ? { via: net.ipam6.gateway, dev: ifname } : null;
}
