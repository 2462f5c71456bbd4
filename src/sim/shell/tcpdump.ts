import { defaultCwd, PROBLEM_WORDS, readStored, resolvePath, writeProblem } from '../fs';
import { findContainer } from '../lookup';
import type { CommandResult, World } from '../model';
import { decodeFrame } from '../net/decode';
import { readPcapBytes, textToBytes } from '../net/pcapFile';
import { type CaptureJob, captureLinks } from '../net/tcpdumpJob';
import { printFrame, type TcpSeqState, tcpdumpTime } from '../net/tcpdumpPrint';
import { buildNode, nodeKeyOf } from '../net/topo';
import type { Where } from '../where';
import { type Filter, matches, parseFilter } from './tcpdumpFilter';

/**
 * `tcpdump [-i IFACE|any] [-n] [-e] [-c N] [-w FILE | -r FILE] [EXPRESSION]`. The engine runs one
 * command at a time, so tcpdump does not block here: it arms a capture that the console keeps on
 * the terminal (console.ts), and the frames later commands put on the interface print there as
 * tcpdump 4.99 prints them, until `-c N` is reached or Ctrl+C. `-r FILE` prints a saved capture.
 */

const USAGE = [
  'tcpdump version 4.99.3',
  'libpcap version 1.10.3 (with TPACKET_V3)',
  'Usage: tcpdump [-AbdDefhHIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ] [--count]',
  '\t\t[ -C file_size ] [ -E algo:secret ] [ -F file ] [ -G seconds ]',
  '\t\t[ -i interface ] [ --immediate-mode ] [ -j tstamptype ]',
  '\t\t[ -M secret ] [ --number ] [ --print ] [ -Q in|out|inout ]',
  '\t\t[ -r file ] [ -s snaplen ] [ -T type ] [ --version ]',
  '\t\t[ -V file ] [ -w file ] [ -W filecount ] [ -y datalinktype ]',
  '\t\t[ -z postrotate-command ] [ -Z user ]',
  '\t\t[ --time-stamp-precision precision ] [ --micro ] [ --nano ]',
  '\t\t[ expression ]',
].join('\n');

const fail = (world: World, output: string, exitCode = 1): CommandResult => ({ world, output, exitCode });

interface Opts {
  iface?: string;
  numeric: boolean;
  link: boolean;
  limit?: number;
  write?: string;
  read?: string;
  words: string[];
}

function parseOpts(argv: string[]): Opts | { error: string; usage?: boolean } {
  const o: Opts = { numeric: false, link: false, words: [] };
  const valued: Record<string, (v: string) => string | null> = {
    i: (v) => {
      o.iface = v;
      return null;
    },
    c: (v) => {
      if (!/^\d+$/.test(v) || Number(v) <= 0) return `invalid packet count ${v}`;
      o.limit = Number(v);
      return null;
    },
    w: (v) => {
      o.write = v;
      return null;
    },
    r: (v) => {
      o.read = v;
      return null;
    },
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') {
      o.words.push(a);
      continue;
    }
    for (let k = 1; k < a.length; k++) {
      const ch = a[k];
      if (ch === 'n') o.numeric = true;
      else if (ch === 'e') o.link = true;
      else if (ch === 'l') continue;
      else if (valued[ch]) {
        const v = a.slice(k + 1) || argv[++i];
        if (v === undefined) return { error: `option requires an argument -- '${ch}'`, usage: true };
        const err = valued[ch](v);
        if (err) return { error: err };
        break;
      } else if (ch === 'v') return { error: 'whalewire: tcpdump -v is not simulated here; run it without -v' };
      else return { error: `invalid option -- '${ch}'`, usage: true };
    }
  }
  return o;
}

