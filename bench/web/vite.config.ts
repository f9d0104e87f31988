/**
 * Builds the Excalidraw reference page (excalidraw/) into dist-excalidraw, with Excalidraw's fonts
 * copied beside it so the page never reaches for a CDN.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const here = path.dirname(fileURLToPath(import.meta.url))
const outDir = path.join(here, 'dist-excalidraw')
const fonts = path.join(path.dirname(createRequire(import.meta.url).resolve('@excalidraw/excalidraw')), 'fonts')

export default defineConfig({
  root: path.join(here, 'excalidraw'),
  // Excalidraw's documented setting for Vite builds.
  define: { 'process.env.IS_PREACT': JSON.stringify('false') },
  plugins: [
    react(),
    {
      name: 'excalidraw-fonts',
      apply: 'build',
      closeBundle: () => fs.cpSync(fonts, path.join(outDir, 'fonts'), { recursive: true }),
    },
  ],
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 8000 },
})
