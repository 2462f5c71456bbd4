import type { CommandResult, World } from '../../model';
import { resolve } from '../../net/dns';
import { httpGet } from '../../net/http';
import { parseUrl } from '../../net/url';
import type { Where } from '../../where';
import { headerLines } from './curl';
import { ipv6NameOutcome } from './ipv6Guard';
import { interrupted, PATIENCE_MS, runTool, splitFlags, type ToolOutcome } from './run';

/** busybox `wget [-q] [-S] [-O FILE|-] [-T S] URL` (alpine, busybox images). */
export function wget(world: World, argv: string[], where: Where, line: string): CommandResult {
  const xs = splitFlags(argv.slice(1), 'OT');
  let quiet = false;
  /** -S: the server's status line and headers, as they are read (to stderr, indented by two) */
  let serverResponse = false;
  let out = 'index.html';
  // busybox's own default (wget.c INIT_G: G.timeout_seconds = 900), covering connect and reads
  let timeout = 900;
  let raw = '';
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] === '-q') quiet = true;
    else if (xs[i] === '-S') serverResponse = true;
    else if (xs[i] === '-O') out = xs[++i] ?? '-';
    else if (xs[i] === '-T') {
      // getopt32 "T:+": xatoi_positive, which dies on anything but digits
      const v = xs[++i] ?? '';
      if (!/^\d+$/.test(v)) return { world, output: `wget: invalid number '${v}'`, exitCode: 1 };
      timeout = Number(v);
    } else if (!xs[i].startsWith('-')) raw = xs[i];
  }
  const url = raw ? parseUrl(raw) : null;
  if (!url)
    return {
      world,
      output: 'BusyBox v1.36.1 multi-call binary.\n\nUsage: wget [-cqS] [-O FILE] [-T SEC] URL...',
      exitCode: 1,
    };
  return runTool(world, where, line, (ctx, node): ToolOutcome => {
    const fail = (msg: string, summary: string, ms: number): ToolOutcome => ({
      output: msg,
      exitCode: 1,
      ok: false,
      summary,
      ms,
    });
    // busybox follows a 3xx's Location itself, announcing each connection (redir_limit 5)
    const lines: string[] = [];
    let target = url;
    let res: ReturnType<typeof httpGet>;
    let ip = '';
    for (let hop = 0; ; hop++) {
      const r = resolve(ctx, node, target.host);
      if (r.kind === 'nodata') return ipv6NameOutcome('wget', target.host, r.ips6);
      if (r.kind !== 'ok')
        return fail([...lines, `wget: bad address '${target.host}'`].join('\n'), 'name not resolvable', ctx.us / 1000);
      ip = r.ips[0];
      if (!quiet) lines.push(`Connecting to ${target.host} (${ip}:${target.port})`);
      const waitMs = timeout === 0 ? PATIENCE_MS : timeout * 1000 - ctx.us / 1000;
      res = httpGet(ctx, node, ip, target.port, 0, { method: 'GET', path: target.path, host: target.host, waitMs });
      if (res.kind === 'ok' && serverResponse) {
        // busybox asks with "Connection: close", and nginx says so back
        const answer = {
          ...res.answer,
          headers: res.answer.headers.map(([k, v]): [string, string] => [k, k === 'Connection' ? 'close' : v]),
        };
        const head = headerLines(answer, ctx.world.clock + Math.round(ctx.us / 1000));
        // the empty line that ends the headers is printed too (fgets_trim_sanitize, then the check)
        lines.push(...[...head, ''].map((h) => `  ${h}`));
      }
      const loc = res.kind === 'ok' ? res.answer.headers.find(([k]) => k === 'Location')?.[1] : undefined;
      const next =
        res.kind === 'ok' && res.answer.status >= 300 && res.answer.status < 400 && loc ? parseUrl(loc) : null;
      if (!next) break;
      if (hop === 4)
        return fail([...lines, 'wget: too many redirections'].join('\n'), 'too many redirects', ctx.us / 1000);
      target = next;
    }
    const ms = ctx.us / 1000;
    const timedOut = () => fail([...lines, 'wget: download timed out'].join('\n'), 'timed out', timeout * 1000);
    // the neighbour entry fails after 3 s of unanswered ARP, the kernel's SYN retries after 127 s:
    // -T's alarm, when shorter, ends wget first
    if (res.kind === 'host-unreachable' && timeout > 0 && timeout < 3) return timedOut();
    if (res.kind === 'lost' || res.kind === 'stalled') {
      // -T 0 sets no alarm: a frozen server keeps wget waiting until Ctrl-C (the console's, as for curl)
      if (res.kind === 'stalled' && timeout === 0) return interrupted(lines);
      if (res.kind === 'stalled' || (timeout > 0 && timeout * 1000 < 127_000)) return timedOut();
      const why = 'Connection timed out';
      return fail([...lines, `wget: can't connect to remote host (${ip}): ${why}`].join('\n'), why, 127_000 + ms);
    }
    if (res.kind === 'refused' || res.kind === 'unreachable' || res.kind === 'host-unreachable') {
      const why =
        res.kind === 'refused'
          ? 'Connection refused'
          : res.kind === 'unreachable'
            ? 'Network unreachable'
            : 'Host is unreachable';
      return fail([...lines, `wget: can't connect to remote host (${ip}): ${why}`].join('\n'), why, ms);
    }
    if (res.kind !== 'ok')
      return fail([...lines, 'wget: error getting response: Connection reset by peer'].join('\n'), 'reset', ms);
    if (res.answer.status >= 400) {
      const why = `HTTP/1.1 ${res.answer.status} ${res.answer.reason}`;
      return fail([...lines, `wget: server returned error: ${why}`].join('\n'), why, ms);
    }
    const body = res.answer.body.replace(/\r\n/g, '\n').replace(/\n$/, '');
    const size = new TextEncoder().encode(res.answer.body).length;
    if (out === '-')
      lines.push(
        ...(quiet
          ? [body]
          : [
              'writing to stdout',
              body,
              `-${' '.repeat(20)}100% |********************************|   ${size}  0:00:00 ETA`,
              'written to stdout',
            ]),
      );
    else if (!quiet)
      lines.push(
        `saving to '${out}'`,
        `${out.padEnd(21)}100% |********************************|   ${size}  0:00:00 ETA`,
        `'${out}' saved`,
      );
    return { output: lines.join('\n'), exitCode: 0, ok: true, summary: `HTTP ${res.answer.status} from ${ip}`, ms };
  });
}