/** A host name in a filter: a container on a network the capturing container shares (Docker's DNS), or a machine. */
function resolver(world: World, where: Where): (name: string) => string | null {
  return (name) => {
    const m = Object.values(world.machines).find((x) => x.id === name || x.hostname === name);
    const mip = m?.ifaces.flatMap((f) => f.addrs.map((a) => a.ip)).find((ip) => !ip.startsWith('127.'));
    if (mip) return mip;
    if (where.kind !== 'container') return null;
    const me = world.containers[where.id];
    const c = findContainer(world, name);
    if (!me || !c) return null;
    for (const ep of c.endpoints) {
      const net = world.networks[ep.networkId];
      if (net && net.name !== 'bridge' && ep.ip && me.endpoints.some((x) => x.networkId === ep.networkId)) return ep.ip;
    }
    return null;
  };
}

/** The interface tcpdump picks without -i: the first one that is up and not loopback. */
function defaultIface(world: World, where: Where): string | null {
  const node = buildNode(world, nodeKeyOf(world, where));
  return node?.ifaces.find((f) => f.link && f.domain)?.name ?? null;
}

export function tcpdumpCommand(world: World, argv: string[], where: Where, line: string): CommandResult {
  const o = parseOpts(argv);
  if ('error' in o) {
    const msg = o.error.startsWith('whalewire') ? o.error : `tcpdump: ${o.error}`;
    return fail(world, o.usage ? `${msg}\n${USAGE}` : msg);
  }
  const parsed = parseFilter(o.words, resolver(world, where));
  if (!parsed.ok) return fail(world, `tcpdump: can't parse filter expression: ${parsed.error}`);
  const cwd = where.cwd ?? defaultCwd(where);
  if (o.read !== undefined) return readCapture(world, where, resolvePath(cwd, o.read), o, parsed.filter);
  const iface = o.iface ?? defaultIface(world, where);
  if (!iface) return fail(world, 'tcpdump: no suitable device found');
  if (!captureLinks(world, where, iface)) {
    return fail(world, `tcpdump: ${iface}: No such device exists\n(No such device exists)`);
  }
  let file: string | undefined;
  if (o.write !== undefined) {
    file = resolvePath(cwd, o.write);
    const problem = writeProblem(world, where.id, file);
    if (problem) return fail(world, `tcpdump: ${o.write}: ${PROBLEM_WORDS[problem]}`);
  }
  const linkType = iface === 'any' ? 'LINUX_SLL2 (Linux cooked v2)' : 'EN10MB (Ethernet)';
  const listening = `listening on ${iface}, link-type ${linkType}, snapshot length 262144 bytes`;
  const header = file
    ? `tcpdump: ${listening}`
    : `tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n${listening}`;
  const capture: CaptureJob = {
    command: line.trim(),
    where: { kind: where.kind, id: where.id },
    iface,
    link: o.link,
    numeric: o.numeric,
    ...(o.limit !== undefined ? { limit: o.limit } : {}),
    filter: parsed.filter,
    ...(file ? { file, records: [] } : {}),
    captured: 0,
    received: 0,
    lastUs: 0,
    seqs: {},
  };
  return { world, output: header, exitCode: 0, capture };
}

/** `tcpdump -r FILE`: prints a saved capture, as `tcpdump -r` does ("reading from file …"). */
function readCapture(world: World, where: Where, path: string, o: Opts, filter: Filter | null): CommandResult {
  const text = readStored(world, where.id, path);
  if (text === undefined) return fail(world, `tcpdump: ${o.read}: No such file or directory`);
  const read = readPcapBytes(textToBytes(text));
  if ('error' in read) return fail(world, `tcpdump: ${o.read}: ${read.error}`);
  const seqs: TcpSeqState = {};
  const lines = [`reading from file ${o.read}, link-type EN10MB (Ethernet), snapshot length 262144`];
  let n = 0;
  for (const r of read.records) {
    if (!matches(filter, decodeFrame(r.bytes))) continue;
    lines.push(`${tcpdumpTime(r.us)} ${printFrame(r.bytes, { link: o.link, numeric: o.numeric }, seqs)}`);
    if (o.limit !== undefined && ++n >= o.limit) break;
  }
  return { world, output: lines.join('\n'), exitCode: 0 };
}
