import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { sceneById } from '../../src/sim/scenes';
import { AppPage } from './pages/AppPage';
import { LessonPanel } from './pages/LessonPanel';

/**
 * A classroom with bad Wi-Fi: after one visit the app loads with the network off (its service worker
 * holds every built file), and the built folder works from any sub-path of any static server.
 */

const DNS = sceneById('dns-test')!;
const port = Number(process.env.E2E_PORT ?? 4173);
/** The folder playwright.config.ts builds and serves. */
const dist = new URL(`../../dist-e2e-${port}/`, import.meta.url).pathname;

/** The default world is drawn, a lesson loads and the editor (a lazily loaded chunk) opens. */
async function worksInClass(page: Page) {
  const app = new AppPage(page);
  await app.ready();
  const sim = new LessonPanel(page);
  await sim.loadScene(DNS);
  await expect(sim.panel.getByTestId('sim-lesson-status')).toContainText(
    'Loaded “Docker DNS on a user-defined bridge”',
  );
  await expect(app.container('containerA')).toBeVisible();
  await app.type('nano /etc/hosts');
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('editor-path')).toHaveText('/etc/hosts');
}

test('after one visit, a reload with the network off draws the default world, loads a lesson and opens the editor', async ({
  page,
  context,
}) => {
  const app = new AppPage(page);
  await app.open();
  // the service worker has installed once it is ready: every built file is in its cache
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(`http://127.0.0.1:${port}/`);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names[0]);
    return { names, urls: (await cache.keys()).map((r) => new URL(r.url).pathname) };
  });
  expect(cached.names).toHaveLength(1);
  expect(cached.names[0]).toMatch(/^whalewire-[0-9a-f]{16}$/);
  expect(cached.urls).toContain('/');
  expect(cached.urls.some((u) => /\/assets\/EditorPanel-.*\.js$/.test(u))).toBe(true);

  await context.setOffline(true);
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  await page.reload();
  await expect(page.getByTestId('node-docker-host')).toBeVisible();
  await worksInClass(page);
  expect(failed).toEqual([]);
  // and truly offline: the server is out of reach from the page
  expect(
    await page.evaluate(() =>
      fetch('/not-in-the-build.txt', { cache: 'no-store' }).then(
        () => 'online',
        () => 'offline',
      ),
    ),
  ).toBe('offline');
  await context.setOffline(false);
});

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** A plain static server (no SPA fallback, nothing of Vite) serving the build under `prefix`. */
function staticServer(prefix: string): Promise<Server> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    const rel = normalize(path.slice(prefix.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    const file = join(dist, rel.endsWith('/') ? `${rel}index.html` : rel);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

test('the built folder works served from a sub-path of a plain static server', async ({ page }) => {
  const prefix = '/classroom/whalewire/';
  const server = await staticServer(prefix);
  try {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!new URL(r.url()).pathname.startsWith(prefix)) outside.push(r.url());
    });
    await page.goto(`${origin}${prefix}`);
    await worksInClass(page);
    // the offline copy is scoped to the sub-path too
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(`${origin}${prefix}`);
    expect(outside.filter((u) => u.startsWith(origin))).toEqual([]);
  } finally {
    await new Promise((done) => server.close(() => done(null)));
  }
});
