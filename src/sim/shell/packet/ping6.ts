import { ctFinish } from '../../net/conntrack';
import type { Ctx } from '../../net/ctx';
import { reverseName } from '../../net/dns';
import { ephemeralPort, packetFrom } from '../../net/flows';
import { resolve6 } from '../../net/resolve6';
import type { NetNode } from '../../net/topo';
import { ARP_FAIL_S, echo, type PingArgs, pingOutcome } from './ping';
import { replyLine } from './pingFormat';
import type { Flavor, ToolOutcome } from './run';

/**
 * `ping -6` (ping6, an IPv6 address, a name with only AAAA records): ICMPv6 echo through the
 * engine, neighbour discovery in place of ARP. iputils prints `PING fd00::3(fd00::3) 56 data
 * bytes` (ping6_run: no space before the parenthesis, no 56(104)), busybox `PING fd00::3
 * (fd00::3): 56 data bytes` and `seq=0`; the statistics are the IPv4 ones.
 */

/** getaddrinfo's AF_INET6 failure for a name with no AAAA record, in each flavour's words. */
const noAddress = (f: Flavor, host: string) =>
  f === 'busybox'
    ? `ping: bad address '${host}'`
    : f === 'musl'
      ? `ping: ${host}: Name does not resolve`
      : `ping: ${host}: No address associated with hostname`;

/** `resolved`: the address getaddrinfo already found (a name with only an IPv6 address). */
export function pingBody6(ctx: Ctx, node: NetNode, f: Flavor, a: PingArgs, resolved?: string): ToolOutcome {
  const fail = (output: string, exitCode: number, summary: string): ToolOutcome => ({
    output,
    exitCode,
    ok: false,
    summary,
    ms: ctx.us / 1000,
  });
  const r = resolved ? { kind: 'ok' as const, ip: resolved } : resolve6(ctx, node, a.host);
  if (r.kind !== 'ok') return fail(noAddress(f, a.host), f === 'busybox' ? 1 : 2, 'no IPv6 address');
  const ip = r.ip;
  const id = ephemeralPort(ctx) & 0xffff;
  const first = packetFrom(node, ip, { proto: 'icmp', sport: id, dport: id, icmpType: 'echo-request' });
  if (!first) {
    return fail(
      f === 'busybox' ? 'ping: sendto: Network is unreachable' : 'ping: connect: Network is unreachable',
      f === 'busybox' ? 1 : 2,
      'network unreachable',
    );
  }
  const byName = ip !== a.host;
  const name = (addr: string) => (byName ? `${reverseName(ctx, node, addr) ?? addr} (${addr})` : addr);
  const lines =
    f === 'busybox' ? [`PING ${a.host} (${ip}): 56 data bytes`] : [`PING ${a.host}(${name(ip)}) 56 data bytes`];
  const rtts: number[] = [];
  let errors = 0;
  let lastLost = false;
  for (let seq = 1; seq <= a.count; seq++) {
    const { ex, ms } = echo(ctx, node, first, seq, id);
    lastLost = ex.kind !== 'ok';
    if (ex.kind === 'ok') {
      rtts.push(Number(ms.toFixed(3)));
      const from = ex.reply.src;
      const who = f === 'busybox' ? from : name(from);
      lines.push(replyLine(f === 'busybox' ? 'busybox' : 'iputils', { from, who, seq, ttl: ex.reply.ttl, ms }));
    } else if (ex.kind === 'host-unreachable' && f !== 'busybox') {
      // neighbour discovery failed: the kernel's own ICMPv6 address-unreachable, 3 s after the probe
      const seen = (seq - 1) * a.intervalS + ARP_FAIL_S <= (a.count - 1) * a.intervalS + a.waitS;
      if (seen) {
        errors++;
        lines.push(`From ${first.src} icmp_seq=${seq} Destination unreachable: Address unreachable`);
      }
    }
    ctFinish(ctx, ex.kind === 'ok' ? 'done' : 'unanswered');
  }
  return pingOutcome(ctx, f, a, ip, lines, { rtts, errors, pipe: 0, lastLost });
}
