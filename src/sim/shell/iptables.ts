import { mayAdministerNetwork } from '../caps';
import { DOCKER_HOST } from '../ids';
import type { CommandResult, World } from '../model';
import { resolverPorts } from '../net/resolvconf';
import {
  type NfMatch,
  type NfRule,
  type NfTable,
  type NfTableName,
  netfilter6Of,
  netfilterOf,
  resolverNetfilter,
} from '../netfilter';
import { namespaceOwner } from '../stack';
import type { Where } from '../where';
import { hasEmbeddedResolver } from './files';

/** `-A CHAIN …` exactly as `iptables -S` prints a rule. */
export function ruleSpec(r: NfRule): string {
  const opt = (flag: string, m: NfMatch | undefined) => (m ? `${m.not ? '! ' : ''}${flag} ${m.value}` : null);
  const parts = [
    `-A ${r.chain}`,
    opt('-s', r.src),
    opt('-d', r.dst),
    opt('-i', r.in),
    opt('-o', r.out),
    r.proto ? `-p ${r.proto}` : null,
    r.dstTypeLocal ? '-m addrtype --dst-type LOCAL' : null,
    r.srcTypeLocal ? '-m addrtype --src-type LOCAL' : null,
    r.proto && r.proto !== 'icmp' && r.dport != null ? `-m ${r.proto} --dport ${r.dport}` : null,
    r.proto && r.proto !== 'icmp' && r.sport != null ? `-m ${r.proto} --sport ${r.sport}` : null,
    r.ctstate ? `-m conntrack --ctstate ${r.ctstate.join(',')}` : null,
    `-j ${r.target}`,
    r.toDestination ? `--to-destination ${r.toDestination}` : null,
    r.toSource ? `--to-source ${r.toSource}` : null,
  ];
  return parts.filter((p) => p !== null).join(' ');
}

