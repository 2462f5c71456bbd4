import { driverOf } from '../drivers';
import { DOCKER_HOST } from '../ids';
import { extraHostRecords, hostsNames, linkAliasTarget } from '../lookup';
import type { Container, Network } from '../model';
import { serviceLookup } from '../swarm/discovery';
import { inetAton, isLoopback } from './addr';
import { listenerFor } from './apps';
import { type Ctx, nodeOf, step } from './ctx';
import { embeddedLookup6, ipv6Records } from './dns6';
import { ephemeralPort, exchange, packetFrom } from './flows';
import { containerIndex } from './index';
import { buildResolvConf, EMBEDDED_DNS, resolverPorts } from './resolvconf';
import { shuffle } from './shuffle';
import { type NetNode, primaryIp } from './topo';

/**
 * Name resolution as the seeds describe it: /etc/hosts first, then the resolv.conf nameserver.
 * Containers on user-defined networks ask Docker's embedded resolver (127.0.0.11), which knows
 * container names, aliases, short ids and `<name>.<network>` on the networks the asker shares,
 * and forwards other names from the host (192.168.0.1, the router's dnsmasq, then 8.8.8.8).
 */

export type Resolution =
  /** `local`: Docker's embedded resolver answered from its own records (TTL 600, uncompressed) */
  | { kind: 'ok'; ips: string[]; server: string | null; local?: boolean }
  /** the resolver answered NXDOMAIN: "Name or service not known" */
  | { kind: 'nxdomain'; server: string }
  /**
   * NOERROR without an A record: Docker's embedded resolver knows the name with IPv6 addresses
   * only (`ips6`, what an AAAA question gets), as on an IPv6-only network
   */
  | { kind: 'nodata'; server: string; ips6: string[] }
  /** no resolver answered: "Temporary failure in name resolution" */
  | { kind: 'noresolver'; server: string | null; servfail?: boolean; refused?: boolean };

/** Docker's embedded resolver answers with TTL 600 (fact 26). */
export const EMBEDDED_TTL = 600;
export { EMBEDDED_DNS };

/** The networks of a running container that Docker's embedded resolver serves (user-defined ones). */
export const userNetworks = (ctx: Ctx, c: Container): Network[] =>
  c.state !== 'running'
    ? []
    : c.endpoints
        .filter((ep) => ep.ip || ep.ip6)
        .map((ep) => ctx.world.networks[ep.networkId])
        .filter((n): n is Network => Boolean(n && driverOf(n).embeddedDns(n)));

/** The nameservers in a namespace's /etc/resolv.conf. */
export function nameserversOf(ctx: Ctx, node: NetNode): string[] {
  // a container's file as Docker wrote it: 127.0.0.11 on user-defined networks, else the host's
  // minus loopback nameservers (fact 28), or its --dns servers
  if (node.container) {
    return buildResolvConf(ctx.world, node.container, userNetworks(ctx, node.container).length > 0).nameservers;
  }
  return node.machine?.nameservers ?? ctx.world.machines[DOCKER_HOST]?.nameservers ?? [];
}

/**
 * The record names a question for `name` asks on `net` (the name without a `.NETWORK` suffix),
 * the --link alias's target first: a --link alias is the linking container's own.
 */
export function questionNames(asker: Container, net: Network, name: string): { bare: string; target?: string } {
  const q = name.toLowerCase().replace(/\.$/, '');
  const suffix = `.${net.name.toLowerCase()}`;
  const bare = q.endsWith(suffix) ? q.slice(0, -suffix.length) : q;
  const target = linkAliasTarget(asker, bare);
  return target ? { bare, target } : { bare };
}

/** What the embedded resolver knows for `name` on the asker's networks; [] when nothing. */
export function embeddedLookup(ctx: Ctx, asker: Container, name: string): string[] {
  for (const net of userNetworks(ctx, asker)) {
    const { bare, target } = questionNames(asker, net, name);
    const names = containerIndex(ctx.world).dnsNames.get(net.id);
    const ips = (target ? names?.get(target) : undefined) ?? names?.get(bare) ?? [];
    if (ips.length) return [...ips];
    const swarm = net.scope === 'swarm' ? serviceLookup(ctx.world, net.id, bare) : [];
    if (swarm.length) return swarm;
    // the first network that knows the name answers, with no A record if it has IPv6 ones only
    if ((target && ipv6Records(ctx, net.id, target).length) || ipv6Records(ctx, net.id, bare).length) return [];
  }
  return [];
}

/** Reverse lookup used for ping's reply lines: `containerB.second-bridge`, or a zone name. */
export function reverseName(ctx: Ctx, asker: NetNode, ip: string): string | null {
  if (isLoopback(ip)) return 'localhost';
  if (primaryIp(asker) === ip) return asker.container?.hostname ?? asker.machine?.hostname ?? null;
  const linked = asker.container ? extraHostRecords(ctx.world, asker.container).find((r) => r.ip === ip) : undefined;
  if (linked) return linked.names[0];
  if (asker.container) {
    for (const net of userNetworks(ctx, asker.container)) {
      const hit = containerIndex(ctx.world).byNetIp.get(net.id)?.get(ip);
      const c = hit ? ctx.world.containers[hit.key] : undefined;
      if (c) return `${c.name}.${net.name}`;
    }
  }
  for (const m of Object.values(ctx.world.machines)) {
    const hit = Object.entries(m.zone).find(([, v]) => v === ip);
    if (hit) return hit[0];
  }
  return null;
}

