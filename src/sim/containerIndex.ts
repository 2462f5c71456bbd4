import { type Draft, Immer, produce as immerProduce, isDraft, original } from 'immer';
import { draftTouched } from './draftState';
import type { Container, World } from './model';
import { RecordTxn, txnOf } from './recordTxn';
import { isSettled, isShared } from './sharedRecord';

/**
 * Lookups derived from World.containers (issue 12: a command's cost stays flat as the World grows).
 * A frozen containers record never changes, so an index of it stays true. Commands make a new
 * record from an old one by changing a few containers; `noteDerived` records that edge (the ids that
 * may differ), and one index object moves along the edges (Baker's rerooting): asking for the new
 * record's index updates the old one's for those ids only, and asking for the old record again moves
 * it back. A record with no known edge gets a fresh index in one pass. Inside an immer recipe the
 * record is a draft: the index of its original is used, corrected by the containers the recipe
 * touched (draftTouched). Every answer is the one a full scan gives (tests/property/containerIndex.test.ts).
 */

type Containers = World['containers'];

interface ContainerIndex {
  /** name -> the containers with that name, creation order (one, unless a World was edited by hand) */
  byName: Map<string, Container[]>;
  /** networkId -> live endpoint address -> how many endpoints hold it */
  ips: Map<string, Map<string, number>>;
  /** containers with a pending restart (restartLoop), creation order */
  restarting: Container[];
  /** containers with legacy links, creation order */
  linking: Container[];
  /** containers with a health check (its state or its --health-cmd), creation order */
  checked: Container[];
  /** neighbour address -> the containers whose ARP cache has an entry for it */
  arpBy: Map<string, Set<Container>>;
}

/** The record each index currently describes (at most one record owns an index). */
const owned = new WeakMap<Containers, ContainerIndex>();
/** A record without its own index: the neighbour one edge closer to the index, and the ids that differ. */
const edge = new WeakMap<Containers, { to: Containers; ids: readonly string[] }>();

const bySeq = (a: Container, b: Container) => a.seq - b.seq;

/**
 * Whether a record can no longer change. immer freezes what it produces and the packet engine's
 * commit freezes what it writes; a frozen object is not extensible, and Object.isExtensible is O(1)
 * where Object.isFrozen checks every property of a large (dictionary-mode) record. A shared record
 * (sharedRecord.ts) never changes either.
 */
const settled = (cs: Containers) => isSettled(cs);

/** Whether `cs` is a record being changed by a recipe: immer's draft or a transaction's view. */
const changing = (cs: Containers) => isDraft(cs) || txnOf(cs) !== undefined;

/** Adds (`by` 1) or removes (`by` -1) one container's entries. */
function account(ix: ContainerIndex, c: Container, by: 1 | -1): void {
  const named = ix.byName.get(c.name) ?? [];
  ix.byName.set(c.name, by > 0 ? [...named, c].sort(bySeq) : named.filter((x) => x !== c));
  if (!ix.byName.get(c.name)?.length) ix.byName.delete(c.name);
  addIps(ix.ips, c, by);
  if (c.restartLoop !== undefined)
    ix.restarting = by > 0 ? [...ix.restarting, c].sort(bySeq) : ix.restarting.filter((x) => x !== c);
  if (c.links?.length) ix.linking = by > 0 ? [...ix.linking, c].sort(bySeq) : ix.linking.filter((x) => x !== c);
  if (healthChecked(c)) ix.checked = by > 0 ? [...ix.checked, c].sort(bySeq) : ix.checked.filter((x) => x !== c);
  addArp(ix.arpBy, c, by);
}

function addArp(arpBy: Map<string, Set<Container>>, c: Container, by: number): void {
  for (const e of c.arp) {
    const holders = arpBy.get(e.ip) ?? new Set<Container>();
    arpBy.set(e.ip, holders);
    if (by > 0) holders.add(c);
    else holders.delete(c);
    if (!holders.size) arpBy.delete(e.ip);
  }
}

/** Whether a container has a health check to play: its health state, or a --health-cmd given. */
const healthChecked = (c: Container) => Boolean(c.health || c.opts?.['health-cmd']);

function build(cs: Containers): ContainerIndex {
  const ix: ContainerIndex = {
    byName: new Map(),
    ips: new Map(),
    restarting: [],
    linking: [],
    checked: [],
    arpBy: new Map(),
  };
  for (const id in cs) {
    const c = cs[id];
    const named = ix.byName.get(c.name);
    if (named) named.push(c);
    else ix.byName.set(c.name, [c]);
    addIps(ix.ips, c, 1);
    if (c.restartLoop !== undefined) ix.restarting.push(c);
    if (c.links?.length) ix.linking.push(c);
    if (healthChecked(c)) ix.checked.push(c);
    addArp(ix.arpBy, c, 1);
  }
  return ix;
}

