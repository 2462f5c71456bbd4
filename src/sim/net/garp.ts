import { isDraft, original } from 'immer';
import { arpHolderIds, produce } from '../containerIndex';
import { soleDaemon } from '../docker/scope';
import { driverOf } from '../drivers';
import { isL3 } from '../drivers/ipvlan';
import type { EndpointLink } from '../drivers/types';
import { hasIPv6 } from '../ipam6';
import type { ArpEntry, Container, Endpoint, FdbEntry, Machine, Network, World } from '../model';

/**
 * libnetwork's unsolicited ARPs as an endpoint comes up (osl/interface_linux.go advertiseAddrs,
 * v27+: three broadcasts 1 s apart, sent from the sandbox once the interface has its address and
 * MAC; none for an interface without a MAC, such as an ipvlan l3 link). What they leave behind is
 * written at once, so `ip neigh`, `bridge fdb show` and the Inspector show it right after `docker
 * run`, before any packet:
 *
 * - every neighbour on the link that has an entry for the address takes the new MAC as STALE
 *   (net/ipv4/arp.c arp_process: an existing entry is updated with override for a gratuitous ARP;
 *   with arp_accept 0 none is created); an entry that already has this MAC keeps its state
 *   (neigh_update keeps a valid state when the lladdr is the same and the new state is STALE);
 * - a bridge learns the MAC on the endpoint's port (br_fdb_update on the broadcast's source).
 *
 * A parent interface never hears its own macvlan/ipvlan links (lanAttach.ts), so the host's entry
 * on the parent is left alone. Works on an immer draft or a plain World being built; `eps` are
 * the endpoints that came up (all of them at a start, the new one at `network connect`).
 */
export function advertiseEndpoints(draft: World, c: Container, eps: Endpoint[] = c.endpoints): void {
  for (const ep of eps) {
    const net = draft.networks[ep.networkId];
    const addrs = net ? addressesOf(net, ep) : [];
    if (!net || !addrs.length || !ep.mac) continue;
    const link = driverOf(net).endpointLink(net, ep);
    if (!link || (net.driver === 'ipvlan' && isL3(net))) continue;
    const now = draft.clock;
    if (link.domain.kind === 'br' && link.port) learnPort(net.fdb, ep.mac, link.port, now);
    for (const ip of addrs) {
      for (const m of Object.values(draft.machines)) {
        for (const e of m.arp) {
          if (e.ip === ip && machineHears(draft, m, e.dev, link, c)) advertised(e, ep.mac, now);
        }
      }
      // the base World finds who has an entry for the address without drafting every container
      const base = isDraft(draft) ? (original(draft) as World) : draft;
      for (const id of arpHolderIds(base, ip)) {
        if (id === c.id) continue;
        const other = draft.containers[id];
        if (other?.state !== 'running') continue;
        for (const e of other.arp) {
          if (e.ip === ip && containerHears(draft, other, e.dev, link)) advertised(e, ep.mac, now);
        }
      }
    }
  }
}

/**
 * The addresses an endpoint advertises: its IPv4 one (unsolicited ARP) and, on a network with
 * IPv6 on, its IPv6 one (unsolicited NA, prepAdvertiseAddrs' UnsolNA: a neighbour updates an
 * entry it has, as for ARP, ndisc_recv_na with override).
 */
function addressesOf(net: Network, ep: Endpoint): string[] {
  return [ep.ip, hasIPv6(net) ? ep.ip6 : undefined].filter((x): x is string => Boolean(x));
}

/** The bridge's FDB: `mac` is behind `port` now (moved if it was seen on another one). */
function learnPort(fdb: FdbEntry[], mac: string, port: string, now: number): void {
  const known = fdb.find((x) => x.mac === mac);
  if (known) {
    known.port = port;
    known.at = now;
  } else fdb.push({ mac, port, at: now });
}

