import type { Driver } from './types';

/** `host`: the container shares its daemon's own stack; no endpoint, no address, no rules. */
export const hostDriver: Driver = {
  name: 'host',
  scope: 'local',
  singleton: true,
  ipam: false,
  publishes: () => false,
  embeddedDns: () => false,
  masquerades: () => false,
  devices: () => ({ bridge: null, bridgeMac: null }),
  attach: () => {},
  endpointLink: () => null,
  hostDevice: () => null,
};
