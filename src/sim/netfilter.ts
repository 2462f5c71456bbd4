import { IPv4CidrRange } from 'ip-num';
import { DOCKER_HOST } from './ids';
import { gatewayEndpoint } from './lookup';
import type { Container, Network, PortBinding, World } from './model';

/**
 * The netfilter rules a machine holds, derived from the World: Docker Engine 28.1+ rules on the
 * Docker host (docker-facts D32–D37, moby's iptabler golden files), the home router's MASQUERADE
 * and port forwards, nothing on other machines. One structure feeds `iptables -S`, `iptables -L`
 * and the packet engine (which can name the rule a packet matched).
 */

export type NfTableName = 'raw' | 'nat' | 'filter';

/** An interface or address match, optionally negated (`! -i docker0`). */
export interface NfMatch {
  value: string;
  not?: boolean;
}

/** Who put a rule there, so a trace can explain it. */
export type NfOrigin =
  | { kind: 'docker' }
  | { kind: 'network'; networkId: string }
  | { kind: 'port'; containerId: string; port: PortBinding }
  | { kind: 'endpoint'; containerId: string; networkId: string }
  | { kind: 'router' }
  | { kind: 'forward'; index: number };

/** One rule, in the fields iptables prints (`-s -d -i -o -p`, matches, `-j`). */
export interface NfRule {
  table: NfTableName;
  chain: string;
  src?: NfMatch;
  dst?: NfMatch;
  in?: NfMatch;
  out?: NfMatch;
  proto?: 'tcp' | 'udp' | 'icmp';
  dport?: number;
  /** `-m addrtype --dst-type LOCAL` */
  dstTypeLocal?: boolean;
  /** `-m conntrack --ctstate …` */
  ctstate?: string[];
  /** ACCEPT, DROP, RETURN, MASQUERADE, DNAT or a user chain */
  target: string;
  /** DNAT only: "ip:port" */
  toDestination?: string;
  origin: NfOrigin;
}

export interface NfChain {
  name: string;
  /** built-in chains have a policy; user chains null */
  policy: 'ACCEPT' | 'DROP' | null;
}

export interface NfTable {
  name: NfTableName;
  /** built-ins in kernel order, then user chains sorted by name (as iptables lists them) */
  chains: NfChain[];
  /** rules grouped by chain in `chains` order, each chain's rules in evaluation order */
  rules: NfRule[];
}

export type Netfilter = Record<NfTableName, NfTable>;

const BUILTIN: Record<NfTableName, string[]> = {
  raw: ['PREROUTING', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
};

function table(name: NfTableName, userChains: string[], rules: NfRule[], policies: Record<string, 'DROP'> = {}) {
  const chains: NfChain[] = [
    ...BUILTIN[name].map((c) => ({ name: c, policy: policies[c] ?? ('ACCEPT' as const) })),
    ...[...userChains].sort().map((c) => ({ name: c, policy: null })),
  ];
  const order = new Map(chains.map((c, i) => [c.name, i]));
  // stable sort: per-chain evaluation order is preserved
  const sorted = rules
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (order.get(a.r.chain) ?? 0) - (order.get(b.r.chain) ?? 0) || a.i - b.i)
    .map((x) => x.r);
  return { name, chains, rules: sorted };
}

/** `-o com.docker.network.bridge.enable_icc=false`: containers on the bridge may not talk to each other. */
export const iccOff = (n: Network): boolean => n.options['com.docker.network.bridge.enable_icc'] === 'false';

/** Running endpoints on a network, in container creation order. */
function endpointsOn(world: World, net: Network): { c: Container; ip: string }[] {
  return Object.values(world.containers)
    .filter((c) => c.state === 'running')
    .sort((a, b) => a.seq - b.seq)
    .flatMap((c) => c.endpoints.filter((ep) => ep.networkId === net.id && ep.ip).map((ep) => ({ c, ip: ep.ip! })));
}

