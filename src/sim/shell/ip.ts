import { IPv4CidrRange } from 'ip-num';
import type { CommandResult, Route, World } from '../model';
import { linkLocal6 } from '../net/addr6';
import { neighState, showsLladdr } from '../net/ageing';
import { type Stack, type StackIface, stackOf } from '../stack';
import type { Where } from '../where';
import { type Addr6, addrs6, inet6Lines, routes6 } from './ip6';
import { ipChange, isIpChange } from './ipChange';
import { briefAddr, briefLink, routeGet } from './ipExtra';

/**
 * `ip addr|link|route|neigh` in iproute2's layout (shared/lab/real-outputs.txt), trailing spaces
 * included. Docker's interfaces carry a broadcast address (`brd 172.17.255.255`) and, on IPv4-only
 * networks, no IPv6 link-local address inside the container (Docker 26+ disables IPv6 there).
 */

/** EUI-64 link-local address of a MAC: 22:33:d8:71:f6:3d -> fe80::2033:d8ff:fe71:f63d. */
export const linkLocal = linkLocal6;

const broadcast = (ip: string, prefix: number) => IPv4CidrRange.fromCidr(`${ip}/${prefix}`).getLast().toString();

/** Container namespaces in the order the host first sees them, once per stack (1,000 veths otherwise cost O(n²)). */
const netnsOrder = new WeakMap<Stack, Map<string, number>>();

/**
 * Index used as `link-netnsid`: on the host one per container namespace it sees; in a container
 * one per namespace its veths' peers are in (the host's, an overlay's sandbox), in the order its
 * interfaces came (the kernel numbers a peer namespace when a link from it first arrives).
 */
function netnsId(stack: Stack, f: StackIface): number {
  if (f.attach.kind === 'veth') {
    const peers: string[] = [];
    for (const x of stack.ifaces) {
      const ns = x.peerNs ?? '';
      if (x.attach.kind === 'veth' && !peers.includes(ns)) peers.push(ns);
    }
    return peers.indexOf(f.peerNs ?? '');
  }
  if (f.attach.kind !== 'bridge-port') return 0;
  let order = netnsOrder.get(stack);
  if (!order) {
    order = new Map();
    for (const x of stack.ifaces)
      if (x.attach.kind === 'bridge-port' && !order.has(x.attach.containerId))
        order.set(x.attach.containerId, order.size);
    netnsOrder.set(stack, order);
  }
  return order.get(f.attach.containerId) ?? 0;
}

function linkLines(stack: Stack, f: StackIface, forLink: boolean): string[] {
  const mode = forLink ? 'mode DEFAULT ' : '';
  const name = f.peerIndex ? `${f.name}@if${f.peerIndex}` : f.name;
  if (f.attach.kind === 'loopback') {
    return [
      `${f.index}: ${f.name}: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN ${mode}group default qlen 1000`,
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
    ];
  }
  if (f.lower) return lowerLinkLines(f, mode);
  // set down (`ip link set NAME down`): no UP flag, state DOWN, the qdisc kept
  const flags = f.down
    ? 'BROADCAST,MULTICAST'
    : f.carrier
      ? 'BROADCAST,MULTICAST,UP,LOWER_UP'
      : 'NO-CARRIER,BROADCAST,MULTICAST,UP';
  const state = f.carrier && !f.down ? 'UP' : 'DOWN';
  const master = f.master ? `master ${f.master} ` : '';
  const physical = f.attach.kind === 'segment';
  const qdisc = physical ? 'fq_codel' : 'noqueue';
  const tail = physical ? 'group default qlen 1000' : 'group default ';
  const netns = f.attach.kind === 'veth' || f.attach.kind === 'bridge-port' ? ` link-netnsid ${netnsId(stack, f)}` : '';
  return [
    `${f.index}: ${name}: <${flags}> mtu ${f.mtu ?? 1500} qdisc ${qdisc} ${master}state ${state} ${mode}${tail}`,
    `    link/ether ${f.mac} brd ff:ff:ff:ff:ff:ff${netns}`,
  ];
}

