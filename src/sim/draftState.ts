/**
 * What an immer recipe may have changed in a drafted record, read from immer's draft state, so a
 * lookup over a large record can use the answer kept for its frozen original and check only the
 * touched keys (issue 12).
 */

/** The parts of immer's draft state this reads (immer 11, src/core/proxy.ts and scope.ts). */
interface DraftState {
  parent_?: DraftState;
  key_?: unknown;
  assigned_?: Map<unknown, boolean>;
  scope_?: { drafts_?: unknown[] };
}
const DRAFT_STATE = Symbol.for('immer-state');
const stateOf = (x: unknown): DraftState | undefined =>
  x !== null && typeof x === 'object' ? (x as Record<symbol, DraftState | undefined>)[DRAFT_STATE] : undefined;

/**
 * The keys a recipe may have changed in a drafted record: keys assigned or deleted on the record,
 * and keys whose value was drafted (read through the draft, so possibly written).
 * null when immer's draft state does not look as expected: callers then scan the whole record.
 */
export function draftTouched(record: object): Set<string> | null {
  const st = stateOf(record);
  const drafts = st?.scope_?.drafts_;
  if (!st || !Array.isArray(drafts)) return null;
  const keys = new Set<string>();
  for (const k of st.assigned_?.keys() ?? []) if (typeof k === 'string') keys.add(k);
  for (const d of drafts) {
    const s = stateOf(d);
    if (s?.parent_ === st && typeof s.key_ === 'string') keys.add(s.key_);
  }
  return keys;
}
