import type { CommandResult, World } from '../model';
import type { Where } from '../where';

/**
 * The docker CLI: `argv` is everything after `docker`. Returns the new World and what the CLI
 * prints. A failed command returns the input World unchanged (except Docker's own partial effects).
 */
export function runDocker(world: World, argv: string[], _where: Where): CommandResult {
  return { world, output: `docker: '${argv[0] ?? ''}' is not a docker command.\nSee 'docker --help'`, exitCode: 1 };
}
