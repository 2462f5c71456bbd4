import type { CommandResult, ConntrackEntry, World } from '../model';
import { ctRemaining, liveFdb } from '../net/ageing';
import { namespaceOwner, type StackIface, stackOf } from '../stack';
import type { Where } from '../where';
import type { ShellCommand } from './index';

/**
 * The host's L2 and connection tables: `brctl show`, `bridge fdb show`, `conntrack -L`, in the
 * layouts of shared/lab/real-outputs.txt.
 */

/** Bridge devices and their ports (host-side veths), sorted by name as brctl lists them. */
function bridgesOf(ifaces: StackIface[]) {
  return ifaces
    .filter((f) => f.attach.kind === 'bridge')
    .map((br) => ({ br, ports: ifaces.filter((p) => p.master === br.name).sort((a, b) => a.index - b.index) }));
}

function brctl(world: World, argv: string[], where: Where): CommandResult {
  if (argv[1] !== 'show') {
    return {
      world,
      output: 'Usage: brctl [commands]\ncommands:\n\tshow\t\t[ <bridge> ]\tshow a list of bridges',
      exitCode: 1,
    };
  }
  const stack = stackOf(world, where);
  const all = bridgesOf(stack?.ifaces ?? []).sort((a, b) => (a.br.name < b.br.name ? -1 : 1));
  const wanted = argv.slice(2);
  const missing = wanted.filter((w) => !all.some((b) => b.br.name === w));
  const shown = wanted.length ? all.filter((b) => wanted.includes(b.br.name)) : all;
  const lines = ['bridge name\tbridge id\t\tSTP enabled\tinterfaces'];
  for (const { br, ports } of shown) {
    const names = ports.map((p) => p.name).sort();
    lines.push(`${br.name}\t\t8000.${br.mac.replaceAll(':', '')}\tno\t\t${names[0] ?? ''}`);
    for (const n of names.slice(1)) lines.push(`\t\t\t\t\t\t\t${n}`);
  }
  for (const m of missing) lines.push(`bridge ${m} does not exist!`);
  return { world, output: lines.join('\n'), exitCode: 0 };
}

/** Solicited-node multicast MAC a device joins for its IPv6 link-local address. */
const solicited = (mac: string) => `33:33:ff:${mac.split(':').slice(3).join(':')}`;

function bridgeFdb(world: World, argv: string[], where: Where): CommandResult {
  if (argv[1] !== 'fdb' || (argv[2] !== undefined && argv[2] !== 'show')) {
    return {
      world,
      output:
        'Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { link | fdb | mdb | vlan | vni | monitor }',
      exitCode: 255,
    };
  }
  const stack = stackOf(world, where);
  const ifaces = stack?.ifaces ?? [];
  const brIdx = argv.indexOf('br');
  const only = brIdx > 0 ? argv[brIdx + 1] : undefined;
  if (only && !ifaces.some((f) => f.name === only && f.attach.kind === 'bridge')) {
    return { world, output: `Cannot find device "${only}"`, exitCode: 1 };
  }
  const devIdx = argv.indexOf('dev');
  const dev = devIdx > 0 ? argv[devIdx + 1] : undefined;
  if (dev !== undefined && !ifaces.some((f) => f.name === dev)) {
    return { world, output: `Cannot find device "${dev}"`, exitCode: 1 };
  }
  const lines: string[] = [];
  if (!only) {
    for (const f of ifaces.filter((x) => x.attach.kind === 'segment' || x.attach.kind === 'veth')) {
      lines.push(
        `33:33:00:00:00:01 dev ${f.name} self permanent`,
        `01:00:5e:00:00:01 dev ${f.name} self permanent`,
        `33:33:ff:${f.mac.split(':').slice(3).join(':')} dev ${f.name} self permanent`,
      );
    }
  }
  for (const { br, ports } of bridgesOf(ifaces)) {
    if (only && br.name !== only) continue;
    const net = br.attach.kind === 'bridge' ? world.networks[br.attach.networkId] : undefined;
    lines.push(
      `33:33:00:00:00:01 dev ${br.name} self permanent`,
      `01:00:5e:00:00:6a dev ${br.name} self permanent`,
      `33:33:00:00:00:6a dev ${br.name} self permanent`,
      `01:00:5e:00:00:01 dev ${br.name} self permanent`,
      `${solicited(br.mac)} dev ${br.name} self permanent`,
    );
    for (const p of ports) {
      for (const e of liveFdb(net?.fdb ?? [], world.clock).filter((x) => x.port === p.name)) {
        lines.push(`${e.mac} dev ${p.name} master ${br.name} `);
      }
      lines.push(
        `${p.mac} dev ${p.name} master ${br.name} permanent`,
        `33:33:00:00:00:01 dev ${p.name} self permanent`,
        `01:00:5e:00:00:01 dev ${p.name} self permanent`,
        `${solicited(p.mac)} dev ${p.name} self permanent`,
      );
    }
  }
  // `dev X`: only the entries on that device (its own and, for a bridge port, the learned ones)
  const shown =
    dev === undefined ? lines : lines.filter((l) => l.includes(` dev ${dev} `) || l.endsWith(` dev ${dev}`));
  return { world, output: shown.join('\n'), exitCode: 0 };
}

const PROTO_NUM = { tcp: 6, udp: 17, icmp: 1 } as const;

