import { linkId } from '../ids';
import { endpointMac } from '../macAddress';
import type { Network } from '../model';
import { randomHex, randomId, randomMac } from '../prng';
import { BRIDGE_NAME, bridgeConfig, bridgeCreateError, bridgeOptionError, GATEWAY_MODE_IPV4 } from './bridgeOptions';
import { bridgeRules } from './bridgeRules';
import type { Driver } from './types';

/** `bridge`: a Linux bridge on the daemon's host (docker0, br-…), one veth pair per endpoint. */
export const bridgeDriver: Driver = {
  name: 'bridge',
  scope: 'local',
  singleton: false,
  ipam: true,
  publishes: (net) => !net.internal,
  embeddedDns: (net) => !net.predefined,
  // iptabler setupNonInternalNetworkRules: MASQUERADE only with masquerade on and NAT (not routed)
  masquerades: (net) => {
    const cfg = bridgeConfig(net);
    return !net.internal && cfg.masquerade && cfg.gwMode !== 'routed';
  },
  createError: (_w, _d, opts, internal) => bridgeOptionError(opts, internal ?? false),
  configError: bridgeCreateError,
  // GetSkipGwAlloc: an isolated network has no gateway
  skipsGateway: (opts) => opts[GATEWAY_MODE_IPV4] === 'isolated',
  devices: (draft, id, opts) => ({
    bridge: opts[BRIDGE_NAME] || `br-${id.slice(0, 12)}`,
    bridgeMac: randomMac(draft),
  }),
  attach: (draft, _net, ep) => {
    ep.mac = endpointMac(draft, ep);
    ep.endpointId = randomId(draft);
    ep.veth = `veth${randomHex(draft, 7)}`;
    ep.vethMac = randomMac(draft);
  },
  endpointLink: (net: Network, ep) =>
    ep.veth ? { domain: { kind: 'br', netId: net.id }, link: linkId.veth(ep.veth), port: ep.veth } : null,
  // an IPv6-only bridge (--ipv4=false) has no IPv4 address and no IPv4 route (setupBridgeIPv4 skipped)
  hostDevice: (net, daemon) => {
    if (!net.bridge || !net.bridgeMac || (!net.ipam && net.enableIPv4 !== false)) return null;
    const link = linkId.bridgeHost(net.bridge, daemon);
    if (!net.ipam) return { name: net.bridge, mac: net.bridgeMac, addrs: [], link };
    const prefix = Number(net.ipam.subnet.split('/')[1]);
    return {
      name: net.bridge,
      mac: net.bridgeMac,
      addrs: [{ ip: net.ipam.gateway, prefix }],
      route: { dst: net.ipam.subnet, dev: net.bridge, proto: 'kernel', scope: 'link', src: net.ipam.gateway },
      link,
    };
  },
  rules: bridgeRules,
};
