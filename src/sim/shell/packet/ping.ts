import type { CommandResult, World } from '../../model';
import { broadcastOf, inetAton } from '../../net/addr';
import { isIpv6 } from '../../net/addr6';
import { ctFinish } from '../../net/conntrack';
import type { Ctx } from '../../net/ctx';
import { step } from '../../net/ctx';
import { resolve, reverseName } from '../../net/dns';
import { type Exchange, ephemeralPort, exchange, packetFrom } from '../../net/flows';
import { sourceFor } from '../../net/ip';
import { frameOf, type Pkt } from '../../net/pkt';
import type { NetNode } from '../../net/topo';
import type { Where } from '../../where';
import { pingBody6 } from './ping6';
import { busyboxStats, iputilsStats, replyLine } from './pingFormat';
import { type Flavor, jitter, runTool, type ToolOutcome } from './run';

/** `ping [-c N] [-W S] [-i S] HOST`: ICMP echo through the engine, printed as iputils or busybox does. */

export interface PingArgs {
  /** -4 / -6 (ping6 is -6); 0 lets the address decide */
  family: 0 | 4 | 6;
  count: number;
  waitS: number;
  intervalS: number;
  host: string;
  /** -b: allow a broadcast destination */
  broadcast: boolean;
}

function parse(argv: string[]): PingArgs | string {
  const a: PingArgs = {
    family: argv[0] === 'ping6' ? 6 : 0,
    count: 4,
    waitS: 10,
    intervalS: 1,
    host: '',
    broadcast: false,
  };
  let countGiven = false;
  let deadlineS: number | null = null;
  for (let i = 1; i < argv.length; i++) {
    const x = argv[i];
    const num = (v: string | undefined) => (v !== undefined && /^\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN);
    if (x === '-c' || x === '-W' || x === '-i' || x === '-w') {
      const v = num(argv[++i]);
      if (Number.isNaN(v) || v <= 0) return `ping: invalid argument: '${argv[i] ?? ''}'`;
      if (x === '-c') {
        a.count = Math.min(Math.floor(v), 100);
        countGiven = true;
      } else if (x === '-W') a.waitS = v;
      else if (x === '-i') a.intervalS = v;
      else deadlineS = v;
    } else if (/^-c\d+$/.test(x)) {
      a.count = Math.min(Number(x.slice(2)), 100);
      countGiven = true;
    } else if (x === '-b') a.broadcast = true;
    else if (x === '-4' || x === '-6') a.family = x === '-4' ? 4 : 6;
    else if (x === '-n' || x === '-q') continue;
    else if (x.startsWith('-')) return `ping: invalid option -- '${x.slice(1)}'`;
    else a.host = x;
  }
  // -w DEADLINE: one probe per interval until the deadline, whatever -c asked for
  if (deadlineS !== null) {
    const fit = Math.max(1, Math.ceil(deadlineS / a.intervalS));
    a.count = Math.min(countGiven ? a.count : 100, fit);
  }
  return a.host ? a : 'ping: usage error: Destination address required';
}

/** How long the kernel tries ARP (3 probes, 1 s apart) before it reports the host unreachable. */
export const ARP_FAIL_S = 3;

/** The probe died at a router whose next-hop ARP went unanswered. */
const gatewayArpFailed = (ex: Exchange): ex is Extract<Exchange, { kind: 'lost' }> =>
  ex.kind === 'lost' && ex.delivery.kind === 'drop' && ex.delivery.reason === 'host-unreachable';

/** The router's ICMP error back to the pinger: its address toward `to`, told as a step. */
function hostUnreachableFrom(ctx: Ctx, hop: NetNode, to: string, seq: number): string {
  const from = sourceFor(hop, to) ?? to;
  const frame = frameOf({
    src: from,
    dst: to,
    ttl: 64,
    proto: 'icmp',
    sport: 0,
    dport: 0,
    icmpType: 'host-unreachable',
  });
  step(ctx, hop.canvas, 'reply', frame, 'ip.host-unreachable', { node: hop.label, from, dst: to, seq });
  return from;
}

const resolveError = (f: Flavor, host: string, nx: boolean) =>
  f === 'busybox'
    ? `ping: bad address '${host}'`
    : f === 'musl'
      ? `ping: ${host}: ${nx ? 'Name does not resolve' : 'Try again'}`
      : `ping: ${host}: ${nx ? 'Name or service not known' : 'Temporary failure in name resolution'}`;

