/**
 * Keeps the app itself loadable offline. The page knows which files it was built from, so it puts
 * them (and index.html) into a cache; the service worker in public/sw.js only answers from that cache
 * when the network fails. Together with the IndexedDB copy, a board opened before reopens offline.
 */
const SHELL_CACHE = 'samla-shell-v1'

function shellUrls(): string[] {
  const assets = performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
    .map((url) => url.pathname)
  return ['/', ...new Set(assets)]
}

async function fillCache(): Promise<void> {
  const cache = await caches.open(SHELL_CACHE)
  const urls = shellUrls()
  // Built assets have content-hashed names, so one already cached is current: only new ones (and
  // index.html, which names them) are fetched, not the whole app again on every page load.
  const missing = await Promise.all(urls.map(async (url) => ((await cache.match(url)) ? null : url)))
  const fetchNow = missing.filter((url): url is string => url !== null)
  if (fetchNow.length === 0) return
  await cache.addAll([...new Set(['/', ...fetchNow])])
  // Files of older builds are never asked for again.
  const keep = new Set(urls.map((path) => new URL(path, location.origin).href))
  for (const request of await cache.keys()) {
    if (!keep.has(request.url)) await cache.delete(request)
  }
}

export function keepOfflineShell(): void {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js')
      .then(fillCache)
      .catch(() => {
        // Without the shell the app still works online; only offline reloads are lost.
      })
  })
}
