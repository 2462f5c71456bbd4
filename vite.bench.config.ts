import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The bench-only bare React Flow page (bench/bare): its own root and outDir, so it never ships in
 * the product build. `npm run bench` builds it into a temporary directory and serves it with
 * `vite preview --config vite.bench.config.ts --outDir …`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./bench/bare', import.meta.url)),
  base: './',
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false, emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
