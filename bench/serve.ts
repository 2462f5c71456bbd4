import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root (bench/..). */
export const ROOT = resolve(import.meta.dirname, '..');
const VITE = join(ROOT, 'node_modules', '.bin', 'vite');

/** A fresh directory outside the repository for this run's builds, so nothing lands in the tree. */
export function scratchDir(): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'whalewire-bench-'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * `vite build` into `outDir`: the product build (vite.config.ts), or the bare page with
 * `config: 'vite.bench.config.ts'`. `minify: false` keeps function names for a readable CPU profile.
 */
export function viteBuild(outDir: string, opts: { config?: string; minify?: boolean } = {}): void {
  const args = ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  if (opts.config) args.push('--config', opts.config);
  if (opts.minify === false) args.push('--minify', 'false');
  const r = spawnSync(VITE, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite ${args.join(' ')} failed (${r.status})`);
}

/** A running `vite preview`; `stop` ends exactly the process this started. */
export interface Preview {
  url: string;
  stop: () => Promise<void>;
}

/** Serves `outDir` with `vite preview` on 127.0.0.1:`port` and waits until it answers. */
export async function vitePreview(outDir: string, port: number, config?: string): Promise<Preview> {
  const args = ['preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'];
  if (config) args.push('--config', config);
  const child: ChildProcess = spawn(VITE, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview on ${port} exited: ${stderr}`);
    try {
      const r = await fetch(url);
      if (r.ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`vite preview on ${port} did not answer: ${stderr}`);
}
