import type { CommandResult, World } from '../../model';
import { isIpv4 } from '../../net/addr';
import { ctFinish } from '../../net/conntrack';
import { type Ctx, step } from '../../net/ctx';
import { resolve, reverseName } from '../../net/dns';
import { ephemeralPort, exchange, packetFrom } from '../../net/flows';
import { send, sourceFor } from '../../net/ip';
import { frameOf } from '../../net/pkt';
import type { NetNode } from '../../net/topo';
import type { Where } from '../../where';
import { ipv6NameOutcome } from './ipv6Guard';
import { jitter, runTool, type ToolOutcome } from './run';

/**
 * `traceroute [-n] [-m MAX] [-q N] HOST`, busybox's (netshoot and busybox images): UDP probes to
 * port 33434 and up with TTL 1, 2, 3 …; each router that sees the TTL run out answers ICMP time
 * exceeded, the destination answers port unreachable. One probe per hop walks the engine; the
 * three printed times vary around it.
 */

interface Args {
  numeric: boolean;
  maxTtl: number;
  probes: number;
  host: string;
}

const USAGE = `BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.

Usage: traceroute [-46IFlnrv] [-f 1ST_TTL] [-m MAXTTL] [-q PROBES] [-p PORT]
	[-t TOS] [-w WAIT_SEC] [-s SRC_IP] [-i IFACE]
	[-z PAUSE_MSEC] HOST [BYTES]`;

function parse(argv: string[]): Args | string {
  const a: Args = { numeric: false, maxTtl: 30, probes: 3, host: '' };
  for (let i = 1; i < argv.length; i++) {
    const x = argv[i];
    if (x === '-n') a.numeric = true;
    else if (x === '-m' || x === '-q' || x === '-w' || x === '-f' || x === '-p') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) return `traceroute: invalid number '${argv[i] ?? ''}'`;
      if (x === '-m') a.maxTtl = Math.min(v, 255);
      if (x === '-q') a.probes = Math.min(v, 10);
    } else if (x === '-I' || x === '-4' || x === '-l' || x === '-v' || x === '-F') continue;
    else if (x.startsWith('-')) return `traceroute: invalid option -- '${x.slice(1, 2)}'\n${USAGE}`;
    else if (!a.host) a.host = x;
  }
  return a.host ? a : USAGE;
}

/** busybox's `  %u.%03u ms`. */
const msText = (ms: number) => `  ${ms.toFixed(3)} ms`;

function body(ctx: Ctx, node: NetNode, a: Args): ToolOutcome {
  const r = resolve(ctx, node, a.host);
  if (r.kind === 'nodata') return ipv6NameOutcome('traceroute', a.host, r.ips6);
  if (r.kind !== 'ok') {
    return { output: `traceroute: bad address '${a.host}'`, exitCode: 1, ok: false, summary: 'name not known', ms: 0 };
  }
  const ip = r.ips[0];
  const sport = ephemeralPort(ctx);
  const out = [`traceroute to ${a.host} (${ip}), ${a.maxTtl} hops max, 46 byte packets`];
  const label = (addr: string) => {
    if (a.numeric) return addr;
    const name = isIpv4(addr) ? reverseName(ctx, node, addr) : null;
    return `${name && name !== 'localhost' ? name : addr} (${addr})`;
  };
  let blocked = false;
  let reached = false;
  let hops = 0;
  let silent = 0;
  for (let ttl = 1; ttl <= a.maxTtl && !reached; ttl++) {
    hops = ttl;
    const probe = packetFrom(node, ip, { proto: 'udp', sport, dport: 33433 + ttl, app: `probe ttl=${ttl}` });
    if (!probe) {
      return {
        output: 'traceroute: sendto: Network is unreachable',
        exitCode: 1,
        ok: false,
        summary: 'network unreachable',
        ms: 0,
      };
    }
    const stars = `${String(ttl).padStart(2)}${'  *'.repeat(a.probes)}`;
    // once a probe is dropped for good (isolation, no route), every later one dies there too
    if (blocked) {
      out.push(stars);
      silent++;
      continue;
    }
    const t0 = ctx.us;
    const ex = exchange(ctx, node, { ...probe, ttl }, () => ({
      reply: { proto: 'icmp', icmpType: 'port-unreachable', app: 'port unreachable' },
      refuse: true,
    }));
    ctFinish(ctx, 'unanswered');
    const rtt = ((ctx.us - t0) * 2) / 1000;
    const times = Array.from({ length: a.probes }, (_, k) => msText(rtt * jitter(ttl, k, sport))).join('');
    if (ex.kind === 'refused') {
      reached = true;
      out.push(`${String(ttl).padStart(2)}  ${label(ip)}${times}`);
    } else if (ex.kind === 'lost' && ex.delivery.kind === 'drop' && ex.delivery.reason === 'ttl-exceeded') {
      const hop = ex.delivery.node;
      const dropped = [...ctx.steps].reverse().find((s) => s.action === 'drop');
      const died = dropped?.frame;
      // the error goes to the source the probe had when it died (NATed on the way), quoting it;
      // each NAT on the way back finds the flow as RELATED and undoes itself (nat.related)
      const natSrc = died?.ip?.src ?? probe.src;
      const back = sourceFor(hop, natSrc) ?? natSrc;
      step(
        ctx,
        hop.canvas,
        'reply',
        frameOf({ src: back, dst: natSrc, ttl: 64, proto: 'icmp', sport: 0, dport: 0, icmpType: 'time-exceeded' }),
        'ip.time-exceeded',
        {
          node: hop.label,
          ip: back,
          hop: ttl,
        },
      );
      if (natSrc !== probe.src) {
        const inner = {
          src: natSrc,
          dst: died?.ip?.dst ?? probe.dst,
          sport: died?.l4?.sport ?? probe.sport,
          dport: died?.l4?.dport ?? probe.dport,
          proto: probe.proto,
        };
        const err = {
          src: back,
          dst: natSrc,
          ttl: 64,
          proto: 'icmp' as const,
          sport: 0,
          dport: 0,
          icmpType: 'time-exceeded',
          inner,
        };
        send(ctx, hop, err, 'reply');
      }
      out.push(`${String(ttl).padStart(2)}  ${label(back)}${times}`);
    } else {
      blocked = true;
      out.push(stars);
      silent++;
    }
  }
  return {
    output: out.join('\n'),
    exitCode: 0,
    ok: reached,
    summary: reached ? `${ip} reached in ${hops} hops` : `no answer from ${ip}`,
    // each unanswered probe waits busybox's 5 s (-w)
    ms: Math.round(ctx.us / 1000) + 5000 * a.probes * silent,
  };
}

/** The `traceroute` command. */
export function traceroute(world: World, argv: string[], where: Where, line: string): CommandResult {
  const a = parse(argv);
  if (typeof a === 'string') return { world, output: a, exitCode: 1 };
  return runTool(world, where, line, (ctx, node) => body(ctx, node, a));
}
