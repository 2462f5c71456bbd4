import { boolFlagError, type FlagSpec, isSet, last, parseFlags } from './flags';
import { flagError } from './output';

/**
 * The root command's global options (docker/cli v28.5.2 cli/flags/options.go InstallFlags), read
 * before the command name as cobra reads them, and what the CLI makes of them
 * (cli/command/cli.go Initialize, initialize; cli/flags SetLogLevel): -D and --config change
 * nothing the console shows, --log-level must be a logrus level, only the `default` context and
 * the daemon's own socket exist, and TLS is for TCP hosts, so the local socket ignores it. -H is
 * read by opts.ParseHost; a TCP daemon is not listening, a named pipe is not a Linux transport.
 */

export const GLOBAL_FLAG_SPECS: FlagSpec[] = [
  { long: 'config', value: true },
  { long: 'context', short: 'c', value: true },
  { long: 'debug', short: 'D' },
  { long: 'host', short: 'H', value: true },
  { long: 'log-level', short: 'l', value: true },
  { long: 'tls' },
  { long: 'tlscacert', value: true },
  { long: 'tlscert', value: true },
  { long: 'tlskey', value: true },
  { long: 'tlsverify' },
];

const LEVELS = ['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace'];
/** The daemon's socket as `-H` names it (opts.ParseHost: unix:// with the default path, or the path alone). */
const LOCAL_SOCKETS = ['unix:///var/run/docker.sock', '/var/run/docker.sock', 'unix://'];

/** The global options before the command, or an error as the CLI prints it (and its exit code). */
export function globalFlags(
  argv: string[],
): { ok: true; rest: string[] } | { ok: false; output: string; exitCode: number } | null {
  let n = 0;
  while (n < argv.length && argv[n].startsWith('-') && argv[n] !== '-') {
    const a = argv[n];
    const name = a.startsWith('--') ? a.slice(2).split('=')[0] : null;
    const spec = GLOBAL_FLAG_SPECS.find((s) => (name !== null ? s.long === name : s.short === a[1]));
    // -v/--version and -h/--help are the root command's own; anything else is pflag's error
    if (!spec) return n === 0 ? null : { ok: true, rest: argv.slice(n) };
    n += spec.value && !a.includes('=') && (name !== null || a.length === 2) ? 2 : 1;
  }
  if (n === 0) return null;
  const p = parseFlags(argv.slice(0, n), GLOBAL_FLAG_SPECS);
  // cli/flags/options.go hostVar.Set refuses a second -H as pflag parses it
  const second = p.ok ? p.value.flags.host?.[1] : undefined;
  const twice = second !== undefined ? `invalid argument "${second}" for "-H, --host" flag: specify only one -H` : null;
  const bad = p.ok ? (boolFlagError(p.value, GLOBAL_FLAG_SPECS) ?? twice) : p.error;
  if (!p.ok || bad) return { ok: false, output: flagError('', bad!), exitCode: 125 };
  const level = last(p.value, 'log-level');
  if (level !== undefined && level !== '' && !LEVELS.includes(level.toLowerCase()))
    return { ok: false, output: `Unable to parse logging level: ${level}`, exitCode: 1 };
  const context = last(p.value, 'context');
  const hosts = p.value.flags.host ?? [];
  if (context && hosts.length)
    return { ok: false, output: 'conflicting options: cannot specify both --host and --context', exitCode: 1 };
  if (context && context !== 'default') {
    const meta = `/root/.docker/contexts/meta/${sha256Hex(context)}/meta.json`;
    return {
      ok: false,
      output: `Failed to initialize: unable to resolve docker endpoint: context "${context}": context not found: open ${meta}: no such file or directory`,
      exitCode: 1,
    };
  }
  const host = hosts[0];
  if (host !== undefined && !LOCAL_SOCKETS.includes(host)) {
    const fail = (output: string) => ({ ok: false as const, output, exitCode: 1 });
    const tls = isSet(p.value, 'tls') || isSet(p.value, 'tlsverify');
    const parsed = parseDockerDaemonHost(host.trim(), tls);
    if ('error' in parsed) return fail(`Failed to initialize: unable to resolve docker endpoint: ${parsed.error}`);
    const at = parsed.host;
    // go-connections sockets.ConfigureTransport: a named pipe is Windows' (client.WithHost)
    if (at.startsWith('npipe://')) return fail('Failed to initialize: protocol not available');
    if (at.startsWith('ssh://') || at.startsWith('fd://')) {
      return fail(`whalewire: -H ${at} is not simulated; this host's daemon is unix:///var/run/docker.sock`);
    }
    // no daemon listens there: dockerd serves only its unix socket unless told otherwise
    // (client.IsErrConnectionFailed's words)
    return fail(`Cannot connect to the Docker daemon at ${at}. Is the docker daemon running?`);
  }
  return { ok: true, rest: argv.slice(n) };
}

