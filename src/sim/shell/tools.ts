import { imageInfo } from '../images';
import type { CommandResult, World } from '../model';
import type { ShellVoice, Where } from '../where';
import { notFound, type ShellFlavor, toolArgv } from './pipe';

/** Shell built-ins and tools every shell has, whatever the image or machine lists. */
const BUILTINS = ['echo', 'exit', 'clear', 'help', 'whoami', 'logout', 'true', 'false', 'sleep', 'cd', 'pwd'];

/**
 * Tools a root shell on any of our Linux machines has even when `Machine.tools` does not list
 * them: coreutils, iptables and ip6tables (every Linux box can list its own empty rules) and tcpdump (Ubuntu
 * Server and Debian's standard task install it).
 */
const MACHINE_BASE = [
  'cat',
  'hostname',
  'iptables',
  'ip6tables',
  'nsenter',
  'sh',
  'bash',
  'ls',
  'mkdir',
  'rm',
  'touch',
  'nano',
  'vi',
  'vim',
  'tcpdump',
  'sudo',
  'systemctl',
  'service',
];

/** coreutils (or busybox's) file tools: in every image that has `cat`; busybox also has vi. */
const FILE_TOOLS = ['ls', 'mkdir', 'rm', 'touch'];

/** Whether `tool` can run at `where`: the machine's tools, or the container image's. */
export function hasTool(world: World, where: Where, tool: string): boolean {
  if (BUILTINS.includes(tool)) return true;
  if (where.kind === 'machine') {
    const m = world.machines[where.id];
    if (!m) return false;
    // iproute2 ships ss beside ip; docker-ce ships dockerd beside docker
    return (
      m.tools.includes(tool) ||
      MACHINE_BASE.includes(tool) ||
      (tool === 'ss' && m.tools.includes('ip')) ||
      (tool === 'dockerd' && m.tools.includes('docker'))
    );
  }
  const c = world.containers[where.id];
  if (!c) return false;
  const info = imageInfo(c.image);
  if (info.tools.includes(tool)) return true;
  if (FILE_TOOLS.includes(tool) || (tool === 'vi' && info.flavor === 'busybox')) return info.tools.includes('cat');
  return false;
}

/** The shell `name` (sh, /bin/bash, ash, zsh) is at `where`: busybox ash in Alpine and busybox images, dash in Debian's. */
export function voiceOf(world: World, where: Where, name: string, script: boolean): ShellVoice {
  const base = name.split('/').pop() ?? name;
  const c = where.kind === 'container' ? world.containers[where.id] : undefined;
  const flavor = c ? imageInfo(c.image).flavor : 'glibc';
  const kind =
    base === 'bash' ? 'bash' : base === 'zsh' ? 'zsh' : base === 'ash' || flavor !== 'glibc' ? 'ash' : 'dash';
  return { kind, name, script };
}

/** The shell a line at `where` runs in: the one chosen (sh -c, exec -it … sh), else the image's own. */
export function shellVoice(world: World, where: Where): ShellVoice {
  if (where.shell) return where.shell;
  if (where.kind === 'machine') return { kind: 'bash', name: 'bash', script: false };
  const c = world.containers[where.id];
  const info = c ? imageInfo(c.image) : null;
  if (info?.flavor === 'busybox') return { kind: 'ash', name: 'sh', script: false };
  return info?.shell === 'zsh'
    ? { kind: 'zsh', name: 'zsh', script: false }
    : { kind: 'bash', name: 'bash', script: false };
}

/** The shell family a line at `where` runs in, which decides how syntax errors are worded. */
export function shellFlavor(world: World, where: Where): ShellFlavor {
  const k = shellVoice(world, where).kind;
  return k === 'ash' || k === 'dash' ? 'sh' : k;
}

/**
 * `bash: foo: command not found`, busybox's `sh: foo: not found`, dash's `sh: 1: foo: not found`,
 * zsh's `zsh: command not found: foo`; exit 127.
 */
export function commandNotFound(world: World, where: Where, name: string): CommandResult {
  return { world, output: notFound(shellVoice(world, where), name), exitCode: 127 };
}

/** `docker exec -it c sh` in an image whose own shell is another (netshoot's zsh): the frame speaks sh. */
export function enteredShell(world: World, id: string, argv: string[]): { shell?: ShellVoice } {
  const cmd = argv[0] === 'docker' ? toolArgv(argv) : [];
  if (cmd.length !== 1 || !/^(\/(usr\/)?bin\/)?(sh|ash|dash|bash|zsh)$/.test(cmd[0])) return {};
  const at: Where = { kind: 'container', id };
  const voice = voiceOf(world, at, cmd[0], false);
  return voice.kind === shellVoice(world, at).kind ? {} : { shell: voice };
}
