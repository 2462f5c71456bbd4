import type { World } from '../model';
import type { NfRule } from '../netfilter';
import { gwbridgeOf } from './taskContainer';

/**
 * The routing mesh's rules on a swarm node's own tables (moby libnetwork/service_linux.go
 * programIngress, Docker 28; docker-facts 78). Once a service publishes in ingress mode, every
 * node has nat and filter chains DOCKER-INGRESS, jumped to first from nat PREROUTING and OUTPUT
 * (`-m addrtype --dst-type LOCAL`) and from filter DOCKER-FORWARD, a MASQUERADE of the node's own
 * packets into docker_gwbridge, and per published port (each inserted at the head, so the newest
 * service comes first) a DNAT to the ingress sandbox's docker_gwbridge address with the port kept
 * and two ACCEPTs. The packet engine follows the same data (net/sandbox.ts ingressDnat).
 */

/** Whether `daemon` is a ready node of a swarm with a service published in ingress mode. */
function meshOn(world: World, daemon: string): boolean {
  const s = world.swarm;
  if (!s?.nodes.some((n) => n.machine === daemon && n.status === 'ready')) return false;
  return Object.values(s.services).some((svc) => svc.ports.some((p) => p.mode === 'ingress'));
}

/** The chain the rules add to nat and filter, when the node has them. */
export function ingressChains(world: World, daemon: string): string[] {
  return meshOn(world, daemon) ? ['DOCKER-INGRESS'] : [];
}

/** The node's DOCKER-INGRESS rules, in the order they are evaluated (put before the drivers' own). */
export function ingressRules(world: World, daemon: string): NfRule[] {
  if (!meshOn(world, daemon)) return [];
  const gw = gwbridgeOf(world, daemon);
  const sbox = gw?.sandboxes?.find((x) => x.name === 'gateway_ingress-sbox')?.ip;
  if (!gw || !sbox) return [];
  const origin = { kind: 'docker' as const };
  const chain = 'DOCKER-INGRESS';
  // `-I` puts each port's rules on top: the last service's last port is evaluated first
  const ports = Object.values(world.swarm!.services)
    .flatMap((svc) => svc.ports.filter((p) => p.mode === 'ingress'))
    .reverse();
  return [
    { table: 'nat', chain: 'PREROUTING', dstTypeLocal: true, target: chain, origin },
    { table: 'nat', chain: 'OUTPUT', dstTypeLocal: true, target: chain, origin },
    {
      table: 'nat',
      chain: 'POSTROUTING',
      out: { value: gw.bridge ?? 'docker_gwbridge' },
      srcTypeLocal: true,
      target: 'MASQUERADE',
      origin,
    },
    ...ports.map(
      (p): NfRule => ({
        table: 'nat',
        chain,
        proto: p.protocol,
        dport: p.published,
        target: 'DNAT',
        toDestination: `${sbox}:${p.published}`,
        origin,
      }),
    ),
    { table: 'nat', chain, target: 'RETURN', origin },
    { table: 'filter', chain: 'DOCKER-FORWARD', target: chain, origin },
    ...ports.flatMap((p): NfRule[] => [
      { table: 'filter', chain, proto: p.protocol, dport: p.published, target: 'ACCEPT', origin },
      {
        table: 'filter',
        chain,
        proto: p.protocol,
        sport: p.published,
        ctstate: ['RELATED', 'ESTABLISHED'],
        target: 'ACCEPT',
        origin,
      },
    ]),
    { table: 'filter', chain, target: 'RETURN', origin },
  ];
}
