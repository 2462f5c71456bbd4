import { gatewayEndpoint } from '../lookup';
import type { Container, Network, World } from '../model';
import type { NfOrigin, NfRule } from '../netfilter';
import { bridgeConfig } from './bridgeOptions';

/**
 * The rules Docker Engine 28.1+ installs for bridge networks (docker-facts D32–D37, moby's
 * iptabler golden files): raw PREROUTING drops, nat DOCKER DNATs and MASQUERADE, the filter
 * DOCKER-* chains. The chain jumps every daemon has (PREROUTING -> DOCKER, FORWARD ->
 * DOCKER-USER …) come from here too, since the bridge driver is what installs them.
 */

/** `-o com.docker.network.bridge.enable_icc=false`: containers on the bridge may not talk to each other. */
export const iccOff = (n: Network): boolean => !bridgeConfig(n).icc;

/** Running endpoints on a network, in container creation order. */
function endpointsOn(world: World, net: Network): { c: Container; ip: string }[] {
  return Object.values(world.containers)
    .filter((c) => c.state === 'running')
    .sort((a, b) => a.seq - b.seq)
    .flatMap((c) => c.endpoints.filter((ep) => ep.networkId === net.id && ep.ip).map((ep) => ({ c, ip: ep.ip! })));
}

/** An internal network's two DROPs at the head of DOCKER-ISOLATION-STAGE-1 (setupInternalNetworkRules). */
function internalDrops(n: Network): NfRule[] {
  const net: NfOrigin = { kind: 'network', networkId: n.id };
  return [
    {
      table: 'filter',
      chain: 'DOCKER-ISOLATION-STAGE-1',
      src: { value: n.ipam!.subnet, not: true },
      out: { value: n.bridge! },
      target: 'DROP',
      origin: net,
    },
    {
      table: 'filter',
      chain: 'DOCKER-ISOLATION-STAGE-1',
      dst: { value: n.ipam!.subnet, not: true },
      in: { value: n.bridge! },
      target: 'DROP',
      origin: net,
    },
  ];
}

