import type { Socket } from './sockets';

/**
 * BusyBox's own `netstat` (networking/netstat.c, busybox 1.36/1.37 with FEATURE_NETSTAT_WIDE and
 * FEATURE_NETSTAT_PRG, as busybox and alpine images build it): not net-tools' layout. Its
 * differences: the protocol column says `tcp`/`udp` for IPv6 sockets too (`%s   %6lu %6lu`),
 * the state column is 12 wide, the program column is `PID/argv0` cut to 19 characters and not
 * padded, and without -t/-u/-w/-x it lists UNIX domain sockets after the internet ones.
 */

export interface BusyboxOpts {
  tcp: boolean;
  udp: boolean;
  /** no -t/-u/-w/-x: every socket type, UNIX domain ones included */
  allTypes: boolean;
  listening: boolean;
  all: boolean;
  procs: boolean;
}

/** busybox's option letters (NETSTAT_OPTS "laentuwx" + r, W, p) */
export const BUSYBOX_NETSTAT_OPTS = 'laentuwxrWp';

const which = (o: BusyboxOpts) =>
  o.all ? '(servers and established)' : o.listening ? '(only servers)' : '(w/o servers)';

const progName = (s: Socket) => {
  if (!s.proc) return '-';
  const arg0 = s.proc.cmdline.slice(s.proc.cmdline.lastIndexOf('/') + 1);
  return `${s.proc.pid}/${arg0}`.slice(0, 19); // safe_strncpy(name, …, PROGNAME_WIDTH 20)
};

/** The output for the sockets `list` already filtered to what the options show (only listening ones exist). */
export function busyboxNetstat(list: Socket[], o: BusyboxOpts): string {
  const banner = o.procs ? 'PID/Program name    ' : '';
  const out = [
    `Active Internet connections ${which(o)}`,
    `Proto Recv-Q Send-Q ${'Local Address'.padEnd(23)} ${'Foreign Address'.padEnd(23)} State       ${banner}`,
  ];
  const sorted = [...list].sort(
    (a, b) =>
      (a.proto === b.proto ? 0 : a.proto === 'tcp' ? -1 : 1) ||
      (a.family === 4 ? 0 : 1) - (b.family === 4 ? 0 : 1) ||
      a.port - b.port,
  );
  for (const s of sorted) {
    const v6 = s.family !== 4;
    const local = `${v6 ? s.ip || '::' : s.ip}:${s.port}`;
    const peer = v6 ? ':::*' : '0.0.0.0:*';
    const state = s.proto === 'tcp' ? 'LISTEN' : '';
    const row = `${s.proto}   ${'0'.padStart(6)} ${'0'.padStart(6)} ${local.padEnd(23)} ${peer.padEnd(23)} ${state.padEnd(12)}`;
    out.push(o.procs ? row + progName(s) : row);
  }
  if (o.allTypes) {
    out.push(`Active UNIX domain sockets ${which(o)}`);
    out.push(`Proto RefCnt Flags       Type       State         I-Node ${banner}Path`);
  }
  return out.join('\n');
}
