/**
 * The Go parsers behind the docker CLI's flag values, with their error words: strconv
 * (ParseInt/ParseUint with base 0, ParseBool, as pflag v1.0.6 calls them), time.ParseDuration,
 * docker/go-units v0.5.0 RAMInBytes and docker/cli opts.ParseCPUs. Each returns the value or the
 * error text pflag puts after `invalid argument "X" for "--flag" flag: `.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const good = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(error: string): Parsed<T> => ({ ok: false, error });

/** Go's %q for the plain strings people type (strconv.Quote). */
export const goQuote = (s: string) => JSON.stringify(s);

/** The digits of an integer literal as Go's base-0 syntax reads them (0x, 0o, 0b, leading 0, underscores). */
function baseZero(s: string): bigint | null {
  let base = 10;
  let body = s;
  if (/^0[xX]/.test(s)) [base, body] = [16, s.slice(2)];
  else if (/^0[oO]/.test(s)) [base, body] = [8, s.slice(2)];
  else if (/^0[bB]/.test(s)) [base, body] = [2, s.slice(2)];
  else if (/^0\d/.test(s) || /^0_/.test(s)) [base, body] = [8, s.slice(1)];
  const prefixed = body !== s;
  // underscores only between digits, and only with a base prefix (strconv underscoreOK)
  if (body.includes('_') && (!prefixed || /^_|__|_$/.test(body.replace(/^_/, '')))) return null;
  const digits = body.replaceAll('_', '');
  const ok = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^\d+$/, 16: /^[\da-fA-F]+$/ }[base]!;
  if (!ok.test(digits)) return base === 8 && s === '0' ? 0n : null;
  let v = 0n;
  for (const ch of digits) v = v * BigInt(base) + BigInt(Number.parseInt(ch, 16));
  return v;
}

/** strconv.ParseInt(s, 0, bits). */
export function parseGoInt(s: string, bits = 64): Parsed<number> {
  const neg = s.startsWith('-');
  const body = s.startsWith('-') || s.startsWith('+') ? s.slice(1) : s;
  const v = body === '' ? null : baseZero(body);
  if (v === null) return bad(`strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax`);
  const limit = 1n << BigInt(bits - 1);
  if (neg ? v > limit : v >= limit) return bad(`strconv.ParseInt: parsing ${goQuote(s)}: value out of range`);
  return good(Number(neg ? -v : v));
}

/** strconv.ParseUint(s, 0, bits). */
export function parseGoUint(s: string, bits = 64): Parsed<number> {
  const v = s === '' || s.startsWith('+') || s.startsWith('-') ? null : baseZero(s);
  if (v === null) return bad(`strconv.ParseUint: parsing ${goQuote(s)}: invalid syntax`);
  if (v >= 1n << BigInt(bits)) return bad(`strconv.ParseUint: parsing ${goQuote(s)}: value out of range`);
  return good(Number(v));
}

/** strconv.ParseBool. */
export function parseGoBool(s: string): Parsed<boolean> {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return good(true);
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return good(false);
  return bad(`strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax`);
}

const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** time.ParseDuration: nanoseconds. */
export function parseGoDuration(orig: string): Parsed<number> {
  const q = `"${orig}"`;
  let s = orig;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return good(0);
  if (s === '') return bad(`time: invalid duration ${q}`);
  let total = 0;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    if (m[0] === '' || (m[1] === '' && (m[2] ?? '') === '')) return bad(`time: invalid duration ${q}`);
    s = s.slice(m[0].length);
    const unit = /^[^\d.]*/.exec(s)![0];
    if (unit === '') return bad(`time: missing unit in duration ${q}`);
    const ns = UNIT_NS[unit];
    if (ns === undefined) return bad(`time: unknown unit "${unit}" in duration ${q}`);
    s = s.slice(unit.length);
    total += Number(m[1] || '0') * ns + (m[2] ? Math.round(Number(`0.${m[2]}`) * ns) : 0);
  }
  return good(neg ? -total : total);
}

/** strconv.ParseFloat for the decimal literals go-units hands it. */
function parseGoFloat(s: string): number | null {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : null;
}

const BINARY: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** go-units RAMInBytes ("512m", "1.5g", "100"; units case-insensitive, b/ib optional). */
export function ramInBytes(sizeStr: string): Parsed<number> {
  let sep = -1;
  for (let i = sizeStr.length - 1; i >= 0; i--) {
    if ('0123456789. '.includes(sizeStr[i])) {
      sep = i;
      break;
    }
  }
  if (sep === -1) return bad(`invalid size: '${sizeStr}'`);
  const spaced = sizeStr[sep] === ' ';
  const num = spaced ? sizeStr.slice(0, sep) : sizeStr.slice(0, sep + 1);
  let sfx = sizeStr.slice(sep + 1);
  const size = parseGoFloat(num);
  if (size === null) return bad(`strconv.ParseFloat: parsing ${goQuote(num)}: invalid syntax`);
  if (size < 0) return bad(`invalid size: '${sizeStr}'`);
  if (sfx === '') return good(Math.trunc(size));
  if (sfx.length > 3) return bad(`invalid suffix: '${sfx}'`);
  sfx = sfx.toLowerCase();
  if (sfx[0] === 'b') return sfx.length > 1 ? bad(`invalid suffix: '${sfx}'`) : good(Math.trunc(size));
  const mul = BINARY[sfx[0]];
  if (mul === undefined) return bad(`invalid suffix: '${sfx}'`);
  if ((sfx.length === 2 && sfx[1] !== 'b') || (sfx.length === 3 && sfx.slice(1) !== 'ib')) {
    return bad(`invalid suffix: '${sfx}'`);
  }
  return good(Math.trunc(size * mul));
}

/** docker/cli opts.ParseCPUs: a rational number of CPUs as nano CPUs (big.Rat SetString). */
export function parseCpus(value: string): Parsed<number> {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(value);
  const frac = /^([+-]?\d+)\/(\d+)$/.exec(value);
  if (frac) {
    const n = Number(frac[1]) * 1e9;
    const d = Number(frac[2]);
    if (d === 0) return bad(`failed to parse ${value} as a rational number`);
    return Number.isInteger(n / d) ? good(n / d) : bad('value is too precise');
  }
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return bad(`failed to parse ${value} as a rational number`);
  // exact decimal arithmetic: digits shifted by 9 (nano) plus the exponent
  const digits = `${m[2]}${m[3] ?? ''}`.replace(/^0+(?=\d)/, '');
  const shift = 9 + Number(m[4] ?? '0') - (m[3] ?? '').length;
  let n: bigint;
  if (shift >= 0) n = BigInt(digits || '0') * 10n ** BigInt(shift);
  else {
    const cut = digits.length + shift;
    const rest = cut > 0 ? digits.slice(cut) : digits;
    if (/[1-9]/.test(rest)) return bad('value is too precise');
    n = BigInt(cut > 0 ? digits.slice(0, cut) : '0');
  }
  return good(Number(m[1] === '-' ? -n : n));
}
