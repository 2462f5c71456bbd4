import { imageInfo } from '../images';
import type { CommandResult, Proto, World } from '../model';
import type { Where } from '../where';
import type { ShellCommand } from './index';
import { BUSYBOX_NETSTAT_OPTS, busyboxNetstat } from './netstatBusybox';
import { namespaceSockets, type Socket } from './sockets';

/**
 * `ss` (iproute2 6.1, misc/ss.c) and `netstat` (net-tools 2.10, netstat.c) over the namespace's
 * listening sockets (sockets.ts). Only listening sockets exist in the simulation between
 * commands: without -l / -a both list nothing but their headers, as on a quiet machine.
 */

interface Opts {
  tcp: boolean;
  udp: boolean;
  listening: boolean;
  all: boolean;
  procs: boolean;
  header: boolean;
  families: Set<4 | 6>;
}

function parse(argv: string[], letters: string): Opts | { bad: string } {
  const o: Opts = {
    tcp: false,
    udp: false,
    listening: false,
    all: false,
    procs: false,
    header: true,
    families: new Set(),
  };
  for (const a of argv.slice(1)) {
    const long: Record<string, string> = {
      '--tcp': 't',
      '--udp': 'u',
      '--listening': 'l',
      '--all': 'a',
      '--numeric': 'n',
      '--processes': 'p',
      '--programs': 'p',
      '--no-header': 'H',
    };
    const flags = long[a] ?? (a.startsWith('-') && !a.startsWith('--') ? a.slice(1) : null);
    if (flags === null) return { bad: a };
    for (const ch of flags) {
      if (!letters.includes(ch)) return { bad: `-${ch}` };
      if (ch === 't') o.tcp = true;
      else if (ch === 'u') o.udp = true;
      else if (ch === 'l') o.listening = true;
      else if (ch === 'a') o.all = true;
      else if (ch === 'p') o.procs = true;
      else if (ch === 'H') o.header = false;
      else if (ch === '4') o.families.add(4);
      else if (ch === '6') o.families.add(6);
    }
  }
  if (!o.tcp && !o.udp) o.tcp = o.udp = true;
  return o;
}

function shown(s: Socket, o: Opts): boolean {
  if (!(s.proto === 'tcp' ? o.tcp : o.udp)) return false;
  if (!o.listening && !o.all) return false; // only established sockets: none between commands
  if (o.families.size === 0) return true;
  const fam = s.family === 4 ? 4 : 6; // a dual-stack socket is an AF_INET6 socket
  return o.families.has(fam);
}

/**
 * The listing order, by port within a family and v4 first (the sock_diag dump asks AF_INET, then
 * AF_INET6; netstat reads /proc/net/tcp before tcp6): ss shows udp before tcp (iproute2 ss.c main:
 * udp_show, then tcp_show), net-tools netstat tcp before udp (netstat.c main).
 */
const order = (list: Socket[], first: Proto) =>
  [...list].sort(
    (a, b) =>
      (a.proto === b.proto ? 0 : a.proto === first ? -1 : 1) ||
      (a.family === 4 ? 0 : 1) - (b.family === 4 ? 0 : 1) ||
      a.port - b.port,
  );

/** ss's address column: `*` for a dual-stack socket on ::, brackets for other IPv6 addresses. */
function ssAddr(s: Socket): [local: string, peer: string] {
  if (s.family === 'dual') return ['*', '*'];
  if (s.family === 6) return [`[${s.ip}]`, '[::]'];
  return [s.ip, '0.0.0.0'];
}

/** ss.c columns: alignment and left delimiter (Netid, State, Recv-Q, Send-Q, addr, port, peer, port, Process, ""). */
const COLS: { right: boolean; ldelim: string; header: string }[] = [
  { right: false, ldelim: '', header: 'Netid' },
  { right: false, ldelim: ' ', header: 'State' },
  { right: false, ldelim: ' ', header: 'Recv-Q' },
  { right: false, ldelim: ' ', header: 'Send-Q' },
  { right: true, ldelim: ' ', header: 'Local Address:' },
  { right: false, ldelim: '', header: 'Port' },
  { right: true, ldelim: ' ', header: 'Peer Address:' },
  { right: false, ldelim: '', header: 'Port' },
  { right: false, ldelim: '', header: 'Process' },
  { right: false, ldelim: '', header: '' },
];

/**
 * ss's render() with its output not a terminal (render_calc_width's compact output: each column
 * as wide as its widest token plus its delimiter, the first without; right-aligned addresses,
 * left-aligned columns padded, so lines keep trailing blanks).
 */
function render(rows: string[][], enabled: boolean[]): string {
  const cols = COLS.map((c, i) => ({ ...c, i })).filter((c) => enabled[c.i]);
  const widths: number[] = [];
  let first = true;
  cols.forEach((c, k) => {
    const max = Math.max(0, ...rows.map((r) => r[c.i].length));
    widths[k] = !first && max ? max + c.ldelim.length : max;
    if (widths[k]) first = false;
  });
  const start = widths.findIndex((w) => w > 0);
  return rows
    .map((r) => {
      let line = '';
      for (let k = start; k < cols.length; k++) {
        const c = cols[k];
        const w = widths[k];
        let printed = k > start ? c.ldelim.length : 0;
        let piece = k > start ? c.ldelim : '';
        const tok = r[c.i];
        if (w && c.right) {
          const pad = w - tok.length - printed;
          if (pad > 0) {
            piece += ' '.repeat(pad);
            printed += pad;
          }
        }
        piece += tok;
        printed += tok.length;
        if (w && !c.right && w - printed > 0) piece += ' '.repeat(w - printed);
        line += piece;
      }
      return line;
    })
    .join('\n');
}

