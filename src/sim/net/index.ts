import { isLive } from '../docker/endpoint';
import type { Container, World } from '../model';

/**
 * Per-World indexes over containers, cached by the identity of `world.containers` and
 * `world.networks`. Worlds are immutable (immer), so an unchanged record means an unchanged index:
 * a steady-state ping or curl at 1,000 containers costs no scan at all.
 */

export interface ContainerIndex {
  /** network id -> endpoint IP (IPv4, and IPv6 on networks with IPv6 on) -> running container id and interface name */
  byNetIp: Map<string, Map<string, { key: string; ifname: string }>>;
  /** "tcp/8080" -> running, non-host-mode containers publishing that host port */
  published: Map<string, Container[]>;
  /** running `--network host` containers */
  hostMode: Container[];
  /** network id -> lower-case DNS name (name, alias, short id, hostname) -> IPs in attach order */
  dnsNames: Map<string, Map<string, string[]>>;
}

const cache = new WeakMap<object, { networks: object; index: ContainerIndex }>();

/** The index for `world`, built once per distinct containers/networks pair. */
export function containerIndex(world: World): ContainerIndex {
  const hit = cache.get(world.containers);
  if (hit && hit.networks === world.networks) return hit.index;
  const index: ContainerIndex = { byNetIp: new Map(), published: new Map(), hostMode: [], dnsNames: new Map() };
  for (const c of Object.values(world.containers)) {
    if (c.state !== 'running') continue;
    if (c.networkMode === 'host') index.hostMode.push(c);
    for (const ep of c.endpoints) {
      if ((!ep.ip && !ep.ip6) || !ep.ifname || !isLive(ep)) continue;
      let m = index.byNetIp.get(ep.networkId);
      if (!m) {
        m = new Map();
        index.byNetIp.set(ep.networkId, m);
      }
      // an IPv6 address is a key of its own: neighbour discovery finds its holder as ARP does
      if (ep.ip6) m.set(ep.ip6, { key: c.id, ifname: ep.ifname });
      if (!ep.ip) continue;
      m.set(ep.ip, { key: c.id, ifname: ep.ifname });
      let names = index.dnsNames.get(ep.networkId);
      if (!names) {
        names = new Map();
        index.dnsNames.set(ep.networkId, names);
      }
      for (const n of new Set([c.name, ...ep.aliases, c.id.slice(0, 12), c.hostname].map((x) => x.toLowerCase()))) {
        const ips = names.get(n);
        if (ips) ips.push(ep.ip);
        else names.set(n, [ep.ip]);
      }
    }
    if (c.networkMode === 'host') continue;
    for (const b of c.ports) {
      if (b.boundPort === undefined) continue;
      const k = `${b.proto}/${b.boundPort}`;
      const list = index.published.get(k);
      if (list) list.push(c);
      else index.published.set(k, [c]);
    }
  }
  cache.set(world.containers, { networks: world.networks, index });
  return index;
}