type Upstream = { kind: 'ok'; ips: string[] } | { kind: 'nxdomain' } | { kind: 'fail'; refused?: boolean };

/** One UDP DNS question from `from` to `server`:53, answered by a zone or a forwarder. */
export function queryServer(ctx: Ctx, from: NetNode, server: string, name: string, depth = 0): Upstream {
  const sport = ephemeralPort(ctx);
  const req = packetFrom(from, server, { proto: 'udp', sport, dport: 53, app: `A? ${name}` });
  if (!req) return { kind: 'fail' };
  let result: Upstream = { kind: 'fail' };
  const ex = exchange(ctx, from, req, (srv, p) => {
    const l = listenerFor(ctx, srv, 'udp', p.dst, 53);
    if (!l) return { reply: { proto: 'icmp', icmpType: 'port-unreachable' }, refuse: true };
    step(ctx, srv.canvas, 'dns-query', { app: { summary: `A? ${name}` } }, 'dns.server-query', {
      node: srv.label,
      name,
    });
    // a forwarder answers its own names first (Docker Desktop's *.docker.internal), then asks upstream
    const own = srv.machine?.zone[name.toLowerCase().replace(/\.$/, '')];
    if (l.app === 'dns-forwarder' && !own && depth < 3) {
      const ns = srv.machine?.nameservers[0];
      result = ns ? queryServer(ctx, srv, ns, name, depth + 1) : { kind: 'fail' };
    } else {
      result = own ? { kind: 'ok', ips: [own] } : { kind: 'nxdomain' };
    }
    if (result.kind === 'fail') return { silent: true };
    const app = result.kind === 'ok' ? `A ${name} ${result.ips.join(' ')}` : `NXDOMAIN ${name}`;
    step(
      ctx,
      srv.canvas,
      'dns-answer',
      { app: { summary: app } },
      result.kind === 'ok' ? 'dns.answer' : 'dns.nxdomain',
      {
        node: srv.label,
        name,
        ip: result.kind === 'ok' ? result.ips.join(', ') : '',
      },
      [
        {
          on: srv.canvas,
          table: 'dns',
          kind: 'hit',
          entry: { name, answer: result.kind === 'ok' ? result.ips : 'NXDOMAIN' },
        },
      ],
    );
    return { reply: { app } };
  });
  ctx.us += 250;
  if (ex.kind === 'refused' && ex.reply === null) return { kind: 'fail', refused: true };
  return ex.kind === 'ok' ? result : { kind: 'fail' };
}

/** `dig @SERVER`, `nslookup NAME SERVER`: one question to that server, no /etc/hosts, no fallback. */
export function resolveWith(ctx: Ctx, node: NetNode, server: string, name: string): Resolution {
  let r: Resolution;
  if (server === EMBEDDED_DNS) {
    // 127.0.0.11 answers only inside a namespace Docker gave a resolver (a user-defined network)
    r =
      node.container && userNetworks(ctx, node.container).length > 0
        ? embedded(ctx, node, node.container, name)
        : { kind: 'noresolver', server, refused: true };
  } else {
    const u = queryServer(ctx, node, server, name);
    r =
      u.kind === 'ok'
        ? { kind: 'ok', ips: u.ips, server }
        : u.kind === 'nxdomain'
          ? { kind: 'nxdomain', server }
          : { kind: 'noresolver', server, refused: u.refused };
  }
  if (r.kind !== 'ok') {
    step(ctx, node.canvas, 'drop', { app: { summary: unresolved(r, name) } }, 'drop.name-unresolvable', {
      name,
      node: node.label,
      reason: 'name-unresolvable',
    });
  }
  return r;
}

/** The answer a failed lookup ends with, worded as the DNS steps before it ("NXDOMAIN web"). */
function unresolved(r: Exclude<Resolution, { kind: 'ok' }>, name: string): string {
  if (r.kind === 'nxdomain') return `NXDOMAIN ${name}`;
  if (r.kind === 'nodata') return `NOERROR ${name}, no A record`;
  return `${r.servfail ? 'SERVFAIL' : 'no answer'} ${name}`;
}

function hostsFile(ctx: Ctx, node: NetNode, name: string): string | null {
  const q = name.toLowerCase();
  if (q === 'localhost' || q === 'localhost.localdomain') return '127.0.0.1';
  // --add-host and legacy --link records sit before the container's own line
  const extra = node.container
    ? extraHostRecords(ctx.world, node.container).find((r) => r.names.some((n) => n.toLowerCase() === q))
    : undefined;
  if (extra) return extra.ip;
  const me = node.container ? hostsNames(node.container) : node.machine ? [node.machine.hostname] : [];
  if (me.some((n) => q === n.toLowerCase())) return primaryIp(node) ?? '127.0.1.1';
  return null;
}

