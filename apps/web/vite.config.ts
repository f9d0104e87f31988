/** Vite config for the web client: React, a dev proxy to the relay on one port, output in apps/web/dist. */
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const relay = 'http://127.0.0.1:8080'
const source = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * The early script (src/early.ts) is built as an entry of its own and loaded first, as an async
 * module: it runs as soon as it arrives, while the browser still parses the app's bundle.
 */
function loadEarlyScript(entry: string): Plugin {
  return {
    name: 'samla:early-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunk = Object.values(bundle ?? {}).find(
          (file) => file.type === 'chunk' && file.isEntry && file.name === entry,
        )
        if (!chunk) throw new Error(`the build has no ${entry} entry to load first`)
        return [
          {
            tag: 'script',
            attrs: { type: 'module', async: true, crossorigin: true, src: `/${chunk.fileName}` },
            injectTo: 'head-prepend',
          },
        ]
      },
    },
  }
}

export default defineConfig({
  plugins: [react(), loadEarlyScript('early')],
  server: {
    proxy: {
      '/api': relay,
      '/ws': { target: relay, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: { index: source('./index.html'), early: source('./src/early.ts') },
    },
  },
})
