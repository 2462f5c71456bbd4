import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { checkBudgets, slowBudget } from './budgets';
import { Calibration } from './calibrate';
import { benchEngine, benchScale, type EngineFigures } from './engine';
import type { PageFigures } from './page';
import { type BenchEnv, envLine, formatTable, slowRows, tableRows } from './report';
import { ROOT } from './serve';
import { benchSwarm, type SwarmFigures, swarmBudgets, swarmRows } from './swarm';

/**
 * `npm run bench [-- --check] [--engine-only | --page-only | --slow-only] [--profile] [--port N] [--scale S,L | --no-scale]`
 *
 * Prints a table and writes bench/results.json (a partial run writes bench/results.local.json,
 * which git ignores). `--check` exits 1 when a budget is missed. `--scale 1000,4000` sets the two
 * sizes of the scale workload (issue 12); `--no-scale` skips it. `--profile` adds CPU profiles of
 * the page windows (unminified build) in $TMPDIR/whalewire-bench-profiles and prints their hottest functions.
 * `--slow-only` builds both pages and runs only the slow-laptop loads (bench/pageSlow.ts).
 */
const args = process.argv.slice(2);
const has = (flag: string) => args.includes(flag);
const value = (flag: string, fallback: number) => {
  const i = args.indexOf(flag);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const engineOnly = has('--engine-only');
const pageOnly = has('--page-only');
const slowOnly = has('--slow-only');
/** slow-laptop loads of each page, alternating (issue 11: median of 7) */
const SLOW_LOADS = value('--slow-loads', 7);
const port = value('--port', Number(process.env.BENCH_PORT ?? 4176));
const profileDir = has('--profile') ? join(tmpdir(), 'whalewire-bench-profiles') : undefined;

async function main(): Promise<number> {
  const env: BenchEnv = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memGiB: Math.round(totalmem() / 2 ** 30),
  };
  if (slowOnly) return slowMain(env);
  let engine: EngineFigures | undefined;
  let page: PageFigures | undefined;
  let swarm: SwarmFigures | undefined;
  if (!pageOnly) {
    process.stderr.write('engine: building 1,000 containers over 50 networks…\n');
    const cal = new Calibration();
    const figures = benchEngine(cal, value('--containers', 1000), value('--networks', 50));
    let scale: EngineFigures['scale'];
    if (!has('--no-scale')) {
      const i = args.indexOf('--scale');
      const [small, large] = (i >= 0 ? args[i + 1] : '1000,4000').split(',').map(Number);
      process.stderr.write(`engine: scale workload at ${small} and ${large} containers…\n`);
      scale = benchScale(small, large, cal);
    }
    process.stderr.write('engine: a swarm of 5 hosts, 500 tasks on 3 overlays…\n');
    swarm = benchSwarm(5, value('--tasks', 500), 3, cal);
    cal.take(20);
    engine = { calibrationMs: cal.ms, calibrationRuns: cal.samples.length, ...figures, ...(scale ? { scale } : {}) };
  }
  if (!engineOnly) {
    process.stderr.write(`page: building and serving on ${port} and ${port + 1}…\n`);
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    // loaded only now: Playwright's modules in the process while the engine runs held on to
    // hundreds of MB of the engine's garbage in the heap figure
    const { benchPage, CHROMIUM_ARGS } = await import('./page');
    page = await benchPage({
      port,
      barePort: port + 1,
      containers: value('--page-containers', 300),
      networks: 6,
      frameMs: value('--frame-ms', 3000),
      repeats: value('--repeats', 3),
      loads: 5,
      slowLoads: SLOW_LOADS,
      profileDir,
    });
    env.chromium = page.chromium;
    env.chromiumArgs = CHROMIUM_ARGS;
  }
  const meshBudgets = swarm ? swarmBudgets(swarm) : [];
  const budgets = [...checkBudgets(engine, page), ...meshBudgets];
  console.log(envLine(env));
  const rows = [...tableRows(engine, page, budgets), ...(swarm ? swarmRows(swarm, meshBudgets) : [])];
  console.log(formatTable(['figure', 'value', 'budget', ''], rows));
  if (page?.ours.stillPlaying === false) console.log('note: the packet animation ended before a frame window did');
  if (page && !(page.ours.dragMoved && page.bare.dragMoved))
    console.log('note: a dragged node did not follow the mouse');
  if (page?.profiles) {
    for (const [name, fns] of Object.entries(page.profiles)) {
      console.log(`\nCPU profile ${name} (${profileDir}/${name}.cpuprofile), top self time:`);
      for (const x of fns.slice(0, 12))
        console.log(
          `  ${x.selfMs.toFixed(1).padStart(7)} ms self ${x.totalMs.toFixed(1).padStart(7)} ms total  ${x.fn}`,
        );
    }
  }
  const file = engine && page ? 'results.json' : 'results.local.json';
  const results = { env, engine, swarm, page, budgets };
  writeFileSync(join(ROOT, 'bench', file), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote bench/${file}`);
  const missed = budgets.filter((b) => !b.ok);
  if (has('--check') && missed.length) {
    console.log(`budget missed: ${missed.map((b) => b.name).join('; ')}`);
    return 1;
  }
  return 0;
}

/** `--slow-only`: the slow-laptop loads of both pages, printed and written to results.local.json. */
async function slowMain(env: BenchEnv): Promise<number> {
  process.stderr.write(`slow laptop: building and serving on ${port} and ${port + 1}…\n`);
  const { benchSlowOnly } = await import('./page');
  const { slow, initialJs } = await benchSlowOnly({ port, barePort: port + 1, slowLoads: SLOW_LOADS });
  const budget = slowBudget(slow);
  console.log(envLine(env));
  console.log(formatTable(['figure', 'value', 'budget', ''], slowRows(slow, [budget])));
  console.log(
    `samples ours ${slow.oursMs.map((x) => x.toFixed(0)).join(' ')} ms; bare ${slow.bareMs.map((x) => x.toFixed(0)).join(' ')} ms; initial JS ${(initialJs.gzipBytes / 1000).toFixed(1)} KB gzip`,
  );
  writeFileSync(
    join(ROOT, 'bench', 'results.local.json'),
    `${JSON.stringify({ env, slow, initialJs, budgets: [budget] }, null, 2)}\n`,
  );
  return has('--check') && !budget.ok ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
