import { imageInfo } from '../images';
import type { CommandResult, World } from '../model';
import type { Where } from '../where';

/** Shell built-ins and tools every shell has, whatever the image or machine lists. */
const BUILTINS = ['echo', 'exit', 'clear', 'help', 'whoami', 'logout', 'true', 'false', 'sleep'];

/**
 * Tools a root shell on any of our Linux machines has even when `Machine.tools` does not list
 * them: coreutils, and iptables (every Linux box can list its own empty rules).
 */
const MACHINE_BASE = ['cat', 'hostname', 'iptables', 'sh', 'bash'];

/** Whether `tool` can run at `where`: the machine's tools, or the container image's. */
export function hasTool(world: World, where: Where, tool: string): boolean {
  if (BUILTINS.includes(tool)) return true;
  if (where.kind === 'machine') {
    const m = world.machines[where.id];
    return Boolean(m && (m.tools.includes(tool) || MACHINE_BASE.includes(tool)));
  }
  const c = world.containers[where.id];
  return Boolean(c && imageInfo(c.image).tools.includes(tool));
}

/** The shell a line at `where` runs in, which decides how "not found" is worded. */
export function shellFlavor(world: World, where: Where): 'bash' | 'sh' | 'zsh' {
  if (where.kind === 'machine') return 'bash';
  const c = world.containers[where.id];
  if (!c) return 'bash';
  const info = imageInfo(c.image);
  if (info.flavor === 'busybox') return 'sh';
  return info.shell === 'zsh' ? 'zsh' : 'bash';
}

/** `bash: foo: command not found` (or busybox's `sh: foo: not found`, zsh's wording), exit 127. */
export function commandNotFound(world: World, where: Where, name: string): CommandResult {
  const flavor = shellFlavor(world, where);
  const output =
    flavor === 'sh'
      ? `sh: ${name}: not found`
      : flavor === 'zsh'
        ? `zsh: command not found: ${name}`
        : `bash: ${name}: command not found`;
  return { world, output, exitCode: 127 };
}
