/**
 * A large record of a World (World.containers) that a command changes without copying it (issue 12).
 * Copying a plain record of 4,000 entries, as immer does to change one, costs 1.3–2 ms in V8 (a
 * record of more than about a thousand keys is a hash table, and each key is read, hashed and
 * inserted again): more than the rest of a `docker run`. A shared record keeps its entries in
 * chunks of 64 and finds them through 512 hash buckets; a change copies the chunks and buckets it
 * touches and shares the rest with the record it came from.
 *
 * To its readers it is a frozen plain record: `r[key]`, `key in r`, `Object.keys/values/entries`,
 * `for…in`, spread and JSON.stringify see the same entries in the same (insertion) order as a plain
 * record with the same history, and every write throws as on a frozen object. It is a Proxy whose
 * prototype is not Object.prototype, so immer neither drafts nor freezes it: engine code changes it
 * through containerIndex's `produce` (a transaction over it) or `withChanges`.
 */

const CHUNK_BITS = 6;
const CHUNK = 1 << CHUNK_BITS;
const BUCKETS = 512;

/** The persistent entries: positions in insertion order (holes where a key was removed). */
interface Store<V> {
  /** hash bucket -> key -> position */
  buckets: readonly (ReadonlyMap<string, number> | undefined)[];
  keys: readonly (readonly (string | undefined)[])[];
  vals: readonly (readonly (V | undefined)[])[];
  /** positions used, holes included */
  length: number;
  /** entries held */
  live: number;
  /** the keys in order, once asked for */
  ordered?: string[];
}

function hash(k: string): number {
  let h = 0x811c9dc5;
  // ids are random hex: their first 16 characters spread them well enough
  for (let i = 0; i < k.length && i < 16; i++) h = Math.imul(h ^ k.charCodeAt(i), 0x01000193);
  return (h >>> 0) & (BUCKETS - 1);
}

const empty = <V>(): Store<V> => ({
  buckets: new Array(BUCKETS).fill(undefined),
  keys: [],
  vals: [],
  length: 0,
  live: 0,
});

function find<V>(s: Store<V>, k: string): number | undefined {
  return s.buckets[hash(k)]?.get(k);
}

function orderedKeys<V>(s: Store<V>): string[] {
  if (!s.ordered) {
    const out: string[] = [];
    for (const chunk of s.keys) for (const k of chunk) if (k !== undefined) out.push(k);
    s.ordered = out;
  }
  return s.ordered;
}

/** A change: the new value of a key, or GONE to remove it. */
export const GONE: unique symbol = Symbol('gone');
export type Change<V> = readonly [string, V | typeof GONE];

/** `s` with `changes` applied in order; `s` itself is left as it was. */
function update<V>(s: Store<V>, changes: Iterable<Change<V>>): Store<V> {
  const buckets = s.buckets.slice() as (Map<string, number> | undefined)[];
  const keys = s.keys.slice() as (string | undefined)[][];
  const vals = s.vals.slice() as (V | undefined)[][];
  const ownB = new Set<number>();
  const ownC = new Set<number>();
  const bucket = (h: number) => {
    if (!ownB.has(h)) {
      buckets[h] = new Map(buckets[h]);
      ownB.add(h);
    }
    return buckets[h]!;
  };
  const chunk = (c: number) => {
    if (!ownC.has(c)) {
      keys[c] = keys[c] ? keys[c].slice() : [];
      vals[c] = vals[c] ? vals[c].slice() : [];
      ownC.add(c);
    }
  };
  let { length, live } = s;
  for (const [k, v] of changes) {
    const h = hash(k);
    const at = buckets[h]?.get(k);
    if (v === GONE) {
      if (at === undefined) continue;
      bucket(h).delete(k);
      chunk(at >> CHUNK_BITS);
      keys[at >> CHUNK_BITS][at & (CHUNK - 1)] = undefined;
      vals[at >> CHUNK_BITS][at & (CHUNK - 1)] = undefined;
      live--;
    } else if (at !== undefined) {
      chunk(at >> CHUNK_BITS);
      vals[at >> CHUNK_BITS][at & (CHUNK - 1)] = v;
    } else {
      const p = length++;
      bucket(h).set(k, p);
      chunk(p >> CHUNK_BITS);
      keys[p >> CHUNK_BITS][p & (CHUNK - 1)] = k;
      vals[p >> CHUNK_BITS][p & (CHUNK - 1)] = v;
      live++;
    }
  }
  const next: Store<V> = { buckets, keys, vals, length, live };
  // holes beyond the entries held: pack once (amortised over as many removals)
  return length - live > Math.max(CHUNK, live) ? pack(next) : next;
}

function pack<V>(s: Store<V>): Store<V> {
  const ks = orderedKeys(s);
  return update(
    empty<V>(),
    ks.map((k): Change<V> => [k, valueAt(s, find(s, k)!) as V]),
  );
}

const valueAt = <V>(s: Store<V>, at: number): V | undefined => s.vals[at >> CHUNK_BITS][at & (CHUNK - 1)];

/** The prototype of a shared record: named Object (printed as a plain record is) but not Object, so immer leaves it alone. */
const SharedRecordProto = { Object: class {} }.Object;

const stores = new WeakMap<object, Store<unknown>>();

function facade<V>(store: Store<V>): Record<string, V> {
  const handler: ProxyHandler<object> = {
    get(t, k) {
      if (typeof k === 'string') {
        const at = find(store, k);
        if (at !== undefined) return valueAt(store, at);
      }
      return Reflect.get(t, k);
    },
    has: (t, k) => (typeof k === 'string' && find(store, k) !== undefined) || Reflect.has(t, k),
    ownKeys: () => orderedKeys(store),
    getOwnPropertyDescriptor(_t, k) {
      if (typeof k !== 'string') return undefined;
      const at = find(store, k);
      return at === undefined
        ? undefined
        : { value: valueAt(store, at), writable: false, enumerable: true, configurable: true };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
    setPrototypeOf: () => false,
    preventExtensions: () => false,
  };
  const p = new Proxy(new SharedRecordProto(), handler) as Record<string, V>;
  stores.set(p, store as Store<unknown>);
  return p;
}

/** Whether `x` is a shared record (it never changes, though Object.isFrozen says false of it). */
export const isShared = (x: unknown): boolean => x !== null && typeof x === 'object' && stores.has(x);

/** Whether a record can no longer change: frozen (not extensible, an O(1) test) or shared. */
export const isSettled = (x: object): boolean => !Object.isExtensible(x) || stores.has(x);

/**
 * `base` (a plain or shared record) with `changes` applied in order, as a shared record: a key
 * removed and set again goes to the end, as on a plain object. A plain base is read once, in full.
 */
export function withChanges<V>(base: Record<string, V>, changes: Iterable<Change<V>>): Record<string, V> {
  let s = stores.get(base) as Store<V> | undefined;
  if (!s)
    s = update(
      empty<V>(),
      Object.keys(base).map((k): Change<V> => [k, base[k]]),
    );
  return facade(update(s, changes));
}
