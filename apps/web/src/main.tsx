/** Entry point: translations first (so the first render is translated), then the app, then the offline shell. */
import './i18n'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { applyStoredTheme } from './lib/theme'
import { keepOfflineShell } from './lib/offlineShell'

applyStoredTheme()
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

// Only the built app: a service worker would fight Vite's dev server over module reloading.
if (import.meta.env.PROD) keepOfflineShell()
