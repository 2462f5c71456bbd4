import { isIPv4, parsesAsIp } from '../ipam';
import type { ServicePort } from '../swarm/types';
import { dnsSearch, extraHost } from './dnsFlags';
import type { FlagSpec } from './flags';
import { goQuote, type Parsed, parseCpus, parseGoDuration, parseGoInt, parseGoUint, ramInBytes } from './goParse';
import type { FlagRow } from './helpData';
import { csvFields, parseAttachment } from './networkOpt';
import { validateLabel } from './runOpts';
import { parseMount, parseUlimit } from './runOptValues';

/**
 * The swarm commands' flag values checked as pflag's Value.Set checks them (docker/cli v28.5.2
 * cli/command/service/opts.go, opts/*.go, opts/swarmopts), chosen by the flag's type as its
 * `--help` row names it, and for ListOpts by the validator newServiceOptions gives it. The
 * parsers are built from the help rows, so every flag the help lists is accepted and checked.
 */

const good = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (error: string): Parsed<never> => ({ ok: false, error });
const check = (e: string | null): Parsed<string> => (e === null ? { ok: true, value: '' } : bad(e));

/** swarmopts.PortOpt.Set: the short (`8080:80/udp`, `80`) and long (`published=8080,target=80,mode=host`) forms. */
export function parsePublish(v: string): ServicePort | { error: string } {
  if (/\w+=\w+(,\w+=\w+)*/.test(v)) {
    const port: ServicePort = { protocol: 'tcp', target: 0, published: 0, mode: 'ingress' };
    for (const field of v.split(',')) {
      const eq = field.indexOf('=');
      const key = eq > 0 ? field.slice(0, eq).toLowerCase() : '';
      const val = field.slice(eq + 1).toLowerCase();
      if (!key) return { error: `invalid field: ${field}` };
      if (key === 'protocol') {
        if (val !== 'tcp' && val !== 'udp') return { error: `invalid protocol value '${val}'` };
        port.protocol = val;
      } else if (key === 'mode') {
        if (val !== 'ingress' && val !== 'host')
          return { error: `invalid publish mode value (${val}): must be either 'ingress' or 'host'` };
        port.mode = val;
      } else if (key === 'target' || key === 'published') {
        const n = /^\d+$/.test(val) ? Number(val) : NaN;
        if (!(n <= 65535)) {
          const why = /^\d+$/.test(val) ? 'value out of range' : 'invalid syntax';
          return {
            error: `invalid ${key === 'target' ? 'target' : 'published'} port (${val}): value must be an integer: ${why}`,
          };
        }
        if (key === 'target') port.target = n;
        else port.published = n;
      } else return { error: `invalid field key: ${key}` };
    }
    if (port.target === 0) return { error: "missing mandatory field 'target'" };
    return port;
  }
  const m = /^(?:(.+):)?(?:(\d+):)?(\d+)(?:\/(tcp|udp))?$/.exec(v);
  if (!m) return { error: `invalid containerPort: ${v}` };
  if (m[1] !== undefined && m[2] !== undefined) return { error: 'hostip is not supported' };
  const published = m[1] !== undefined ? m[1] : m[2];
  if (published !== undefined && !/^\d+$/.test(published)) return { error: 'hostip is not supported' };
  return {
    protocol: (m[4] as 'tcp' | 'udp' | undefined) ?? 'tcp',
    target: Number(m[3]),
    published: published === undefined ? 0 : Number(published),
    mode: 'ingress',
  };
}

/** SecretOpt.Set / ConfigOpt.Set: `NAME` or `source=…,target=…,uid=…,gid=…,mode=…`. */
function fileRef(kind: 'secret' | 'config') {
  return (value: string): Parsed<string> => {
    const fields = csvFields(value);
    if ('error' in fields) return bad(fields.error);
    if (fields.length === 1 && !fields[0].includes('=')) return good(fields[0]);
    let source = '';
    for (const field of fields) {
      const eq = field.indexOf('=');
      if (eq <= 0) return bad(`invalid field '${field}' must be a key=value pair`);
      const key = field.slice(0, eq).toLowerCase();
      const val = field.slice(eq + 1);
      if (key === 'source' || key === 'src') source = val;
      else if (key === 'mode') {
        const m = parseGoUint(val, 32);
        if (!m.ok) return bad(`invalid mode specified: ${m.error}`);
      } else if (!['target', 'uid', 'gid'].includes(key)) return bad(`invalid field in ${kind} request: ${key}`);
    }
    return source === '' ? bad('source is required') : good(source);
  };
}

