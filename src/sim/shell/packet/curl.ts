import { EPOCH_MS } from '../../clock';
import type { CommandResult, World } from '../../model';
import type { Ctx } from '../../net/ctx';
import { resolve } from '../../net/dns';
import { type HttpAnswer, httpGet } from '../../net/http';
import { resolve6 } from '../../net/resolve6';
import type { NetNode } from '../../net/topo';
import { parseUrl, type Url } from '../../net/url';
import type { Where } from '../../where';
import { parseCurlArgs } from './curlArgs';
import { METER_HEADER, meterLine, showsMeter, writeOut } from './curlMeter';
import { interrupted, PATIENCE_MS, runTool, type ToolOutcome } from './run';

/** `curl [-s] [-S] [-v] [-m S] [-I] [-o FILE] URL`, worded as curl 7.88 does. */

/** Header lines with `Date` where the server puts it (after Server, else before Connection). */
export function headerLines(a: HttpAnswer, clockMs: number): string[] {
  const d = new Date(EPOCH_MS + clockMs).toUTCString();
  // a server that places its own Date (and an Expires from max-age) leaves them empty to stamp
  if (a.headers.some(([k, v]) => k === 'Date' && v === '')) {
    const age = Number(/max-age=(\d+)/.exec(a.headers.find(([k]) => k === 'Cache-Control')?.[1] ?? '')?.[1] ?? 0);
    const expires = new Date(EPOCH_MS + clockMs + age * 1000).toUTCString();
    const stamp = ([k, v]: [string, string]) =>
      `${k}: ${v === '' && k === 'Date' ? d : v === '' && k === 'Expires' ? expires : v}`;
    return [`HTTP/1.1 ${a.status} ${a.reason}`, ...a.headers.map(stamp)];
  }
  const hs = [...a.headers];
  const at = hs.findIndex(([k]) => k === 'Server');
  const conn = hs.findIndex(([k]) => k === 'Connection');
  hs.splice(at >= 0 ? at + 1 : conn >= 0 ? conn : hs.length, 0, ['Date', d]);
  return [`HTTP/1.1 ${a.status} ${a.reason}`, ...hs.map(([k, v]) => `${k}: ${v}`)];
}

/**
 * The address curl connects to: an IPv6 literal as it is; a name through getaddrinfo, whose AAAA
 * answer is all there is for a name with only an IPv6 address (resolve's nodata); with -6, the
 * AAAA answer alone. Null: curl error 6.
 */
function addressOf(ctx: Ctx, node: NetNode, target: Url, ipv6: boolean): string | null {
  if (target.ipv6) return target.host;
  if (ipv6) {
    const r6 = resolve6(ctx, node, target.host);
    return r6.kind === 'ok' ? r6.ip : null;
  }
  const r = resolve(ctx, node, target.host);
  if (r.kind === 'nodata') return r.ips6[0] ?? null;
  return r.kind === 'ok' ? r.ips[0] : null;
}

