import { hasIPv6 } from '../ipam6';
import type { Container, Network, World } from '../model';
import type { NfMatch, NfRule } from '../netfilter';
import { GATEWAY_MODE_IPV4 } from './bridgeOptions';
import { bridgeRules } from './bridgeRules';

/**
 * The ip6tables rules of bridge networks with IPv6 on. moby v28.5.2 programs both families with
 * one function (bridge/internal/iptabler/network.go configure, called with iptables.IPv6 and
 * Config6 when ip6tables is on, the default since 27): so these are the IPv4 rules of the same
 * networks seen through their IPv6 side — the IPv6 subnet (MASQUERADE for ULA too), endpoints'
 * IPv6 addresses as /128, ::1/128 for the loopback, ipv6-icmp, `--to-destination [addr]:port`,
 * `! -s fe80::/10` on a DNAT, and gateway_mode_ipv6 where IPv4 reads gateway_mode_ipv4
 * (iptabler golden files `…__ip6tables.golden`).
 */

const GATEWAY_MODE_IPV6 = 'com.docker.network.bridge.gateway_mode_ipv6';

/** A network as its IPv6 side: the IPv6 pool in place of the IPv4 one, its IPv6 gateway mode. */
function side6(n: Network): Network {
  const options = { ...n.options };
  delete options[GATEWAY_MODE_IPV4];
  if (n.options[GATEWAY_MODE_IPV6]) options[GATEWAY_MODE_IPV4] = n.options[GATEWAY_MODE_IPV6];
  return { ...n, options, ipam: { subnet: n.ipam6!.subnet, gateway: n.ipam6!.gateway } as Network['ipam'] };
}

/** A container as its IPv6 side: each endpoint's IPv6 address as its address; ports bound on IPv6. */
function container6(c: Container, v6: Set<string>): Container {
  return {
    ...c,
    endpoints: c.endpoints.map((ep) => ({ ...ep, ip: v6.has(ep.networkId) ? ep.ip6 : undefined })),
    // a port on all addresses (or ::, or an IPv6 one) is mapped for IPv6 too; an IPv4 address's is not
    ports: c.ports
      .filter((b) => b.hostIp === '' || b.hostIp.includes(':'))
      .map((b) => (b.hostIp === '::' ? { ...b, hostIp: '' } : b)),
  };
}

const v6Match = (m: NfMatch | undefined): NfMatch | undefined => {
  if (!m) return m;
  if (m.value === '127.0.0.0/8') return { ...m, value: '::1/128' };
  return m.value.endsWith('/32') ? { ...m, value: `${m.value.slice(0, -3)}/128` } : m;
};

/** ip6tables' rules for `daemon`'s bridge networks with IPv6 on. */
export function bridgeRules6(world: World, daemon: string, nets: Network[]): NfRule[] {
  const v6nets = nets.filter(hasIPv6);
  const ids = new Set(v6nets.map((n) => n.id));
  const networks = { ...world.networks };
  for (const n of v6nets) networks[n.id] = side6(n);
  const containers = Object.fromEntries(Object.entries(world.containers).map(([k, c]) => [k, container6(c, ids)]));
  const w6 = { ...world, networks, containers } as World;
  return bridgeRules(
    w6,
    daemon,
    v6nets.map((n) => networks[n.id]),
  ).map((r) => {
    const out: NfRule = { ...r, src: v6Match(r.src), dst: v6Match(r.dst) };
    if (r.proto === 'icmp') out.proto = 'ipv6-icmp';
    if (r.toDestination) {
      const at = r.toDestination.lastIndexOf(':');
      out.toDestination = `[${r.toDestination.slice(0, at)}]${r.toDestination.slice(at)}`;
      // docker-proxy, not DNAT, answers link-local clients (iptabler port.go: `! -s fe80::/10`)
      out.src = { value: 'fe80::/10', not: true };
    }
    return out;
  });
}
