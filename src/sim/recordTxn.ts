import { current, type Draft, type Immer, isDraft } from 'immer';
import { type Change, GONE, withChanges } from './sharedRecord';

/**
 * A large record of the World (containers, networks) inside one `produce` recipe (containerIndex),
 * in place of immer's draft of it: immer would copy the whole record on the first write to it or
 * on the first read of an entry through it (O(entries), issue 12).
 * This view keeps what the recipe changes (assigned, removed, and drafted entries, each drafted by
 * immer when first read) and hands them to `withChanges` at the end, so the record is never
 * copied. To the recipe it reads and writes like the draft: same keys, same order, same drafts.
 */

/** The prototype of a view: named Object but not Object, so immer neither drafts nor freezes it. */
const TxnProto = { Object: class {} }.Object;

export class RecordTxn<V extends object> {
  /** assigned values and removals, by id */
  private readonly vals = new Map<string, V | typeof GONE>();
  /** entries read through the view, drafted */
  private readonly drafts = new Map<string, Draft<V>>();
  /** keys that now go after the record's own: new ones, and removed ones set again, in order */
  private moved: string[] = [];
  /** keys of the record removed at some point (their place in the record is lost) */
  private readonly displaced = new Set<string>();
  readonly view: Record<string, V>;

  constructor(
    readonly base: Record<string, V>,
    private readonly immer: Immer,
  ) {
    const has = (k: string | symbol) => typeof k === 'string' && this.has(k);
    this.view = new Proxy(new TxnProto(), {
      get: (t, k) => (has(k) ? this.read(k as string) : Reflect.get(t, k)),
      set: (_t, k, v) => {
        if (typeof k !== 'string') return false;
        this.write(k, v);
        return true;
      },
      deleteProperty: (_t, k) => {
        if (typeof k !== 'string') return false;
        this.remove(k);
        return true;
      },
      defineProperty: (_t, k, desc) => {
        if (typeof k !== 'string' || !('value' in desc)) return false;
        this.write(k, desc.value);
        return true;
      },
      has: (t, k) => has(k) || Reflect.has(t, k),
      ownKeys: () => this.keys(),
      getOwnPropertyDescriptor: (_t, k) =>
        has(k) ? { value: this.read(k as string), writable: true, enumerable: true, configurable: true } : undefined,
    }) as Record<string, V>;
    txns.set(this.view, this as unknown as RecordTxn<object>);
  }

  private inBase(id: string): boolean {
    return !this.displaced.has(id) && Object.hasOwn(this.base, id);
  }

  has(id: string): boolean {
    const v = this.vals.get(id);
    if (v !== undefined) return v !== GONE;
    return this.drafts.has(id) || this.inBase(id);
  }

  read(id: string): V | undefined {
    const v = this.vals.get(id);
    if (v !== undefined) return v === GONE ? undefined : v;
    let d = this.drafts.get(id);
    if (!d && this.inBase(id)) {
      d = this.immer.createDraft(this.base[id]);
      this.drafts.set(id, d);
    }
    return d as V | undefined;
  }

  private write(id: string, v: V): void {
    if (!this.has(id)) this.moved.push(id);
    this.vals.set(id, v);
    this.drafts.delete(id);
  }

  private remove(id: string): void {
    if (!this.has(id)) return;
    if (Object.hasOwn(this.base, id)) this.displaced.add(id);
    this.moved = this.moved.filter((k) => k !== id);
    this.vals.set(id, GONE);
    this.drafts.delete(id);
  }

  /** The keys as a draft of the record lists them: the record's own in place, then the moved ones. */
  keys(): string[] {
    const own = Object.keys(this.base).filter((k) => this.inBase(k) && this.has(k));
    return own.concat(this.moved);
  }

  /** Ids the recipe may have changed (assigned, removed, or read through the view). */
  touched(): Set<string> {
    return new Set([...this.vals.keys(), ...this.drafts.keys()]);
  }

  /** The changes so far, in the order that gives the record the view's key order, drafts resolved. */
  private changes(): Change<V>[] {
    const out: Change<V>[] = [...this.displaced].map((id): Change<V> => [id, GONE]);
    const moved = new Set(this.moved);
    for (const [id, d] of this.drafts) {
      const c = current(d) as V;
      if (c !== this.base[id]) out.push([id, c]);
    }
    for (const [id, v] of this.vals) if (v !== GONE && !moved.has(id)) out.push([id, settle(v)]);
    for (const id of this.moved) out.push([id, settle(this.vals.get(id) as V)]);
    return out;
  }

  /** The record as the recipe leaves it (the base itself when nothing changed). */
  result(): Record<string, V> {
    const changes = this.changes();
    return changes.length ? withChanges(this.base, changes) : this.base;
  }
}

/** A value assigned into the view, with any draft inside it replaced by its current state. */
function settle<T>(x: T): T {
  if (isDraft(x)) return current(x as Draft<T>) as T;
  if (x !== null && typeof x === 'object' && Object.isExtensible(x)) {
    const o = x as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const v = o[k];
      const s = settle(v);
      if (s !== v) o[k] = s;
    }
  }
  return x;
}

const txns = new WeakMap<object, RecordTxn<object>>();

/** The transaction behind a view, if `cs` is one. */
export const txnOf = <V extends object>(r: unknown): RecordTxn<V> | undefined =>
  r !== null && typeof r === 'object' ? (txns.get(r) as RecordTxn<V> | undefined) : undefined;