function addIps(ips: Map<string, Map<string, number>>, c: Container, by: number): void {
  for (const ep of c.endpoints) {
    if (!ep.ip) continue;
    const m = ips.get(ep.networkId) ?? new Map<string, number>();
    ips.set(ep.networkId, m);
    const n = (m.get(ep.ip) ?? 0) + by;
    if (n > 0) m.set(ep.ip, n);
    else m.delete(ep.ip);
  }
}

/**
 * `next` was made from `prev` (both frozen) and differs from it at most at `ids`. Records nothing
 * for records that may still change (not frozen): their index is built each time it is asked for.
 */
export function noteDerived(prev: Containers, next: Containers, ids: Iterable<string>): void {
  if (prev === next || !settled(prev) || !settled(next) || owned.has(next)) return;
  edge.set(next, { to: prev, ids: [...ids] });
}

/** Moves the index owned by `from` to `to`, one edge away, that differs at `ids`. */
function reroot(from: Containers, to: Containers, ids: readonly string[]): ContainerIndex {
  const ix = owned.get(from)!;
  for (const id of ids) {
    const a = from[id];
    const b = to[id];
    if (a === b) continue;
    if (a) account(ix, a, -1);
    if (b) account(ix, b, 1);
  }
  owned.delete(from);
  owned.set(to, ix);
  edge.delete(to);
  edge.set(from, { to, ids });
  return ix;
}

/** The index of a plain record: owned, moved here along edges, or built in one pass. */
function indexOf(cs: Containers): ContainerIndex {
  const hit = owned.get(cs);
  if (hit) return hit;
  if (!settled(cs)) return build(cs);
  // the path of edges to the record that owns the index (none: build one here)
  const path: Containers[] = [cs];
  const seen = new Set(path);
  for (let at = edge.get(cs); at && !seen.has(at.to); at = edge.get(at.to)) {
    path.push(at.to);
    seen.add(at.to);
    if (owned.has(at.to)) break;
  }
  const last = path[path.length - 1];
  if (!owned.has(last)) {
    const ix = build(cs);
    owned.set(cs, ix);
    edge.delete(cs);
    return ix;
  }
  let ix = owned.get(last)!;
  for (let i = path.length - 1; i > 0; i--) ix = reroot(path[i], path[i - 1], edge.get(path[i - 1])!.ids);
  return ix;
}

/** The index of the record's original and the touched ids, or null: scan `cs` instead. */
function draftParts(cs: Containers): { base: Containers; ix: ContainerIndex; touched: Set<string> } | null {
  const txn = txnOf<Container>(cs);
  if (txn) return { base: txn.base, ix: indexOf(txn.base), touched: txn.touched() };
  const touched = draftTouched(cs);
  if (!touched) return null;
  const base = original(cs) as Containers;
  return { base, ix: indexOf(base), touched };
}

/** The first container (creation order) named `name`, as a full scan finds it. */
export function containerNamed(world: World, name: string): Container | undefined {
  const cs = world.containers;
  if (!changing(cs)) return indexOf(cs).byName.get(name)?.[0];
  const parts = draftParts(cs);
  const hit = parts?.ix.byName.get(name)?.[0];
  // a touched container may have been renamed, removed or named so: only an untouched hit is sure
  if (parts && (!hit || !parts.touched.has(hit.id)) && ![...parts.touched].some((id) => cs[id]?.name === name))
    return hit && cs[hit.id];
  return Object.values(cs).find((c) => c.name === name);
}

/** Live endpoint addresses on a network: every container's endpoint with an `ip` there. */
export function liveAddresses(world: World, networkId: string): Set<string> {
  const cs = world.containers;
  if (!changing(cs)) return new Set(indexOf(cs).ips.get(networkId)?.keys());
  const parts = draftParts(cs);
  if (!parts) {
    const out = new Set<string>();
    for (const c of Object.values(cs))
      for (const ep of c.endpoints) if (ep.networkId === networkId && ep.ip) out.add(ep.ip);
    return out;
  }
  const counts = new Map(parts.ix.ips.get(networkId));
  const delta = new Map<string, Map<string, number>>([[networkId, counts]]);
  for (const id of parts.touched) {
    const before = parts.base[id];
    if (before) addIps(delta, before, -1);
    const now = cs[id];
    if (now) addIps(delta, now, 1);
  }
  return new Set([...counts].filter(([, n]) => n > 0).map(([ip]) => ip));
}

