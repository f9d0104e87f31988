/** Vite config for the web client: React, a dev proxy to the relay on one port, output in apps/web/dist. */
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { build, defineConfig, type Plugin } from 'vite'

const relay = 'http://127.0.0.1:8080'
const source = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * The early script (src/early.ts) is built apart, as a classic script, and loaded first in <head>:
 * a classic script runs as soon as it has loaded, while the page is still being parsed, so a board
 * link's requests leave before the app's bundle has even been compiled. (A module script, even an
 * async one, may run after the app's bundle.) It carries its own copy of the modules it uses; the
 * state both copies need is shared through lib/pageShared.ts.
 */
function loadEarlyScript(entry: string): Plugin {
  let fileName = ''
  return {
    name: 'samla:early-script',
    apply: 'build',
    async generateBundle() {
      const built = await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          write: false,
          minify: true,
          lib: { entry, formats: ['iife'], name: 'samlaEarly' },
        },
      })
      const chunk = (Array.isArray(built) ? built : [built])
        .flatMap((output) => ('output' in output ? output.output : []))
        .find((file) => file.type === 'chunk' && file.isEntry)
      if (chunk?.type !== 'chunk') throw new Error(`building the early script ${entry} gave no script`)
      fileName = this.getFileName(this.emitFile({ type: 'asset', name: 'early.js', source: chunk.code }))
    },
    transformIndexHtml: {
      order: 'post',
      handler() {
        if (!fileName) throw new Error('the early script was not built before the page')
        return [{ tag: 'script', attrs: { src: `/${fileName}` }, injectTo: 'head-prepend' }]
      },
    },
  }
}

export default defineConfig({
  plugins: [react(), loadEarlyScript(source('./src/early.ts'))],
  server: {
    proxy: {
      '/api': relay,
      '/ws': { target: relay, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
})
