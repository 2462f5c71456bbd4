import type { ShellCommand } from '../index';

/**
 * Packet-level shell commands (ping, curl, nslookup, dig, getent, …) and the router's `portfwd`.
 * Owned by the packet-engine work (issue 3); the shell dispatcher looks commands up here first.
 */
export const packetCommands: Record<string, ShellCommand> = {};
