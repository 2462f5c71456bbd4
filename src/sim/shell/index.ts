import type { CommandResult, World } from '../model';
import type { Where } from '../where';

/** A shell command: argv[0] is the command name. */
export type ShellCommand = (world: World, argv: string[], where: Where, line: string) => CommandResult;

/** Runs one shell command on a machine or in a container. */
export function runShell(world: World, argv: string[], _where: Where, _line: string): CommandResult {
  return { world, output: `bash: ${argv[0]}: command not found`, exitCode: 127 };
}
