/**
 * Reading a V8 CPU profile (Chromium's CDP `Profiler.stop` or node --cpu-prof): where the time went,
 * by function, so a missed budget can be reported as "this function in this file".
 */

/** The parts of a `.cpuprofile` this reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self and total (inclusive) milliseconds of one function. */
export interface HotFunction {
  fn: string;
  selfMs: number;
  totalMs: number;
}

/** `name file:line`, with the URL cut down to its path after the host or the repository. */
function frameKey(cf: CpuProfile['nodes'][number]['callFrame']): string {
  const where = cf.url.replace(/^[a-z]+:\/\/[^/]*\//, '').replace(/^.*?\/(src|bench|node_modules|assets)\//, '$1/');
  return `${cf.functionName || '(anonymous)'} ${where}${cf.url ? `:${cf.lineNumber + 1}` : ''}`;
}

/** The `top` functions by self time, with their inclusive time (each counted once per stack). */
export function hotFunctions(profile: CpuProfile, top = 15): { totalMs: number; functions: HotFunction[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const perNode = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) {
    perNode.set(id, (perNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  for (const [id, us] of perNode) {
    all += us;
    const leaf = byId.get(id);
    if (!leaf) continue;
    const k = frameKey(leaf.callFrame);
    self.set(k, (self.get(k) ?? 0) + us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const node = byId.get(cur);
      if (!node) break;
      const key = frameKey(node.callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + us);
    }
  }
  const functions = [...self]
    .filter(([k]) => !/^\((idle|program|root)\)/.test(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, us]) => ({ fn, selfMs: us / 1000, totalMs: (total.get(fn) ?? us) / 1000 }));
  return { totalMs: all / 1000, functions };
}
