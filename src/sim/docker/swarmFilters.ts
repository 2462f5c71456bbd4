import { all, type Parsed } from './flags';

/**
 * `--filter` of the swarm list commands as moby v28.5.2 daemon/cluster reads it (filters.go,
 * services.go): keys checked against the command's accepted ones (`invalid filter 'x'`), `name`
 * and `id` are prefixes (swarmkit NamePrefixes/IDPrefixes), `label` is `KEY` or `KEY=VALUE`, the
 * enum filters (`role`, `membership`, `desired-state`) refuse other words as the daemon words it.
 */

export type Filters = Record<string, string[]>;

/** FilterOpt's values (each `KEY=VALUE` passed Set: key lower-cased and trimmed), or the daemon's error. */
export function readFilters(
  p: Parsed,
  accepted: string[],
): { ok: true; value: Filters } | { ok: false; error: string } {
  const f: Filters = {};
  for (const v of all(p, 'filter')) {
    if (v === '') continue;
    const eq = v.indexOf('=');
    const key = v.slice(0, eq).trim().toLowerCase();
    f[key] = [...(f[key] ?? []), v.slice(eq + 1).trim()];
  }
  const bad = Object.keys(f).find((k) => !accepted.includes(k));
  return bad === undefined ? { ok: true, value: f } : { ok: false, error: `invalid filter '${bad}'` };
}

/** A filter whose values must be one of `words` (case-insensitive), else `Invalid <what> filter: 'x'`. */
export function enumError(f: Filters, key: string, words: string[], what = key): string | null {
  const bad = (f[key] ?? []).find((v) => v !== '' && !words.includes(v.toUpperCase()));
  return bad === undefined ? null : `Invalid ${what} filter: '${bad}'`;
}

/** Whether `value` passes the filter `key` (absent: everything passes). */
export function matches(f: Filters, key: string, test: (want: string) => boolean): boolean {
  const wants = f[key];
  return !wants || wants.length === 0 || wants.some(test);
}

/** filters' label match: `KEY` is present, `KEY=VALUE` equal. */
export function labelMatches(f: Filters, key: string, labels: Record<string, string> | undefined): boolean {
  return (f[key] ?? []).every((want) => {
    const eq = want.indexOf('=');
    const k = eq < 0 ? want : want.slice(0, eq);
    return labels?.[k] !== undefined && (eq < 0 || labels[k] === want.slice(eq + 1));
  });
}
