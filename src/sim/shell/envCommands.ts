import { processEnv } from '../containerEnv';
import type { CommandResult, World } from '../model';
import type { Where } from '../where';

/**
 * `env` and `printenv` in a container (coreutils, busybox): the process's environment as Docker
 * and runc set it (containerEnv.ts), one KEY=VALUE a line.
 */

type Run = (world: World, argv: string[], where: Where, line: string) => CommandResult;

const onMachine = (world: World, name: string): CommandResult => ({
  world,
  output: `whalewire: ${name} is simulated inside containers only`,
  exitCode: 127,
});

/** `env [NAME=VALUE]… [COMMAND [ARG]…]`: prints the environment, or runs COMMAND with the assignments added. */
export function envCommand(run: Run): Run {
  return (world, argv, where, line) => {
    const c = where.kind === 'container' ? world.containers[where.id] : undefined;
    if (!c) return onMachine(world, 'env');
    const rest = argv.slice(1);
    if (rest[0]?.startsWith('-')) {
      return { world, output: `whalewire: env ${rest[0]} is not simulated here`, exitCode: 125 };
    }
    const sets = rest.filter((a, i) => a.includes('=') && rest.slice(0, i).every((b) => b.includes('=')));
    const cmd = rest.slice(sets.length);
    const here: Where = sets.length ? { ...where, env: [...(where.env ?? []), ...sets] } : where;
    if (cmd.length) return run(world, cmd, here, line);
    return { world, output: processEnv(c, here).join('\n'), exitCode: 0 };
  };
}

/** `printenv [NAME]…`: every variable, or the values of those named (exit 1 when one is not set). */
export const printenv: Run = (world, argv, where) => {
  const c = where.kind === 'container' ? world.containers[where.id] : undefined;
  if (!c) return onMachine(world, 'printenv');
  const env = processEnv(c, where);
  const names = argv.slice(1);
  if (!names.length) return { world, output: env.join('\n'), exitCode: 0 };
  const values = names.flatMap((n) =>
    env.filter((e) => e.slice(0, e.indexOf('=')) === n).map((e) => e.slice(n.length + 1)),
  );
  const missing = names.some((n) => !env.some((e) => e.slice(0, e.indexOf('=')) === n));
  return { world, output: values.join('\n'), exitCode: missing ? 1 : 0 };
};