/** shlex.Split's one error (google/shlex, which ShlexOpt uses). */
function shlex(value: string): Parsed<string> {
  let quote = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote === '') {
      if (c === '"' || c === "'") quote = c;
      else if (c === '\\') i++;
    } else if (c === quote) quote = '';
    else if (c === '\\' && quote === '"') i++;
  }
  return quote ? bad('EOF found when expecting closing quote') : good(value);
}

/** opts.ValidateEnv: a name before any `=`. */
const env = (v: string) => check(v === '' || v.startsWith('=') ? `invalid environment variable: ${v}` : null);

/** By flag name: the ListOpts validators newServiceOptions (and swarm init) set, and the named Value types. */
const BY_NAME: Record<string, (v: string) => Parsed<unknown>> = {
  env,
  'log-opt': env,
  label: (v) => check(validateLabel(v)),
  'container-label': (v) => check(validateLabel(v)),
  dns: (v) => check(parsesAsIp(v.trim()) ? null : `IP address is not correctly formatted: ${v}`),
  'dns-search': (v) => {
    const r = dnsSearch(v);
    return 'error' in r ? bad(r.error) : good(r.value);
  },
  host: (v) => {
    const r = extraHost(v);
    return 'error' in r ? bad(r.error) : good(r.value);
  },
  'generic-resource': (v) =>
    check(v.includes('=') ? null : `invalid generic-resource format \`${v}\` expected \`name=value\``),
};

/** By the help row's type: pflag's own types and docker/cli's Value types. */
const BY_TYPE: Record<string, (v: string, long: string) => Parsed<unknown>> = {
  int: (v) => parseGoInt(v),
  uint: (v) => parseGoUint(v),
  uint32: (v) => parseGoUint(v, 32),
  float: (v) =>
    /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(inf|infinity|nan)$/i.test(v)
      ? good(Number(v))
      : bad(`strconv.ParseFloat: parsing ${goQuote(v)}: invalid syntax`),
  duration: (v, long) => {
    const d = parseGoDuration(v);
    // health-*: opts.PositiveDurationOpt
    return d.ok && d.value < 0 && long.startsWith('health-') ? bad('duration cannot be negative') : d;
  },
  bytes: (v) => ramInBytes(v),
  decimal: (v) => parseCpus(v),
  ulimit: (v) => parseUlimit(v),
  mount: (v) => parseMount(v),
  port: (v) => {
    const r = parsePublish(v);
    return 'error' in r ? bad(r.error) : good(r);
  },
  network: (v) => {
    const r = parseAttachment(v);
    return 'error' in r ? bad(r.error) : good(r);
  },
  pref: (v) => {
    const eq = v.indexOf('=');
    if (eq <= 0) return bad('placement preference must be of the format "<strategy>=<arg>"');
    const strategy = v.slice(0, eq);
    return strategy === 'spread'
      ? good(v.slice(eq + 1))
      : bad(`unsupported placement preference ${strategy} (only spread is supported)`);
  },
  filter: (v) => (v === '' || v.includes('=') ? good(v) : bad('bad format of filter (expected name=value)')),
  secret: fileRef('secret'),
  config: fileRef('config'),
  command: shlex,
  'credential-spec': (v) =>
    /^(config|file|registry):\/\//.test(v)
      ? good(v)
      : bad('invalid credential spec: value must be prefixed with "config://", "file://", or "registry://"'),
  ipNetSlice: (v) => {
    for (const c of v.split(',')) {
      const [ip, bits] = c.split('/');
      if (!isIPv4(ip ?? '') || !/^\d+$/.test(bits ?? '') || Number(bits) > 32) return bad(`invalid CIDR address: ${c}`);
    }
    return good(v);
  },
};

/** A value of the flag `row` parsed as its Set does: the Go value, or the error. */
export function parseSwarmFlag(row: FlagRow, v: string): Parsed<unknown> {
  // service update's `--X-add` takes the value --X takes (the same options field)
  const byName = BY_NAME[row[1].replace(/-add$/, '')];
  if (byName && row[2] === 'list') return byName(v);
  return BY_TYPE[row[2]]?.(v, row[1]) ?? good(v);
}

/** The help rows as parser specs: a row with a type takes a value, checked in argv order as pflag does. */
export function swarmSpecs(rows: FlagRow[]): FlagSpec[] {
  return rows.map((row) => {
    const [short, long, varname] = row;
    return {
      long,
      ...(short ? { short } : {}),
      ...(varname === ''
        ? {}
        : {
            value: true,
            set: (v: string) => {
              const r = parseSwarmFlag(row, v);
              return r.ok
                ? null
                : `invalid argument ${goQuote(v)} for "${short ? `-${short}, ` : ''}--${long}" flag: ${r.error}`;
            },
          }),
    };
  });
}