/** One unsolicited ARP received into an existing entry (neigh_update with NUD_STALE and override). */
function advertised(e: ArpEntry, mac: string, now: number): void {
  if (e.state === 'PERMANENT') return;
  if (e.mac === mac && e.state !== 'FAILED') return;
  e.mac = mac;
  e.state = 'STALE';
  e.at = now;
  e.garp = true;
}

const sameDomain = (a: EndpointLink['domain'], b: EndpointLink['domain']) =>
  a.kind === 'br' ? b.kind === 'br' && a.netId === b.netId : b.kind === 'seg' && a.id === b.id;

/** Whether machine `m`'s device `dev` is on the link of `link` (a bridge it hosts, or a segment). */
function machineHears(draft: World, m: Machine, dev: string, link: EndpointLink, c: Container): boolean {
  if (link.domain.kind === 'br') {
    const net = draft.networks[link.domain.netId];
    return !!net && driverOf(net).hostDevice(net, m.id)?.name === dev;
  }
  const f = m.ifaces.find((x) => x.name === dev && !x.down);
  if (!f?.segment || !sameDomain({ kind: 'seg', id: f.segment }, link.domain)) return false;
  // the parent itself (not a shim link on it) never hears its own macvlan/ipvlan children
  return !(c.daemon === m.id && !f.parent);
}

/** Whether container `o`'s interface `dev` is on the link of `link`. */
function containerHears(draft: World, o: Container, dev: string, link: EndpointLink): boolean {
  const ep: Endpoint | undefined = o.endpoints.find((x) => x.ifname === dev && (x.ip || x.ip6));
  const net = ep && draft.networks[ep.networkId];
  const at = net && driverOf(net).endpointLink(net, ep);
  return !!at && sameDomain(at.domain, link.domain);
}

/**
 * What a docker command's view of one daemon cannot reach (docker/scope.ts): the same unsolicited
 * ARPs heard by running containers of other Docker hosts whose macvlan/ipvlan links share the L2
 * segment (a LAN every host's parent is plugged into). `before` is the World the command started
 * from, `after` the whole World it made; endpoints of `daemon`'s containers that came up in between
 * (a start, or a `network connect`) are advertised; `view` is the daemon's part the command
 * returned. Returns `after` itself when nobody else heard (always in a one-host World).
 */
export function advertiseAcrossDaemons(before: World, after: World, daemon: string, view: World): World {
  if (soleDaemon(after, daemon)) return after;
  const heard: { holder: string; ip: string; mac: string; link: EndpointLink; now: number }[] = [];
  // the command's view holds only the daemon's containers: the ones that can have come up
  for (const id in view.containers) {
    const c = after.containers[id];
    if (!c) continue;
    if (c === before.containers[id] || c.daemon !== daemon || c.state !== 'running') continue;
    const was = before.containers[id];
    const wasUp = was?.state === 'running' && was.startedAt === c.startedAt;
    for (const ep of c.endpoints) {
      if (!ep.mac) continue;
      if (wasUp && was.endpoints.some((x) => x.networkId === ep.networkId && x.ip === ep.ip && x.mac === ep.mac))
        continue;
      const net = after.networks[ep.networkId];
      const link = net ? driverOf(net).endpointLink(net, ep) : null;
      if (!net || link?.domain.kind !== 'seg' || (net.driver === 'ipvlan' && isL3(net))) continue;
      for (const ip of addressesOf(net, ep)) {
        for (const holder of arpHolderIds(after, ip)) {
          const o = after.containers[holder];
          if (o.daemon === daemon || o.state !== 'running') continue;
          heard.push({ holder, ip, mac: ep.mac, link, now: c.startedAt ?? after.clock });
        }
      }
    }
  }
  if (!heard.length) return after;
  return produce(after, (d) => {
    for (const h of heard) {
      const o = d.containers[h.holder];
      for (const e of o.arp) {
        if (e.ip === h.ip && containerHears(d, o, e.dev, h.link)) advertised(e, h.mac, h.now);
      }
    }
  });
}
