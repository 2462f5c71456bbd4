/**
 * Network drivers, one file each, behind one interface (types.ts), as libnetwork splits its
 * drivers from the daemon. The engine never asks `driver === 'bridge'`; it asks the driver.
 *
 * How to add a driver (overlay, macvlan, ipvlan …):
 * 1. `src/sim/model.ts`: add its name to `NetworkDriver`, and to the driver list in
 *    `networkSchema` in `src/io/worldSchema.ts` (kept there: the schema loads at boot, before the
 *    engine), so a save holding such a network opens.
 * 2. `src/sim/drivers/<name>.ts`: export a `Driver` (types.ts). Capabilities: `scope` ('swarm' for
 *    networks spanning nodes, whose `Network.daemon` is null), `singleton`, `ipam`, `publishes`,
 *    `embeddedDns`, `masquerades`. Hooks:
 *    - `createError(world, daemon, opts)`: refuse `docker network create -d <name>` with Docker's
 *      words (no swarm, no `-o parent=`, a bad `ipvlan_mode` …); network.ts calls it.
 *    - `attach(draft, net, ep)`: the live fields after IPAM gave `ep.ip` (mac, endpointId, veth…):
 *      lifecycle.ts (start) and connect.ts (`network connect`) both go through `attachEndpoint`
 *      (endpoint.ts). A live endpoint is one with `endpointId`; it need not have a veth.
 *    - `endpointLink(net, ep)`: where the container's interface plugs in: a bridge domain
 *      (`{kind:'br', netId}`) or a physical segment (`{kind:'seg', id:'lan'}` for macvlan/ipvlan:
 *      the LAN's neighbour lookup then finds the container there), plus its canvas edge id.
 *    - `devices(draft, id, opts, daemon)`: a new network's device fields (a bridge's name and MAC,
 *      the segment a macvlan/ipvlan network joins).
 *    - `hostDevice(net, daemon)`: a device on the daemon's host stack (a bridge and its route).
 *    - `rules(world, daemon, nets)`: the netfilter rules it installs (printed by iptables and
 *      evaluated by the packet engine from the same data).
 * 3. Register it in `DRIVERS` below. Nothing else in stack.ts, net/topo.ts, the netfilters or
 *    docker/network.ts needs an edit for an ordinary driver.
 */
import { memoFrozen } from '../memo';
import type { Network, World } from '../model';
import type { NfRule } from '../netfilter';
import { bridgeDriver } from './bridge';
import { hostDriver } from './host';
import { ipvlanDriver } from './ipvlan';
import { macvlanDriver } from './macvlan';
import { nullDriver } from './null';
import { overlayDriver } from './overlay';
import type { Driver } from './types';

export type { Driver, EndpointLink, HostDevice } from './types';

/** Every driver the daemon knows, by the name `-d` takes. Order: the order rules are installed in. */
export const DRIVERS: Record<string, Driver> = {
  bridge: bridgeDriver,
  host: hostDriver,
  null: nullDriver,
  overlay: overlayDriver,
  macvlan: macvlanDriver,
  ipvlan: ipvlanDriver,
};

/** The driver named `name`, or null (`plugin "<name>" not found`). */
export function driverNamed(name: string): Driver | null {
  return Object.hasOwn(DRIVERS, name) ? DRIVERS[name] : null;
}

/**
 * A config-only network (`network create --config-only`): libnetwork stores it with type `null`
 * but it is no instance of the none network; it has no capability at all, and CreateEndpoint
 * refuses it (endpoint.ts), so `run --network` takes it as a network and fails at start.
 */
const configOnlyDriver: Driver = { ...nullDriver, singleton: false };

/**
 * A swarm-scoped network of a node-local driver (bridge, macvlan, ipvlan made with `--scope swarm`)
 * as the manager holds it: swarmkit allocates it nothing (cnmallocator Allocate: isNodeLocal), so
 * the record itself has no device, address or rule on any daemon.
 */
const swarmRecordDriver: Driver = { ...nullDriver, singleton: false };

/** Whether `net` is a swarm-scoped network of a node-local driver (the manager's record). */
export const isNodeLocalSwarm = (net: Network): boolean =>
  net.scope === 'swarm' && driverNamed(net.driver)?.scope === 'local';

/** The driver of a network (a network of an unknown driver behaves like `null`: no link, no rules). */
export function driverOf(net: Network): Driver {
  if (net.configOnly) return configOnlyDriver;
  if (isNodeLocalSwarm(net)) return swarmRecordDriver;
  return driverNamed(net.driver) ?? nullDriver;
}

/** The networks `daemon` holds: its own and the swarm-scoped ones (daemon null), in creation order. */
export function networksOf(world: World, daemon: string): readonly Network[] {
  const nets = world.networks;
  return memoFrozen(networksCache, nets, daemon, () =>
    Object.freeze(Object.values(nets).filter((n) => n.daemon === daemon || n.daemon === null)),
  );
}

/** networksOf per frozen networks record (the packet engine asks at every hop of a Docker host). */
const networksCache = new WeakMap<World['networks'], Map<string, readonly Network[]>>();

/** The daemon's netfilter rules from every driver, each driver's in the order it installs them. */
export function rulesOfDrivers(world: World, daemon: string): NfRule[] {
  const nets = networksOf(world, daemon);
  return Object.values(DRIVERS).flatMap((d) =>
    d.rules
      ? d.rules(
          world,
          daemon,
          nets.filter((n) => n.driver === d.name && !isNodeLocalSwarm(n)),
        )
      : [],
  );
}