/** The `curl` command. */
export function curl(world: World, argv: string[], where: Where, line: string): CommandResult {
  const a = parseCurlArgs(argv);
  if (typeof a === 'string') return { world, output: a, exitCode: 2 };
  const url = parseUrl(a.url);
  if (!url) {
    return {
      world,
      output: a.silent && !a.showError ? '' : `curl: (3) URL using bad/illegal format or missing URL`,
      exitCode: 3,
    };
  }
  // -o FILE: the body goes to the file and the progress meter to the terminal (lib/progress.c)
  let bytesOut = 0;
  const meter = a.out !== null && showsMeter(argv);
  const withMeter = (o: ToolOutcome, bytes: number): ToolOutcome =>
    meter
      ? { ...o, output: [...METER_HEADER, meterLine(bytes, Math.max(1, o.ms)), o.output].filter(Boolean).join('\n') }
      : o;
  // -I is HEAD, -d makes a POST, -X names the method outright
  let method = a.method ?? (a.head ? 'HEAD' : a.data !== null ? 'POST' : 'GET');
  /** One request to `target` (connection #`conn`): its outcome, or with -L the URL a 3xx sends on to. */
  const transfer = (ctx: Ctx, node: NetNode, target: Url, out: string[], conn: number): ToolOutcome | Url => {
    // -v tells the story on stderr first: the failed connect(2), curl's message, the closed connection
    const err = (code: number, msg: string, summary: string, ms: number, errno?: string): ToolOutcome => {
      if (a.verbose) {
        if (errno) out.push(`* connect to ${ip} port ${target.port} failed: ${errno}`);
        out.push(`* ${msg}`, `* Closing connection ${conn}`);
      }
      if (!a.silent || a.showError) out.push(`curl: (${code}) ${msg}`);
      return { output: out.join('\n'), exitCode: code, ok: false, summary, ms };
    };
    let ip = '';
    const found = addressOf(ctx, node, target, a.ipv6);
    if (!found) return err(6, `Could not resolve host: ${target.host}`, 'name not resolvable', ctx.us / 1000);
    ip = found;
    // curl 7.88 brackets an IPv6 address here (connect.c), not in "Connected to"
    if (a.verbose) out.push(`*   Trying ${ip.includes(':') ? `[${ip}]` : ip}:${target.port}...`);
    const t0 = ctx.us;
    // the server sees the Host header: curl's own (the URL's host) unless -H gives one
    // (a followed redirect to another host drops the custom one, as curl's http_host does)
    const own = target.host === url.host ? a.headers.find(([h]) => h.toLowerCase() === 'host')?.[1] : undefined;
    const host = own ?? (target.ipv6 ? `[${target.host}]` : target.host);
    const waitMs = a.maxTime === null ? PATIENCE_MS : a.maxTime * 1000 + 2 - ctx.us / 1000;
    const res = httpGet(ctx, node, ip, target.port, 0, { method, path: target.path, host, waitMs });
    const took = Math.floor((ctx.us - t0) / 1000);
    const failConnect = (ms: number) =>
      `Failed to connect to ${target.host} port ${target.port} after ${ms} ms: Couldn't connect to server`;
    // curl's own headers, replaced by -H/-A of the same name, then the others, then the body's
    const requestHeaders = (): [string, string][] => {
      const own: [string, string][] = [
        [
          'Host',
          `${target.ipv6 ? `[${target.host}]` : target.host}${target.port === (target.scheme === 'https' ? 443 : 80) ? '' : `:${target.port}`}`,
        ],
        ['User-Agent', 'curl/7.88.1'],
        ['Accept', '*/*'],
      ];
      const named = (k: string) => a.headers.find(([h]) => h.toLowerCase() === k.toLowerCase());
      const keep = (k: string) => k !== 'Host' || target.host === url.host;
      const base = own.map(([k, v]): [string, string] => (keep(k) ? (named(k) ?? [k, v]) : [k, v]));
      const extra = a.headers.filter(([h]) => !own.some(([k]) => k.toLowerCase() === h.toLowerCase()));
      const body: [string, string][] =
        a.data === null
          ? []
          : [
              ['Content-Length', String(new TextEncoder().encode(a.data).length)],
              ['Content-Type', 'application/x-www-form-urlencoded'],
            ];
      return [...base, ...extra, ...body];
    };
    // -v: the connection is up and the request goes out
    const request = () => {
      if (!a.verbose) return;
      out.push(
        `* Connected to ${target.host} (${ip}) port ${target.port} (#${conn})`,
        `> ${method} ${target.path} HTTP/1.1`,
        ...requestHeaders().map(([k, v]) => `> ${k}: ${v}`),
        '> ',
      );
    };
    // the first deadline of -m and --connect-timeout, in ms, if it comes before `ms`
    const deadline = (ms: number): number | null => {
      const ds = [a.maxTime, a.connectTimeout].filter((x): x is number => x !== null).map((x) => x * 1000);
      const d = ds.length ? Math.min(...ds) : null;
      return d !== null && d < ms ? d : null;
    };
    const timedOut = (): ToolOutcome => {
      const ms = Math.round((deadline(Number.POSITIVE_INFINITY) ?? 0) + 2);
      if (a.maxTime !== null && (a.connectTimeout === null || a.maxTime <= a.connectTimeout))
        return err(28, `Connection timed out after ${ms} milliseconds`, 'timed out', ms);
      return err(
        28,
        `Failed to connect to ${target.host} port ${target.port} after ${ms} ms: Timeout was reached`,
        'timed out',
        ms,
      );
    };
    switch (res.kind) {
      case 'unreachable':
        return err(7, failConnect(0), 'network unreachable', 0, 'Network is unreachable');
      case 'refused':
        return err(7, failConnect(took), 'connection refused', took, 'Connection refused');
      case 'host-unreachable':
        // the neighbour entry fails after 3 s of unanswered ARP; a shorter -m ends curl first
        if (deadline(3000 + took) !== null) return timedOut();
        return err(7, failConnect(3000 + took), 'host unreachable', 3000 + took, 'No route to host');
      case 'lost': {
        if (deadline(Number.POSITIVE_INFINITY) !== null) return timedOut();
        // the kernel gives up after 6 SYN retries (1+2+4+8+16+32+64 s)
        return err(7, failConnect(127_000 + took), 'timed out', 127_000 + took);
      }
      case 'reset':
        request();
        return err(56, 'Recv failure: Connection reset by peer', 'connection reset', took);
      case 'empty':
        request();
        return err(52, 'Empty reply from server', 'empty reply', took);
      case 'stalled': {
        // connected, the request sent, no byte back (a paused app): only -m ends the transfer
        request();
        if (a.maxTime === null) return interrupted(out);
        const ms = Math.round(a.maxTime * 1000 + 2);
        return err(28, `Operation timed out after ${ms} milliseconds with 0 bytes received`, 'no answer', ms);
      }
    }
    status = res.answer.status;
    remote = ip;
    if (a.fail && status >= 400) {
      request();
      return err(22, `The requested URL returned error: ${status}`, `HTTP ${status}`, took);
    }
    const clock = ctx.world.clock + Math.round(ctx.us / 1000);
    const head = headerLines(res.answer, clock);
    request();
    const loc = res.answer.headers.find(([k]) => k === 'Location')?.[1];
    const next = a.follow && loc && [301, 302, 303, 307, 308].includes(status) ? parseUrl(loc) : null;
    if (next) {
      // -L: the 3xx's headers show (-I, -v), its body does not; POST becomes GET as in curl
      if (a.verbose) out.push(...head.map((h) => `< ${h}`), '< ');
      else if (a.head) out.push(...head, '');
      if (a.verbose)
        out.push(
          `* Connection #${conn} to host ${target.host} left intact`,
          `* Issue another request to this URL: '${loc}'`,
        );
      if (status === 303 || (status !== 307 && status !== 308 && method === 'POST')) method = 'GET';
      return next;
    }
    if (a.verbose) out.push(...head.map((h) => `< ${h}`), '< ');
    else if (a.head) out.push(...head, '');
    if (!a.head) bytesOut = new TextEncoder().encode(res.answer.body).length;
    // the terminal shows CRLF lines (nginx's error pages) as plain lines
    if (!a.head && a.out === null) out.push(res.answer.body.replace(/\r\n/g, '\n').replace(/\n$/, ''));
    if (a.verbose) out.push(`* Connection #${conn} to host ${target.host} left intact`);
    return {
      output: out.join('\n'),
      exitCode: 0,
      ok: true,
      summary: `HTTP ${res.answer.status} from ${ip}:${target.port}`,
      ms: took,
    };
  };
  /** -L: requests until an answer is not a redirect (curl stops after 50). */
  const follow = (ctx: Ctx, node: NetNode): ToolOutcome => {
    const out: string[] = [];
    let target = url;
    let conn = 0;
    let spent = 0;
    for (let hop = 0; ; hop++) {
      const r = transfer(ctx, node, target, out, conn);
      if (!('scheme' in r)) return { ...r, ms: r.ms + spent };
      if (hop === 50) {
        const tail = a.silent && !a.showError ? [] : ['curl: (47) Maximum (50) redirects followed'];
        return {
          output: [...out, ...tail].join('\n'),
          exitCode: 47,
          ok: false,
          summary: 'too many redirects',
          ms: spent,
        };
      }
      spent = ctx.us / 1000;
      if (r.host !== target.host || r.port !== target.port) conn++;
      target = r;
      final = r;
    }
  };
  let status = 0;
  let remote = '';
  let final = url;
  const finish = (o: ToolOutcome): ToolOutcome => {
    // killed by Ctrl-C, curl never gets to its -w line
    if (a.writeOut === null || o.exitCode === 130) return o;
    const dflt = final.port === (final.scheme === 'https' ? 443 : 80);
    const effective = `${final.scheme}://${final.host}${dflt ? '' : `:${final.port}`}${final.path}`;
    const vars = {
      http_code: status,
      remote_ip: remote,
      port: final.port,
      bytes: bytesOut,
      ms: o.ms,
      exit: o.exitCode,
    };
    // a console line ends where the terminal's does, so a final "\n" of the format is that end
    const w = writeOut(a.writeOut, { ...vars, url: effective }).replace(/\n$/, '');
    return { ...o, output: [o.output, w].filter((x) => x !== '').join('\n') };
  };
  return runTool(world, where, line, (ctx, node): ToolOutcome => finish(withMeter(follow(ctx, node), bytesOut)));
}
