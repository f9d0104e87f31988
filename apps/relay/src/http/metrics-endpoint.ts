/**
 * Prometheus's `/metrics`: open by default (as on a private network), behind a bearer token when
 * one is set, and on a listener of its own when a metrics port is set, so an internet-facing relay
 * need not show its load and refusals to anyone who asks.
 */
import { timingSafeEqual } from 'node:crypto'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Registry } from 'prom-client'
import { bearerToken } from '../access/authorise.js'

function sameSecret(given: string | null, expected: string): boolean {
  const a = Buffer.from(given ?? '')
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function createMetricsEndpoint(registry: Registry, token: string | undefined) {
  return async function serveMetrics(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (token !== undefined && !sameSecret(bearerToken(req.headers.authorization), token)) {
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer' })
      res.end('The metrics need the bearer token this relay was configured with\n')
      return
    }
    res.writeHead(200, { 'content-type': registry.contentType })
    res.end(await registry.metrics())
  }
}

/** A listener of its own that serves `/metrics` and nothing else. */
export async function listenForMetrics(
  serve: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  port: number,
  host: string,
): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://relay').pathname === '/metrics') return void serve(req, res)
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('Only /metrics is served here\n')
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  return server
}

export function portOf(server: http.Server): number {
  return (server.address() as AddressInfo).port
}
