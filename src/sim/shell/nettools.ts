import { IPv4CidrRange } from 'ip-num';
import type { CommandResult, Route, World } from '../model';
import { newCtx, nodeOf } from '../net/ctx';
import { reverseName } from '../net/dns';
import { nodeKeyOf } from '../net/topo';
import { stackOf } from '../stack';
import type { Where } from '../where';
import type { ShellCommand } from './index';

/**
 * busybox's `route` and `arp` (busybox, alpine and netshoot images): the same routing table and
 * neighbour cache `ip route` and `ip neigh` print, in net-tools' older layout.
 */

const netmask = (prefix: number) => IPv4CidrRange.fromCidr(`0.0.0.0/${prefix}`).getPrefix().toMask().toString();

function routeRow(r: Route, numeric: boolean): string {
  const isDefault = r.dst === 'default';
  const [net, len] = isDefault ? ['0.0.0.0', 0] : [r.dst.split('/')[0], Number(r.dst.split('/')[1] ?? 32)];
  const dest = isDefault && !numeric ? 'default' : net;
  const gw = r.via ?? (numeric ? '0.0.0.0' : '*');
  const flags = `U${r.via ? 'G' : ''}${len === 32 ? 'H' : ''}`;
  // "%-15.15s %-15.15s %-16s%-6s" then "%-6d %-2d %7d " and the device
  return `${dest.padEnd(15).slice(0, 15)} ${gw.padEnd(15).slice(0, 15)} ${netmask(len).padEnd(16)}${flags.padEnd(6)}${String(r.metric ?? 0).padEnd(6)} ${'0'.padEnd(2)} ${'0'.padStart(7)} ${r.dev}`;
}

/** `route [-n]`. */
const route: ShellCommand = (world, argv, where) => {
  const stack = stackOf(world, where);
  const numeric = argv.includes('-n');
  const other = argv.slice(1).find((a) => a !== '-n');
  if (other) return { world, output: `route: invalid option -- '${other.replace(/^-/, '').slice(0, 1)}'`, exitCode: 1 };
  const rows = (stack?.routes ?? []).filter((r) => !r.linkdown).map((r) => routeRow(r, numeric));
  const header = [
    'Kernel IP routing table',
    'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface',
  ];
  return { world, output: [...header, ...rows].join('\n'), exitCode: 0 };
};

/** `arp [-a] [-n]`: one `NAME (IP) at MAC [ether]  on DEV` line per neighbour. */
const arp: ShellCommand = (world: World, argv: string[], where: Where): CommandResult => {
  const stack = stackOf(world, where);
  const numeric = argv.includes('-n');
  const ctx = newCtx(world);
  const node = nodeOf(ctx, nodeKeyOf(world, where));
  const lines = (stack?.arp ?? []).map((e) => {
    const name = numeric || !node ? null : reverseName(ctx, node, e.ip);
    return `${name ?? '?'} (${e.ip}) at ${e.mac} [ether]  on ${e.dev}`;
  });
  return { world, output: lines.join('\n'), exitCode: 0 };
};

export const netTools: Record<string, ShellCommand> = { route, arp };
