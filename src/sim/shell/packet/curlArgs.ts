import { splitFlags } from './run';

/** curl's command line (tool_getparam.c): the options the simulated curl 7.88 knows. */
export interface CurlArgs {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  head: boolean;
  maxTime: number | null;
  connectTimeout: number | null;
  out: string | null;
  /** -f: an HTTP error status is curl error 22, without the body */
  fail: boolean;
  /** -w FORMAT, printed after the transfer */
  writeOut: string | null;
  /** -X METHOD */
  method: string | null;
  /** -d DATA: the body of a POST */
  data: string | null;
  /** -H "Name: value" and -A: request headers replacing or joining curl's own */
  headers: [string, string][];
  /** -L: follow a 3xx answer's Location */
  follow: boolean;
  /** -6 / --ipv6: resolve names to IPv6 addresses only */
  ipv6: boolean;
  url: string;
}

const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information";
/** Options that take the next argument as their value. */
const VALUE_FLAGS = new Set(
  '-m --max-time --connect-timeout -o --output -X --request -d --data --data-raw -A --user-agent -H --header -w --write-out'.split(
    ' ',
  ),
);

export function parseCurlArgs(argv: string[]): CurlArgs | string {
  const a: CurlArgs = {
    silent: false,
    showError: false,
    verbose: false,
    head: false,
    maxTime: null,
    connectTimeout: null,
    out: null,
    fail: false,
    writeOut: null,
    method: null,
    data: null,
    headers: [],
    follow: false,
    ipv6: false,
    url: '',
  };
  const xs = splitFlags(argv.slice(1), 'mowXdHA');
  // tool_getparam.c's refusals, printed by helpf with its hint line (exit 2, even under -s)
  const refuse = (x: string, why: string) => `curl: option ${x}: ${why}\n${TRY_HELP}`;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (VALUE_FLAGS.has(x) && i + 1 >= xs.length) return refuse(x, 'requires parameter');
    if (x === '-s' || x === '--silent') a.silent = true;
    else if (x === '-S' || x === '--show-error') a.showError = true;
    else if (x === '-v' || x === '--verbose') a.verbose = true;
    else if (x === '-I' || x === '--head') a.head = true;
    else if (x === '-m' || x === '--max-time' || x === '--connect-timeout') {
      const raw = xs[++i];
      const v = raw.trim() === '' ? Number.NaN : Number(raw);
      if (!Number.isFinite(v)) return refuse(x, 'expected a proper numerical parameter');
      if (v < 0) return refuse(x, 'expected a positive numerical parameter');
      // 0 is no limit of curl's own (secs2ms: "0 means no timeout")
      if (x === '--connect-timeout') a.connectTimeout = v || null;
      else a.maxTime = v || null;
    } else if (x === '-o' || x === '--output') a.out = xs[++i] ?? null;
    else if (x === '-X' || x === '--request') a.method = xs[++i] ?? 'GET';
    else if (x === '-d' || x === '--data' || x === '--data-raw') a.data = xs[++i] ?? '';
    else if (x === '-A' || x === '--user-agent') a.headers.push(['User-Agent', xs[++i] ?? '']);
    else if (x === '-H' || x === '--header') {
      const h = xs[++i] ?? '';
      const at = h.indexOf(':');
      if (at > 0) a.headers.push([h.slice(0, at).trim(), h.slice(at + 1).trim()]);
    } else if (x === '-w' || x === '--write-out') a.writeOut = xs[++i] ?? '';
    else if (x === '-f' || x === '--fail') a.fail = true;
    else if (x === '-L' || x === '--location') a.follow = true;
    else if (x === '-6' || x === '--ipv6') a.ipv6 = true;
    else if (x === '-4' || x === '-k' || x === '--insecure') continue;
    else if (x.startsWith('-')) return refuse(x, 'is unknown');
    else a.url = x;
  }
  return a.url ? a : `curl: no URL specified!\n${TRY_HELP}`;
}
