/** Vite config for the web client: React, a dev proxy to the relay on one port, output in apps/web/dist. */
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const relay = 'http://127.0.0.1:8080'

export default defineConfig({
  plugins: [react()],
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