const users = (s: Socket) => (s.proc ? ` users:(("${s.proc.comm}",pid=${s.proc.pid},fd=${s.proc.fd}))` : '');

function ssOutput(list: Socket[], o: Opts): string {
  const both = o.tcp && o.udp;
  const rows: string[][] = [];
  if (o.header) rows.push(COLS.map((c) => c.header));
  for (const s of order(list, 'udp')) {
    const [local, peer] = ssAddr(s);
    rows.push([
      s.proto,
      s.proto === 'tcp' ? 'LISTEN' : 'UNCONN',
      '0'.padEnd(6),
      String(s.proto === 'tcp' ? Math.min(s.backlog, 4096) : 0).padEnd(6),
      `${local}:`,
      String(s.port),
      `${peer}:`,
      '*',
      o.procs ? users(s) : '',
      '',
    ]);
  }
  // Netid shows only when more than one socket table is asked for; State (LISTEN and UNCONN
  // under -l, every state under -a) always holds more than one state here
  const enabled = COLS.map((_, i) => i !== 0 || both);
  return rows.length ? render(rows, enabled) : '';
}

/** netstat's program column: PID/argv[0]'s base name, cut to 19 characters (PROGNAME_WIDTH 20). */
const progName = (s: Socket) => {
  if (!s.proc) return '-';
  const arg0 = s.proc.cmdline.slice(s.proc.cmdline.lastIndexOf('/') + 1);
  return `${s.proc.pid}/${arg0}`.slice(0, 19);
};

function netstatOutput(list: Socket[], o: Opts): string {
  const what = o.all ? '(servers and established)' : o.listening ? '(only servers)' : '(w/o servers)';
  const lines = [
    `Active Internet connections ${what}`,
    `Proto Recv-Q Send-Q Local Address           Foreign Address         State      ${o.procs ? ` ${'PID/Program name'.padEnd(20)}` : ''}`,
  ];
  for (const s of order(list, 'tcp')) {
    const v6 = s.family !== 4;
    const prot = `${s.proto}${v6 ? '6' : ''}`;
    const local = `${v6 ? (s.ip === '::' ? '::' : s.ip) : s.ip}:${s.port}`;
    const peer = v6 ? ':::*' : '0.0.0.0:*';
    const row =
      s.proto === 'tcp'
        ? `${prot.padEnd(4)}  ${'0'.padStart(6)} ${'0'.padStart(6)} ${local.padEnd(23)} ${peer.padEnd(23)} ${'LISTEN'.padEnd(11)}`
        : `${prot.padEnd(5)} ${'0'.padStart(6)} ${'0'.padStart(6)} ${local.padEnd(23)} ${peer.padEnd(23)} ${''.padEnd(11)}`;
    lines.push(o.procs ? `${row} ${progName(s).padEnd(20)}` : row);
  }
  return lines.join('\n');
}

/** The viewer sees the host's PIDs on a machine and through nsenter; in a container, its own. */
const sockets = (world: World, where: Where) =>
  namespaceSockets(world, where, where.kind === 'machine' || Boolean(where.hostPids));

/** ss's other options (ss.c getopt string): real, but not simulated here. */
const SS_OTHER = 'dhewxro0sbEfmMiADFvVzZNKQSO';

export const ss: ShellCommand = (world, argv, where): CommandResult => {
  const o = parse(argv, 'tulanpH46');
  if ('bad' in o) {
    const ch = o.bad.replace(/^-+/, '');
    if (!o.bad.startsWith('--') && SS_OTHER.includes(ch.slice(0, 1))) {
      return { world, output: `whalewire: ss -${ch.slice(0, 1)} is not simulated here; try ss -tulnp`, exitCode: 1 };
    }
    const msg = o.bad.startsWith('--')
      ? `ss: unrecognized option '${o.bad}'`
      : `ss: invalid option -- '${ch.slice(0, 1)}'`;
    return { world, output: `${msg}\nUsage: ss [ OPTIONS ]\n       ss [ OPTIONS ] [ FILTER ]`, exitCode: 1 };
  }
  const list = sockets(world, where).filter((s) => shown(s, o));
  return { world, output: ssOutput(list, o), exitCode: 0 };
};

export const netstat: ShellCommand = (world, argv, where): CommandResult => {
  const c = where.kind === 'container' ? world.containers[where.id] : undefined;
  const busybox = Boolean(c && imageInfo(c.image).flavor === 'busybox');
  const o = parse(argv, busybox ? BUSYBOX_NETSTAT_OPTS : 'tulanp46');
  if ('bad' in o) {
    const ch = o.bad.replace(/^-+/, '').slice(0, 1);
    return { world, output: `netstat: invalid option -- '${ch}'`, exitCode: 1 };
  }
  const list = sockets(world, where).filter((s) => shown(s, o));
  if (busybox) {
    const typed = argv.slice(1).some((a) => /^-[^-]*[tuwx]/.test(a) || ['--tcp', '--udp'].includes(a));
    return { world, output: busyboxNetstat(list, { ...o, allTypes: !typed }), exitCode: 0 };
  }
  return { world, output: netstatOutput(list, o), exitCode: 0 };
};
