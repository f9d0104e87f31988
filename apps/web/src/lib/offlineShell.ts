/**
 * Keeps the app itself loadable offline. The page knows which files it was built from, so it puts
 * them (and index.html) into a cache; the service worker in public/sw.js only answers from that cache
 * when the network fails. Together with the IndexedDB copy, a board opened before reopens offline.
 */
import { whenIdle } from './idle'

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

/**
 * How long after the page has loaded the shell is set up (at an idle moment then): registering the
 * worker and filling its cache fetch and store the whole app again, which would compete with the
 * page's own start, and with the next page when the person moves on at once (from the start page
 * to a board, say). A page left sooner sets up nothing; the next one does.
 */
const SET_UP_AFTER_MS = 2000
/** The network failed just then (conference Wi-Fi): tried again after these waits. */
const RETRY_AFTER_MS = [5000, 30_000, 120_000]

export function keepOfflineShell(): void {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return
  let failures = 0
  const setUp = () => {
    navigator.serviceWorker
      .register('/sw.js')
      .then(fillCache)
      .catch(() => {
        // Until it is set up the app still works online; only offline reloads are lost.
        const wait = RETRY_AFTER_MS[failures++]
        if (wait !== undefined) whenIdle(setUp, wait)
      })
  }
  window.addEventListener('load', () => whenIdle(setUp, SET_UP_AFTER_MS))
}
