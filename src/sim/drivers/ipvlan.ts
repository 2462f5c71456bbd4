import type { Network, World } from '../model';
import { randomId } from '../prng';
import { dummyName, lowerEndpointLink, parentLinkError, parentMac, parentOf, segmentFor } from './lowerLink';
import type { Driver } from './types';

/**
 * `ipvlan` (moby v28.5.2 libnetwork/drivers/ipvlan): endpoints are ipvlan links of the parent
 * and carry the parent's MAC (fact 88). In l2 mode (the default) they sit on the parent's LAN
 * and answer ARP with that MAC; in l3 mode they have no gateway (`default dev eth0`), send no
 * ARP, and the parent routes for them (fact 89): the LAN reaches them only through a route to
 * their subnet via the Docker host. Unlike macvlan, a parent serves one ipvlan network only.
 */

const MODES = ['l2', 'l3', 'l3s'];
const FLAGS = ['bridge', 'private', 'vepa'];

/** The network's ipvlan mode ('l2' when not given). */
export const ipvlanMode = (net: Pick<Network, 'options'>): string => net.options.ipvlan_mode || 'l2';

/** Whether the network routes through its parent (l3, l3s) instead of sharing its L2. */
export const isL3 = (net: Pick<Network, 'driver' | 'options'>): boolean =>
  net.driver === 'ipvlan' && ipvlanMode(net) !== 'l2';

/** parseNetworkOptions (run by GetSkipGwAlloc, before IPAM): the mode, the flag, the loopback parent. */
function optionsError(opts: Record<string, string>): string | null {
  const mode = opts.ipvlan_mode ?? '';
  if (mode !== '' && !MODES.includes(mode)) {
    return `requested ipvlan mode '${mode}' is not valid, 'l2' mode is the ipvlan driver default`;
  }
  const flag = opts.ipvlan_flag ?? '';
  if (flag !== '' && !FLAGS.includes(flag)) {
    return `requested ipvlan flag '${flag}' is not valid, 'bridge' is the ipvlan driver default`;
  }
  if (parentOf(opts) === 'lo') return 'loopback interface is not a valid ipvlan parent link';
  return null;
}

/** createNetwork: any other ipvlan network on the parent refuses (still in 28.x, fact 85); then the parent must exist. */
function linkError(world: World, daemon: string | null, opts: Record<string, string>): string | null {
  const parent = parentOf(opts);
  if (!parent) return null;
  const holder = Object.values(world.networks).find(
    (n) => n.driver === 'ipvlan' && n.daemon === daemon && parentOf(n.options) === parent,
  );
  if (holder) return `network ${dummyName('di-', holder.id)} is already using parent interface ${parent}`;
  return parentLinkError(world, daemon, parent);
}

export const ipvlanDriver: Driver = {
  name: 'ipvlan',
  scope: 'local',
  singleton: false,
  ipam: true,
  publishes: () => false,
  embeddedDns: () => true,
  masquerades: () => false,
  createError: (_world, _daemon, opts) => optionsError(opts),
  linkError,
  skipsGateway: (opts, internal) =>
    internal || parentOf(opts) === '' || opts.ipvlan_mode === 'l3' || opts.ipvlan_mode === 'l3s',
  sharesParentMac: true,
  devices: (draft, id, opts, daemon) => ({
    bridge: null,
    bridgeMac: null,
    segment: segmentFor(draft, daemon, id, opts, 'di-'),
  }),
  attach: (draft, net, ep) => {
    ep.mac = parentMac(draft, net) ?? '00:00:00:00:00:00';
    ep.endpointId = randomId(draft);
  },
  endpointLink: lowerEndpointLink,
  hostDevice: () => null,
};
