import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { checkBudgets } from './budgets';
import { benchEngine, type EngineFigures } from './engine';
import { benchPage, CHROMIUM_ARGS, type PageFigures } from './page';
import { type BenchEnv, envLine, formatTable, tableRows } from './report';
import { ROOT } from './serve';

/**
 * `npm run bench [-- --check] [--engine-only | --page-only] [--profile] [--port N]`
 *
 * Prints a table and writes bench/results.json (a partial run writes bench/results.local.json,
 * which git ignores). `--check` exits 1 when a budget is missed. `--profile` adds CPU profiles of
 * the page windows (unminified build) in $TMPDIR/whalewire-bench-profiles and prints their hottest functions.
 */
const args = process.argv.slice(2);
const has = (flag: string) => args.includes(flag);
const value = (flag: string, fallback: number) => {
  const i = args.indexOf(flag);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const engineOnly = has('--engine-only');
const pageOnly = has('--page-only');
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
  let engine: EngineFigures | undefined;
  let page: PageFigures | undefined;
  if (!pageOnly) {
    process.stderr.write('engine: building 1,000 containers over 50 networks…\n');
    engine = benchEngine(value('--containers', 1000), value('--networks', 50));
  }
  if (!engineOnly) {
    process.stderr.write(`page: building and serving on ${port} and ${port + 1}…\n`);
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    page = await benchPage({
      port,
      barePort: port + 1,
      containers: value('--page-containers', 300),
      networks: 6,
      frameMs: value('--frame-ms', 3000),
      repeats: value('--repeats', 3),
      loads: 5,
      profileDir,
    });
    env.chromium = page.chromium;
    env.chromiumArgs = CHROMIUM_ARGS;
  }
  const budgets = checkBudgets(engine, page);
  console.log(envLine(env));
  console.log(formatTable(['figure', 'value', 'budget', ''], tableRows(engine, page, budgets)));
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
  const results = { env, engine, page, budgets };
  writeFileSync(join(ROOT, 'bench', file), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote bench/${file}`);
  const missed = budgets.filter((b) => !b.ok);
  if (has('--check') && missed.length) {
    console.log(`budget missed: ${missed.map((b) => b.name).join('; ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
