import { endpointMac } from '../macAddress';
import type { World } from '../model';
import { randomId } from '../prng';
import { lowerEndpointLink, parentLinkError, parentOf, segmentFor } from './lowerLink';
import type { Driver } from './types';

/**
 * `macvlan` (moby v28.5.2 libnetwork/drivers/macvlan): every endpoint is a macvlan link of the
 * parent (`-o parent=eth0`) with a MAC of its own (netutils.GenerateRandomMAC, fact 40), so
 * containers sit on the parent's LAN as machines of their own. No host device, no rules, no NAT,
 * no published ports (the driver only logs "macvlan driver does not support port mappings").
 */

const MODES = ['bridge', 'private', 'vepa', 'passthru'];

/** parseNetworkOptions (run by GetSkipGwAlloc, before IPAM): the mode, then the loopback parent. */
function optionsError(opts: Record<string, string>): string | null {
  const mode = opts.macvlan_mode ?? '';
  if (mode !== '' && !MODES.includes(mode)) {
    return `requested macvlan mode '${mode}' is not valid, 'bridge' mode is the macvlan driver default`;
  }
  if (parentOf(opts) === 'lo') return 'loopback interface is not a valid macvlan parent link';
  return null;
}

/**
 * createNetwork: since Engine 27 several macvlan networks may share a parent; only passthru
 * (one MAC for the whole parent) refuses to share (fact 85). Then the parent must exist.
 */
function linkError(world: World, daemon: string | null, opts: Record<string, string>): string | null {
  const parent = parentOf(opts) || null;
  const mode = opts.macvlan_mode || 'bridge';
  for (const n of Object.values(world.networks)) {
    if (n.driver !== 'macvlan' || n.daemon !== daemon || !parent || parentOf(n.options) !== parent) continue;
    if (mode === 'passthru')
      return `cannot use mode passthru, macvlan network ${n.id} is already using parent interface ${parent}`;
    if (n.options.macvlan_mode === 'passthru') {
      return `macvlan network ${n.id} is already using parent interface ${parent} in mode passthru`;
    }
  }
  return parent ? parentLinkError(world, daemon, parent) : null;
}

export const macvlanDriver: Driver = {
  name: 'macvlan',
  scope: 'local',
  singleton: false,
  ipam: true,
  publishes: () => false,
  embeddedDns: () => true,
  masquerades: () => false,
  createError: (_world, _daemon, opts) => optionsError(opts),
  linkError,
  // "--internal" networks, and those without a parent (internal to the driver), need no gateway
  skipsGateway: (opts, internal) => internal || parentOf(opts) === '',
  devices: (draft, id, opts, daemon) => ({
    bridge: null,
    bridgeMac: null,
    segment: segmentFor(draft, daemon, id, opts, 'dm-'),
  }),
  attach: (draft, _net, ep) => {
    ep.mac = endpointMac(draft, ep);
    ep.endpointId = randomId(draft);
  },
  endpointLink: lowerEndpointLink,
  hostDevice: () => null,
};