/** Containers of a plain World with a pending restart (restartLoop), in creation order. */
export function restartingContainers(world: World): Container[] {
  const cs = world.containers;
  return changing(cs) ? Object.values(cs).filter((c) => c.restartLoop !== undefined) : indexOf(cs).restarting;
}

/** Containers of a World with a health check (running or not), in creation order. */
export function healthCheckedContainers(world: World): Container[] {
  const cs = world.containers;
  return changing(cs) ? Object.values(cs).filter(healthChecked) : indexOf(cs).checked;
}

/** Ids of the containers of a plain World whose ARP cache has an entry for `ip`, in creation order. */
export function arpHolderIds(world: World, ip: string): string[] {
  const cs = world.containers;
  if (changing(cs))
    return Object.values(cs)
      .filter((c) => c.arp.some((e) => e.ip === ip))
      .map((c) => c.id);
  return [...(indexOf(cs).arpBy.get(ip) ?? [])].sort(bySeq).map((c) => c.id);
}

/** Ids of the containers with legacy links (`--link`), in creation order. */
export function linkingIds(world: World): string[] {
  const cs = world.containers;
  if (!changing(cs)) return indexOf(cs).linking.map((c) => c.id);
  const parts = draftParts(cs);
  if (!parts)
    return Object.values(cs)
      .filter((c) => c.links?.length)
      .map((c) => c.id);
  const ids = new Set(parts.ix.linking.map((c) => c.id));
  for (const id of parts.touched) {
    if (cs[id]?.links?.length) ids.add(id);
    else ids.delete(id);
  }
  // creation order, as a scan gives it
  return [...ids].sort((a, b) => (cs[a]?.seq ?? 0) - (cs[b]?.seq ?? 0));
}

/** immer without its auto-freeze: `produce` below freezes what is new itself. */
const thawed = new Immer({ autoFreeze: false });

/** Freezes `x` and everything under it that is not frozen yet (what immer's deep auto-freeze does). */
function deepFreeze(x: unknown): void {
  if (x === null || typeof x !== 'object' || !Object.isExtensible(x) || isShared(x)) return;
  Object.freeze(x);
  for (const k in x) deepFreeze((x as Record<string, unknown>)[k]);
}

/** The World's records a recipe changes through a RecordTxn view: the ones that grow with the World. */
const SHARED_KEYS = ['containers', 'networks'] as const;

/**
 * immer's `produce` for a World (or anything else): the same result, frozen the same way, except
 * for World.containers and World.networks: the recipe sees a transaction's view of each
 * (recordTxn.ts) instead of immer's draft, which would copy the whole record on the first write
 * or read through it (O(containers), issue 12), and the result holds a shared record
 * (sharedRecord.ts) made from the old one and the changes. The edge from the old containers
 * record to the new one is noted (noteDerived), so the index follows the change instead of being
 * built again. Only the entries the recipe touched are frozen here, the others being the old,
 * frozen ones. Engine code that changes containers or networks uses this one.
 */
export function produce<T>(base: T, recipe: (draft: Draft<T>) => void): T {
  const cs = (base as { containers?: unknown }).containers;
  if (isDraft(base) || !isContainers(cs) || !settled(cs)) return immerProduce(base, recipe);
  const b = base as Record<string, unknown>;
  const keys = SHARED_KEYS.filter((k) => isContainers(b[k]) && isSettled(b[k] as object));
  const touched = new Map<string, Set<string>>();
  const next = thawed.produce(base, (d) => {
    const dw = d as Record<string, unknown>;
    const txns = keys.map((k) => {
      const txn = new RecordTxn(b[k] as Record<string, object>, thawed);
      dw[k] = txn.view;
      return [k, txn] as const;
    });
    recipe(d);
    for (const [k, txn] of txns) {
      // a recipe that put another record in place of the view keeps it
      if (dw[k] !== txn.view) continue;
      touched.set(k, txn.touched());
      dw[k] = txn.result();
    }
  }) as T;
  // assigning the views made a new World even when nothing changed: the old one, as immer gives it
  const own = Object.keys(base as object);
  if (own.length === Object.keys(next as object).length && own.every((k) => next[k as keyof T] === base[k as keyof T]))
    return base;
  for (const k in next) {
    const v = next[k];
    if (v === base[k]) continue;
    const ids = touched.get(k);
    if (ids && isShared(v)) for (const id of ids) deepFreeze((v as Record<string, unknown>)[id]);
    else deepFreeze(v);
  }
  Object.freeze(next);
  const ncs = (next as { containers?: unknown }).containers;
  const ids = touched.get('containers');
  if (ids && isContainers(ncs)) noteDerived(cs, ncs, ids);
  return next;
}

const isContainers = (x: unknown): x is Containers => x !== null && typeof x === 'object';
