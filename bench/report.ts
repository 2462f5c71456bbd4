import type { BudgetCheck } from './budgets';
import type { EngineFigures } from './engine';
import type { PageFigures } from './page';
import type { SlowLoadFigures } from './pageSlow';
import type { WindowStats } from './window';

/** Where the figures were taken: they mean little without it. */
export interface BenchEnv {
  date: string;
  node: string;
  cpus: number;
  cpuModel: string;
  memGiB: number;
  chromium?: string;
  chromiumArgs?: string[];
}

const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const frames = (s: WindowStats) =>
  `${f(s.p50Ms, 1)} / ${f(s.p95Ms, 1)} ms, ${s.frames} frames, ${s.dropped} dropped, busy ${f(s.busyMsPerFrame, 1)} ms/frame (JS ${f(s.scriptMsPerFrame, 1)}, style+layout ${f(s.layoutStyleMsPerFrame, 1)})`;

/** The results as rows of a plain-text table: what, figure, budget, verdict. */
export function tableRows(
  engine: EngineFigures | undefined,
  page: PageFigures | undefined,
  budgets: BudgetCheck[],
): string[][] {
  const verdict = (prefix: string) => {
    const mine = budgets.filter((b) => b.name.startsWith(prefix));
    if (!mine.length) return ['', ''];
    const limit = (b: BudgetCheck) => `≤ ${b.limit} ${b.unit}${b.toleranceMs ? ` (±${b.toleranceMs} clock)` : ''}`;
    return [mine.map(limit).join(', '), mine.every((b) => b.ok) ? 'ok' : 'MISS'];
  };
  const rows: string[][] = [];
  if (engine) {
    const cal = engine.calibrationMs;
    // a figure in ms and as a multiple of the calibration median of the same run
    const ms = (x: number, d = 3) => `${f(x, d)} ms = ${f(x / cal, 3)} × cal`;
    rows.push([
      `engine: calibration workload (bench/calibrate.ts), median of ${engine.calibrationRuns} runs`,
      `${f(cal, 3)} ms`,
      '',
      '',
    ]);
    const n = `${engine.containers.toLocaleString('en')} containers / ${engine.networks} networks`;
    rows.push([
      `engine: build ${n}, ${engine.buildLines} lines, median (p95 ${f(engine.commandP95Ms, 3)} ms) per line`,
      ms(engine.commandMedianMs),
      ...verdict('engine: median per command, whole'),
    ]);
    rows.push([
      `engine: last 100 \`docker run\` (900–999 containers), median (p95 ${f(engine.commandAt1000P95Ms, 3)} ms)`,
      ms(engine.commandAt1000MedianMs),
      ...verdict('engine: median per command at'),
    ]);
    rows.push([
      `engine: ping trace on one bridge (${engine.pingTraceSteps} steps), median`,
      ms(engine.pingTraceMedianMs),
      '',
      '',
    ]);
    rows.push([
      `engine: curl remote → router portfwd → host DNAT (${engine.natCurlTraceSteps} steps), median`,
      ms(engine.natCurlTraceMedianMs),
      ...verdict('engine: NATed'),
    ]);
    rows.push([
      `engine: World JSON round trip (${f(engine.worldJsonBytes / 1e6, 2)} MB), median`,
      ms(engine.jsonRoundTripMedianMs, 2),
      '',
      '',
    ]);
    const sc = engine.scale;
    if (sc) {
      for (const pt of [sc.small, sc.large]) {
        const mem = pt.heapMB ? `, heap ${f(pt.heapMB, 0)} MB, RSS ${f(pt.rssMB, 0)} MB` : '';
        rows.push([
          `engine: \`docker run -d --network netK nginx\` at ${pt.containers.toLocaleString('en')} containers / ${pt.networks} networks, 100 more, median`,
          `${ms(pt.runMedianMs)} (build ${f(pt.buildSeconds, 1)} s${mem})`,
          '',
          '',
        ]);
      }
      rows.push([
        `engine: that \`docker run\` at ${sc.large.containers.toLocaleString('en')} / at ${sc.small.containers.toLocaleString('en')} containers`,
        `${f(sc.growth, 2)} ×`,
        ...verdict('engine: docker run at'),
      ]);
      rows.push([
        `engine: V8 heap with the ${sc.large.containers.toLocaleString('en')}-container World held`,
        `${f(sc.large.heapMB, 0)} MB`,
        ...verdict('engine: heap at'),
      ]);
    }
  }
  if (page) {
    rows.push([
      'page: navigation → default world drawn, median of ' + page.loadSamplesMs.length,
      `${f(page.loadMedianMs, 0)} ms (FCP ${f(page.fcpMedianMs, 0)} ms)`,
      '',
      '',
    ]);
    const c = `${page.containers} containers (${page.ours.nodes} nodes, ${page.ours.edges} edges), ${page.repeats} × ${page.windowMs / 1000} s`;
    rows.push([`page: idle, ${page.containers} containers, 1 s, p50 / p95`, frames(page.ours.idle), '', '']);
    rows.push([
      `page: packet animating, ${c}, p50 / p95`,
      frames(page.ours.animate),
      ...verdict('page: p95 frame, packet'),
    ]);
    rows.push([
      `page: container dragged, ${c}, p50 / p95`,
      frames(page.ours.drag),
      ...verdict('page: p95 frame, container'),
    ]);
    const b = `${page.bare.nodes} nodes, ${page.bare.edges} edges, ${page.repeats} × ${page.windowMs / 1000} s`;
    rows.push(['bare React Flow: idle, 1 s, p50 / p95', frames(page.bare.idle), '', '']);
    rows.push([`bare React Flow: marker animating (${b}), p50 / p95`, frames(page.bare.animate), '', '']);
    rows.push([`bare React Flow: node dragged (${b}), p50 / p95`, frames(page.bare.drag), '', '']);
    rows.push([
      'ours/bare p95 frame: animating',
      `${f(page.ratio.animateP95)} (p50 ${f(page.ratio.animateP50)})`,
      ...verdict('page: ours/bare p95 frame, anim'),
    ]);
    rows.push([
      'ours/bare p95 frame: dragging',
      `${f(page.ratio.dragP95)} (p50 ${f(page.ratio.dragP50)})`,
      ...verdict('page: ours/bare p95 frame, drag'),
    ]);
    rows.push([
      'ours/bare main-thread busy per frame: animating / dragging',
      `${f(page.ratio.animateBusy)} / ${f(page.ratio.dragBusy)}`,
      '',
      '',
    ]);
    if (page.slow) rows.push(...slowRows(page.slow, budgets));
    const files = page.initialJs.files.map((x) => x.file.replace(/^assets\//, '')).join(' + ');
    rows.push([
      `page: JS before first paint, gzip (${files})`,
      `${f(page.initialJs.gzipBytes / 1000, 1)} KB (${f(page.initialJs.bytes / 1000, 0)} KB raw)`,
      ...verdict('page: initial JS'),
    ]);
  }
  return rows;
}

/** Pads rows into aligned columns. */
export function formatTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (c ?? '').padEnd(widths[i]))
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

/** The environment line printed above the table. */
export function envLine(env: BenchEnv): string {
  const browser = env.chromium ? `; Chromium ${env.chromium} headless, ${env.chromiumArgs?.join(' ')}` : '';
  return `${env.date}: node ${env.node}, ${env.cpus} × ${env.cpuModel}, ${env.memGiB} GiB${browser}`;
}

/** The slow-laptop loads (bench/pageSlow.ts) as table rows. */
export function slowRows(slow: SlowLoadFigures, budgets: BudgetCheck[]): string[][] {
  const how = `CPU ${slow.cpuRate}x slower, ${slow.mbitPerSecond} Mbit/s, ${slow.latencyMs} ms, cold, median of ${slow.oursMs.length}`;
  const b = budgets.find((x) => x.name.startsWith('page: slow laptop'));
  return [
    [`slow laptop (${how}): app → default world drawn`, `${f(slow.oursMedianMs, 0)} ms`, '', ''],
    ['slow laptop: bare React Flow page → same graph drawn', `${f(slow.bareMedianMs, 0)} ms`, '', ''],
    ['slow laptop: ours / bare', f(slow.ratio), b ? `≤ ${b.limit} ${b.unit}` : '', b ? (b.ok ? 'ok' : 'MISS') : ''],
  ];
}
