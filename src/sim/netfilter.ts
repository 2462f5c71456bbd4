import { IPv4CidrRange } from 'ip-num';
import { networksOf, rulesOfDrivers } from './drivers';
import { bridgeRules6 } from './drivers/bridgeRules6';
import type { PortBinding, World } from './model';
import { ingressChains, ingressRules } from './swarm/ingressRules';

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
  | { kind: 'forward'; index: number }
  | { kind: 'resolver' };

/** One rule, in the fields iptables prints (`-s -d -i -o -p`, matches, `-j`). */
export interface NfRule {
  table: NfTableName;
  chain: string;
  src?: NfMatch;
  dst?: NfMatch;
  in?: NfMatch;
  out?: NfMatch;
  /** `ipv6-icmp` in ip6tables */
  proto?: 'tcp' | 'udp' | 'icmp' | 'ipv6-icmp';
  dport?: number;
  /** `-m addrtype --dst-type LOCAL` */
  dstTypeLocal?: boolean;
  /** `-m addrtype --src-type LOCAL` */
  srcTypeLocal?: boolean;
  /** `-m tcp --sport N` */
  sport?: number;
  /** `-m conntrack --ctstate …` */
  ctstate?: string[];
  /** ACCEPT, DROP, RETURN, MASQUERADE, DNAT or a user chain */
  target: string;
  /** DNAT only: "ip:port" */
  toDestination?: string;
  /** SNAT only: "[ip]:port" */
  toSource?: string;
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

/** A Docker host's tables: each driver's rules for its networks on this daemon, under Docker's chains. */
function daemonRules(world: World, daemon: string): Netfilter {
  // the routing mesh's jumps are inserted at the head of Docker's chains (swarm/ingressRules.ts)
  return dockerTables([...ingressRules(world, daemon), ...rulesOfDrivers(world, daemon)], ingressChains(world, daemon));
}

/** Docker's chains around `rules`: nat DOCKER, the filter DOCKER-* chains, FORWARD's DROP policy. */
function dockerTables(rules: NfRule[], mesh: string[]): Netfilter {
  const of = (t: NfTableName) => rules.filter((r) => r.table === t);
  return {
    raw: table('raw', [], of('raw')),
    nat: table('nat', ['DOCKER', ...mesh], of('nat')),
    filter: table(
      'filter',
      [
        ...mesh,
        'DOCKER',
        'DOCKER-BRIDGE',
        'DOCKER-CT',
        'DOCKER-FORWARD',
        'DOCKER-ISOLATION-STAGE-1',
        'DOCKER-ISOLATION-STAGE-2',
        'DOCKER-USER',
      ],
      of('filter'),
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
 * A container namespace's tables: empty with ACCEPT policies, but for the NAT of Docker's embedded
 * resolver where a user-defined network gave the namespace one (moby v28.5.2
 * libnetwork/resolver_unix.go setupIptablesNAT). Each rule is inserted with -I, so the TCP rule,
 * inserted last, comes first: port 53 on 127.0.0.11 goes to the resolver's own ports, and its
 * answers leave from :53 again.
 */
export function resolverNetfilter(ports: { tcp: number; udp: number } | null): Netfilter {
  const ip = '127.0.0.11/32';
  const origin = { kind: 'resolver' } as const;
  const dnat = (proto: 'tcp' | 'udp'): NfRule => ({
    table: 'nat',
    chain: 'DOCKER_OUTPUT',
    dst: { value: ip },
    proto,
    dport: 53,
    target: 'DNAT',
    toDestination: `127.0.0.11:${ports?.[proto]}`,
    origin,
  });
  const snat = (proto: 'tcp' | 'udp'): NfRule => ({
    table: 'nat',
    chain: 'DOCKER_POSTROUTING',
    src: { value: ip },
    proto,
    sport: ports?.[proto],
    target: 'SNAT',
    toSource: ':53',
    origin,
  });
  const nat: NfRule[] = ports
    ? [
        { table: 'nat', chain: 'OUTPUT', dst: { value: ip }, target: 'DOCKER_OUTPUT', origin },
        { table: 'nat', chain: 'POSTROUTING', dst: { value: ip }, target: 'DOCKER_POSTROUTING', origin },
        dnat('tcp'),
        dnat('udp'),
        snat('tcp'),
        snat('udp'),
      ]
    : [];
  return {
    raw: table('raw', [], []),
    nat: table('nat', ports ? ['DOCKER_OUTPUT', 'DOCKER_POSTROUTING'] : [], nat),
    filter: table('filter', [], []),
  };
}

/**
 * The netfilter tables of a machine. The Docker host's come from its networks and running
 * containers; a home router (kind `router` with a LAN) masquerades out of its WAN interface and
 * DNATs its port forwards; every other machine has empty tables with ACCEPT policies.
 */
export function netfilterOf(world: World, machineId: string): Netfilter {
  const m = world.machines[machineId];
  if (world.daemons[machineId]) return daemonRules(world, machineId);
  if (m?.kind === 'router' && m.ifaces.some((f) => f.segment === 'lan')) return routerRules(world, machineId);
  return { raw: table('raw', [], []), nat: table('nat', [], []), filter: table('filter', [], []) };
}

/**
 * ip6tables' tables of a machine: a Docker host's from its bridge networks with IPv6 on (the
 * daemon sets up the same chains for IPv6 when ip6tables is on, the default since 27); every
 * other machine's are empty.
 */
export function netfilter6Of(world: World, machineId: string): Netfilter {
  if (world.daemons[machineId]) {
    const bridges = networksOf(world, machineId).filter((n) => n.driver === 'bridge');
    return dockerTables(bridgeRules6(world, machineId, bridges), []);
  }
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
  sport?: number;
  /** the destination is one of the machine's own addresses (addrtype LOCAL) */
  dstLocal?: boolean;
  /** the source is one of the machine's own addresses */
  srcLocal?: boolean;
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
    (rule.sport == null || rule.sport === p.sport) &&
    (!rule.dstTypeLocal || Boolean(p.dstLocal)) &&
    (!rule.srcTypeLocal || Boolean(p.srcLocal)) &&
    (!rule.ctstate || rule.ctstate.includes(p.ctstate ?? 'NEW'))
  );
}
