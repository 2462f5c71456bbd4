import { type Parsed, parseGoBool, ramInBytes } from './goParse';

/**
 * The structured `docker run` flag values, parsed as docker/cli v28.5.2 does (go-units
 * ParseUlimit, opts/mount.go MountOpt.Set, opts/gpus.go GpuOpts.Set, container/opts.go
 * validateLinuxPath/parseLinuxDevice), into the API's JSON shapes.
 */

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(error: string): Parsed<T> => ({ ok: false, error });

const ULIMITS = [
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack',
];

/** strconv.ParseInt(s, 10, 64) as ParseUlimit returns it (its own error, unwrapped). */
function int10(s: string): Parsed<number> {
  if (!/^[+-]?\d+$/.test(s)) return bad(`strconv.ParseInt: parsing "${s}": invalid syntax`);
  const v = BigInt(s);
  if (v >= 1n << 63n || v < -(1n << 63n)) return bad(`strconv.ParseInt: parsing "${s}": value out of range`);
  return ok(Number(v));
}

export type Ulimit = { Name: string; Hard: number; Soft: number };

/** go-units ParseUlimit: `name=soft[:hard]`. */
export function parseUlimit(val: string): Parsed<Ulimit> {
  const i = val.indexOf('=');
  if (i < 0) return bad(`invalid ulimit argument: ${val}`);
  const [name, limits] = [val.slice(0, i), val.slice(i + 1)];
  if (!ULIMITS.includes(name)) return bad(`invalid ulimit type: ${name}`);
  const parts = limits.split(':');
  if (parts.length > 2) {
    return bad(`too many limit value arguments - ${limits}, can only have up to two, \`soft[:hard]\``);
  }
  const hard = parts.length === 2 ? int10(parts[1]) : null;
  if (hard && !hard.ok) return hard;
  const soft = int10(parts[0]);
  if (!soft.ok) return soft;
  const h = hard ? (hard as { value: number }).value : soft.value;
  if (h !== -1) {
    if (soft.value === -1) {
      return bad(`ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: ${h}`);
    }
    if (soft.value > h) return bad(`ulimit soft limit must be less than or equal to hard limit: ${soft.value} > ${h}`);
  }
  return ok({ Name: name, Hard: h, Soft: soft.value });
}

/** encoding/csv's one record (quoted fields with "" escapes). */
function csvFields(s: string): Parsed<string[]> {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let f = '';
    if (s[i] === '"') {
      i++;
      for (;;) {
        if (i >= s.length)
          return bad('record on line 1; parse error on line 2, column 0: extraneous or missing " in quoted-field');
        if (s[i] === '"' && s[i + 1] === '"') {
          f += '"';
          i += 2;
        } else if (s[i] === '"') {
          i++;
          break;
        } else f += s[i++];
      }
    } else {
      while (i < s.length && s[i] !== ',') f += s[i++];
    }
    out.push(f);
    if (i >= s.length) return ok(out);
    i++;
  }
}

export type Mount = Record<string, unknown> & { Type: string; Target: string; Source?: string };