export function bridgeRules(world: World, _daemon: string, nets: Network[]): NfRule[] {
  const bridges = nets.filter((n) => n.bridge && n.ipam);
  const ext = bridges.filter((n) => !n.internal);
  const docker: NfOrigin = { kind: 'docker' };
  const net = (n: Network): NfOrigin => ({ kind: 'network', networkId: n.id });
  const newestFirst = <T>(xs: T[]) => [...xs].reverse();

  const mode = (n: Network) => bridgeConfig(n).gwMode;
  const masq = (n: Network) => bridgeConfig(n).masquerade;
  // gwm=nat only: routed and nat-unprotected networks are reachable directly (no raw drop, no per-port filter)
  const guarded = ext.filter((n) => mode(n) === 'nat');

  // published ports, in container creation order; only bound (running) ports have rules. A routed
  // network opens the container port itself (no host port, no DNAT: NAT is disabled)
  const ports = ext.flatMap((n) =>
    endpointsOn(world, n).flatMap(({ c, ip }) =>
      gatewayEndpoint(world, c)?.networkId === n.id
        ? c.ports.filter((p) => p.boundPort != null || mode(n) === 'routed').map((p) => ({ n, c, ip, p }))
        : [],
    ),
  );

  // raw: v28 blocks direct routing to container addresses from outside their bridge (iptabler/
  // endpoint.go filterDirectAccess, at join), then each port published on a loopback address is
  // dropped unless it came in on lo (iptabler/port.go filterPortMappedOnLoopback, at programming):
  // appended container by container
  const raw: NfRule[] = guarded
    .flatMap((n) => endpointsOn(world, n).map((e) => ({ n, ...e })))
    .sort((a, b) => a.c.seq - b.c.seq)
    .flatMap(({ n, c, ip }) => [
      {
        table: 'raw' as const,
        chain: 'PREROUTING',
        dst: { value: `${ip}/32` },
        in: { value: n.bridge!, not: true },
        target: 'DROP',
        origin: { kind: 'endpoint' as const, containerId: c.id, networkId: n.id },
      },
      ...ports
        .filter((x) => x.c.id === c.id && x.n.id === n.id && x.p.hostIp.startsWith('127.'))
        .map(
          ({ p }): NfRule => ({
            table: 'raw',
            chain: 'PREROUTING',
            dst: { value: `${p.hostIp}/32` },
            in: { value: 'lo', not: true },
            proto: p.proto,
            dport: p.boundPort,
            target: 'DROP',
            origin: { kind: 'port', containerId: c.id, port: p },
          }),
        ),
    ]);

  const nat: NfRule[] = [
    { table: 'nat', chain: 'PREROUTING', dstTypeLocal: true, target: 'DOCKER', origin: docker },
    {
      table: 'nat',
      chain: 'OUTPUT',
      dst: { value: '127.0.0.0/8', not: true },
      dstTypeLocal: true,
      target: 'DOCKER',
      origin: docker,
    },
    // Docker inserts each new network's rules at the head: newest network first
    // MASQUERADE needs masquerade on and NAT; the RETURN (skip DNAT) comes with masquerade alone
    ...newestFirst(ext.filter((n) => masq(n) && mode(n) !== 'routed')).map(
      (n): NfRule => ({
        table: 'nat',
        chain: 'POSTROUTING',
        src: { value: n.ipam!.subnet },
        out: { value: n.bridge!, not: true },
        target: 'MASQUERADE',
        origin: net(n),
      }),
    ),
    ...newestFirst(ext.filter(masq)).map(
      (n): NfRule => ({ table: 'nat', chain: 'DOCKER', in: { value: n.bridge! }, target: 'RETURN', origin: net(n) }),
    ),
    ...ports
      .filter(({ p }) => p.boundPort != null)
      .map(
        ({ n, c, ip, p }): NfRule => ({
          table: 'nat',
          chain: 'DOCKER',
          dst: p.hostIp && p.hostIp !== '0.0.0.0' ? { value: `${p.hostIp}/32` } : undefined,
          in: { value: n.bridge!, not: true },
          proto: p.proto,
          dport: p.boundPort,
          target: 'DNAT',
          toDestination: `${ip}:${p.containerPort}`,
          origin: { kind: 'port', containerId: c.id, port: p },
        }),
      ),
  ];

  const filter: NfRule[] = [
    { table: 'filter', chain: 'FORWARD', target: 'DOCKER-USER', origin: docker },
    { table: 'filter', chain: 'FORWARD', target: 'DOCKER-FORWARD', origin: docker },
    // per-port ACCEPTs are inserted at the head of DOCKER (not on nat-unprotected networks), each
    // network's rules appended: ICMP accepted on a routed one, then the default DROP (ACCEPT when unprotected)
    ...newestFirst(ports.filter(({ n }) => mode(n) !== 'nat-unprotected')).map(
      ({ n, c, ip, p }): NfRule => ({
        table: 'filter',
        chain: 'DOCKER',
        dst: { value: `${ip}/32` },
        in: { value: n.bridge!, not: true },
        out: { value: n.bridge! },
        proto: p.proto,
        dport: p.containerPort,
        target: 'ACCEPT',
        origin: { kind: 'port', containerId: c.id, port: p },
      }),
    ),
    ...ext.flatMap((n): NfRule[] => [
      ...(mode(n) === 'routed'
        ? [
            {
              table: 'filter' as const,
              chain: 'DOCKER',
              out: { value: n.bridge! },
              proto: 'icmp' as const,
              target: 'ACCEPT',
              origin: net(n),
            },
          ]
        : []),
      {
        table: 'filter',
        chain: 'DOCKER',
        in: { value: n.bridge!, not: true },
        out: { value: n.bridge! },
        target: mode(n) === 'nat-unprotected' ? 'ACCEPT' : 'DROP',
        origin: net(n),
      },
    ]),
    ...ext.map(
      (n): NfRule => ({
        table: 'filter',
        chain: 'DOCKER-BRIDGE',
        out: { value: n.bridge! },
        target: 'DOCKER',
        origin: net(n),
      }),
    ),
    ...ext.map(
      (n): NfRule => ({
        table: 'filter',
        chain: 'DOCKER-CT',
        out: { value: n.bridge! },
        ctstate: ['RELATED', 'ESTABLISHED'],
        target: 'ACCEPT',
        origin: net(n),
      }),
    ),
    { table: 'filter', chain: 'DOCKER-FORWARD', target: 'DOCKER-CT', origin: docker },
    { table: 'filter', chain: 'DOCKER-FORWARD', target: 'DOCKER-ISOLATION-STAGE-1', origin: docker },
    { table: 'filter', chain: 'DOCKER-FORWARD', target: 'DOCKER-BRIDGE', origin: docker },
    // icc=false: bridged frames between two ports of the bridge are dropped (moby iptabler goldens, icc=false)
    ...bridges.flatMap((n): NfRule[] => {
      const fw = { table: 'filter' as const, chain: 'DOCKER-FORWARD', in: { value: n.bridge! }, origin: net(n) };
      const icc = !iccOff(n);
      if (n.internal) return [{ ...fw, out: { value: n.bridge! }, target: icc ? 'ACCEPT' : 'DROP' }];
      if (icc) return [{ ...fw, target: 'ACCEPT' }];
      return [
        { ...fw, out: { value: n.bridge! }, target: 'DROP' },
        { ...fw, out: { value: n.bridge!, not: true }, target: 'ACCEPT' },
      ];
    }),
    // internal networks' DROPs and routed networks' accepts are inserted at the head of stage 1
    // (iptabler setupInternalNetworkRules, setINC routed)
    ...newestFirst(bridges).flatMap((n): NfRule[] =>
      n.internal
        ? internalDrops(n)
        : mode(n) === 'routed'
          ? [
              {
                table: 'filter',
                chain: 'DOCKER-ISOLATION-STAGE-1',
                in: { value: n.bridge! },
                ctstate: ['RELATED', 'ESTABLISHED'],
                target: 'ACCEPT',
                origin: net(n),
              },
              {
                table: 'filter',
                chain: 'DOCKER-ISOLATION-STAGE-1',
                out: { value: n.bridge! },
                target: 'RETURN',
                origin: net(n),
              },
            ]
          : [],
    ),
    ...ext.map(
      (n): NfRule => ({
        table: 'filter',
        chain: 'DOCKER-ISOLATION-STAGE-1',
        in: { value: n.bridge! },
        out: { value: n.bridge!, not: true },
        target: 'DOCKER-ISOLATION-STAGE-2',
        origin: net(n),
      }),
    ),
    ...newestFirst(ext).map(
      (n): NfRule => ({
        table: 'filter',
        chain: 'DOCKER-ISOLATION-STAGE-2',
        out: { value: n.bridge! },
        target: 'DROP',
        origin: net(n),
      }),
    ),
  ];

  return [...raw, ...nat, ...filter];
}
