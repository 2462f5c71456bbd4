import { EPOCH_MS } from '../../clock';
import type { CommandResult, World } from '../../model';
import { isIpv4 } from '../../net/addr';
import { EMBEDDED_TTL, nameserversOf, type Resolution, resolve, reverseName } from '../../net/dns';
import type { Where } from '../../where';
import { runTool, type ToolOutcome } from './run';

/** nslookup, dig and getent: the same resolution the other tools do, printed each tool's way. */

const done = (output: string, exitCode: number, r: Resolution, ms: number): ToolOutcome => ({
  output,
  exitCode,
  ok: r.kind === 'ok',
  summary: r.kind === 'ok' ? r.ips.join(', ') : r.kind,
  ms,
});

/** `nslookup NAME` (bind9's; busybox prints `#53` as `:53`). */
export function nslookup(world: World, argv: string[], where: Where, line: string): CommandResult {
  const name = argv.slice(1).find((x) => !x.startsWith('-'));
  if (!name) return { world, output: 'Usage: nslookup NAME', exitCode: 1 };
  return runTool(world, where, line, (ctx, node, f) => {
    const server = nameserversOf(ctx, node)[0];
    const r = resolve(ctx, node, name);
    const ms = ctx.us / 1000;
    if (!server && r.kind !== 'ok') return done(';; no servers could be reached', 1, r, ms);
    const sep = f === 'busybox' ? ':' : '#';
    const head = [`Server:\t\t${server ?? '127.0.0.1'}`, `Address:\t${server ?? '127.0.0.1'}${sep}53`, ''];
    if (r.kind === 'noresolver' && r.servfail)
      return done([...head, `** server can't find ${name}: SERVFAIL`, ''].join('\n'), 1, r, ms);
    if (r.kind === 'noresolver')
      return done(';; connection timed out; no servers could be reached\n', 1, r, ms + 15_000);
    if (r.kind === 'nxdomain')
      return done([...head, `** server can't find ${name}: NXDOMAIN`, ''].join('\n'), 1, r, ms);
    const answers = r.ips.flatMap((ip) => [`Name:\t${name}`, `Address: ${ip}`]);
    // busybox asks for AAAA too; Docker (and our zones) answer it with no records
    const aaaa = f === 'busybox' ? [`*** Can't find ${name}: No answer`, ''] : [];
    return done([...head, 'Non-authoritative answer:', ...answers, '', ...aaaa].join('\n'), 0, r, ms);
  });
}

/**
 * Bytes of an A answer: header 12, question (name + type + class), then per record the owner
 * name, type, class, TTL, length and 4 address bytes. Docker's own replies are not compressed
 * (`createRespMsg`), so each record repeats the name; forwarded ones are (`resp.Compress = true`):
 * a 2-byte pointer.
 */
export function msgSize(fq: string, answers: number, uncompressed: boolean): number {
  const wire = fq === '.' ? 1 : fq.length + 1;
  return 12 + wire + 4 + answers * ((uncompressed ? wire : 2) + 10 + 4);
}

