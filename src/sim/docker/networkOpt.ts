import { isUserDefinedName } from '../ipam';
import type { Endpoint } from '../model';
import { all, type Parsed } from './flags';

/**
 * `docker run/create --network` in its advanced form, `name=N,alias=A,ip=…,ip6=…,mac-address=…,
 * link-local-ip=…,driver-opt=K=V,gw-priority=N` (docker/cli v28.5.2 opts/network.go NetworkOpt.Set),
 * and how cli/command/container/opts.go parseNetworkOpts folds it with the plain flags:
 * applyContainerOptions gives the first network `--network-alias`, `--ip`, `--ip6`,
 * `--mac-address`, `--link-local-ip` (refusing both forms at once), parseNetworkAttachmentOpt
 * checks each network's settings.
 */

/** One `--network` value, parsed. */
export interface Attachment {
  target: string;
  aliases: string[];
  ip?: string;
  ip6?: string;
  mac?: string;
  linkLocal: string[];
  driverOpts?: Record<string, string>;
  gwPriority?: number;
}

/** strconv.Atoi's reason for refusing `s`, or null. */
function atoiError(s: string): string | null {
  if (!/^[+-]?\d+$/.test(s)) return 'invalid syntax';
  const v = BigInt(s);
  return v > 9223372036854775807n || v < -9223372036854775808n ? 'value out of range' : null;
}

/** Go's encoding/csv Reader.Read of one line: fields split at commas, "…" quoting with "" for a quote. */
export function csvFields(line: string): string[] | { error: string } {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let f = '';
      i++;
      for (;;) {
        if (i >= line.length)
          return { error: `parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field` };
        if (line[i] === '"' && line[i + 1] === '"') {
          f += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else f += line[i++];
      }
      if (i < line.length && line[i] !== ',')
        return { error: `parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field` };
      out.push(f);
    } else {
      const end = line.indexOf(',', i);
      const f = end < 0 ? line.slice(i) : line.slice(i, end);
      if (f.includes('"'))
        return { error: `parse error on line 1, column ${i + f.indexOf('"') + 1}: bare " in non-quoted-field` };
      out.push(f);
      i = end < 0 ? line.length : end;
    }
    if (i >= line.length) return out;
    i++;
  }
}

/** NetworkOpt.Set: the attachment a `--network` value names, or the error pflag reports for it. */
export function parseAttachment(value: string): Attachment | { error: string } {
  if (!/\w+=\w+(,\w+=\w+)*/.test(value)) return { target: value, aliases: [], linkLocal: [] };
  const fields = csvFields(value);
  if ('error' in fields) return fields;
  const a: Attachment = { target: '', aliases: [], linkLocal: [] };
  for (const field of fields) {
    const lower = field.toLowerCase();
    const eq = lower.indexOf('=');
    if (eq <= 0) return { error: `invalid field ${field}` };
    const key = lower.slice(0, eq).trim();
    const val = lower.slice(eq + 1).trim();
    if (key === 'name') a.target = val;
    else if (key === 'alias') a.aliases.push(val);
    else if (key === 'ip') a.ip = val;
    else if (key === 'ip6') a.ip6 = val;
    else if (key === 'mac-address') a.mac = val;
    else if (key === 'link-local-ip') a.linkLocal.push(val);
    else if (key === 'driver-opt') {
      const deq = val.indexOf('=');
      if (deq <= 0) return { error: 'invalid key value pair format in driver options' };
      a.driverOpts = { ...a.driverOpts, [val.slice(0, deq).trim()]: val.slice(deq + 1).trim() };
    } else if (key === 'gw-priority') {
      const why = atoiError(val);
      if (why) return { error: `invalid gw-priority (${val}): ${why}` };
      a.gwPriority = Number(val);
    } else return { error: `invalid field key ${key}` };
  }
  if (a.target === '') return { error: 'network name/id is not specified' };
  return a;
}

