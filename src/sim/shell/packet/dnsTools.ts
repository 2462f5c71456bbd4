import type { CommandResult, World } from '../../model';
import { arpaName, isIpv4 } from '../../net/addr';
import { nameserversOf, type Resolution, resolve, resolveWith, reverseName } from '../../net/dns';
import { embeddedLookup6 } from '../../net/dns6';
import type { Where } from '../../where';
import { runTool, type ToolOutcome } from './run';

/** nslookup, dig and getent: the same resolution the other tools do, printed each tool's way. */

const done = (output: string, exitCode: number, r: Resolution, ms: number): ToolOutcome => ({
  output,
  exitCode,
  ok: r.kind === 'ok' || r.kind === 'nodata',
  summary: r.kind === 'ok' ? r.ips.join(', ') : r.kind === 'nodata' ? r.ips6.join(', ') : r.kind,
  ms,
});

/** `nslookup NAME [SERVER]` (bind9's; busybox prints `#53` as `:53`); an address asks for its PTR. */
export function nslookup(world: World, argv: string[], where: Where, line: string): CommandResult {
  const [name, explicit] = argv.slice(1).filter((x) => !x.startsWith('-'));
  if (!name) return { world, output: 'Usage: nslookup NAME', exitCode: 1 };
  return runTool(world, where, line, (ctx, node, f) => {
    const server = explicit ?? nameserversOf(ctx, node)[0];
    const r = explicit ? resolveWith(ctx, node, explicit, name) : resolve(ctx, node, name);
    const ms = ctx.us / 1000;
    if (!server && r.kind !== 'ok') return done(';; no servers could be reached', 1, r, ms);
    const sep = f === 'busybox' ? ':' : '#';
    const head = [`Server:\t\t${server ?? '127.0.0.1'}`, `Address:\t${server ?? '127.0.0.1'}${sep}53`, ''];
    if (r.kind === 'noresolver' && r.servfail)
      return done([...head, `** server can't find ${name}: SERVFAIL`, ''].join('\n'), 1, r, ms);
    if (r.kind === 'noresolver' && r.refused)
      return done(
        `;; communications error to ${server}#53: connection refused\n;; no servers could be reached\n`,
        1,
        r,
        ms,
      );
    if (r.kind === 'noresolver')
      return done(';; connection timed out; no servers could be reached\n', 1, r, ms + 15_000);
    if (r.kind === 'nxdomain')
      return done([...head, `** server can't find ${name}: NXDOMAIN`, ''].join('\n'), 1, r, ms);
    const answers = (ips: string[]) => ips.flatMap((ip) => [`Name:\t${name}`, `Address: ${ip}`]);
    if (r.kind === 'nodata') {
      // the A question gets NOERROR with no record (IPv6-only name): bind9 keeps its header and
      // prints the AAAA answers; busybox prints each question's block in order
      const a = f === 'busybox' ? [`*** Can't find ${name}: No answer`, ''] : [];
      return done([...head, ...a, 'Non-authoritative answer:', ...answers(r.ips6), ''].join('\n'), 0, r, ms);
    }
    if (isIpv4(name)) {
      const arpa = arpaName(name);
      const ptr = reverseName(ctx, node, name);
      if (!ptr || ptr === 'localhost')
        return done([...head, `** server can't find ${arpa}: NXDOMAIN`, ''].join('\n'), 1, r, ms);
      const tail = f === 'busybox' ? [''] : ['', 'Authoritative answers can be found from:', ''];
      return done([...head, 'Non-authoritative answer:', `${arpa}\tname = ${ptr}.`, ...tail].join('\n'), 0, r, ms);
    }
    // both ask for AAAA too: the embedded resolver has its containers' IPv6 addresses (dns6.ts),
    // our zones none; bind9 lists them after the A answers, busybox as a second answer block
    const v6 = r.local && node.container ? embeddedLookup6(ctx, node.container, name) : [];
    const aaaa =
      f !== 'busybox'
        ? []
        : v6.length
          ? ['Non-authoritative answer:', ...answers(v6), '']
          : [`*** Can't find ${name}: No answer`, ''];
    const inline = f === 'busybox' ? [] : answers(v6);
    return done([...head, 'Non-authoritative answer:', ...answers(r.ips), ...inline, '', ...aaaa].join('\n'), 0, r, ms);
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
    if (r.kind === 'nodata') {
      // an IPv6-only name: gethostbyname2(AF_INET6) and getaddrinfo(AF_UNSPEC) find the AAAA records
      const rows =
        argv[1] === 'ahosts'
          ? r.ips6.flatMap((ip, i) =>
              ['STREAM', 'DGRAM', 'RAW'].map(
                (t, j) => `${ip.padEnd(15)} ${t.padEnd(6)} ${i === 0 && j === 0 ? name : ''}`,
              ),
            )
          : r.ips6.map((ip) => `${ip.padEnd(15)} ${name}`);
      return done(rows.join('\n'), 0, r, ms);
    }
    if (r.kind !== 'ok') return done('', 2, r, ms);
    if (isIpv4(name)) {
      // gethostbyaddr: /etc/hosts, then a PTR question; unknown addresses are exit 2 like names
      const ptr = reverseName(ctx, node, name);
      return ptr ? done(`${name.padEnd(15)} ${ptr}`, 0, r, ms) : done('', 2, r, ms);
    }
    if (argv[1] === 'ahosts') {
      // getaddrinfo's view: one line per socket type, the canonical name on the first line only
      const rows = r.ips.flatMap((ip, i) =>
        ['STREAM', 'DGRAM', 'RAW'].map((t, j) => `${ip.padEnd(15)} ${t.padEnd(6)} ${i === 0 && j === 0 ? name : ''}`),
      );
      return done(rows.join('\n'), 0, r, ms);
    }
    // gethostbyname2(AF_INET6) first (getent.c hosts_keys): a name with IPv6 addresses prints those
    const v6 = r.local && node.container ? embeddedLookup6(ctx, node.container, name) : [];
    return done((v6.length ? v6 : r.ips).map((ip) => `${ip.padEnd(15)} ${name}`).join('\n'), 0, r, ms);
  });
}

/**
 * `host NAME` (bind9): one `has address` line per A record, then one `has IPv6 address` line per
 * AAAA record. Docker answers MX for its own names with nothing.
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
      const v6 = r.local && node.container ? embeddedLookup6(ctx, node.container, name) : [];
      const lines = [
        ...r.ips.map((ip) => `${label} has address ${ip}`),
        ...v6.map((ip) => `${label} has IPv6 address ${ip}`),
      ];
      return done(lines.join('\n'), 0, r, ms);
    }
    if (r.kind === 'nodata')
      return done(r.ips6.map((ip) => `${name.replace(/\.$/, '')} has IPv6 address ${ip}`).join('\n'), 0, r, ms);
    if (r.kind === 'nxdomain') return done(`Host ${name} not found: 3(NXDOMAIN)`, 1, r, ms);
    if (r.servfail) return done(`Host ${name} not found: 2(SERVFAIL)`, 1, r, ms);
    return done(';; connection timed out; no servers could be reached', 1, r, ms + 15_000);
  });
}