/**
 * docker/cli v28.5.2 opts/hosts.go parseDockerDaemonHost (through ParseHost): tcp:// (the default
 * scheme) gets its default host and port, unix:// and npipe:// their default paths, fd:// and
 * ssh:// are taken as they are; anything else is not an address.
 */
export function parseDockerDaemonHost(addr: string, tls = false): { host: string } | { error: string } {
  const cut = addr.indexOf('://');
  const [proto, rest] = cut < 0 ? ['tcp', addr] : [addr.slice(0, cut), addr.slice(cut + 3)];
  const simple = (def: string) =>
    rest.includes('://')
      ? { error: `invalid proto, expected ${proto}: ${rest}` }
      : { host: `${proto}://${rest || def}` };
  switch (proto) {
    case 'tcp':
      return parseTcpAddr(rest, addr, tls ? '2376' : '2375');
    case 'unix':
      return simple('/var/run/docker.sock');
    case 'npipe':
      return simple('//./pipe/docker_engine');
    case 'fd':
    case 'ssh':
      return { host: addr };
    default:
      return { error: `invalid bind address format: ${addr}` };
  }
}

/** opts.ParseTCPAddr: `host[:port][/path]`, the default host 127.0.0.1 and the default port. */
function parseTcpAddr(rest: string, given: string, port: string): { host: string } | { error: string } {
  if (rest === '') return { host: `tcp://127.0.0.1:${port}` };
  if (rest.includes('://')) return { error: `invalid proto, expected tcp: ${given}` };
  const slash = rest.indexOf('/');
  const hostPort = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? '' : rest.slice(slash);
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]*)(?::([^:]*))?$/.exec(hostPort);
  if (!m) return { error: `invalid bind address format: ${given}` };
  // url.Parse refuses a port that is not digits before SplitHostPort sees it
  if (m[2] !== undefined && !/^\d*$/.test(m[2]))
    return { error: `parse "tcp://${rest}": invalid port ":${m[2]}" after host` };
  const h = m[1] === '' ? '127.0.0.1' : m[1];
  const p = m[2] === undefined || m[2] === '' ? port : m[2];
  return { host: `tcp://${h}:${p}${path}` };
}

/** SHA-256 of a UTF-8 string as hex (digest.FromString(name).Encoded(): a context's directory). */
export function sha256Hex(text: string): string {
  const K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
  ]);
  const bytes = Array.from(new TextEncoder().encode(text));
  const bitLen = bytes.length * 8;
  bytes.push(0x80);
  while (bytes.length % 64 !== 56) bytes.push(0);
  for (let i = 7; i >= 0; i--) bytes.push(i >= 4 ? 0 : (bitLen >>> (i * 8)) & 0xff);
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  const rotr = (x: number, r: number) => (x >>> r) | (x << (32 - r));
  for (let off = 0; off < bytes.length; off += 64) {
    for (let i = 0; i < 16; i++)
      w[i] =
        (bytes[off + 4 * i] << 24) |
        (bytes[off + 4 * i + 1] << 16) |
        (bytes[off + 4 * i + 2] << 8) |
        bytes[off + 4 * i + 3];
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, '0')).join('');
}
