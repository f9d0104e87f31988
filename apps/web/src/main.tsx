/**
 * Entry point: translations first (so the first render is translated), then a board link's
 * requests, the app, and the offline shell.
 */
import './i18n'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { prefetchPageBoard } from './session/prefetchPageBoard'
import { applyStoredTheme } from './lib/theme'
import { keepOfflineShell } from './lib/offlineShell'

applyStoredTheme()
// A board link's requests start before the first render, if the early script has not started them (see early.ts).
prefetchPageBoard()
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

// Only the built app: a service worker would fight Vite's dev server over module reloading.
if (import.meta.env.PROD) keepOfflineShell()
