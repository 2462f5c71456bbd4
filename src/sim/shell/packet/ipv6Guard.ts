import { isIpv6 } from '../../net/addr6';
import type { ShellCommand } from '../index';
import type { ToolOutcome } from './run';

/**
 * whalewire's packet engine carries IPv6 for ping (ICMPv6 echo, neighbour discovery) and curl
 * (TCP), not yet for wget or traceroute. Those asked to send over IPv6 (`wget -6`, an IPv6
 * literal, `traceroute fd00:1::2`) answer one line saying so instead of a trace that would be
 * wrong; the addresses, routes and DNS answers of IPv6 networks are shown by ip, inspect and dig.
 */

/** The IPv6 flags of each tool (curl --ipv6, wget --inet6-only), besides -6. */
const FLAGS: Record<string, string[]> = {
  traceroute: ['-6'],
  wget: ['-6', '--inet6-only'],
};

/** An IPv6 literal in an argument: bare, or a URL's `[host]`. */
function literal6(arg: string): string | null {
  if (isIpv6(arg)) return arg;
  const m = /^(?:[a-z]+:\/\/)?\[([0-9a-fA-F:.]+)\]/.exec(arg);
  return m && isIpv6(m[1]) ? m[1] : null;
}

/** What would go out over IPv6 (a flag or an address), or null. */
export function ipv6Request(cmd: string, argv: string[]): string | null {
  const flags = FLAGS[cmd] ?? [];
  for (const a of argv.slice(1)) {
    if (flags.includes(a)) return a;
    const v6 = literal6(a);
    if (v6) return v6;
  }
  return null;
}

/** The one line a tool answers instead of sending over IPv6 (`asked`: the flag or address). */
export const ipv6Refusal = (cmd: string, asked: string) =>
  `whalewire: IPv6 packets are not traced yet (${cmd} ${asked}); nothing was sent. IPv6 addresses, routes and DNS are shown (ip -6 addr, ip -6 route, dig AAAA) and ping and curl are traced over IPv6; send over IPv4 to trace.`;

/** A tool's outcome when the name it was given resolves to IPv6 addresses only (`nodata`). */
export const ipv6NameOutcome = (cmd: string, host: string, ips6: string[]): ToolOutcome => ({
  output: ipv6Refusal(cmd, `${host} = ${ips6[0]}`),
  exitCode: 2,
  ok: false,
  summary: 'IPv6',
  ms: 0,
});

/** `tool` unless it is asked for IPv6 packets, which it refuses in one line (exit 2). */
export function ipv4Only(tool: ShellCommand): ShellCommand {
  return (world, argv, where, line) => {
    const asked = ipv6Request(argv[0], argv);
    if (asked === null) return tool(world, argv, where, line);
    return { world, output: ipv6Refusal(argv[0], asked), exitCode: 2 };
  };
}
