import type { Route } from '../model';
import { inCidr, isLoopback, prefixOf } from '../net/addr';
import type { Stack, StackIface } from '../stack';

/**
 * `ip -br addr|link` and `ip route get ADDR` in iproute2's layout: brief lines are
 * `%-16s %-14s ` (name, operstate) and then each value followed by a space.
 */

const state = (f: StackIface) => (f.attach.kind === 'loopback' ? 'UNKNOWN' : f.carrier ? 'UP' : 'DOWN');
const label = (f: StackIface) => (f.peerIndex ? `${f.name}@if${f.peerIndex}` : f.name);

/** `ip -br addr`: name, state, addresses (IPv4 unless `-6`, then the IPv6 ones ip6.ts lists). */
export function briefAddr(f: StackIface, v6: { ip: string; prefix: number }[], v4 = true): string {
  const addrs = [...(v4 ? f.addrs : []), ...v6].map((a) => `${a.ip}/${a.prefix} `);
  return `${label(f).padEnd(16)} ${state(f).padEnd(14)} ${addrs.join('')}`;
}

/** `ip -br link`: name, state, MAC, flags. */
export function briefLink(f: StackIface): string {
  const lo = f.attach.kind === 'loopback';
  const flags = lo
    ? 'LOOPBACK,UP,LOWER_UP'
    : f.carrier
      ? 'BROADCAST,MULTICAST,UP,LOWER_UP'
      : 'NO-CARRIER,BROADCAST,MULTICAST,UP';
  return `${label(f).padEnd(16)} ${state(f).padEnd(14)} ${lo ? '00:00:00:00:00:00' : f.mac} <${flags}> `;
}

/** The route the kernel picks for `dst`: longest prefix, then lowest metric. */
function pick(routes: Route[], dst: string): Route | null {
  let best: Route | null = null;
  for (const r of routes) {
    if (r.linkdown) continue;
    const ok = r.dst === 'default' || inCidr(dst, r.dst);
    if (!ok) continue;
    const len = r.dst === 'default' ? 0 : prefixOf(r.dst);
    const bestLen = best ? (best.dst === 'default' ? 0 : prefixOf(best.dst)) : -1;
    if (len > bestLen || (len === bestLen && (r.metric ?? 0) < (best?.metric ?? 0))) best = r;
  }
  return best;
}

/** `ip route get ADDR`; null output means "RTNETLINK answers: Network is unreachable". */
export function routeGet(stack: Stack, dst: string): { output: string; exitCode: number } {
  const own = stack.ifaces.find((f) => f.addrs.some((a) => a.ip === dst));
  if (isLoopback(dst) || own) {
    return {
      output: `local ${dst} dev lo src ${isLoopback(dst) ? '127.0.0.1' : dst} uid 0 \n    cache <local> `,
      exitCode: 0,
    };
  }
  const r = pick(stack.routes, dst);
  if (!r) return { output: 'RTNETLINK answers: Network is unreachable', exitCode: 2 };
  const src = r.src ?? stack.ifaces.find((f) => f.name === r.dev)?.addrs[0]?.ip;
  const via = r.via ? ` via ${r.via}` : '';
  return { output: `${dst}${via} dev ${r.dev}${src ? ` src ${src}` : ''} uid 0 \n    cache `, exitCode: 0 };
}
