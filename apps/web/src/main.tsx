/**
 * Entry point: translations first (so the first render is translated), then a board link's
 * requests, the app, and the offline shell.
 */
import './i18n'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { takeLinkToken } from './access/linkToken'
import { App } from './App'
import { prefetchOpening } from './board/opening'
import { applyStoredTheme } from './lib/theme'
import { keepOfflineShell } from './lib/offlineShell'
import { parseRoute } from './router'

applyStoredTheme()
// A board link's requests start now, not after the first render (see board/opening.ts).
const route = parseRoute(location.pathname)
const token = route.page === 'board' ? takeLinkToken(route.boardId) : null
if (route.page === 'board' && token) prefetchOpening(route.boardId, token)
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

// Only the built app: a service worker would fight Vite's dev server over module reloading.
if (import.meta.env.PROD) keepOfflineShell()
