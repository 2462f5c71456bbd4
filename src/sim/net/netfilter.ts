import { DESKTOP_SEGMENT } from '../desktop';
import { driverOf, networksOf } from '../drivers';
import { bridgeConfig } from '../drivers/bridgeOptions';
import { gatewayEndpoint } from '../lookup';
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
  | 'broadcast'
  /** sent to a MAC the neighbour cache still holds, which nobody on the link has any more */
  | 'neigh-gone'
  /** an IPVS service (a swarm VIP or published port) with no task to send to */
  | 'no-backend';

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
    if (ep.ip && net && driverOf(net).publishes(net)) return ep.ip;
  }
  return null;
}

/** The running container of `daemon` publishing `proto/port` on host address `ip`, if any. */
export function publishedPort(ctx: Ctx, daemon: string, proto: string, ip: string, port: number): DnatTarget | null {
  for (const c of containerIndex(ctx.world).published.get(`${proto}/${port}`) ?? []) {
    if (c.daemon !== daemon) continue;
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
  const t = host.daemon ? publishedPort(ctx, host.daemon, p.proto, p.dst, p.dport) : null;
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
    // DOCKER-ISOLATION-STAGE-1 -> STAGE-2 -o br-Y -j DROP; a routed network's `-o br-Y -j RETURN` comes first
    if (to && !(bridgeConfig(to).gwMode === 'routed' && !to.internal)) return 'isolated';
  }
  if (to && from?.id !== to.id) {
    if (to.internal && !(to.ipam && inCidr(p.src, to.ipam.subnet))) return 'internal';
    if (!dnatted && !openedDirectly(ctx, to, p)) return 'not-published'; // -A DOCKER ! -i br -o br -j DROP
  }
  return null;
}

/**
 * filter FORWARD for a new flow the bridge passes between two of its own ports (br_netfilter): only
 * an icc=false network drops it, with DOCKER-FORWARD's `-i br-X -o br-X -j DROP`. DOCKER, reached
 * before it through DOCKER-BRIDGE, accepts such a frame in one rule only, a routed network's
 * `-o br-X -p icmp -j ACCEPT` (its other rules say `! -i br-X`); the kernel referee showed it, seed 89.
 */
export function bridgedForward(net: Network, p: Pkt): DropReason | null {
  const cfg = bridgeConfig(net);
  if (cfg.icc) return null;
  return p.proto === 'icmp' && cfg.gwMode === 'routed' ? null : 'icc';
}

/**
 * A new flow into a bridge that its gateway mode opens without DNAT: nat-unprotected accepts
 * everything (`! -i br -o br -j ACCEPT`); routed accepts ICMP and the published container ports
 * (`-o br -p icmp -j ACCEPT`, the per-port ACCEPT on the container port).
 */
function openedDirectly(ctx: Ctx, to: Network, p: Pkt): boolean {
  const mode = bridgeConfig(to).gwMode;
  if (mode === 'nat-unprotected') return true;
  if (mode !== 'routed') return false;
  if (p.proto === 'icmp') return true;
  for (const c of Object.values(ctx.world.containers)) {
    if (c.state !== 'running') continue;
    const ep = c.endpoints.find((e) => e.networkId === to.id && e.ip === p.dst);
    if (!ep) continue;
    // ports are opened on the container's gateway network only (the referee found this, seed 25)
    if (gatewayEndpoint(ctx.world, c)?.networkId !== to.id) return false;
    return c.ports.some((b) => b.proto === p.proto && b.containerPort === p.dport);
  }
  return false;
}

/**
 * The bridge network whose subnet holds `p.src` and that does not masquerade it as it leaves
 * through `outIf` (enable_ip_masquerade=false, gateway_mode_ipv4=routed), or null.
 */
export function unmasqueradedNet(ctx: Ctx, daemon: string, outIf: NIface, p: Pkt): Network | null {
  if (outIf.domain?.kind === 'br') return null;
  for (const net of networksOf(ctx.world, daemon)) {
    if (!net.ipam || !net.bridge || net.internal || !inCidr(p.src, net.ipam.subnet)) continue;
    return driverOf(net).masquerades(net) ? null : net;
  }
  return null;
}

/** nat POSTROUTING MASQUERADE on the Docker host: `-s <subnet> ! -o <bridge>`. */
export function dockerMasquerade(ctx: Ctx, daemon: string, outIf: NIface, p: Pkt): string | null {
  for (const net of networksOf(ctx.world, daemon)) {
    if (!net.ipam || !driverOf(net).masquerades(net)) continue;
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
  return Boolean(node.machine && node.machine.kind === 'docker-host') || isHomeRouter(node) || isDesktopPc(node);
}

/** A PC running Docker Desktop: its vpnkit carries the VM's traffic (src/sim/desktop.ts). */
export function isDesktopPc(node: NetNode): boolean {
  return node.machine?.desktopVm !== undefined;
}

/** An interface on Docker Desktop's VM segment (vpnkit's end or the VM's eth0). */
export const isDesktopSegment = (f: NIface): boolean => f.domain?.kind === 'seg' && f.domain.id === DESKTOP_SEGMENT;

/**
 * vpnkit opens its own sockets on the PC for what the VM sends out, so the LAN sees the PC's
 * address (docs: "All outbound container network traffic originates from the com.docker.backend
 * process"): traffic from the VM's segment leaving by another interface takes that one's address.
 */
export function vpnkitMasquerade(pc: NetNode, inIf: NIface | null, outIf: NIface, p: Pkt): string | null {
  if (!inIf || !isDesktopSegment(inIf) || isDesktopSegment(outIf)) return null;
  if (ownsIp(pc, p.src)) return null;
  return outIf.addrs[0]?.ip ?? null;
}

/** The NAT router of the LAN (kind router with a leg on the LAN), not the internet's core router. */
export function isHomeRouter(node: NetNode): boolean {
  return node.machine?.kind === 'router' && node.ifaces.some((f) => f.domain?.kind === 'seg' && f.domain.id === 'lan');
}
