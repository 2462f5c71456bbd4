import { imageInfo } from './images';

/**
 * The users of an image's /etc/passwd (name -> uid): Debian's base accounts, Alpine's, busybox's,
 * and the account the official image adds for its server.
 */
const DEBIAN_USERS: Record<string, number> = {
  root: 0,
  daemon: 1,
  bin: 2,
  sys: 3,
  sync: 4,
  games: 5,
  man: 6,
  lp: 7,
  mail: 8,
  news: 9,
  uucp: 10,
  proxy: 13,
  'www-data': 33,
  backup: 34,
  list: 38,
  irc: 39,
  _apt: 42,
  nobody: 65534,
};
const ALPINE_USERS: Record<string, number> = {
  root: 0,
  bin: 1,
  daemon: 2,
  lp: 4,
  sync: 5,
  shutdown: 6,
  halt: 7,
  mail: 8,
  news: 9,
  uucp: 10,
  cron: 16,
  ftp: 21,
  sshd: 22,
  games: 35,
  ntp: 123,
  guest: 405,
  nobody: 65534,
};
const BUSYBOX_USERS: Record<string, number> = {
  root: 0,
  daemon: 1,
  bin: 2,
  sys: 3,
  sync: 4,
  mail: 8,
  'www-data': 33,
  operator: 37,
  nobody: 65534,
};
const APP_USERS: Record<string, Record<string, number>> = {
  nginx: { nginx: 101 },
  redis: { redis: 999 },
  postgres: { postgres: 999 },
  mysql: { mysql: 999 },
};

/** An image's passwd entries. */
export function imageUsers(image: string): Record<string, number> {
  const info = imageInfo(image);
  const base = info.flavor === 'busybox' ? BUSYBOX_USERS : info.flavor === 'musl' ? ALPINE_USERS : DEBIAN_USERS;
  return { ...base, ...(info.app ? APP_USERS[info.app] : {}) };
}
