import { isSettled } from './sharedRecord';

/**
 * Answers kept per record and key. Worlds are immutable once a command commits (immer freezes
 * them), so an answer computed from a frozen record holds for as long as the record lives, and a
 * WeakMap lets it go with the record.
 */

/** `compute()` once per `record` and `key`, then the kept answer (null and undefined answers too). */
export function memoIn<R extends object, V>(
  cache: WeakMap<R, Map<string, V>>,
  record: R,
  key: string,
  compute: () => V,
): V {
  let byKey = cache.get(record);
  if (!byKey) {
    byKey = new Map();
    cache.set(record, byKey);
  }
  if (byKey.has(key)) return byKey.get(key) as V;
  const v = compute();
  byKey.set(key, v);
  return v;
}

/** memoIn for a record that may still be an immer draft: a draft (extensible) can change, so it is computed each time. */
export function memoFrozen<R extends object, V>(
  cache: WeakMap<R, Map<string, V>>,
  record: R,
  key: string,
  compute: () => V,
): V {
  return isSettled(record) ? memoIn(cache, record, key, compute) : compute();
}
