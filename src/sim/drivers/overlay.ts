import { linkId } from '../ids';
import { endpointMac } from '../macAddress';
import type { Network } from '../model';
import { randomHex, randomId, randomMac } from '../prng';
import type { Driver } from './types';

/** netutils.GenerateMACFromIP: 02:42 and the four address bytes. */
export const macFromIp = (ip: string): string =>
  `02:42:${ip
    .split('.')
    .map((b) => Number(b).toString(16).padStart(2, '0'))
    .join(':')}`;

/** overlay.go vxlanEncap: inner Ethernet 14 + outer IP 20 + UDP 8 + VXLAN 8 */
const VXLAN_ENCAP = 50;
/** encryption.go pktExpansion: ESP's SPI 4 + SeqN 4 + IV 8 + PadLength 1 + NextHeader 1 + ICV 8 */
const ESP_EXPANSION = 26;

/**
 * encryption.go maxMTU (moby v28.5.2): the network's MTU (1500, or -o com.docker.network.driver.mtu)
 * less vxlanEncap (fact 76); an `-o encrypted` network (ov_network.go: the key's presence sets
 * n.secure) also less ESP's expansion, rounded down to a multiple of 4: 1500 gives 1424.
 */
export function overlayMtu(net: Network, mtu: number): number {
  let m = mtu - VXLAN_ENCAP;
  if ('encrypted' in net.options) {
    m -= ESP_EXPANSION;
    m -= m % 4;
  }
  return m;
}

/**
 * `overlay`: a swarm-scoped network spanning the swarm's nodes (Network.daemon null), made by a
 * manager through swarmkit: `network create` hands every swarm-scoped driver to
 * docker/overlayCreate.ts, and swarm/lifecycle.ts makes ingress. An endpoint is a veth into the
 * network's bridge (br0 in the overlay sandbox), so it attaches like a bridge endpoint with the
 * same random draws. The network has no device on the host's own stack and installs no host
 * rules; a container reaches outside through docker_gwbridge, so it publishes and masquerades
 * nothing here.
 */
export const overlayDriver: Driver = {
  name: 'overlay',
  scope: 'swarm',
  singleton: false,
  ipam: true,
  publishes: () => false,
  embeddedDns: () => true,
  masquerades: () => false,
  devices: () => ({ bridge: null, bridgeMac: null }),
  noGateway: true,
  endpointMtu: overlayMtu,
  attach: (draft, _net, ep) => {
    // ov_endpoint.go: still 02:42 + the IPv4 bytes in Engine 28 (fact 76), no random draw
    ep.mac = ep.macAddress ? endpointMac(draft, ep) : ep.ip ? macFromIp(ep.ip) : randomMac(draft);
    ep.endpointId = randomId(draft);
    ep.veth = `veth${randomHex(draft, 7)}`;
    ep.vethMac = randomMac(draft);
  },
  endpointLink: (net, ep) =>
    ep.veth ? { domain: { kind: 'br', netId: net.id }, link: linkId.veth(ep.veth), port: ep.veth } : null,
  hostDevice: () => null,
};
