import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The JavaScript a browser must fetch before the first paint, and its gzip size. */
export interface InitialJs {
  files: { file: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
}

/** Local module specifiers a built chunk imports statically (`import … from`, `import "…"`, `export … from`); never `import("…")`. */
export function staticImports(code: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(/\bimport\s*["']([^"']+)["']/g)) out.add(m[1]);
  for (const m of code.matchAll(/\b(?:import|export)\b[^;()"']*?\bfrom\s*["']([^"']+)["']/g)) out.add(m[1]);
  return [...out].filter((s) => s.startsWith('./') || s.startsWith('../') || s.startsWith('/'));
}

/** Entry scripts and modulepreload links of a built index.html, as written there. */
export function entryScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']/g)) out.push(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/g)) out.push(m[1]);
  return out;
}

/**
 * Walks a production build from its index.html: entry scripts, modulepreloads and, transitively,
 * their static imports. Each file is gzipped (node:zlib, default level) on its own, as a server
 * would send it.
 */
export function initialJs(dir: string): InitialJs {
  // one absolute form for every path: a relative `dir` with relative (`./assets/…`) links would
  // otherwise see each file once as `dir/assets/x.js` and once resolved, and count it twice
  const distDir = resolve(dir);
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const toPath = (spec: string, from: string) =>
    spec.startsWith('/') ? join(distDir, spec) : resolve(from, spec.replace(/[?#].*$/, ''));
  const queue = entryScripts(html).map((s) => toPath(s, distDir));
  const seen = new Set<string>();
  const files: InitialJs['files'] = [];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !file.endsWith('.js')) continue;
    seen.add(file);
    const code = readFileSync(file);
    files.push({ file: relative(distDir, file), bytes: code.length, gzipBytes: gzipSync(code).length });
    for (const spec of staticImports(code.toString('utf8'))) queue.push(toPath(spec, dirname(file)));
  }
  return {
    files,
    bytes: files.reduce((a, f) => a + f.bytes, 0),
    gzipBytes: files.reduce((a, f) => a + f.gzipBytes, 0),
  };
}