/** `dig [+short] NAME`. */
export function dig(world: World, argv: string[], where: Where, line: string): CommandResult {
  const short = argv.includes('+short');
  const name = argv.slice(1).find((x) => !x.startsWith('+') && !x.startsWith('-') && !x.startsWith('@'));
  if (!name) return { world, output: '', exitCode: 0 };
  return runTool(world, where, line, (ctx, node) => {
    const server = nameserversOf(ctx, node)[0] ?? '127.0.0.1';
    const r = resolve(ctx, node, name);
    const ms = Math.max(0, Math.round(ctx.us / 1000));
    if (r.kind === 'noresolver' && !r.servfail) {
      return done(
        `;; communications error to ${server}#53: timed out\n;; no servers could be reached`,
        9,
        r,
        ms + 15_000,
      );
    }
    if (short) return done(r.kind === 'ok' ? r.ips.join('\n') : '', 0, r, ms);
    const fq = name.endsWith('.') ? name : `${name}.`;
    const ok = r.kind === 'ok';
    const local = ok && r.local === true;
    // Docker's own records carry TTL 600; a forwarded answer is passed on as the upstream sent it
    const ttl = local ? EMBEDDED_TTL : 300;
    const status = ok ? 'NOERROR' : r.kind === 'nxdomain' ? 'NXDOMAIN' : 'SERVFAIL';
    const answer = ok ? ['', ';; ANSWER SECTION:', ...r.ips.map((ip) => `${fq}\t\t${ttl}\tIN\tA\t${ip}`)] : [];
    const when = new Date(EPOCH_MS + ctx.world.clock)
      .toUTCString()
      .replace(/^(\w+), (\d+) (\w+) (\d+) (.*) GMT$/, '$1 $3 $2 $5 UTC $4');
    const out = [
      `; <<>> DiG 9.18.33 <<>> ${name}`,
      ';; global options: +cmd',
      ';; Got answer:',
      `;; ->>HEADER<<- opcode: QUERY, status: ${status}, id: ${(ctx.rng % 65535) + 1}`,
      // moby's SERVFAIL is a bare SetRcode reply: no RA flag, and dig says so
      ...(status === 'SERVFAIL'
        ? [
            ';; flags: qr rd; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 0',
            ';; WARNING: recursion requested but not available',
          ]
        : [`;; flags: qr rd ra; QUERY: 1, ANSWER: ${ok ? r.ips.length : 0}, AUTHORITY: 0, ADDITIONAL: 0`]),
      '',
      ';; QUESTION SECTION:',
      `;${fq}\t\t\tIN\tA`,
      ...answer,
      '',
      `;; Query time: ${ms} msec`,
      `;; SERVER: ${server}#53(${server}) (UDP)`,
      `;; WHEN: ${when}`,
      `;; MSG SIZE  rcvd: ${msgSize(fq, ok ? r.ips.length : 0, local)}`,
      '',
    ];
    return done(out.join('\n'), 0, r, ms);
  });
}

/** `getent hosts NAME`: exit 2 and no output when the name is unknown. */
export function getent(world: World, argv: string[], where: Where, line: string): CommandResult {
  if (argv[1] !== 'hosts' && argv[1] !== 'ahosts') {
    return {
      world,
      output: `Unknown database: ${argv[1] ?? ''}\nTry \`getent --help' or \`getent --usage' for more information.`,
      exitCode: 1,
    };
  }
  const name = argv[2];
  if (!name) return { world, output: '', exitCode: 0 };
  return runTool(world, where, line, (ctx, node) => {
    const r = resolve(ctx, node, name);
    const ms = ctx.us / 1000;
    if (r.kind !== 'ok') return done('', 2, r, ms);
    const label = isIpv4(name) ? '' : ` ${name}`;
    return done(r.ips.map((ip) => `${ip.padEnd(15)}${label}`).join('\n'), 0, r, ms);
  });
}

/**
 * `host NAME` (bind9): one `has address` line per A record. Docker answers AAAA and MX for its
 * own names with nothing, so a container name prints its A lines only.
 */
export function host(world: World, argv: string[], where: Where, line: string): CommandResult {
  const name = argv.slice(1).find((x) => !x.startsWith('-'));
  if (!name) {
    return {
      world,
      output:
        'Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]',
      exitCode: 1,
    };
  }
  return runTool(world, where, line, (ctx, node) => {
    const r = resolve(ctx, node, name);
    const ms = ctx.us / 1000;
    if (r.kind === 'ok') {
      if (isIpv4(name)) {
        // a PTR question: Docker answers for containers on the asker's networks, zones for theirs
        const arpa = `${name.split('.').reverse().join('.')}.in-addr.arpa`;
        const ptr = reverseName(ctx, node, name);
        return ptr && ptr !== 'localhost'
          ? done(`${arpa} domain name pointer ${ptr}.`, 0, r, ms)
          : done(`Host ${arpa}. not found: 3(NXDOMAIN)`, 1, r, ms);
      }
      const label = name.replace(/\.$/, '');
      return done(r.ips.map((ip) => `${label} has address ${ip}`).join('\n'), 0, r, ms);
    }
    if (r.kind === 'nxdomain') return done(`Host ${name} not found: 3(NXDOMAIN)`, 1, r, ms);
    if (r.servfail) return done(`Host ${name} not found: 2(SERVFAIL)`, 1, r, ms);
    return done(';; connection timed out; no servers could be reached', 1, r, ms + 15_000);
  });
}
