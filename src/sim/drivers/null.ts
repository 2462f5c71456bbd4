import type { Driver } from './types';

/** `null` (the `none` network): a loopback-only namespace. */
export const nullDriver: Driver = {
  name: 'null',
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
