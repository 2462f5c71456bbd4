import { nodeId } from '../ids';
import { lineAt, type Party, reachCell, reachParties, runProbe, verdict, type Why, whyFailed } from '../matrix';
import type { Trace, World } from '../model';
import { curl } from '../shell/packet/curl';
import { ping } from '../shell/packet/ping';
import type { Challenge, Goal } from './schema';

/** What checking one goal found: the packet's line, how it ended, and its trace to play. */
export interface GoalResult {
  ok: boolean;
  /** the console line that sends this goal's packet */
  line: string;
  /** the engine's outcome, or why the goal could not be tried */
  summary: string;
  /** why the packet did not arrive (or, for `isolated`, null when nothing reached) */
  why: Why | null;
  trace?: Trace;
  /** the World the packet left (tables at each step); the check itself changes nothing */
  after?: World;
}

/** A machine id or hostname, or a running container's name. */
export function findParty(world: World, name: string): Party | null {
  return reachParties(world).find((p) => p.label === name || (p.kind === 'machine' && p.id === name)) ?? null;
}

const missing = (name: string): GoalResult => ({
  ok: false,
  line: '',
  summary: `no running container or machine named ${name}`,
  why: { key: 'challenge.missing', params: { name } },
});

/** A packet that arrived needs no reason, unless the goal wanted it stopped. */
const stillArrives = (expect: 'reach' | 'fail', from: string, to: string): Why | null =>
  expect === 'fail' ? { key: 'challenge.arrived', params: { from, to } } : null;

/** Runs one goal's packet on `world` (the World is not changed). */
export function checkGoal(world: World, goal: Goal): GoalResult {
  const from = findParty(world, goal.from);
  if (!from) return missing(goal.from);
  const where = { kind: from.kind, id: from.id } as const;
  if (goal.kind === 'ping') {
    const cmd = `ping -c 1 -W 1 ${goal.to}`;
    const line = lineAt(world, from, cmd);
    const r = ping(world, cmd.split(' '), where, line);
    const arrived = r.exitCode === 0;
    return {
      ok: arrived === (goal.expect === 'reach'),
      line,
      summary: r.trace?.outcome.summary ?? r.output,
      why: arrived ? stillArrives(goal.expect, from.label, goal.to) : whyFailed(r.trace, from.label, goal.to),
      trace: r.trace,
      after: r.world,
    };
  }
  if (goal.kind === 'http') {
    const cmd = `curl -s -m 2 ${goal.url}`;
    const line = lineAt(world, from, cmd);
    const r = curl(world, cmd.split(' '), where, line);
    let arrived = r.exitCode === 0;
    let summary = r.trace?.outcome.summary ?? r.output;
    let why: Why | null = arrived ? null : whyFailed(r.trace, from.label, goal.url);
    const server = goal.servedBy ? findParty(world, goal.servedBy) : null;
    if (arrived && goal.servedBy) {
      const at = server ? nodeId.container(server.id) : null;
      const served = !!at && (r.trace?.steps ?? []).some((s) => 'node' in s.at && s.at.node === at);
      if (!served) {
        arrived = false;
        summary = `${summary}, but not from ${goal.servedBy}`;
        why = { key: 'challenge.otherServer', params: { name: goal.servedBy } };
      }
    }
    if (arrived && goal.body && !r.output.includes(goal.body)) {
      arrived = false;
      summary = `${summary}, without “${goal.body}”`;
      why = { key: 'challenge.noBody', params: { text: goal.body } };
    }
    if (arrived) why = stillArrives(goal.expect, from.label, goal.url);
    return { ok: arrived === (goal.expect === 'reach'), line, summary, why, trace: r.trace, after: r.world };
  }
  // isolated: every way the matrix knows (each address, each listening or published port) fails
  const to = findParty(world, goal.to);
  if (!to) return missing(goal.to);
  const cell = reachCell(world, from, to);
  const probes = [...cell.ping, ...cell.http];
  // a TCP connection that opened counts as reaching, even if the app speaks no HTTP (postgres)
  const reached = probes.find((p) => p.ok || p.summary === 'empty reply');
  const shown = reached ?? verdict(cell.ping) ?? verdict(cell.http);
  if (!shown) return { ok: true, line: '', summary: 'no address to try', why: null };
  const kind = cell.ping.some((p) => p.line === shown.line) ? 'ping' : 'http';
  const again = runProbe(world, from, kind, shown.target);
  return {
    ok: !reached,
    line: shown.line,
    summary: reached ? `${reached.target} answered: ${reached.summary}` : shown.summary,
    why: reached ? { key: 'challenge.reached', params: { from: from.label, target: reached.target } } : shown.why,
    trace: again.trace,
    after: again.after,
  };
}

/** Checks every goal of a challenge on `world`. */
export function checkChallenge(world: World, challenge: Challenge): GoalResult[] {
  return challenge.goals.map((g) => checkGoal(world, g));
}
