import { IPv4CidrRange } from 'ip-num';
import { dockerTime } from '../clock';
import { DOCKER_HOST } from '../ids';
import type { Network, World } from '../model';
import { inCidr, ipNum, isIpv4, networkOf } from '../net/addr';
import { canon6, cidr6Bounds, ip6String, isIpv6, masked6 } from '../net/addr6';
import { randomMac } from '../prng';

/** An IPv6 prefix netip.ParsePrefix takes. */
const isV6Prefix = (s: string) =>
  /^[^/]+\/\d{1,3}$/.test(s) && isIpv6(s.split('/')[0]) && Number(s.split('/')[1]) <= 128;

import type { ImportNetwork, ImportNote, ImportRefusal } from './types';

/** Refusals travel as exceptions inside the builder and come out as a value (never thrown to callers). */
export class Refused extends Error {
  constructor(readonly refusal: ImportRefusal) {
    super(refusal.code);
  }
}

export const refuse = (at: string, code: string, params: Record<string, string> = {}): never => {
  throw new Refused({ at, code, params });
};

const HEX64 = /^[0-9a-f]{64}$/;

/** The first usable address of a subnet: where Docker puts a gateway nobody chose. */
function firstHost(subnet: string): string {
  return IPv4CidrRange.fromCidr(subnet).getFirst().nextIPNumber().toString();
}

/** A subnet as the World keeps it: an IPv4 CIDR at its network address (old daemons printed "172.17.42.1/16"). */
function normSubnet(s: string, at: string): string {
  const [ip, p, extra] = s.split('/');
  const prefix = Number(p);
  if (extra !== undefined || !isIpv4(ip ?? '') || !/^\d{1,2}$/.test(p ?? '') || prefix > 32)
    refuse(at, 'notCidr', { value: s });
  return networkOf(ip, prefix);
}

/** Where the imported networks are: by id, and by name (a container's Networks map is keyed by name). */
export interface NetIndex {
  byId: Map<string, Network>;
  byName: Map<string, Network>;
  /** networks seen but not modelled (overlay, other drivers): name -> id */
  skipped: Map<string, string>;
}

function buildOne(d: World, n: ImportNetwork, notes: ImportNote[]): Network | null {
  if (n.driver === 'overlay' || n.scope === 'swarm') {
    notes.push({ code: 'overlay', params: { name: n.name, driver: n.driver } });
    return null;
  }
  if (!['bridge', 'host', 'null'].includes(n.driver)) {
    notes.push({ code: 'driver', params: { name: n.name, driver: n.driver } });
    return null;
  }
  if (!HEX64.test(n.id)) refuse(`${n.at}.Id`, 'badId', { value: n.id });
  const bridge = n.driver === 'bridge';
  const predefined =
    (n.name === 'bridge' && bridge) ||
    (n.name === 'host' && n.driver === 'host') ||
    (n.name === 'none' && n.driver === 'null');
  let ipam: Network['ipam'] = null;
  // an IPv6-only bridge (EnableIPv4 false) has no IPv4 pool; it needs its IPv6 one
  const v6only = bridge && n.enableIPv4 === false && n.enableIPv6 === true;
  if (bridge && !v6only) {
    const [cfg, ...more] = n.subnets;
    if (!cfg) {
      notes.push({ code: 'noIpv4', params: { name: n.name } });
      return null;
    }
    const subnet = normSubnet(cfg.subnet, `${cfg.at}.Subnet`);
    let gateway = cfg.gateway;
    if (gateway === undefined) {
      gateway = firstHost(subnet);
      notes.push({ code: 'gateway', params: { name: n.name, gateway } });
    } else if (!isIpv4(gateway)) refuse(`${cfg.at}.Gateway`, 'notIp', { value: gateway });
    if (!inCidr(gateway, subnet)) refuse(`${cfg.at}.Gateway`, 'outside', { ip: gateway, subnet });
    let ipRange: string | undefined;
    if (cfg.ipRange) {
      ipRange = normSubnet(cfg.ipRange, `${cfg.at}.IPRange`);
      if (!inCidr(ipRange.split('/')[0], subnet)) refuse(`${cfg.at}.IPRange`, 'outside', { ip: ipRange, subnet });
    }
    ipam = { subnet, gateway, ...(ipRange ? { ipRange } : {}) };
    for (const m of more) notes.push({ code: 'extraSubnet', params: { name: n.name, subnet: m.subnet } });
  }
  // a bridge's first IPv6 config (kept unallocated when EnableIPv6 is off, as Docker lists it); others are noted
  const v6 = bridge ? n.ipv6.find((c) => isV6Prefix(c.subnet)) : undefined;
  for (const c of n.ipv6)
    if (c !== v6) notes.push({ code: bridge ? 'extraSubnet' : 'ipv6', params: { name: n.name, subnet: c.subnet } });
  if (v6only && !v6) {
    notes.push({ code: 'noIpv4', params: { name: n.name } });
    return null;
  }
  const ipam6 = v6
    ? {
        enableIPv6: n.enableIPv6 === true,
        ipam6: {
          subnet: masked6(v6.subnet),
          gateway:
            v6.gateway && isIpv6(v6.gateway)
              ? canon6(v6.gateway)
              : n.enableIPv6
                ? ip6String(cidr6Bounds(v6.subnet).first + 1n)
                : '',
        },
        userSubnet6: true,
      }
    : {};
  const bridgeName = bridge
    ? (n.options['com.docker.network.bridge.name'] ?? (predefined ? 'docker0' : `br-${n.id.slice(0, 12)}`))
    : null;
  return {
    id: n.id,
    name: n.name,
    driver: n.driver as Network['driver'],
    daemon: DOCKER_HOST,
    scope: 'local',
    created: dockerTime(d.clock),
    internal: n.internal,
    attachable: n.attachable,
    labels: { ...n.labels },
    options: { ...n.options },
    ipam,
    userSubnet: bridge && !predefined && !v6only,
    ...(v6only ? { enableIPv4: false as const } : {}),
    ...ipam6,
    predefined,
    bridge: bridgeName,
    bridgeMac: bridge ? randomMac(d) : null,
    fdb: [],
  };
}