/**
 * A macvlan/ipvlan link: `eth0@if2` in a container (the parent's ifindex; M-DOWN: its lower device
 * is in another namespace), `mac0@eth0` on the host. ipvlan links show state UNKNOWN (fact 88),
 * l3 ones NOARP (fact 89). A link not yet up is `<BROADCAST,MULTICAST> … qdisc noop state DOWN`.
 */
function lowerLinkLines(f: StackIface, mode: string): string[] {
  const lower = f.lower!;
  const onHost = typeof lower.parent === 'string';
  const name = `${f.name}@${onHost ? lower.parent : `if${lower.parent}`}`;
  const tail = onHost ? 'group default qlen 1000' : 'group default ';
  const netns = onHost ? '' : ' link-netnsid 0';
  if (f.down) {
    return [
      `${f.index}: ${name}: <BROADCAST,MULTICAST> mtu ${f.mtu ?? 1500} qdisc noop state DOWN ${mode}${tail}`,
      `    link/ether ${f.mac} brd ff:ff:ff:ff:ff:ff${netns}`,
    ];
  }
  const noarp = lower.kind === 'ipvlan-l3' ? 'NOARP,' : '';
  const mdown = onHost ? '' : ',M-DOWN';
  const state = lower.kind === 'macvlan' ? 'UP' : 'UNKNOWN';
  return [
    `${f.index}: ${name}: <BROADCAST,MULTICAST,${noarp}UP,LOWER_UP${mdown}> mtu ${f.mtu ?? 1500} qdisc noqueue state ${state} ${mode}${tail}`,
    `    link/ether ${f.mac} brd ff:ff:ff:ff:ff:ff${netns}`,
  ];
}

/** `inet` then `inet6` lines of one interface; `family` 4 or 6 keeps that family's only. */
function addrLines(f: StackIface, v6: Addr6[], family: 0 | 4 | 6): string[] {
  const out: string[] = [];
  for (const a of family === 6 ? [] : f.addrs) {
    const lo = f.attach.kind === 'loopback';
    // a /32 (or /31) has no broadcast address: iproute2 prints no brd
    const scope = lo ? 'scope host' : a.prefix >= 31 ? 'scope global' : `brd ${broadcast(a.ip, a.prefix)} scope global`;
    out.push(`    inet ${a.ip}/${a.prefix} ${scope} ${f.name}`, '       valid_lft forever preferred_lft forever');
  }
  if (family !== 4) for (const a of v6) out.push(...inet6Lines(a));
  return out;
}

/** `ip route` line for one route, with iproute2's trailing space. */
export function routeLine(r: Route): string {
  const parts = [r.dst];
  if (r.via) parts.push(`via ${r.via}`);
  parts.push(`dev ${r.dev}`);
  if (r.proto) parts.push(`proto ${r.proto}`);
  if (r.scope) parts.push(`scope ${r.scope}`);
  if (r.src) parts.push(`src ${r.src}`);
  if (r.metric != null) parts.push(`metric ${r.metric}`);
  if (r.linkdown) parts.push('linkdown');
  return `${parts.join(' ')} `;
}

const OBJECTS: Record<string, 'addr' | 'link' | 'route' | 'neigh'> = {
  a: 'addr',
  ad: 'addr',
  addr: 'addr',
  address: 'addr',
  l: 'link',
  li: 'link',
  link: 'link',
  r: 'route',
  ro: 'route',
  route: 'route',
  n: 'neigh',
  ne: 'neigh',
  neigh: 'neigh',
  neighbor: 'neigh',
  neighbour: 'neigh',
};

