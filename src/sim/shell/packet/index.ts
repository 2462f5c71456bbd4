import type { ShellCommand } from '../index';
import { curl } from './curl';
import { dig } from './dig';
import { getent, host, nslookup } from './dnsTools';
import { ipv4Only } from './ipv6Guard';
import { ping } from './ping';
import { portfwd } from './portfwd';
import { traceroute } from './traceroute';
import { wget } from './wget';

/**
 * Packet-level shell commands (ping, curl, wget, nslookup, dig, getent) and the router's
 * `portfwd`. Each runs the packet engine (src/sim/net) and returns one Trace for the command.
 */
export const packetCommands: Record<string, ShellCommand> = {
  ping,
  ping6: ping,
  curl,
  wget: ipv4Only(wget),
  nslookup,
  dig,
  getent,
  host,
  portfwd,
  traceroute: ipv4Only(traceroute),
};