function dockerHostRules(world: World): Netfilter {
  const bridges = Object.values(world.networks).filter((n) => n.driver === 'bridge' && n.bridge && n.ipam);
  const ext = bridges.filter((n) => !n.internal);
  const internal = bridges.filter((n) => n.internal);
  const docker: NfOrigin = { kind: 'docker' };
  const net = (n: Network): NfOrigin => ({ kind: 'network', networkId: n.id });
  const newestFirst = <T>(xs: T[]) => [...xs].reverse();

  // raw: v28 blocks direct routing to container addresses from outside their bridge
  // appended as endpoints join: container start order
  const raw: NfRule[] = ext
    .flatMap((n) => endpointsOn(world, n).map((e) => ({ n, ...e })))
    .sort((a, b) => a.c.seq - b.c.seq)
    .map(({ n, c, ip }) => ({
      table: 'raw' as const,
      chain: 'PREROUTING',
      dst: { value: `${ip}/32` },
      in: { value: n.bridge!, not: true },
      target: 'DROP',
      origin: { kind: 'endpoint' as const, containerId: c.id, networkId: n.id },
    }));

  // published ports, in container creation order; only bound (running) ports have rules
  const ports = ext.flatMap((n) =>
    endpointsOn(world, n).flatMap(({ c, ip }) =>
      gatewayEndpoint(world, c)?.networkId === n.id
        ? c.ports.filter((p) => p.boundPort != null).map((p) => ({ n, c, ip, p }))
        : [],
    ),
  );

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
    ...newestFirst(ext).map(
      (n): NfRule => ({
        table: 'nat',
        chain: 'POSTROUTING',
        src: { value: n.ipam!.subnet },
        out: { value: n.bridge!, not: true },
        target: 'MASQUERADE',
        origin: net(n),
      }),
    ),
    ...newestFirst(ext).map(
      (n): NfRule => ({ table: 'nat', chain: 'DOCKER', in: { value: n.bridge! }, target: 'RETURN', origin: net(n) }),
    ),
    ...ports.map(
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
    // per-port ACCEPTs are inserted at the head of DOCKER, each network's DROP appended
    ...newestFirst(ports).map(
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
    ...ext.map(
      (n): NfRule => ({
        table: 'filter',
        chain: 'DOCKER',
        in: { value: n.bridge!, not: true },
        out: { value: n.bridge! },
        target: 'DROP',
        origin: net(n),
      }),
    ),
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
    // internal networks' DROPs are inserted at the head of stage 1
    ...newestFirst(internal).flatMap((n): NfRule[] => [
      {
        table: 'filter',
        chain: 'DOCKER-ISOLATION-STAGE-1',
        src: { value: n.ipam!.subnet, not: true },
        out: { value: n.bridge! },
        target: 'DROP',
        origin: net(n),
      },
      {
        table: 'filter',
        chain: 'DOCKER-ISOLATION-STAGE-1',
        dst: { value: n.ipam!.subnet, not: true },
        in: { value: n.bridge! },
        target: 'DROP',
        origin: net(n),
      },
    ]),
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

  return {
    raw: table('raw', [], raw),
    nat: table('nat', ['DOCKER'], nat),
    filter: table(
      'filter',
      [
        'DOCKER',
        'DOCKER-BRIDGE',
        'DOCKER-CT',
        'DOCKER-FORWARD',
        'DOCKER-ISOLATION-STAGE-1',
        'DOCKER-ISOLATION-STAGE-2',
        'DOCKER-USER',
      ],
      filter,
      { FORWARD: 'DROP' },
    ),
  };
}

function routerRules(world: World, machineId: string): Netfilter {
  const m = world.machines[machineId];
  const wan = m.ifaces.find((f) => f.segment?.startsWith('inet'))?.name ?? 'wan0';
  const nat: NfRule[] = [
    ...m.forwards.map(
      (f, index): NfRule => ({
        table: 'nat',
        chain: 'PREROUTING',
        in: { value: wan },
        proto: f.proto,
        dport: f.publicPort,
        target: 'DNAT',
        toDestination: `${f.toIp}:${f.toPort}`,
        origin: { kind: 'forward', index },
      }),
    ),
    { table: 'nat', chain: 'POSTROUTING', out: { value: wan }, target: 'MASQUERADE', origin: { kind: 'router' } },
  ];
  return { raw: table('raw', [], []), nat: table('nat', [], nat), filter: table('filter', [], []) };
}

/**
 * The netfilter tables of a machine. The Docker host's come from its networks and running
 * containers; a home router (kind `router` with a LAN) masquerades out of its WAN interface and
 * DNATs its port forwards; every other machine has empty tables with ACCEPT policies.
 */
export function netfilterOf(world: World, machineId: string): Netfilter {
  const m = world.machines[machineId];
  if (machineId === DOCKER_HOST) return dockerHostRules(world);
  if (m?.kind === 'router' && m.ifaces.some((f) => f.segment === 'lan')) return routerRules(world, machineId);
  return { raw: table('raw', [], []), nat: table('nat', [], []), filter: table('filter', [], []) };
}

/** A packet as a rule sees it, for {@link ruleMatches}. */
export interface NfPacket {
  src: string;
  dst: string;
  in?: string;
  out?: string;
  proto: 'tcp' | 'udp' | 'icmp';
  dport?: number;
  /** the destination is one of the machine's own addresses (addrtype LOCAL) */
  dstLocal?: boolean;
  /** conntrack state of the flow: NEW, ESTABLISHED, RELATED */
  ctstate?: string;
}

const inCidr = (ip: string, cidr: string) => IPv4CidrRange.fromCidr(cidr).contains(IPv4CidrRange.fromCidr(`${ip}/32`));

/** Whether a packet matches a rule's conditions (its target is not applied). */
export function ruleMatches(rule: NfRule, p: NfPacket): boolean {
  const neg = (m: NfMatch | undefined, ok: (v: string) => boolean) => !m || ok(m.value) !== Boolean(m.not);
  return (
    neg(rule.src, (v) => inCidr(p.src, v)) &&
    neg(rule.dst, (v) => inCidr(p.dst, v)) &&
    neg(rule.in, (v) => p.in === v) &&
    neg(rule.out, (v) => p.out === v) &&
    (!rule.proto || rule.proto === p.proto) &&
    (rule.dport == null || rule.dport === p.dport) &&
    (!rule.dstTypeLocal || Boolean(p.dstLocal)) &&
    (!rule.ctstate || rule.ctstate.includes(p.ctstate ?? 'NEW'))
  );
}
