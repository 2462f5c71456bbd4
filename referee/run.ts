/**
 * The kernel as referee: `npx tsx referee/run.ts [--count N] [--seed S] [--jobs J]`.
 * Builds N random Docker-shaped topologies in the engine and in network namespaces of this machine,
 * compares their reachability matrices, and on a mismatch prints a minimal reproducer. Needs root
 * (ip netns, iptables-restore); without it, says so in one line and exits 0.
 */
import { spawnSync } from 'node:child_process';
import { buildEngine, type EngineState, engineVerdict, type Probe, probesOf, type Verdict } from './engine';
import { build, NS_PREFIX, probe, sweep, teardown } from './kernel';
import { randomTopology } from './topology';

interface Mismatch {
  probe: Probe;
  engine: Verdict;
  kernel: Verdict;
}

interface Options {
  count: number;
  seed: number;
  jobs: number;
}

function options(argv: string[]): Options {
  const o: Options = { count: 100, seed: 1, jobs: 4 };
  for (let i = 0; i < argv.length; i++) {
    const v = Number(argv[i + 1]);
    if (argv[i] === '--count') o.count = v;
    else if (argv[i] === '--seed') o.seed = v;
    else if (argv[i] === '--jobs') o.jobs = v;
    else throw new Error(`referee: unknown option ${argv[i]} (use --count N --seed S --jobs J)`);
    i++;
  }
  return o;
}

/** Why this machine cannot referee, or null when it can. */
function cannotRun(): string | null {
  if (process.platform !== 'linux') return 'needs Linux network namespaces';
  if (process.getuid?.() !== 0) return 'needs root (ip netns, iptables-restore)';
  for (const tool of ['ip', 'iptables-restore', 'python3']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)
      return `needs ${tool} (apt-get install iproute2 iptables python3)`;
  }
  const check = `${NS_PREFIX}check`;
  if (spawnSync('ip', ['netns', 'add', check]).status !== 0) return 'cannot create network namespaces here';
  spawnSync('ip', ['netns', 'del', check]);
  return null;
}

/** Both sides of one topology; the kernel's namespaces are gone when it returns, also on failure. */
async function judge(slot: number, commands: string[]): Promise<{ state: EngineState; mismatches: Mismatch[] }> {
  const state = buildEngine(commands);
  const probes = probesOf(state);
  const engine = probes.map((p) => engineVerdict(state.world, p));
  const built = await build(slot, state).catch(async (e) => {
    await sweep(`${NS_PREFIX}${slot}-`);
    throw e;
  });
  try {
    const kernel = await probe(built, probes);
    const mismatches = probes
      .map((p, i) => ({ probe: p, engine: engine[i], kernel: kernel[i] }))
      .filter((m) => m.engine !== m.kernel);
    return { state, mismatches };
  } finally {
    await teardown(built);
  }
}

/** Drops commands one at a time while the topology still disagrees (bounded: one pass). */
async function shrink(
  slot: number,
  commands: string[],
): Promise<{ commands: string[]; result: Awaited<ReturnType<typeof judge>> }> {
  let best = commands;
  let result = await judge(slot, commands);
  for (let i = best.length - 1; i >= 0; i--) {
    const candidate = best.filter((_, k) => k !== i);
    try {
      const r = await judge(slot, candidate);
      if (r.mismatches.length) {
        best = candidate;
        result = r;
      }
    } catch {
      // the engine refuses the shorter script (a container's network is gone): keep the command
    }
  }
  return { commands: best, result };
}

const show = (p: Probe) => `${p.from} → ${p.dst}${p.kind === 'tcp' ? `:${p.port}/tcp` : ' icmp'}`;

function report(seed: number, commands: string[], r: Awaited<ReturnType<typeof judge>>): string {
  return [
    `MISMATCH (topology seed ${seed}); minimal reproducer:`,
    ...commands.map((c) => `  ${c}`),
    'probes where the engine and the kernel disagree:',
    ...r.mismatches.map((m) => `  ${show(m.probe).padEnd(40)} engine: ${m.engine.padEnd(11)} kernel: ${m.kernel}`),
    "the engine's host rules (iptables -S; -t nat -S; -t raw -S):",
    ...[r.state.host.filter, r.state.host.nat, r.state.host.raw].flatMap((t) =>
      t
        .split('\n')
        .filter((l) => l.startsWith('-A'))
        .map((l) => `  ${l}`),
    ),
  ].join('\n');
}

async function main(): Promise<number> {
  const why = cannotRun();
  if (why) {
    console.log(`referee: skipped: ${why}`);
    return 0;
  }
  const o = options(process.argv.slice(2));
  const started = performance.now();
  await sweep(); // leftovers of runs no longer alive
  let next = 0;
  let passed = 0;
  let probes = 0;
  const failures: string[] = [];
  const worker = async (slot: number) => {
    while (next < o.count) {
      const seed = o.seed + next++;
      const { commands } = randomTopology(seed);
      try {
        const r = await judge(slot, commands);
        probes += probesOf(r.state).length;
        if (r.mismatches.length === 0) passed++;
        else {
          const small = await shrink(slot, commands);
          failures.push(report(seed, small.commands, small.result));
        }
      } catch (e) {
        failures.push(
          `ERROR (topology seed ${seed}): ${(e as Error).message}\n${commands.map((c) => `  ${c}`).join('\n')}`,
        );
      }
    }
  };
  const stop = async () => {
    await sweep(NS_PREFIX);
    process.exit(130);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    await Promise.all(Array.from({ length: o.jobs }, (_, slot) => worker(slot)));
  } finally {
    await sweep(NS_PREFIX);
  }
  const s = ((performance.now() - started) / 1000).toFixed(1);
  for (const f of failures) console.log(`${f}\n`);
  console.log(`referee: ${passed}/${o.count} topologies agree with the kernel (${probes} probes, ${s} s)`);
  return passed === o.count ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  async (e) => {
    console.error(`referee: ${(e as Error).message}`);
    await sweep(NS_PREFIX);
    process.exit(2);
  },
);
