/*
 * Samla's offline shell worker. The page fills the cache with index.html and its built assets
 * (see src/lib/offlineShell.ts); this worker serves them only when the network fails, so online
 * loads are always fresh. The relay API and the websocket are never touched.
 */
const SHELL_CACHE = 'samla-shell-v1'

self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))

self.addEventListener('fetch', (event) => {
  const { request } = event
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== self.location.origin) return
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/ws/')) return
  if (request.mode === 'navigate') {
    // Every page is the single-page app, so the cached index.html stands in for any address.
    event.respondWith(fetch(request).catch(() => fromCache('/')))
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(fetch(request).catch(() => fromCache(request)))
  }
})

async function fromCache(request) {
  const cache = await caches.open(SHELL_CACHE)
  return (await cache.match(request)) ?? Response.error()
}
