import { imageInfo } from './images';
import { imageUsers } from './imageUsers';
import type { Container } from './model';
import type { Where } from './where';

/**
 * A container process's environment as Docker and runc make it. The daemon's Config.Env is the
 * user's -e/--env-file values, then the image's ENV they do not name (daemon/commit.go merge);
 * a process gets CreateDaemonEnvironment (PATH, HOSTNAME, TERM=xterm with a terminal) with
 * Config.Env over it, an exec's own -e values over that (ReplaceOrAppendEnvValues), and runc adds
 * HOME, the user's home from the image's passwd, when nothing set it.
 */

/** oci.DefaultPathEnv on Linux (the PATH CreateDaemonEnvironment gives every process). */
export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** container.ReplaceOrAppendEnvValues: a KEY=VALUE replaces KEY in place or is appended; a bare KEY unsets it. */
export function replaceOrAppendEnv(defaults: string[], overrides: string[]): string[] {
  const out: (string | null)[] = [...defaults];
  const at = new Map<string, number>();
  defaults.forEach((e, i) => {
    at.set(e.slice(0, e.indexOf('=')), i);
  });
  for (const v of overrides) {
    const eq = v.indexOf('=');
    if (eq < 0) {
      const i = at.get(v);
      if (i !== undefined) out[i] = null;
      continue;
    }
    const i = at.get(v.slice(0, eq));
    if (i !== undefined) out[i] = v;
    else out.push(v);
  }
  return out.filter((e): e is string => e !== null);
}

/** Config.Env as `docker inspect` shows it: the user's values, then the image's ENV they did not name. */
export function configEnv(c: Container): string[] {
  const image = imageInfo(c.image).env;
  const named = (e: string) => c.env.some((u) => u.split('=')[0] === e.split('=')[0]);
  return [...c.env, ...image.filter((e) => !named(e))];
}

/** Home directories of the passwd entries imageUsers knows (Debian base-passwd, Alpine, busybox, the servers' own). */
const DEBIAN_HOMES: Record<string, string> = {
  daemon: '/usr/sbin',
  bin: '/bin',
  sys: '/dev',
  sync: '/bin',
  games: '/usr/games',
  man: '/var/cache/man',
  lp: '/var/spool/lpd',
  mail: '/var/mail',
  news: '/var/spool/news',
  uucp: '/var/spool/uucp',
  proxy: '/bin',
  'www-data': '/var/www',
  backup: '/var/backups',
  list: '/var/list',
  irc: '/run/ircd',
  _apt: '/nonexistent',
  nobody: '/nonexistent',
  nginx: '/nonexistent',
  postgres: '/var/lib/postgresql',
};
const ALPINE_HOMES: Record<string, string> = {
  bin: '/bin',
  daemon: '/sbin',
  lp: '/var/spool/lpd',
  sync: '/sbin',
  shutdown: '/sbin',
  halt: '/sbin',
  mail: '/var/mail',
  news: '/usr/lib/news',
  uucp: '/var/spool/uucppublic',
  cron: '/var/spool/cron',
  ftp: '/var/lib/ftp',
  sshd: '/dev/null',
  games: '/usr/games',
  ntp: '/var/empty',
  guest: '/dev/null',
  nobody: '/',
};
const BUSYBOX_HOMES: Record<string, string> = {
  daemon: '/usr/sbin',
  bin: '/bin',
  sys: '/dev',
  sync: '/bin',
  mail: '/var/spool/mail',
  'www-data': '/var/www',
  operator: '/var',
  nobody: '/home',
};

/** The home runc sets: the passwd entry's (by name or uid), "/" for a uid the image does not list. */
export function homeOf(c: Container, user: string): string {
  const users = imageUsers(c.image);
  const name = /^\d+$/.test(user) ? Object.keys(users).find((n) => users[n] === Number(user)) : user;
  if (name === undefined) return '/';
  if (name === 'root') return '/root';
  const flavor = imageInfo(c.image).flavor;
  const homes = flavor === 'busybox' ? BUSYBOX_HOMES : flavor === 'musl' ? ALPINE_HOMES : DEBIAN_HOMES;
  return homes[name] ?? '/';
}

/** The environment a process in the container sees: the main process, or an exec's (`where.env`, `where.tty`). */
export function processEnv(c: Container, where: Where): string[] {
  const tty = where.tty ?? c.tty;
  const daemon = [DEFAULT_PATH, `HOSTNAME=${c.hostname}`, ...(tty ? ['TERM=xterm'] : [])];
  const env = replaceOrAppendEnv(replaceOrAppendEnv(daemon, configEnv(c)), where.env ?? []);
  const user = (where.user ?? c.user ?? '').split(':')[0] || 'root';
  return env.some((e) => e.startsWith('HOME=')) ? env : [...env, `HOME=${homeOf(c, user)}`];
}
