/**
 * Excalidraw under test: the reference page built with Vite (vite.config.ts) and served on
 * 127.0.0.1:0 by sirv with the same settings Samla's relay uses, plus `/data/notes-N.json` with
 * the bench's notes, so both apps load their board over HTTP on the same machine.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import sirv from 'sirv'
import { build } from 'vite'
import type { BenchNote } from '../notes.js'

const benchRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export async function buildExcalidrawPage(): Promise<void> {
  await build({ configFile: path.join(benchRoot, 'vite.config.ts'), logLevel: 'warn' })
}

export interface StaticServer {
  readonly url: string
  close(): Promise<void>
}

export async function serveExcalidrawPage(boards: ReadonlyMap<number, readonly BenchNote[]>): Promise<StaticServer> {
  const data = new Map([...boards].map(([size, notes]) => [`/data/notes-${size}.json`, JSON.stringify(notes)]))
  const serveFiles = sirv(path.join(benchRoot, 'dist-excalidraw'), { single: true, etag: true })
  const server = http.createServer((req, res) => {
    const body = data.get(new URL(req.url ?? '/', 'http://bench').pathname)
    if (body === undefined) return serveFiles(req, res)
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
