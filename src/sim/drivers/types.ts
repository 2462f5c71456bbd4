import type { Endpoint, IfaceAddr, Network, Route, World } from '../model';
import type { NfRule } from '../netfilter';

/** Where an endpoint's interface plugs in: the engine's L2 domain and the canvas edge it sends on. */
export interface EndpointLink {
  /** the L2 broadcast domain: a Docker bridge, or a physical segment ("lan") for macvlan/ipvlan */
  domain: { kind: 'br'; netId: string } | { kind: 'seg'; id: string };
  /** canvas edge id (ids.ts linkId) */
  link: string;
  /** the bridge port (host-side veth) when the domain is a bridge */
  port?: string;
}

/** A device a driver adds to its daemon's host stack (docker0, br-…), with its kernel route. */
export interface HostDevice {
  name: string;
  mac: string;
  addrs: IfaceAddr[];
  /** the kernel's route to its IPv4 subnet; absent without an IPv4 address */
  route?: Route;
  /** canvas edge id between the device and the host's stack */
  link: string;
}

/**
 * A network driver, after libnetwork's driverapi.Driver: what kind of networks it makes
 * (capabilities instead of `driver === 'bridge'` checks) and the hooks the engine calls.
 * Every function is pure; `draft` ones run inside immer's produce.
 */
export interface Driver {
  /** the name `docker network create -d` takes and `network ls` prints */
  name: string;
  /** libnetwork DataScope of the networks it makes: local (one daemon) or swarm (spanning nodes) */
  scope: 'local' | 'swarm';
  /** one instance per daemon, made by the daemon itself (host, null): `network create -d` refuses it */
  singleton: boolean;
  /** its networks have an IPAM pool and its endpoints an IPv4 address */
  ipam: boolean;
  /** a container's published ports bind through its endpoint here (DNAT reaches it unless the network is internal) */
  publishes: (net: Network) => boolean;
  /** Docker's embedded DNS (127.0.0.11) serves containers on it (user-defined networks) */
  embeddedDns: (net: Network) => boolean;
  /**
   * its Join sets no default gateway (overlay): the container's default route comes from another
   * endpoint, docker_gwbridge when none has one (libnetwork default_gateway.go); absent: it does
   */
  noGateway?: boolean;
  /**
   * the link MTU of its endpoints given the network's MTU (1500 or com.docker.network.driver.mtu),
   * when its encapsulation takes bytes of it (overlay: maxMTU); absent: the network's MTU
   */
  endpointMtu?: (net: Network, mtu: number) => number;
  /** the daemon masquerades traffic from its subnet leaving through another interface */
  masquerades: (net: Network) => boolean;
  /**
   * The `docker network create` error for this driver and these options (after the name check),
   * or null. Drivers that need swarm, a parent interface or special options refuse here.
   */
  createError?: (
    world: World,
    daemon: string | null,
    opts: Record<string, string>,
    internal?: boolean,
  ) => string | null;
  /** The driver's CreateNetwork checks of its parsed config after IPAM (several subnets, an MTU below 0). */
  configError?: (opts: Record<string, string>, subnets: number) => string | null;
  /**
   * The driver's own refusal once IPAM gave the pool (libnetwork calls the driver's CreateNetwork
   * after ipamAllocate): a parent interface that is not there, a parent another network holds.
   */
  linkError?: (world: World, daemon: string | null, opts: Record<string, string>) => string | null;
  /** The driver asks IPAM for no gateway (GetSkipGwAlloc: ipvlan l3, a network without a parent). */
  skipsGateway?: (opts: Record<string, string>, internal: boolean) => boolean;
  /** The device fields of a new network `id` (a bridge's name and MAC; random draws after the id's). */
  devices: (
    draft: World,
    id: string,
    opts: Record<string, string>,
    daemon: string | null,
  ) => Pick<Network, 'bridge' | 'bridgeMac' | 'segment'>;
  /**
   * Sets an endpoint's live link fields after IPAM gave it `ep.ip` (mac, endpointId, and for a
   * bridge the veth and its MAC). The order of random draws is part of the fixtures: keep it.
   */
  attach: (draft: World, net: Network, ep: Endpoint) => void;
  /** its endpoints carry the parent's MAC and report none of their own (ipvlan) */
  sharesParentMac?: boolean;
  /** the endpoint's interface: its L2 domain and canvas edge (null: the driver gives none) */
  endpointLink: (net: Network, ep: Endpoint) => EndpointLink | null;
  /** the device the network adds to its daemon's host (a Linux bridge), or null */
  hostDevice: (net: Network, daemon: string) => HostDevice | null;
  /**
   * The netfilter rules the daemon holds for this driver's networks on `daemon`, in the order
   * Docker installs them per chain (netfilter.ts sorts by chain, stably). Called once per daemon
   * with every network of this driver, since Docker interleaves rules of several networks.
   */
  rules?: (world: World, daemon: string, nets: Network[]) => NfRule[];
}
