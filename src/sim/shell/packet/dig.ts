import { EPOCH_MS } from '../../clock';
import type { CommandResult, World } from '../../model';
import { arpaName, isIpv4 } from '../../net/addr';
import type { Ctx } from '../../net/ctx';
import { EMBEDDED_TTL, nameserversOf, type Resolution, resolve, resolveWith, reverseName } from '../../net/dns';
import { embeddedLookup6 } from '../../net/dns6';
import type { NetNode } from '../../net/topo';
import type { Where } from '../../where';
import { runTool, type ToolOutcome } from './run';

/**
 * `dig [@SERVER] NAME [TYPE] [+short] [+noall +answer]` and `dig -x IP`, laid out as BIND 9.18's
 * dig prints them: the banner echoes the arguments, records are tab-aligned to columns 24/32/40.
 */

interface DigArgs {
  server: string | null;
  name: string;
  type: string;
  reverse: boolean;
  short: boolean;
  /** +noall: no section unless turned back on (+answer) */
  noall: boolean;
  answer: boolean;
}

function parse(argv: string[]): DigArgs | null {
  const a: DigArgs = { server: null, name: '', type: 'A', reverse: false, short: false, noall: false, answer: false };
  for (let i = 1; i < argv.length; i++) {
    const x = argv[i];
    if (x.startsWith('@')) a.server = x.slice(1);
    else if (x === '-x') {
      a.reverse = true;
      a.type = 'PTR';
      a.name = argv[++i] ?? '';
    } else if (x === '+short') a.short = true;
    else if (x === '+noall') a.noall = true;
    else if (x === '+answer') a.answer = true;
    else if (x.startsWith('+') || x.startsWith('-')) continue;
    else if (/^(A|AAAA|MX|NS|TXT|CNAME|SOA|PTR|SRV|ANY)$/i.test(x)) a.type = x.toUpperCase();
    else if (!a.name) a.name = x;
  }
  return a.name ? a : null;
}

/** Pads with tabs up to `target` (a multiple of 8), at least one tab, as BIND's text output does. */
function tabTo(text: string, target: number): string {
  let col = 0;
  for (const ch of text) col = ch === '\t' ? (Math.floor(col / 8) + 1) * 8 : col + 1;
  let out = text;
  do {
    out += '\t';
    col = (Math.floor(col / 8) + 1) * 8;
  } while (col < target);
  return out;
}

const record = (owner: string, ttl: number, type: string, data: string) =>
  `${tabTo(tabTo(owner, 24) + ttl, 32)}IN\t${type}\t${data}`;

/** Bytes on the wire: header, question, answers (owner as a pointer when compressed). */
function size(qname: string, rdata: number[], uncompressed: boolean): number {
  const wire = qname === '.' ? 1 : qname.length + 1;
  return 12 + wire + 4 + rdata.reduce((n, r) => n + (uncompressed ? wire : 2) + 10 + r, 0);
}

