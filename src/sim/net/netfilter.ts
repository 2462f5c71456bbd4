import { DOCKER_HOST } from '../ids';
import type { Container, Network } from '../model';
import { inCidr, isLoopback } from './addr';
import type { Ctx } from './ctx';
import { containerIndex } from './index';
import type { Pkt } from './pkt';
import { type NetNode, type NIface, ownsIp } from './topo';

/**
 * Docker's and the home router's netfilter rules, evaluated semantically from the World. They
 * mirror the rules Docker 28 installs (docker-facts.md §D): nat DOCKER (DNAT of published ports,
 * `-i <bridge> -j RETURN`, `OUTPUT ! -d 127.0.0.0/8`), POSTROUTING MASQUERADE per subnet, and the
 * filter chains DOCKER-ISOLATION-STAGE-1/2, internal-network drops and `! -i br -o br -j DROP`.
 */

/** Drop reasons, each an explanation key `drop.<reason>`. */
export type DropReason =
  | 'no-route'
  | 'isolated'
  | 'icc'
  | 'internal'
  | 'not-published'
  | 'ttl-exceeded'
  | 'host-unreachable'
  | 'not-for-me'
  | 'broadcast';

/** Where a published port leads. */
export interface DnatTarget {
  container: Container;
  ip: string;
  port: number;
  hostPort: number;
}

function mappedIp(ctx: Ctx, c: Container): string | null {
  for (const ep of c.endpoints) {
    const net = ctx.world.networks[ep.networkId];
    if (ep.ip && net?.driver === 'bridge' && !net.internal) return ep.ip;
  }
  return null;
}

/** The running container publishing `proto/port` on host address `ip`, if any. */
export function publishedPort(ctx: Ctx, proto: string, ip: string, port: number): DnatTarget | null {
  for (const c of containerIndex(ctx.world).published.get(`${proto}/${port}`) ?? []) {
    for (const b of c.ports) {
      if (b.proto !== proto || b.boundPort !== port) continue;
      if (b.hostIp && b.hostIp !== '0.0.0.0' && b.hostIp !== '::' && b.hostIp !== ip) continue;
      const cip = mappedIp(ctx, c);
      if (cip) return { container: c, ip: cip, port: b.containerPort, hostPort: port };
    }
  }
  return null;
}

/** nat PREROUTING/OUTPUT -> DOCKER on the Docker host. `inIf` null: a locally generated packet. */
export function dockerDnat(ctx: Ctx, host: NetNode, inIf: NIface | null, p: Pkt): DnatTarget | null {
  if (p.proto === 'icmp') return null;
  if (inIf?.domain?.kind === 'br') return null; // -A DOCKER -i <bridge> -j RETURN
  if (!inIf && isLoopback(p.dst)) return null; // OUTPUT ! -d 127.0.0.0/8: docker-proxy serves loopback
  if (!ownsIp(host, p.dst)) return null; // -m addrtype --dst-type LOCAL
  const t = publishedPort(ctx, p.proto, p.dst, p.dport);
  // a 127.0.0.1-bound port is not reachable from other machines (v28 raw PREROUTING drop)
  return t;
}

const bridgeNet = (ctx: Ctx, f: NIface): Network | null =>
  f.domain?.kind === 'br' ? (ctx.world.networks[f.domain.netId] ?? null) : null;

/** filter FORWARD on the Docker host for a new (not yet tracked) flow; null accepts. */
export function dockerForward(ctx: Ctx, inIf: NIface, outIf: NIface, p: Pkt, dnatted: boolean): DropReason | null {
  const from = bridgeNet(ctx, inIf);
  const to = bridgeNet(ctx, outIf);
  if (from && from.id !== to?.id) {
    if (from.internal) return 'internal'; // ! -d <subnet> -i br-X -j DROP
    if (to) return 'isolated'; // DOCKER-ISOLATION-STAGE-1 -> STAGE-2 -o br-Y -j DROP
  }
  if (to && from?.id !== to.id) {
    if (to.internal && !(to.ipam && inCidr(p.src, to.ipam.subnet))) return 'internal';
    if (!dnatted) return 'not-published'; // -A DOCKER ! -i br -o br -j DROP (only DNATed ports accepted)
  }
  return null;
}

/** nat POSTROUTING MASQUERADE on the Docker host: `-s <subnet> ! -o <bridge>`. */
export function dockerMasquerade(ctx: Ctx, outIf: NIface, p: Pkt): string | null {
  for (const net of Object.values(ctx.world.networks)) {
    if (net.driver !== 'bridge' || !net.ipam || net.internal) continue;
    if (net.options['com.docker.network.bridge.enable_ip_masquerade'] === 'false') continue;
    if (!inCidr(p.src, net.ipam.subnet)) continue;
    if (outIf.name === net.bridge) return null;
    return outIf.addrs[0]?.ip ?? null;
  }
  return null;
}

/** The router's port-forward rules: DNAT for packets arriving from the internet to its public address. */
export function routerDnat(router: NetNode, inIf: NIface | null, p: Pkt): { ip: string; port: number } | null {
  if (inIf?.domain?.kind !== 'seg' || inIf.domain.id === 'lan' || p.proto === 'icmp') return null;
  if (!inIf.addrs.some((a) => a.ip === p.dst)) return null;
  const f = router.machine?.forwards.find((x) => x.proto === p.proto && x.publicPort === p.dport);
  return f ? { ip: f.toIp, port: f.toPort } : null;
}

/** The router's MASQUERADE of LAN traffic leaving through its public interface. */
export function routerMasquerade(router: NetNode, outIf: NIface, p: Pkt): string | null {
  if (outIf.domain?.kind !== 'seg' || outIf.domain.id === 'lan') return null;
  if (ownsIp(router, p.src)) return null;
  return outIf.addrs[0]?.ip ?? null;
}

/** Machines that keep a conntrack table (`conntrack -L` works there). */
export function tracks(node: NetNode): boolean {
  return node.key === DOCKER_HOST || isHomeRouter(node);
}

/** The NAT router of the LAN (kind router with a leg on the LAN), not the internet's core router. */
export function isHomeRouter(node: NetNode): boolean {
  return node.machine?.kind === 'router' && node.ifaces.some((f) => f.domain?.kind === 'seg' && f.domain.id === 'lan');
}