/** `iptables [-t T] -S` */
export function formatS(t: NfTable): string {
  const policies = t.chains.filter((c) => c.policy).map((c) => `-P ${c.name} ${c.policy}`);
  const chains = t.chains.filter((c) => !c.policy).map((c) => `-N ${c.name}`);
  return [...policies, ...chains, ...t.rules.map(ruleSpec)].join('\n');
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** An address column: one character for "!" (or a space), then the address padded to 19. */
function addr(m: NfMatch | undefined, numeric: boolean, v6 = false): string {
  if (!m) return ` ${pad(numeric ? (v6 ? '::/0' : '0.0.0.0/0') : 'anywhere', 19)}`;
  const host = v6 ? '/128' : '/32';
  const v = m.value.endsWith(host) ? m.value.slice(0, -host.length) : m.value;
  return (m.not ? '!' : ' ') + pad(!numeric && v === '127.0.0.0/8' ? 'loopback/8' : v, 19);
}

/**
 * The names a Debian host's /etc/services (netbase) gives the ports Docker lessons use: without
 * `-n`, libxt_tcp/libxt_udp print_port shows a port by its service name.
 */
const SERVICES: Record<number, string> = {
  22: 'ssh',
  53: 'domain',
  80: 'http',
  443: 'https',
  3306: 'mysql',
  5432: 'postgresql',
  8080: 'http-alt',
};

function extras(r: NfRule, numeric: boolean): string {
  const port = (n: number) => (numeric ? String(n) : (SERVICES[n] ?? String(n)));
  const xs: string[] = [];
  if (r.dstTypeLocal) xs.push('ADDRTYPE match dst-type LOCAL');
  if (r.srcTypeLocal) xs.push('ADDRTYPE match src-type LOCAL');
  if (r.proto && r.proto !== 'icmp' && r.dport != null) xs.push(`${r.proto} dpt:${port(r.dport)}`);
  if (r.proto && r.proto !== 'icmp' && r.sport != null) xs.push(`${r.proto} spt:${port(r.sport)}`);
  if (r.ctstate) xs.push(`ctstate ${r.ctstate.join(',')}`);
  if (r.toDestination) xs.push(`to:${r.toDestination}`);
  if (r.toSource) xs.push(`to:${r.toSource}`);
  return xs.join(' ');
}

/** What -L shows besides the rules: `-v` counters and interfaces, `--line-numbers`. */
export interface ListOptions {
  verbose?: boolean;
  lineNumbers?: boolean;
  /** ip6tables: ::/0 for any address, /128 for a host */
  v6?: boolean;
}

/** An interface column of `-v`: "!" when negated, "*" for any. */
const via = (m: NfMatch | undefined) => (m ? `${m.not ? '!' : ''}${m.value}` : '*');

/**
 * `iptables [-t T] -L [-n] [-v] [--line-numbers]`: iptables 1.8 print_header/print_firewall.
 * The simulation keeps no packet counters, so `-v` shows them as 0.
 */
export function formatL(t: NfTable, numeric: boolean, allRules: NfRule[] = t.rules, o: ListOptions = {}): string {
  const num = o.lineNumbers ? `${pad('num', 4)} ` : '';
  const counts = o.verbose ? `${'pkts'.padStart(5)} ${'bytes'.padStart(5)} ` : '';
  const ifaces = o.verbose ? ` ${pad('in', 6)} ${pad('out', 6)} ` : '';
  // print_header: "%-9s " target, " prot ", "opt", [" %-6s " in, "%-6s " out], " %-19s " twice
  const header = `${num}${counts}${pad('target', 9)}  prot opt${ifaces} ${pad('source', 19)}  ${pad('destination', 19)} `;
  const blocks = t.chains.map((c) => {
    const refs = allRules.filter((r) => r.target === c.name).length;
    const policy = c.policy ? `policy ${c.policy}${o.verbose ? ' 0 packets, 0 bytes' : ''}` : `${refs} references`;
    const lines = t.rules
      .filter((r) => r.chain === c.name)
      .map((r, i) => {
        const n = o.lineNumbers ? `${pad(String(i + 1), 4)} ` : '';
        const cnt = o.verbose ? `${'0'.padStart(5)} ${'0'.padStart(5)} ` : '';
        const io = o.verbose ? ` ${pad(via(r.in), 6)} ${pad(via(r.out), 6)} ` : '';
        // iptables 1.8 print_firewall: "%-9s " target, "!"-or-space, "%-5s" prot, opt, then
        // "!"-or-space + address columns (ip6tables: three blanks for opt, IPv6 has no fragment flag); a long
        // target (MASQUERADE) pushes the rest right
        const line = `${n}${cnt}${pad(r.target, 9)}  ${pad(r.proto ?? 'all', 5)}${o.v6 ? '   ' : '-- '}${io}${addr(r.src, numeric, o.v6)} ${addr(r.dst, numeric, o.v6)} `;
        const x = extras(r, numeric);
        return x ? `${line} ${x}` : line;
      });
    return [`Chain ${c.name} (${policy})`, header, ...lines].join('\n');
  });
  return blocks.join('\n\n');
}

const usage = (cmd: string) =>
  `${cmd} v1.8.9 (legacy): no command specified\nTry \`${cmd} -h' or '${cmd} --help' for more information.`;

/**
 * `iptables [-t raw|nat|filter] -S [CHAIN] | -L [CHAIN] [-n]`. Read-only: the rules are Docker's
 * (or the router's) and change only through docker commands and port forwards. `ip6tables`: the
 * same for IPv6, Docker's rules for its bridge networks with IPv6 on (drivers/bridgeRules6.ts).
 */
export function iptables(world: World, argv: string[], where: Where): CommandResult {
  const cmd = argv[0] === 'ip6tables' ? 'ip6tables' : 'iptables';
  let tableName: NfTableName = 'filter';
  let mode: 'S' | 'L' | null = null;
  let numeric = false;
  let chain: string | undefined;
  const opts: ListOptions = cmd === 'ip6tables' ? { v6: true } : {};
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-t' || a === '--table') {
      const t = argv[++i];
      if (t !== 'nat' && t !== 'filter' && t !== 'raw') {
        return {
          world,
          output: `${cmd} v1.8.9 (legacy): can't initialize ${cmd} table \`${t ?? ''}': Table does not exist (do you need to insmod?)\nPerhaps ${cmd} or your kernel needs to be upgraded.`,
          exitCode: 3,
        };
      }
      tableName = t;
    } else if (a === '-S' || a === '--list-rules') mode = 'S';
    else if (a === '-L' || a === '--list') mode = 'L';
    else if (a === '-n' || a === '--numeric') numeric = true;
    else if (a === '--line-numbers') opts.lineNumbers = true;
    else if (/^-[LSnvx]+$/.test(a)) {
      if (a.includes('L')) mode = 'L';
      if (a.includes('S')) mode = 'S';
      if (a.includes('n')) numeric = true;
      if (a.includes('v')) opts.verbose = true;
    } else if (!a.startsWith('-') && mode && !chain) chain = a;
    else if (/^-[ADIRNXPFZE]$/.test(a)) {
      return {
        world,
        output: `${cmd}: this simulator shows Docker's rules but does not change them (use docker commands).`,
        exitCode: 1,
      };
    } else {
      return {
        world,
        output: `${cmd} v1.8.9 (legacy): unknown option "${a}"\nTry \`${cmd} -h' or '${cmd} --help' for more information.`,
        exitCode: 2,
      };
    }
  }
  if (!mode) return { world, output: usage(cmd), exitCode: 2 };
  const owner = where.kind === 'machine' ? where : namespaceOwner(world, where.id);
  if (owner.kind === 'container' && !mayAdministerNetwork(world, where)) {
    return {
      world,
      output: `${cmd} v1.8.9 (legacy): can't initialize ${cmd} table \`${tableName}': Permission denied (you must be root)\nPerhaps ${cmd} or your kernel needs to be upgraded.`,
      exitCode: 3,
    };
  }
  // the embedded resolver's DOCKER_OUTPUT rules are IPv4 (127.0.0.11): a container's ip6tables are empty
  const full = (
    owner.kind === 'container'
      ? resolverNetfilter(
          cmd === 'iptables' && hasEmbeddedResolver(world, world.containers[owner.id]) ? resolverPorts(owner.id) : null,
        )
      : cmd === 'ip6tables'
        ? netfilter6Of(world, owner.id ?? DOCKER_HOST)
        : netfilterOf(world, owner.id ?? DOCKER_HOST)
  )[tableName];
  let t = full;
  if (chain) {
    if (!full.chains.some((c) => c.name === chain)) {
      return { world, output: `${cmd}: No chain/target/match by that name.`, exitCode: 1 };
    }
    t = {
      ...full,
      chains: full.chains.filter((c) => c.name === chain),
      rules: full.rules.filter((r) => r.chain === chain),
    };
  }
  return { world, output: mode === 'S' ? formatS(t) : formatL(t, numeric, full.rules, opts), exitCode: 0 };
}
