/**
 * `sudo [OPTIONS] CMD…` on a machine. The console is root already, so sudo only runs CMD (sudo
 * 1.9's options that take no value are skipped, `-u USER` too); a bare `sudo` prints its usage.
 */

/** sudo 1.9.15's usage (sudo with no arguments, exit 1). */
const USAGE = `usage: sudo -h | -K | -k | -V
usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]
usage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user]
            [-u user] [command [arg ...]]
usage: sudo [-ABbEHkNnPS] [-r role] [-t type] [-C num] [-D directory]
            [-g group] [-h host] [-p prompt] [-R directory] [-T timeout]
            [-u user] [VAR=value] [-i | -s] [command [arg ...]]
usage: sudo -e [-ABkNnS] [-r role] [-t type] [-C num] [-D directory]
            [-g group] [-h host] [-p prompt] [-R directory] [-T timeout]
            [-u user] file ...`;

const WITH_VALUE = new Set(['-u', '-g', '-h', '-p', '-r', '-t', '-C', '-D', '-R', '-T', '-U']);

export function sudoArgv(argv: string[]): { argv: string[] } | { error: string } {
  let i = 1;
  while (i < argv.length && argv[i].startsWith('-')) {
    if (argv[i] === '--') {
      i++;
      break;
    }
    i += WITH_VALUE.has(argv[i]) ? 2 : 1;
  }
  const rest = argv.slice(i);
  // `sudo -i` / `sudo -s` alone open a root shell: the console is one already
  if (!rest.length && argv.slice(1, i).some((a) => a === '-i' || a === '-s')) return { argv: ['true'] };
  return rest.length ? { argv: rest } : { error: USAGE };
}