/**
 * Replaces the Docker host's networks with the imported ones (on a draft). Docker's own `bridge`,
 * `host` and `none` stay when the paste has none of that name, as a daemon always has them.
 */
export function importNetworks(d: World, nets: ImportNetwork[], notes: ImportNote[]): NetIndex {
  const defaults = Object.values(d.networks).filter((n) => n.daemon === DOCKER_HOST);
  for (const n of defaults) delete d.networks[n.id];
  const idx: NetIndex = { byId: new Map(), byName: new Map(), skipped: new Map() };
  for (const n of nets) {
    const net = buildOne(d, n, notes);
    if (!net) {
      idx.skipped.set(n.name, n.id);
      continue;
    }
    if (idx.byName.has(net.name)) refuse(`${n.at}.Name`, 'dupName', { name: net.name });
    if (idx.byId.has(net.id)) refuse(`${n.at}.Id`, 'dupId', { value: net.id });
    if (net.driver !== 'bridge' && [...idx.byId.values()].some((o) => o.driver === net.driver))
      refuse(`${n.at}.Driver`, 'dupDriver', { driver: net.driver });
    idx.byId.set(net.id, net);
    idx.byName.set(net.name, net);
  }
  for (const n of defaults) {
    const taken =
      idx.byName.has(n.name) || [...idx.byId.values()].some((o) => o.driver === n.driver && n.driver !== 'bridge');
    // the paste did not show the daemon's default bridge: keep Docker's usual one unless its subnet is taken there
    const clash =
      n.ipam &&
      [...idx.byId.values()].some(
        (o) => o.ipam && IPv4CidrRange.fromCidr(o.ipam.subnet).isOverlapping(IPv4CidrRange.fromCidr(n.ipam!.subnet)),
      );
    if (clash) notes.push({ code: 'bridgeUnknown', params: { name: n.name } });
    else if (!taken && !idx.byId.has(n.id)) {
      idx.byId.set(n.id, n);
      idx.byName.set(n.name, n);
    }
  }
  // libnetwork refuses overlapping bridge subnets on one daemon
  const withIpam = [...idx.byId.values()].filter((n) => n.ipam);
  for (const [i, a] of withIpam.entries())
    for (const b of withIpam.slice(i + 1)) {
      const ra = IPv4CidrRange.fromCidr(a.ipam!.subnet);
      if (ra.isOverlapping(IPv4CidrRange.fromCidr(b.ipam!.subnet))) {
        const src = nets.find((n) => n.name === b.name) ?? nets.find((n) => n.name === a.name);
        refuse(`${src?.at ?? 'networks'}.IPAM.Config`, 'overlap', { a: a.name, b: b.name, subnet: b.ipam!.subnet });
      }
    }
  // keep creation order: predefined first (as `docker network ls` ids show them), then as pasted
  const ordered = [...idx.byId.values()].sort((a, b) => Number(b.predefined) - Number(a.predefined));
  for (const n of ordered) d.networks[n.id] = n;
  return idx;
}

/** Whether `ip` is a usable address for an endpoint on `net` (inside its subnet, not its gateway). */
export function checkAddress(net: Network, ip: string, at: string): void {
  if (!isIpv4(ip)) refuse(at, 'notIp', { value: ip });
  if (!net.ipam || !inCidr(ip, net.ipam.subnet))
    refuse(at, 'outside', { ip, subnet: net.ipam?.subnet ?? `${net.name} (no IPv4)` });
  if (ip === net.ipam!.gateway || ipNum(ip) === ipNum(net.ipam!.subnet.split('/')[0]))
    refuse(at, 'reserved', { ip, network: net.name });
}