/** One `conntrack -L` line. */
export function conntrackLine(e: ConntrackEntry): string {
  // an IPv6 flow's ICMP is icmpv6 (58), echo types 128/129 (nf_conntrack_proto_icmpv6)
  const v6 = e.orig.src.includes(':');
  const tuple = (t: ConntrackEntry['orig'], reply: boolean) =>
    e.proto === 'icmp'
      ? `src=${t.src} dst=${t.dst} type=${v6 ? (reply ? 129 : 128) : reply ? 0 : 8} code=0 id=${t.sport}`
      : `src=${t.src} dst=${t.dst} sport=${t.sport} dport=${t.dport}`;
  const proto = v6 && e.proto === 'icmp' ? 'icmpv6' : e.proto;
  const num = v6 && e.proto === 'icmp' ? 58 : PROTO_NUM[e.proto];
  const head = `${proto.padEnd(8)} ${num} ${e.timeout} ${e.state ? `${e.state} ` : ''}`;
  return `${head}${tuple(e.orig, false)} ${tuple(e.reply, true)} ${e.assured ? '[ASSURED] ' : ''}mark=0 use=1`;
}

const CT_USAGE =
  "conntrack v1.4.7 (conntrack-tools): no command specified\nTry `conntrack -h' or 'conntrack --help' for more information.";

const CT_FILTERS = [
  '-p',
  '--proto',
  '-s',
  '--src',
  '--orig-src',
  '-d',
  '--dst',
  '--orig-dst',
  '--sport',
  '--orig-port-src',
  '--dport',
  '--orig-port-dst',
];
const CT_UNKNOWN = (a: string) =>
  `conntrack v1.4.7 (conntrack-tools): unknown option \`${a}'\nTry \`conntrack -h' or 'conntrack --help' for more information.`;

/** `-f FAMILY`, `-p PROTO`, `-s ADDR`, `-d ADDR` (original direction), `--sport`/`--dport`: which entries a command means. */
function ctFilter(argv: string[]): ((e: ConntrackEntry) => boolean) | string {
  const tests: ((e: ConntrackEntry) => boolean)[] = [];
  // -f: the layer 3 family, ipv4 unless told (conntrack-tools' default)
  let family = 'ipv4';
  tests.push((e) => e.orig.src.includes(':') === (family === 'ipv6'));
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '-f' || a === '--family') {
      if (v !== 'ipv4' && v !== 'ipv6') return `conntrack v1.4.7 (conntrack-tools): \`${v ?? ''}' unsupported protocol`;
      family = v;
      i++;
      continue;
    }
    if (!CT_FILTERS.includes(a)) return CT_UNKNOWN(a);
    if (v === undefined) return `conntrack v1.4.7 (conntrack-tools): option \`${a}' requires an argument`;
    i++;
    if (a === '-p' || a === '--proto') tests.push((e) => e.proto === v || (v === 'icmpv6' && e.proto === 'icmp'));
    else if (a === '-s' || a === '--src' || a === '--orig-src') tests.push((e) => e.orig.src === v);
    else if (a === '-d' || a === '--dst' || a === '--orig-dst') tests.push((e) => e.orig.dst === v);
    else if (a === '--sport' || a === '--orig-port-src') tests.push((e) => String(e.orig.sport) === v);
    else tests.push((e) => String(e.orig.dport) === v);
  }
  return (e) => tests.every((t) => t(e));
}

/** `conntrack -L|-C|-F [filters]` on the namespace's table (a container's own is empty here). */
function conntrack(world: World, argv: string[], where: Where): CommandResult {
  const cmd = argv[1];
  const list = cmd === '-L' || cmd === '--dump';
  const count = cmd === '-C' || cmd === '--count';
  const flush = cmd === '-F' || cmd === '--flush';
  if (!list && !count && !flush) return { world, output: CT_USAGE, exitCode: 2 };
  const keep = ctFilter(argv);
  if (typeof keep === 'string') return { world, output: keep, exitCode: 2 };
  const owner = where.kind === 'machine' ? where : namespaceOwner(world, where.id);
  const machine = owner.kind === 'machine' ? world.machines[owner.id] : undefined;
  // the kernel counts each entry's timeout down and forgets it at zero
  const entries = (machine?.conntrack ?? [])
    .map((e) => ({ ...e, timeout: ctRemaining(e, world.clock) }))
    .filter((e) => e.timeout > 0)
    .filter(keep);
  if (count) return { world, output: String(entries.length), exitCode: 0 };
  if (flush) {
    const w = machine?.conntrack.length
      ? { ...world, machines: { ...world.machines, [machine.id]: { ...machine, conntrack: [] } } }
      : world;
    return {
      world: w,
      output: 'conntrack v1.4.7 (conntrack-tools): connection tracking table has been emptied.',
      exitCode: 0,
    };
  }
  const summary = `conntrack v1.4.7 (conntrack-tools): ${entries.length} flow entries have been shown.`;
  // real conntrack writes the summary to stderr; the lab capture shows it first
  return { world, output: [summary, ...entries.map(conntrackLine)].join('\n'), exitCode: 0 };
}

/** brctl, bridge and conntrack. */
export const bridgeCommands: Record<string, ShellCommand> = {
  brctl,
  bridge: bridgeFdb,
  conntrack,
};