function pingBody(ctx: Ctx, node: NetNode, f: Flavor, a: PingArgs): ToolOutcome {
  const fail = (output: string, exitCode: number, summary: string, ms = 0): ToolOutcome => ({
    output,
    exitCode,
    ok: false,
    summary,
    ms,
  });
  const r = resolve(ctx, node, a.host);
  // getaddrinfo finds only the IPv6 address of a name on an IPv6-only network: ping goes over IPv6
  if (r.kind === 'nodata') return pingBody6(ctx, node, f, a, r.ips6[0]);
  if (r.kind !== 'ok') {
    const nx = r.kind === 'nxdomain';
    return fail(
      resolveError(f, a.host, nx),
      f === 'busybox' ? 1 : 2,
      nx ? 'name not known' : 'no resolver',
      ctx.us / 1000,
    );
  }
  const ip = r.ips[0];
  // iputils refuses a broadcast destination without -b; busybox sends (and nobody answers)
  const broadcast =
    ip === '255.255.255.255' ||
    node.ifaces.some((i) => i.addrs.some((x) => x.prefix < 31 && broadcastOf(x.ip, x.prefix) === ip));
  if (broadcast && f !== 'busybox' && !a.broadcast) {
    return fail(
      'ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules',
      2,
      'broadcast',
    );
  }
  const id = ephemeralPort(ctx) & 0xffff;
  const first = packetFrom(node, ip, { proto: 'icmp', sport: id, dport: id, icmpType: 'echo-request' });
  if (!first) {
    return fail(
      f === 'busybox' ? 'ping: sendto: Network is unreachable' : 'ping: connect: Network is unreachable',
      f === 'busybox' ? 1 : 2,
      'network unreachable',
    );
  }
  // a numeric target (inet_aton: 10.0.0.3, 127.1, 0) makes iputils print addresses only
  const byName = !inetAton(a.host);
  // iputils warns on stderr once -b let it ping a broadcast address (ping4_run), before its PING line
  const warn = broadcast && f !== 'busybox' ? ['WARNING: pinging broadcast address'] : [];
  const lines =
    f === 'busybox'
      ? [`PING ${a.host} (${ip}): 56 data bytes`]
      : // iputils pings its own source address for 0.0.0.0 ("special case for 0 dst address")
        [...warn, `PING ${a.host} (${first.dst}) 56(84) bytes of data.`];
  const rtts: number[] = [];
  let errors = 0;
  let pipe = 0;
  let lastLost = false;
  for (let seq = 1; seq <= a.count; seq++) {
    const { ex, ms } = echo(ctx, node, first, seq, id);
    lastLost = ex.kind !== 'ok';
    if (ex.kind === 'ok') {
      rtts.push(Number(ms.toFixed(3)));
      const from = ex.reply.src;
      const who = f !== 'busybox' && byName ? `${reverseName(ctx, node, from) ?? from} (${from})` : from;
      lines.push(replyLine(f === 'busybox' ? 'busybox' : 'iputils', { from, who, seq, ttl: ex.reply.ttl, ms }));
    } else if ((ex.kind === 'host-unreachable' || gatewayArpFailed(ex)) && f !== 'busybox') {
      // the kernel reports the failed ARP 3 s after the probe; ping may have ended before (-W).
      // A router that cannot resolve its next hop answers with ICMP host unreachable from its
      // own address toward us (icmp_send from the neighbour's failure): ping names the router
      const hop = ex.kind === 'lost' && ex.delivery.kind === 'drop' ? ex.delivery.node : null;
      const from = hop ? hostUnreachableFrom(ctx, hop, first.src, seq) : first.src;
      const seen = (seq - 1) * a.intervalS + ARP_FAIL_S <= (a.count - 1) * a.intervalS + a.waitS;
      if (seen) {
        errors++;
        lines.push(`From ${from} icmp_seq=${seq} Destination Host Unreachable`);
        // every probe sent while ARP was failing was waiting in the neighbour queue
        pipe = Math.max(pipe, Math.min(a.count, Math.floor(ARP_FAIL_S / a.intervalS) + 1));
      }
    }
    ctFinish(ctx, ex.kind === 'ok' ? 'done' : 'unanswered');
  }
  return pingOutcome(ctx, f, a, ip, lines, { rtts, errors, pipe, lastLost });
}

/** One echo request walked there and back (either family); `ms` is its round trip, jittered. */
export function echo(ctx: Ctx, node: NetNode, first: Pkt, seq: number, id: number): { ex: Exchange; ms: number } {
  const t0 = ctx.us;
  const pkt = { ...first, app: `echo request seq=${seq}` };
  const ex = exchange(ctx, node, pkt, () => ({ reply: { icmpType: 'echo-reply', app: `echo reply seq=${seq}` } }));
  return { ex, ms: ((ctx.us - t0) * jitter(seq, id, ctx.world.clock)) / 1000 };
}

/** The statistics block after the probes and what ping hands back (its time spent waiting included). */
export function pingOutcome(
  ctx: Ctx,
  f: Flavor,
  a: PingArgs,
  ip: string,
  lines: string[],
  r: { rtts: number[]; errors: number; pipe: number; lastLost: boolean },
): ToolOutcome {
  const timeMs = a.count > 1 ? Math.round((a.count - 1) * a.intervalS * 1000 + 2 * (a.count - 1)) : 0;
  const stats = { target: a.host, transmitted: a.count, rtts: r.rtts, errors: r.errors, timeMs, pipe: r.pipe };
  lines.push(...(f === 'busybox' ? busyboxStats(stats) : iputilsStats(stats)));
  const ok = r.rtts.length > 0;
  return {
    output: lines.join('\n'),
    exitCode: ok ? 0 : 1,
    ok,
    summary: `${r.rtts.length}/${a.count} replies from ${ip}`,
    ms: timeMs + (r.lastLost ? a.waitS * 1000 : 0) + ctx.us / 1000,
  };
}

/** The `ping` command. */
export function ping(world: World, argv: string[], where: Where, line: string): CommandResult {
  const a = parse(argv);
  if (typeof a === 'string') return { world, output: a, exitCode: 2 };
  return runTool(world, where, line, (ctx, node, f) =>
    a.family === 6 || isIpv6(a.host) ? pingBody6(ctx, node, f, a) : pingBody(ctx, node, f, a),
  );
}
