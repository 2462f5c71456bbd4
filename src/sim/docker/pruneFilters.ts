import { EPOCH_MS } from '../clock';
import { timestamp } from './logs';

/**
 * `--filter` of `docker container prune` and `docker network prune` as moby v28.5.2
 * daemon/prune.go applies it: only `label`, `label!` and `until` are accepted (filters.Args
 * Validate: `invalid filter 'x'`), one until at most, given as GetTimestamp reads it; `label`
 * keeps objects carrying every label named (KEY or KEY=VALUE, MatchKVList), `label!` drops those
 * carrying every one it names. The CLI reads each value as name=value (opts.FilterOpt).
 */

export type PruneFilter =
  | { ok: true; keep: (created: string, labels: Record<string, string>) => boolean }
  | {
      ok: false;
      /** pflag's (true) or the daemon's (false) */
      flag: boolean;
      error: string;
    };

/** Whether `labels` carry every KEY or KEY=VALUE of `wanted` (filters.Args MatchKVList). */
const matchKV = (wanted: string[], labels: Record<string, string>) =>
  wanted.every((w) => {
    const eq = w.indexOf('=');
    const k = eq < 0 ? w : w.slice(0, eq);
    return k in labels && (eq < 0 || labels[k] === w.slice(eq + 1));
  });

export function pruneFilter(specs: string[], now: number): PruneFilter {
  const by: Record<string, string[]> = {};
  for (const f of specs) {
    const eq = f.indexOf('=');
    if (eq < 0)
      return {
        ok: false,
        flag: true,
        error: `invalid argument "${f}" for "--filter" flag: bad format of filter (expected name=value)`,
      };
    const key = f.slice(0, eq).trim().toLowerCase();
    by[key] = [...(by[key] ?? []), f.slice(eq + 1).trim()];
  }
  const bad = Object.keys(by).find((k) => !['label', 'label!', 'until'].includes(k));
  if (bad !== undefined) return { ok: false, flag: false, error: `invalid filter '${bad}'` };
  let until: number | undefined;
  if (by.until) {
    if (by.until.length > 1) return { ok: false, flag: false, error: 'more than one until filter specified' };
    const t = timestamp(by.until[0], now);
    if (!t.ok) return { ok: false, flag: false, error: t.error };
    until = t.at;
  }
  return {
    ok: true,
    keep: (created, labels) => {
      if (until !== undefined && Date.parse(created) - EPOCH_MS > until) return false;
      if (by.label && !matchKV(by.label, labels)) return false;
      if (by['label!'] && matchKV(by['label!'], labels)) return false;
      return true;
    },
  };
}
