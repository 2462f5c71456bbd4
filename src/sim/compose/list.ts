import { EPOCH_MS } from '../clock';
import { humanDuration, table } from '../docker/output';
import { portsColumn } from '../docker/ports';
import { commandString, statusText } from '../docker/ps';
import type { CommandResult, Container, World } from '../model';
import { L } from './project';
import { type Ctx, docker, logLines, projectContainers } from './state';

/** `docker compose ps`, `ls`, `logs` (cmd/compose/ps.go, list.go, pkg/compose/ls.go, logs.go of v2.40.3). */

const cut = (s: string, n: number) => ([...s].length <= n ? s : `${[...s].slice(0, n - 1).join('')}…`);
const byName = (a: Container, b: Container) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** NAME IMAGE COMMAND SERVICE CREATED STATUS PORTS (fact 67); running containers unless `all`. */
export function composePs(ctx: Ctx, project: string, all: boolean, quiet: boolean, services: string[]): CommandResult {
  const w = ctx.world;
  const list = projectContainers(w, ctx.daemon, project)
    .filter((c) => all || c.state === 'running')
    .filter((c) => services.length === 0 || services.includes(c.labels?.[L.service] ?? ''))
    .sort(byName);
  if (quiet) return { world: w, output: list.map((c) => c.id).join('\n'), exitCode: 0 };
  if (ctx.flavor === 'v1') return psV1(w, list);
  const rows = [['NAME', 'IMAGE', 'COMMAND', 'SERVICE', 'CREATED', 'STATUS', 'PORTS']];
  for (const c of list) {
    rows.push([
      c.name,
      c.image,
      JSON.stringify(cut(commandString(c), 20)),
      c.labels?.[L.service] ?? '',
      `${humanDuration(w.clock - (Date.parse(c.created) - EPOCH_MS))} ago`,
      statusText(c, w.clock),
      portsColumn(w, c),
    ]);
  }
  return { world: w, output: table(rows, 10), exitCode: 0 };
}

/** docker-compose 1.29's texttable: Name / Command / State / Ports, a dashed rule, `Up` / `Exit N`. */
function psV1(w: World, list: Container[]): CommandResult {
  const rows = list.map((c) => [
    c.name,
    cut(commandString(c), 30).replace(/…$/, ' ...'),
    c.state === 'running' ? 'Up' : c.state === 'exited' ? `Exit ${c.exitCode}` : 'Exit 0',
    portsColumn(w, c)
      .split(', ')
      .filter((x) => !x.startsWith('[::]'))
      .join(', '),
  ]);
  const head = ['Name', 'Command', 'State', 'Ports'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const center = (s: string, n: number) => {
    const left = Math.floor((n - s.length) / 2);
    return `${' '.repeat(left)}${s}${' '.repeat(n - s.length - left)}`;
  };
  const line = (cells: string[], c: boolean) =>
    cells
      .map((x, i) => (c ? center(x, widths[i]) : x.padEnd(widths[i])))
      .join('   ')
      .trimEnd();
  const rule = '-'.repeat(widths.reduce((a, b) => a + b, 0) + 3 * (widths.length - 1));
  return { world: w, output: [line(head, true), rule, ...rows.map((r) => line(r, false))].join('\n'), exitCode: 0 };
}

/** NAME STATUS CONFIG FILES, projects with a running container unless `all` (pkg/compose/ls.go). */
export function composeLs(ctx: Ctx, all: boolean, quiet: boolean): CommandResult {
  const w = ctx.world;
  const projects = new Map<string, Container[]>();
  for (const c of Object.values(w.containers)) {
    const p = c.labels?.[L.project];
    if (c.daemon !== ctx.daemon || !p || c.labels?.[L.oneoff] === 'True') continue;
    projects.set(p, [...(projects.get(p) ?? []), c]);
  }
  const rows = [['NAME', 'STATUS', 'CONFIG FILES']];
  const names: string[] = [];
  for (const name of [...projects.keys()].sort()) {
    const cs = projects.get(name)!;
    if (!all && !cs.some((c) => c.state === 'running')) continue;
    const counts = new Map<string, number>();
    for (const c of cs) counts.set(c.state, (counts.get(c.state) ?? 0) + 1);
    const status = [...counts.keys()]
      .sort()
      .map((s) => `${s}(${counts.get(s)})`)
      .join(', ');
    const files = [...new Set(cs.map((c) => c.labels?.[L.configFiles] ?? ''))].filter(Boolean).join(',');
    rows.push([name, status, files]);
    names.push(name);
  }
  if (quiet) return { world: w, output: names.join('\n'), exitCode: 0 };
  return { world: w, output: table(rows, 10), exitCode: 0 };
}

/** Each container's log lines, prefixed `SERVICE-N | ` padded to the widest (formatter/logs.go). */
export function composeLogs(ctx: Ctx, project: string, services: string[]): CommandResult {
  const cs = projectContainers(ctx.world, ctx.daemon, project).filter(
    (c) => services.length === 0 || services.includes(c.labels?.[L.service] ?? ''),
  );
  const v1 = ctx.flavor === 'v1';
  const short = (c: Container) => {
    if (v1) return c.name;
    const def = `${project}-${c.labels?.[L.service]}-${c.labels?.[L.number]}`;
    return c.name === def ? c.name.slice(project.length + 1) : c.name;
  };
  const width = Math.max(0, ...cs.map((c) => short(c).length));
  const out: string[] = v1 && cs.length ? [`Attaching to ${cs.map((c) => c.name).join(', ')}`] : [];
  for (const c of cs) {
    const r = docker(ctx, ['logs', c.id]);
    for (const l of logLines(r.output)) out.push(`${short(c).padEnd(width)} | ${l}`);
  }
  return { world: ctx.world, output: out.join('\n'), exitCode: 0 };
}