const IP_USAGE = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { address | link | neighbor | route | rule | ... }`;

/** `ip addr|link|route|neigh [show [dev] IFACE]`. */
export function ipCommand(world: World, argv: string[], where: Where): CommandResult {
  const brief = argv.some((a) => a === '-br' || a === '-brief' || a === '--brief');
  // -4 / -6: one family (the last given wins, as iproute2's preferred_family)
  const family = argv.slice(1).reduce<0 | 4 | 6>((f, a) => (a === '-4' ? 4 : a === '-6' ? 6 : f), 0);
  const args = argv
    .slice(1)
    .filter((a) => a !== '-4' && a !== '-6' && a !== '-br' && a !== '-brief' && a !== '--brief');
  // Docker keeps its namespaces under /var/run/docker/netns, not /var/run/netns: the list is empty
  if (args[0] !== undefined && 'netns'.startsWith(args[0]) && args[0].length >= 3) {
    if (args[1] === undefined || ['list', 'show', 'ls'].includes(args[1])) return { world, output: '', exitCode: 0 };
    return { world, output: `Command "${args[1]}" is unknown, try "ip netns help".`, exitCode: 255 };
  }
  const obj = args[0] === undefined ? undefined : OBJECTS[args[0]];
  if (!obj) {
    if (args[0] === undefined) return { world, output: IP_USAGE, exitCode: 255 };
    return { world, output: `Object "${args[0]}" is unknown, try "ip help".`, exitCode: 255 };
  }
  if (isIpChange(obj, args[1])) return ipChange(world, obj, args[1], args.slice(2), where);
  const stack = stackOf(world, where);
  if (!stack) return { world, output: '', exitCode: 1 };
  let rest = args.slice(1);
  if (obj === 'route' && rest[0] === 'get' && family === 6) {
    return { world, output: 'whalewire: ip -6 route get is not simulated here; try ip -6 route', exitCode: 1 };
  }
  if (obj === 'route' && rest[0] === 'get') {
    const dst = rest[1];
    if (!dst) return { world, output: 'need at least a destination address', exitCode: 255 };
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(dst)) {
      return { world, output: `Error: any valid prefix is expected rather than "${dst ?? ''}".`, exitCode: 1 };
    }
    return { world, ...routeGet(stack, dst) };
  }
  if (rest[0] === 'show' || rest[0] === 'list' || rest[0] === 'ls') rest = rest.slice(1);
  else if (rest.length > 0 && rest[0] !== 'dev') {
    return { world, output: `Command "${rest[0]}" is unknown, try "ip ${obj} help".`, exitCode: 255 };
  }
  if (rest[0] === 'dev') rest = rest.slice(1);
  const dev = rest[0];
  if (dev && !stack.ifaces.some((f) => f.name === dev)) {
    return { world, output: `Device "${dev}" does not exist.`, exitCode: 1 };
  }
  const v6 = new Map(stack.ifaces.map((f) => [f, addrs6(world, stack, f)]));
  // with a family, `ip addr` lists only the links that have an address of it
  const ifaces = stack.ifaces
    .filter((f) => !dev || f.name === dev)
    .filter((f) => obj !== 'addr' || (family === 4 ? f.addrs.length > 0 : family === 6 ? v6.get(f)!.length > 0 : true))
    .sort((a, b) => a.index - b.index);
  let lines: string[];
  if (brief && obj === 'addr') lines = ifaces.map((f) => briefAddr(f, family === 4 ? [] : v6.get(f)!, family !== 6));
  else if (brief && obj === 'link') lines = ifaces.map(briefLink);
  else if (obj === 'addr')
    lines = ifaces.flatMap((f) => [...linkLines(stack, f, false), ...addrLines(f, v6.get(f)!, family)]);
  else if (obj === 'link') lines = ifaces.flatMap((f) => linkLines(stack, f, true));
  else if (obj === 'route' && family === 6)
    lines = routes6(world, stack).filter((l) => !dev || l.includes(` dev ${dev} `));
  else if (obj === 'route') lines = stack.routes.filter((r) => !dev || r.dev === dev).map(routeLine);
  // one table holds both families (ARP and neighbour discovery): the kernel dumps arp_tbl, then nd_tbl
  else
    lines = [...stack.arp]
      .filter((e) => (!dev || e.dev === dev) && (!family || e.ip.includes(':') === (family === 6)))
      .sort((x, y) => Number(x.ip.includes(':')) - Number(y.ip.includes(':')))
      .map((e) => {
        const state = neighState(e, world.clock);
        return `${e.ip} dev ${e.dev} ${showsLladdr(state) ? `lladdr ${e.mac} ` : ''}${e.router ? 'router ' : ''}${state} `;
      });
  return { world, output: lines.join('\n'), exitCode: 0 };
}