/** Resolves `name` from `node` as getaddrinfo would; the steps show every query and answer. */
export function resolve(ctx: Ctx, node: NetNode, name: string): Resolution {
  const r = lookup(ctx, node, name);
  if (r.kind !== 'ok') {
    step(ctx, node.canvas, 'drop', { app: { summary: unresolved(r, name) } }, 'drop.name-unresolvable', {
      name,
      node: node.label,
      reason: 'name-unresolvable',
    });
  }
  return r;
}

function lookup(ctx: Ctx, node: NetNode, name: string): Resolution {
  // a numeric host is no name: getaddrinfo reads it as inet_aton does (127.1, 0)
  const literal = inetAton(name);
  if (literal) return { kind: 'ok', ips: [literal], server: null };
  const local = hostsFile(ctx, node, name);
  if (local) {
    step(ctx, node.canvas, 'dns-answer', { app: { summary: `${name} ${local}` } }, 'dns.hosts', { name, ip: local });
    return { kind: 'ok', ips: [local], server: null };
  }
  const servers = nameserversOf(ctx, node);
  for (const server of servers) {
    if (server === EMBEDDED_DNS && node.container) return embedded(ctx, node, node.container, name);
    const r = queryServer(ctx, node, server, name);
    if (r.kind === 'ok') return { kind: 'ok', ips: r.ips, server };
    if (r.kind === 'nxdomain') return { kind: 'nxdomain', server };
    ctx.us += 5_000_000; // glibc waits `timeout:5` before trying the next server
  }
  return { kind: 'noresolver', server: servers[0] ?? null };
}

function embedded(ctx: Ctx, node: NetNode, c: Container, name: string): Resolution {
  // the namespace's DOCKER_OUTPUT rule DNATs 127.0.0.11:53 to the resolver's own port (resolver_unix.go)
  step(ctx, node.canvas, 'dns-query', { app: { summary: `A? ${name}` } }, 'dns.embedded-query', {
    name,
    node: node.label,
    port: resolverPorts(node.key).udp,
  });
  ctx.us += 60;
  const ips = shuffle(ctx, embeddedLookup(ctx, c, name));
  if (ips.length) {
    step(
      ctx,
      node.canvas,
      'dns-answer',
      { app: { summary: `A ${name} ${ips.join(' ')}` } },
      'dns.embedded-answer',
      {
        name,
        ip: ips.join(', '),
      },
      [{ on: node.canvas, table: 'dns', kind: 'hit', entry: { name, answer: ips, server: EMBEDDED_DNS } }],
    );
    return { kind: 'ok', ips, server: EMBEDDED_DNS, local: true };
  }
  // a name its networks know with IPv6 addresses only: Network.ResolveName finds it in svcIPv6Map,
  // so handleIPQuery answers NOERROR with no A record and nothing is forwarded (resolver.go)
  const ips6 = embeddedLookup6(ctx, c, name);
  if (ips6.length) {
    step(ctx, node.canvas, 'dns-answer', { app: { summary: `A ${name}: no records` } }, 'dns.embedded-nodata', {
      name,
      ip: ips6.join(', '),
    });
    return { kind: 'nodata', server: EMBEDDED_DNS, ips6 };
  }
  // the resolver answers SERVFAIL when no upstream answers (moby resolver.go serveDNS)
  const servfail: Resolution = { kind: 'noresolver', server: EMBEDDED_DNS, servfail: true };
  if (userNetworks(ctx, c).every((n) => n.internal)) {
    step(ctx, node.canvas, 'dns-answer', { app: { summary: `SERVFAIL ${name}` } }, 'dns.internal-servfail', { name });
    return servfail;
  }
  const host = nodeOf(ctx, c.daemon) ?? nodeOf(ctx, DOCKER_HOST)!;
  // at most 3 upstreams (maxExtDNS): the host file's, or the container's --dns servers
  const upstream = buildResolvConf(ctx.world, c, true).extServers.slice(0, 3);
  step(ctx, node.canvas, 'dns-forward', { app: { summary: `A? ${name}` } }, 'dns.embedded-forward', {
    name,
    server: upstream.map((u) => u.ip).join(', '),
  });
  for (const { ip: server, hostLoopback } of upstream) {
    // moby v28 dials a server from the host's file in the host's namespace (host(…), resolver.go
    // dialExtDNS), so the query leaves from the host's own address; a --dns server from the
    // container's namespace, through eth0 and MASQUERADE
    const r = queryServer(ctx, hostLoopback ? host : node, server, name);
    if (r.kind === 'fail') continue;
    const ok = r.kind === 'ok';
    step(
      ctx,
      node.canvas,
      'dns-answer',
      { app: { summary: ok ? `A ${name} ${r.ips.join(' ')}` : `NXDOMAIN ${name}` } },
      ok ? 'dns.embedded-answer' : 'dns.nxdomain-client',
      { name, ip: ok ? r.ips.join(', ') : '' },
    );
    return ok ? { kind: 'ok', ips: r.ips, server: EMBEDDED_DNS } : { kind: 'nxdomain', server: EMBEDDED_DNS };
  }
  return servfail;
}
