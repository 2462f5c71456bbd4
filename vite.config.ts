import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The built page carries a Content-Security-Policy with no inline script.
 * Only on build: the dev server injects an inline React-refresh preamble.
 */
function contentSecurityPolicy(): Plugin {
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return {
    name: 'whalewire-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
      ],
    },
  };
}

/** V8's explicit compile hint (v8.dev/blog/explicit-compile-hints): compile every function of the file eagerly. */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * Marks the chunks the page loads before its first picture (the entry and what it imports
 * statically) with V8's compile hint: Chrome then compiles their functions while it streams the
 * file, off the main thread, instead of one by one on the main thread as the first render calls
 * them (issue 11). Lazy chunks stay lazy. A source map of a marked chunk moves down the one line.
 */
function compileHints(): Plugin {
  return {
    name: 'whalewire-compile-hints',
    apply: 'build',
    // after Vite's own preload rewrite, which writes these chunks' code anew
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const initial = new Set<string>();
        const visit = (file: string) => {
          const c = bundle[file];
          if (initial.has(file) || c?.type !== 'chunk') return;
          initial.add(file);
          for (const i of c.imports) visit(i);
        };
        for (const [file, c] of Object.entries(bundle)) if (c.type === 'chunk' && c.isEntry) visit(file);
        for (const file of initial) {
          const c = bundle[file];
          if (c?.type !== 'chunk') continue;
          c.code = COMPILE_HINT + c.code;
          if (c.map) c.map.mappings = `;${c.map.mappings}`;
          const map = bundle[`${file}.map`];
          if (map?.type === 'asset' && typeof map.source === 'string') {
            const m = JSON.parse(map.source);
            m.mappings = `;${m.mappings}`;
            map.source = JSON.stringify(m);
          }
        }
      },
    },
  };
}

const SOURCE = new URL('./src/sw/sw.js', import.meta.url);

/** Every file under `dir`, relative to it with '/' separators, sorted. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * The service worker's text for a build holding `files` (paths relative to the build folder) whose
 * contents hash to `version`: src/sw/sw.js with both filled in. './' stands for the page itself.
 */
function serviceWorkerSource(template: string, files: string[], version: string): string {
  const list = ['./', ...files.filter((f) => f !== 'sw.js')].map((f) => (f === './' ? f : `./${f}`));
  return template
    .replace("'__WHALEWIRE_VERSION__'", JSON.stringify(version))
    .replace("['__WHALEWIRE_FILES__']", JSON.stringify(list));
}

/**
 * Writes dist/sw.js after a production build: it precaches every file the build wrote (the app shell
 * and every lazily loaded chunk) under a cache named by a hash of their contents, so a new deploy
 * replaces the old cache. The app registers it in production builds only (src/main.tsx).
 */
function serviceWorker(): Plugin {
  let outDir = '';
  return {
    name: 'whalewire-sw',
    apply: 'build',
    writeBundle(options) {
      outDir = options.dir ?? outDir;
    },
    closeBundle() {
      if (!outDir) return;
      const files = filesUnder(outDir).filter((f) => f !== 'sw.js');
      const hash = createHash('sha256');
      for (const f of files)
        hash
          .update(f)
          .update('\0')
          .update(readFileSync(join(outDir, f)));
      const version = hash.digest('hex').slice(0, 16);
      writeFileSync(join(outDir, 'sw.js'), serviceWorkerSource(readFileSync(SOURCE, 'utf8'), files, version));
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), compileHints(), serviceWorker()],
  // relative asset paths: the built folder works served from any sub-path (a school's intranet, a USB stick's copy)
  base: './',
  server: {
    port: 5173,
    // test and bench builds land beside the sources: a dev page must not reload when they are written
    watch: { ignored: ['**/dist-e2e-*/**', '**/dist/**', '**/shots/**', '**/test-results/**'] },
  },
  // scan only the app's entry, not the built copies of it that e2e runs leave in dist-e2e-*
  optimizeDeps: { entries: ['index.html'] },
  preview: { port: 4173 },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // every module the first picture needs in one file: rolldown otherwise splits the few that
        // lazy chunks share with the entry (ids, clock, world…) into chunks of their own, and a
        // slow link fetched eight small files before the first render could start (issue 11)
        codeSplitting: { groups: [{ name: 'first', tags: ['$initial'] }] },
      },
    },
  },
});