type Answer = { status: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL'; records: string[]; short: string[]; bytes: number };

/** A NOERROR answer of AAAA records (none: an empty answer). */
const aaaaAnswer = (qname: string, v6: string[], ttl: number, uncompressed: boolean): Answer => ({
  status: 'NOERROR',
  records: v6.map((ip) => record(qname, ttl, 'AAAA', ip)),
  short: v6,
  bytes: size(
    qname,
    v6.map(() => 16),
    uncompressed,
  ),
});

function answerOf(ctx: Ctx, node: NetNode, a: DigArgs, r: Resolution, qname: string): Answer {
  const local = (r.kind === 'ok' && r.local === true) || r.kind === 'nodata';
  const ttl = local ? EMBEDDED_TTL : 300;
  if (r.kind === 'nxdomain') return { status: 'NXDOMAIN', records: [], short: [], bytes: size(qname, [], false) };
  // an IPv6-only name: the A question is NOERROR with no answer, AAAA gets its records
  if (r.kind === 'nodata') return aaaaAnswer(qname, a.type === 'AAAA' ? r.ips6 : [], ttl, true);
  if (r.kind !== 'ok') return { status: 'SERVFAIL', records: [], short: [], bytes: size(qname, [], false) };
  if (a.reverse) {
    const ptr = reverseName(ctx, node, a.name);
    if (!ptr || ptr === 'localhost')
      return { status: 'NXDOMAIN', records: [], short: [], bytes: size(qname, [], false) };
    const target = `${ptr}.`;
    return {
      status: 'NOERROR',
      records: [record(qname, ttl, 'PTR', target)],
      short: [target],
      bytes: size(qname, [target.length + 1], false),
    };
  }
  // the embedded resolver answers AAAA with its containers' IPv6 addresses (dns6.ts)
  const v6 = a.type === 'AAAA' && local && node.container ? embeddedLookup6(ctx, node.container, a.name) : [];
  if (v6.length) return aaaaAnswer(qname, v6, ttl, local);
  // Docker and our zones hold A records only otherwise: other types get an empty NOERROR answer
  if (a.type !== 'A' && a.type !== 'ANY')
    return { status: 'NOERROR', records: [], short: [], bytes: size(qname, [], local) };
  return {
    status: 'NOERROR',
    records: r.ips.map((ip) => record(qname, ttl, 'A', ip)),
    short: r.ips,
    bytes: size(
      qname,
      r.ips.map(() => 4),
      local,
    ),
  };
}

function body(ctx: Ctx, node: NetNode, argv: string[], a: DigArgs): ToolOutcome {
  const server = a.server ?? nameserversOf(ctx, node)[0] ?? '127.0.0.1';
  // dig's greeting starts with an empty line (bin/dig/dig.c printgreeting: "\n; <<>> DiG …")
  const banner = [
    '',
    `; <<>> DiG 9.18.33 <<>> ${argv.slice(1).join(' ')}`,
    ...(a.server ? ['; (1 server found)'] : []),
  ];
  const qname = a.reverse ? `${arpaName(a.name)}.` : a.name.endsWith('.') ? a.name : `${a.name}.`;
  // a PTR question is answered like an A question for whether a server is there at all
  const asked = a.reverse ? (isIpv4(a.name) ? a.name : '') : a.name;
  const r = a.server ? resolveWith(ctx, node, a.server, asked) : resolve(ctx, node, asked);
  const ms = Math.max(0, Math.round(ctx.us / 1000));
  const result = (output: string, exitCode: number, extra = 0): ToolOutcome => ({
    output,
    exitCode,
    ok: r.kind === 'ok' || r.kind === 'nodata',
    summary: r.kind === 'ok' ? r.ips.join(', ') : r.kind === 'nodata' ? r.ips6.join(', ') : r.kind,
    ms: ms + extra,
  });
  if (r.kind === 'noresolver' && !r.servfail) {
    const why = r.refused ? 'connection refused' : 'timed out';
    const errs = Array.from({ length: 3 }, () => `;; communications error to ${server}#53: ${why}`);
    return result(
      [...errs, ...banner, ';; global options: +cmd', ';; no servers could be reached'].join('\n'),
      9,
      r.refused ? 0 : 15_000,
    );
  }
  const ans = answerOf(ctx, node, a, r, qname);
  if (a.short) return result(ans.short.join('\n'), 0);
  if (a.noall) return result(a.answer ? ans.records.join('\n') : '', 0);
  const servfail = ans.status === 'SERVFAIL';
  const when = new Date(EPOCH_MS + ctx.world.clock)
    .toUTCString()
    .replace(/^(\w+), (\d+) (\w+) (\d+) (.*) GMT$/, '$1 $3 $2 $5 UTC $4');
  const out = [
    ...banner,
    ';; global options: +cmd',
    ';; Got answer:',
    `;; ->>HEADER<<- opcode: QUERY, status: ${ans.status}, id: ${(ctx.rng % 65535) + 1}`,
    // moby's SERVFAIL is a bare SetRcode reply: no RA flag, and dig says so
    `;; flags: qr rd${servfail ? '' : ' ra'}; QUERY: 1, ANSWER: ${ans.records.length}, AUTHORITY: 0, ADDITIONAL: 0`,
    ...(servfail ? [';; WARNING: recursion requested but not available'] : []),
    '',
    ';; QUESTION SECTION:',
    `${tabTo(`;${qname}`, 32)}IN\t${a.type}`,
    ...(ans.records.length ? ['', ';; ANSWER SECTION:', ...ans.records] : []),
    '',
    `;; Query time: ${ms} msec`,
    `;; SERVER: ${server}#53(${server}) (UDP)`,
    `;; WHEN: ${when}`,
    `;; MSG SIZE  rcvd: ${ans.bytes}`,
    '',
  ];
  return result(out.join('\n'), 0);
}

/** The `dig` command. */
export function dig(world: World, argv: string[], where: Where, line: string): CommandResult {
  const a = parse(argv);
  if (!a) return { world, output: '', exitCode: 0 };
  return runTool(world, where, line, (ctx, node) => body(ctx, node, argv, a));
}
