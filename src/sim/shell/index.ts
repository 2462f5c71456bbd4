import type { CommandResult, World } from '../model';
import type { Where } from '../where';
import { basicCommands } from './basic';
import { bridgeCommands } from './bridge';
import { envCommand, printenv } from './envCommands';
import { fsCommands } from './fsCommands';
import { ipCommand } from './ip';
import { iptables } from './iptables';
import { netTools } from './nettools';
import { nsenterTarget } from './nsenter';
import { packetCommands } from './packet';
import { dockerd, service, systemctl } from './services';
import { netstat, ss } from './ss';
import { tcpdumpCommand } from './tcpdump';
import { commandNotFound, hasTool, voiceOf } from './tools';

/** A shell command: argv[0] is the command name. */
export type ShellCommand = (world: World, argv: string[], where: Where, line: string) => CommandResult;

/** Packet-level commands that the packet engine registers in `packetCommands`. */
export const PACKET_TOOLS = ['ping', 'curl', 'wget', 'nslookup', 'dig', 'getent', 'host', 'traceroute'];

/** Runs a whole console line at a place (pipes, lists): the console registers it, to keep imports one-way. */
type LineRunner = (world: World, where: Where, line: string) => CommandResult;
let lineRunner: LineRunner | null = null;

export function setLineRunner(run: LineRunner): void {
  lineRunner = run;
}

/** `sh -c 'CMD | …'`, `bash -c …`: the string is a line of its own, run where the shell runs. */
const shellC: ShellCommand = (world, argv, where) => {
  const at = argv.indexOf('-c');
  if (at < 0) return { world, output: '', exitCode: 0 }; // a nested interactive shell: same prompt
  const line = argv[at + 1];
  if (line === undefined) return { world, output: `${argv[0]}: -c: option requires an argument`, exitCode: 2 };
  if (!lineRunner) return { world, output: '', exitCode: 0 };
  // the string runs in that shell: its errors are worded as that shell words a -c script
  return lineRunner(world, { ...where, shell: voiceOf(world, where, argv[0], true) }, line);
};

const localCommands: Record<string, ShellCommand> = {
  ...basicCommands,
  ...bridgeCommands,
  ...fsCommands,
  ip: ipCommand,
  iptables,
  ip6tables: iptables,
  tcpdump: tcpdumpCommand,
  ss,
  netstat,
  systemctl,
  service,
  dockerd,
  sh: shellC,
  bash: shellC,
  ash: shellC,
  zsh: shellC,
  ...netTools,
  env: envCommand((w, argv, where, line) => runShell(w, argv, where, line)),
  printenv,
};

/** `nsenter --net=SANDBOXKEY CMD…`: the host's CMD, run in a container's network namespace. */
localCommands.nsenter = (world, argv, where) => {
  const t = nsenterTarget(world, argv, where);
  if ('error' in t) return { world, output: t.error, exitCode: t.exitCode };
  const cmd = t.cmd[0].split('/').pop() ?? t.cmd[0];
  if (!hasTool(world, where, cmd)) {
    return { world, output: `nsenter: failed to execute ${t.cmd[0]}: No such file or directory`, exitCode: 127 };
  }
  const known = packetCommands[cmd] ?? localCommands[cmd];
  if (!known || cmd === 'nsenter') return notSimulated(world, cmd);
  return known(world, [cmd, ...t.cmd.slice(1)], { kind: 'container', id: t.id, hostPids: true }, t.cmd.join(' '));
};

/** Commands a user can turn to instead (the ones this console simulates). */
const SIMULATED =
  'ping, curl, wget, nslookup, dig, host, getent, traceroute, tcpdump, ip, ss, iptables, conntrack, bridge, cat';

function notSimulated(world: World, cmd: string): CommandResult {
  return {
    world,
    output: `whalewire: ${cmd} is in this image but not simulated here; try ${SIMULATED}`,
    exitCode: 127,
  };
}

const notYet: ShellCommand = (world, argv) => ({
  world,
  output: `${argv[0]}: packet simulation is not available yet`,
  exitCode: 2,
});

/**
 * Runs one shell command on a machine or in a container. Tools the machine or image lacks answer
 * as its shell does (`bash: ping: command not found`, exit 127); the packet engine's commands are
 * consulted first, then the commands that need no packets.
 */
export function runShell(world: World, argv: string[], where: Where, line: string): CommandResult {
  const name = argv[0] ?? '';
  if (name === '') return { world, output: '', exitCode: 0 };
  const cmd = name.includes('/') ? (name.split('/').pop() ?? name) : name;
  const known = packetCommands[cmd] ?? localCommands[cmd] ?? (PACKET_TOOLS.includes(cmd) ? notYet : undefined);
  if (!hasTool(world, where, cmd)) return commandNotFound(world, where, name);
  // the real image has this tool but whalewire does not simulate it: say so rather than pretend it is missing
  if (!known) return notSimulated(world, cmd);
  // a shell keeps the name it was called by: it is the $0 its messages start with (/bin/sh: foo: not found)
  return known(world, [known === shellC ? name : cmd, ...argv.slice(1)], where, line);
}
