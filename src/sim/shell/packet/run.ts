import { imageInfo } from '../../images';
import type { CommandResult, Trace, World } from '../../model';
import { type Ctx, commit, newCtx, nodeOf } from '../../net/ctx';
import { type NetNode, nodeKeyOf } from '../../net/topo';
import type { Where } from '../../where';

/** Whose wording the tool prints: glibc (Debian/Ubuntu), musl (netshoot/alpine binaries) or busybox applets. */
export type Flavor = 'glibc' | 'musl' | 'busybox';

export function flavorAt(world: World, where: Where): Flavor {
  if (where.kind === 'machine') return 'glibc';
  const c = world.containers[where.id];
  return c ? imageInfo(c.image).flavor : 'glibc';
}

/** What a packet tool hands back to `runTool`. */
export interface ToolOutcome {
  output: string;
  exitCode: number;
  ok: boolean;
  summary: string;
  /** how long the tool ran (simulated), advancing the World's clock */
  ms: number;
}

/**
 * Runs a packet tool in one engine context: the namespace `where` runs in, one Trace for the
 * whole command, and the World with its tables updated by a single commit.
 */
export function runTool(
  world: World,
  where: Where,
  line: string,
  body: (ctx: Ctx, node: NetNode, flavor: Flavor) => ToolOutcome,
): CommandResult {
  const ctx = newCtx(world);
  const node = nodeOf(ctx, nodeKeyOf(world, where));
  if (!node) return { world, output: 'Error: No such container', exitCode: 1 };
  const out = body(ctx, node, flavorAt(world, where));
  const trace: Trace = { command: line, steps: ctx.steps, outcome: { ok: out.ok, summary: out.summary } };
  return { world: commit(ctx, out.ms), output: out.output, exitCode: out.exitCode, trace };
}

/**
 * A client with no deadline of its own (curl without -m, busybox wget -T 0) waits for a frozen
 * server until Ctrl-C. The console cannot wait forever, so it presses it for the learner after
 * this long (as ping without -c is stopped after 100 replies): the terminal echoes ^C, $? is 130.
 */
export const PATIENCE_MS = 60_000;

export const interrupted = (out: string[]): ToolOutcome => ({
  output: [...out, '^C'].join('\n'),
  exitCode: 130,
  ok: false,
  summary: 'no answer (interrupted)',
  ms: PATIENCE_MS,
});

/** "-sSv", or letters up to a value flag with its value glued on: "-m2", "-qO-", "-O-". */
function bundled(a: string, withValue: string): boolean {
  if (!/^-[A-Za-z]/.test(a) || a.length < 3) return false;
  for (let i = 1; i < a.length; i++) {
    if (withValue.includes(a[i])) return true;
    if (!/[A-Za-z]/.test(a[i])) return false;
  }
  return true;
}

/** Splits bundled short flags: ["-sSv"] -> ["-s", "-S", "-v"]; values stay attached to their flag. */
export function splitFlags(argv: string[], withValue: string): string[] {
  const out: string[] = [];
  for (const a of argv) {
    if (bundled(a, withValue)) {
      for (let i = 1; i < a.length; i++) {
        out.push(`-${a[i]}`);
        if (withValue.includes(a[i]) && i < a.length - 1) {
          out.push(a.slice(i + 1));
          break;
        }
      }
    } else out.push(a);
  }
  return out;
}

/** A small deterministic jitter factor in [0.9, 1.1] from a few integers (no PRNG consumed). */
export function jitter(...xs: number[]): number {
  let h = 2166136261;
  for (const x of xs) h = Math.imul(h ^ (x >>> 0), 16777619) >>> 0;
  return 0.9 + (h % 2001) / 10000;
}