/** pflag's error for a `--network` value NetworkOpt.Set refuses, or null (for envFlagError). */
export function networkFlagError(p: Parsed): string | null {
  for (const v of all(p, 'network')) {
    const a = parseAttachment(v);
    if ('error' in a) return `invalid argument "${v}" for "--network" flag: ${a.error}`;
  }
  return null;
}

/** The per-network settings of the advanced form, by target, kept on the parsed flags for the extra networks. */
const EXTRA = Symbol('networkOpts');
type WithExtra = Parsed & { [EXTRA]?: Record<string, Partial<Endpoint>> };

/**
 * parseNetworkOpts for createContainer: the `--network` values become their targets; the first
 * network's settings join the plain flags (`conflicting options: cannot specify both --ip and
 * per-network IPv4 address` …); the others' are kept for `extraEndpoint`. Returns the CLI's
 * error, or null. Running it again on the same flags changes nothing.
 */
export function applyNetworkOpts(p: Parsed): string | null {
  const values = all(p, 'network');
  if (!values.length) return null;
  const atts = values.map(parseAttachment).filter((a): a is Attachment => !('error' in a));
  if (atts.length !== values.length) return null; // envFlagError reported it
  const [first, ...rest] = atts;
  const has = (flag: string) => all(p, flag).length > 0;
  const conflicts: [boolean, string][] = [
    [first.aliases.length > 0 && has('network-alias'), 'cannot specify both --network-alias and per-network alias'],
    [first.ip !== undefined && has('ip'), 'cannot specify both --ip and per-network IPv4 address'],
    [first.ip6 !== undefined && has('ip6'), 'cannot specify both --ip6 and per-network IPv6 address'],
    [first.mac !== undefined && has('mac-address'), 'cannot specify both --mac-address and per-network MAC address'],
    [
      first.linkLocal.length > 0 && has('link-local-ip'),
      'cannot specify both --link-local-ip and per-network link-local IP addresses',
    ],
  ];
  const conflict = conflicts.find(([c]) => c);
  if (conflict) return `conflicting options: ${conflict[1]}`;
  for (const a of atts) {
    if (!isUserDefinedName(a.target) && a.aliases.length)
      return 'network-scoped aliases are only supported for user-defined networks';
    if (a.mac !== undefined && !/^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i.test(a.mac))
      return `${a.mac} is not a valid mac address`;
  }
  const put = (flag: string, v: string[]) => {
    if (v.length) p.flags[flag] = v;
  };
  p.flags.network = atts.map((a) => a.target);
  put('network-alias', first.aliases);
  put('ip', first.ip !== undefined ? [first.ip] : []);
  put('ip6', first.ip6 !== undefined ? [first.ip6] : []);
  put('mac-address', first.mac !== undefined ? [first.mac] : []);
  put('link-local-ip', first.linkLocal);
  const extra: Record<string, Partial<Endpoint>> = (p as WithExtra)[EXTRA] ?? {};
  for (const a of [first, ...rest]) {
    const settings: Partial<Endpoint> = {
      ...(a.driverOpts ? { driverOpts: a.driverOpts } : {}),
      ...(a.gwPriority ? { gwPriority: a.gwPriority } : {}),
    };
    if (a !== first) {
      Object.assign(settings, {
        aliases: a.aliases,
        ...(a.ip ? { ipamIp: a.ip } : {}),
        ...(a.mac ? { macAddress: a.mac } : {}),
        ...(a.linkLocal.length ? { linkLocalIps: a.linkLocal } : {}),
      });
    }
    if (Object.keys(settings).length) extra[a.target] = { ...extra[a.target], ...settings };
  }
  (p as WithExtra)[EXTRA] = extra;
  return null;
}

/** The settings the advanced `--network` form gave network `target` (driver-opt, gw-priority, and for all but the first its alias, ip, mac). */
export function networkSettings(p: Parsed, target: string): Partial<Endpoint> {
  return (p as WithExtra)[EXTRA]?.[target] ?? {};
}
