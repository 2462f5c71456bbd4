/**
 * A small cobra/pflag-shaped flag parser: `--name value`, `--name=value`, `-p 80`, `-p80`,
 * combined booleans `-dit`, repeated flags, `--` and (for run/create/exec) stopping at the first
 * positional argument so the container's own command keeps its flags.
 */

export interface FlagSpec {
  /** long name without dashes */
  long: string;
  /** one-letter shorthand */
  short?: string;
  /** true: takes a value */
  value?: boolean;
  /** the long name this one is an alias of (--net for --network) */
  alias?: string;
  /** pflag's Value.Set: checks one value as it is met, returning the whole error line, or null */
  set?: (v: string) => string | null;
}

export interface Parsed {
  /** long name -> values in order (booleans get "true") */
  flags: Record<string, string[]>;
  args: string[];
}

export type ParseResult = { ok: true; value: Parsed } | { ok: false; error: string };

/**
 * Parses argv against `specs`. `interspersed: false` stops at the first positional (docker run).
 * Errors are pflag's text: `unknown flag: --foo`, `unknown shorthand flag: 'x' in -x`,
 * `flag needs an argument: --name`, `flag needs an argument: 'p' in -p`.
 */
export function parseFlags(argv: string[], specs: FlagSpec[], interspersed = true): ParseResult {
  const flags: Record<string, string[]> = {};
  const args: string[] = [];
  const byLong = new Map(specs.map((s) => [s.long, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  let setError: string | null = null;
  const put = (s: FlagSpec, v: string) => {
    setError ??= s.set?.(v) ?? null;
    const key = s.alias ?? s.long;
    flags[key] ??= [];
    flags[key].push(v);
  };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byLong.get(name);
      if (!spec) return { ok: false, error: `unknown flag: --${name}` };
      if (!spec.value) put(spec, eq >= 0 ? a.slice(eq + 1) : 'true');
      else if (eq >= 0) put(spec, a.slice(eq + 1));
      else if (i + 1 < argv.length) put(spec, argv[++i]);
      else return { ok: false, error: `flag needs an argument: --${name}` };
      if (setError) return { ok: false, error: setError };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j];
        const spec = byShort.get(ch);
        if (!spec) return { ok: false, error: `unknown shorthand flag: '${ch}' in ${a}` };
        if (!spec.value) {
          put(spec, 'true');
          continue;
        }
        const rest = a.slice(j + 1).replace(/^=/, '');
        if (rest !== '') put(spec, rest);
        else if (i + 1 < argv.length) put(spec, argv[++i]);
        else return { ok: false, error: `flag needs an argument: '${ch}' in ${a}` };
        break;
      }
      if (setError) return { ok: false, error: setError };
      continue;
    }
    if (!interspersed) break;
    args.push(a);
  }
  args.push(...argv.slice(i));
  return { ok: true, value: { flags, args } };
}

/** Last value of a flag, or undefined. */
export function last(p: Parsed, name: string): string | undefined {
  const v = p.flags[name];
  return v ? v[v.length - 1] : undefined;
}

/** Whether a boolean flag is set (and not `--flag=false` or another of strconv.ParseBool's false words). */
export function isSet(p: Parsed, name: string): boolean {
  const v = last(p, name);
  return v !== undefined && !['false', '0', 'f', 'F', 'FALSE', 'False'].includes(v);
}

/** All values of a repeated flag. */
export function all(p: Parsed, name: string): string[] {
  return p.flags[name] ?? [];
}

/** Every `KEY=VALUE` value of a repeated flag (`--label`, `-o`) as a map; a bare `KEY` maps to "". */
export function keyValues(p: Parsed, name: string): Record<string, string> {
  return Object.fromEntries(
    all(p, name).map((s) => (s.includes('=') ? [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)] : [s, ''])),
  );
}

/** Go's strconv.ParseBool: the value of a boolean flag given as `--flag=VALUE`, or null when refused. */
export function goBool(v: string): boolean | null {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return null;
}

/**
 * pflag's error for a boolean flag whose `=VALUE` strconv.ParseBool refuses, or null:
 * `invalid argument "x" for "--ipv6" flag: strconv.ParseBool: parsing "x": invalid syntax`.
 */
export function boolFlagError(p: Parsed, specs: FlagSpec[]): string | null {
  for (const s of specs) {
    if (s.value) continue;
    const bad = all(p, s.alias ?? s.long).find((v) => goBool(v) === null);
    if (bad === undefined) continue;
    const name = s.short ? `-${s.short}, --${s.long}` : `--${s.long}`;
    return `invalid argument "${bad}" for "${name}" flag: strconv.ParseBool: parsing "${bad}": invalid syntax`;
  }
  return null;
}
