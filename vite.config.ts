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

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  server: {
    port: 5173,
    // test and bench builds land beside the sources: a dev page must not reload when they are written
    watch: { ignored: ['**/dist-e2e-*/**', '**/dist/**', '**/shots/**', '**/test-results/**'] },
  },
  // scan only the app's entry, not the built copies of it that e2e runs leave in dist-e2e-*
  optimizeDeps: { entries: ['index.html'] },
  preview: { port: 4173 },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 1500 },
});