/** opts/mount.go MountOpt.Set: `type=bind,source=/a,target=/b,readonly`. */
export function parseMount(value: string): Parsed<Mount> {
  const fields = csvFields(value);
  if (!fields.ok) return fields;
  let type = 'volume';
  let source: string | undefined;
  let target = '';
  let readOnly = false;
  const opts: Record<'BindOptions' | 'VolumeOptions' | 'TmpfsOptions' | 'ImageOptions', Record<string, unknown>> = {
    BindOptions: {},
    VolumeOptions: {},
    TmpfsOptions: {},
    ImageOptions: {},
  };
  const used = new Set<string>();
  const set = (o: keyof typeof opts, k: string, v: unknown) => {
    used.add(o);
    opts[o][k] = v;
  };
  for (const field of fields.value) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const val = eq < 0 ? '' : field.slice(eq + 1);
    if (eq < 0) {
      if (key === 'readonly' || key === 'ro') readOnly = true;
      else if (key === 'volume-nocopy') set('VolumeOptions', 'NoCopy', true);
      else if (key === 'bind-nonrecursive') set('BindOptions', 'NonRecursive', true);
      else return bad(`invalid field '${field}' must be a key=value pair`);
      continue;
    }
    switch (key) {
      case 'type':
        type = val.toLowerCase();
        break;
      case 'source':
      case 'src':
        source = val;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        target = val;
        break;
      case 'readonly':
      case 'ro': {
        const b = parseGoBool(val);
        if (!b.ok) return bad(`invalid value for ${key}: ${val}`);
        readOnly = b.value;
        break;
      }
      case 'bind-propagation':
        set('BindOptions', 'Propagation', val.toLowerCase());
        break;
      case 'volume-driver':
        set('VolumeOptions', 'DriverConfig', { Name: val });
        break;
      case 'volume-subpath':
        set('VolumeOptions', 'Subpath', val);
        break;
      case 'tmpfs-size': {
        const n = ramInBytes(val);
        if (!n.ok) return bad(`invalid value for ${key}: ${val}`);
        set('TmpfsOptions', 'SizeBytes', n.value);
        break;
      }
      case 'tmpfs-mode':
        if (!/^[0-7]+$/.test(val)) return bad(`invalid value for ${key}: ${val}`);
        set('TmpfsOptions', 'Mode', Number.parseInt(val, 8));
        break;
      default:
        return bad(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (type === '') return bad('type is required');
  if (target === '') return bad('target is required');
  const kinds = { VolumeOptions: 'volume', ImageOptions: 'image', BindOptions: 'bind', TmpfsOptions: 'tmpfs' } as const;
  for (const [o, t] of Object.entries(kinds)) {
    if (used.has(o) && type !== t) return bad(`cannot mix '${t}-*' options with mount type '${type}'`);
  }
  // mount.Mount's JSON: Type, Source, Target, ReadOnly, …Options (all omitempty)
  return ok({
    Type: type,
    ...(source ? { Source: source } : {}),
    Target: target,
    ...(readOnly ? { ReadOnly: true } : {}),
    ...Object.fromEntries([...used].map((o) => [o, opts[o as keyof typeof opts]])),
  });
}

export type DeviceRequest = {
  Driver: string;
  Count: number;
  DeviceIDs: string[] | null;
  Capabilities: string[][];
  Options: Record<string, string>;
};

/** opts/gpus.go GpuOpts.Set: `all`, `2`, `count=1,driver=nvidia,"device=0,1",capabilities=…`. */
export function parseGpus(value: string): Parsed<DeviceRequest> {
  const fields = csvFields(value);
  if (!fields.ok) return fields;
  const req: DeviceRequest = { Driver: '', Count: 0, DeviceIDs: null, Capabilities: [], Options: {} };
  const seen = new Set<string>();
  const count = (s: string): Parsed<number> => {
    if (s === 'all') return ok(-1);
    if (/^[+-]?\d+$/.test(s)) return ok(Number(s));
    return bad(`invalid count (${s}): value must be either "all" or an integer: invalid syntax`);
  };
  let caps: string[][] | null = null;
  for (const field of fields.value) {
    const eq = field.indexOf('=');
    const key = eq < 0 ? field : field.slice(0, eq);
    const val = eq < 0 ? '' : field.slice(eq + 1);
    if (seen.has(key)) return bad(`gpu request key '${key}' can be specified only once`);
    seen.add(key);
    if (eq < 0) {
      seen.add('count');
      const c = count(key);
      if (!c.ok) return c;
      req.Count = c.value;
      continue;
    }
    if (key === 'driver') req.Driver = val;
    else if (key === 'count') {
      const c = count(val);
      if (!c.ok) return c;
      req.Count = c.value;
    } else if (key === 'device') req.DeviceIDs = val.split(',');
    else if (key === 'capabilities') caps = [[...val.split(','), 'gpu']];
    else if (key === 'options') {
      for (const kv of val.split(','))
        req.Options[kv.split('=')[0]] = kv.includes('=') ? kv.slice(kv.indexOf('=') + 1) : '';
    } else return bad(`unexpected key '${key}' in '${field}'`);
  }
  if (!seen.has('count') && req.DeviceIDs === null) req.Count = 1;
  req.Capabilities = caps ?? [['gpu']];
  return ok(req);
}

const DEVICE_MODE = /^(?!.*(.).*\1)[rwm]{1,3}$/;

/** path.Clean for the absolute and relative paths a device flag holds. */
function cleanPath(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else if (part !== '..' || !abs) out.push(part);
  }
  const s = out.join('/');
  return abs ? `/${s}` : s || '.';
}

export type DeviceMapping = { PathOnHost: string; PathInContainer: string; CgroupPermissions: string };

/** opts.go validateLinuxPath then parseLinuxDevice: `/dev/x[:/dev/y][:rwm]`. */
export function parseDevice(val: string): Parsed<DeviceMapping> {
  if ((val.match(/:/g) ?? []).length > 2) return bad(`bad format for path: ${val}`);
  const split = val.split(':');
  if (split[0] === '') return bad(`bad format for path: ${val}`);
  let containerPath: string;
  let clean: string;
  if (split.length === 1) {
    containerPath = split[0];
    clean = cleanPath(containerPath);
  } else if (split.length === 2) {
    if (DEVICE_MODE.test(split[1])) {
      containerPath = split[0];
      clean = `${cleanPath(containerPath)}:${split[1]}`;
    } else {
      containerPath = split[1];
      clean = `${split[0]}:${cleanPath(containerPath)}`;
    }
  } else {
    containerPath = split[1];
    if (!DEVICE_MODE.test(split[2])) return bad(`bad mode specified: ${split[2]}`);
    clean = val;
  }
  if (!containerPath.startsWith('/')) return bad(`${containerPath} is not an absolute path`);
  const arr = clean.split(':');
  let perms = 'rwm';
  let dst = '';
  if (arr.length === 3) perms = arr[2];
  if (arr.length >= 2) {
    if (DEVICE_MODE.test(arr[1])) perms = arr[1];
    else dst = arr[1];
  }
  return ok({ PathOnHost: arr[0], PathInContainer: dst || arr[0], CgroupPermissions: perms });
}
