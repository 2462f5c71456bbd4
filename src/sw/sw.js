/**
 * whalewire's service worker: the app works offline after the first visit (a classroom with bad Wi-Fi).
 * Not bundled: the build (vite.config.ts) copies this file to dist/sw.js and fills in VERSION
 * (a hash of every built file) and FILES (every built file, relative to this script: index.html, the
 * entry chunk and every lazily loaded one, styles, icons). A new deploy is a new sw.js, so the browser
 * installs it, caches the new files under the new version and drops the old caches once it takes over.
 */
const VERSION = '__WHALEWIRE_VERSION__';
const FILES = ['__WHALEWIRE_FILES__'];
const CACHE = `whalewire-${VERSION}`;
const PREFIX = 'whalewire-';
/** How long a page load waits for the network before it takes the cached page. */
const NAVIGATION_TIMEOUT_MS = 4000;

const scope = () => new URL(self.registration.scope);
const shellUrl = () => new URL('./', scope()).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new URL(f, scope()).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** A page load: the network's page when it answers in time (a new deploy shows at once), else the cached one. */
function navigate(request) {
  const network = fetch(request);
  const late = new Promise((_, reject) => setTimeout(reject, NAVIGATION_TIMEOUT_MS));
  return Promise.race([network.then((r) => (r.ok ? r : Promise.reject(r))), late]).catch(() =>
    caches.match(shellUrl(), { cacheName: CACHE, ignoreVary: true }).then((cached) => cached ?? network),
  );
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request));
    return;
  }
  // built files carry a content hash in their name: the cached copy is the right one (servers that say
  // `Vary: Origin` would make module scripts, fetched with an Origin, miss the copies cached without one)
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request, { ignoreSearch: true, ignoreVary: true }).then((r) => r ?? fetch(request))),
  );
});
