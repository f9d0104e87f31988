/**
 * An instance on the open internet: per-address limits behind a trusted reverse proxy, a socket's
 * credentials out of the address, replacing the facilitator link, and who may read `/metrics`.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { addNote, listNotes } from '@samla/board'
import { credentialProtocols, participantId } from '@samla/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { configFromEnv } from '../src/base/config.js'
import { CloseCode, type Relay } from '../src/index.js'
import { closeCode, createBoard, freePort, linksOf, listening, startRelay, waitFor } from './helpers.js'

const BOARD = 'AAAAAAAAAAAAAAAAAAAAAA'
const DEVICE_KEY = 'header-device-key-0123456789'

const wsUrl = (relay: Pick<Relay, 'url'>, path: string) => `${relay.url.replace(/^http/, 'ws')}${path}`

/** The HTTP status of an upgrade (101 when accepted), sent with the given headers and subprotocols. */
function upgradeStatus(
  relay: Pick<Relay, 'url'>,
  path: string,
  {
    headers = {},
    protocols,
    localAddress,
  }: { headers?: Record<string, string>; protocols?: string[]; localAddress?: string } = {},
): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(wsUrl(relay, path), protocols, { headers, localAddress })
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.on('open', () => {
      ws.close()
      resolve(101)
    })
    ws.on('error', () => undefined)
  })
}

async function openSocket(relay: Relay, path: string, protocols?: string[]): Promise<WebSocket> {
  const ws = new WebSocket(wsUrl(relay, path), protocols)
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  return ws
}

function createBoardFrom(relay: Relay, forwardedFor?: string): Promise<number> {
  const headers = forwardedFor ? { 'x-forwarded-for': forwardedFor } : undefined
  return fetch(`${relay.url}/api/boards`, { method: 'POST', body: '{}', headers }).then((res) => res.status)
}

async function statuses(count: number, next: () => Promise<number>): Promise<number[]> {
  const found: number[] = []
  for (let i = 0; i < count; i++) found.push(await next())
  return found
}

/** HAProxy in front of the relay, as a TLS-terminating proxy would be: it appends the client to X-Forwarded-For. */
async function startHaproxy(relayPort: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort()
  const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'samla-haproxy-')), 'haproxy.cfg')
  fs.writeFileSync(
    config,
    [
      'defaults',
      '  mode http',
      '  timeout connect 5s',
      '  timeout client 30s',
      '  timeout server 30s',
      '  timeout tunnel 30s',
      'frontend front',
      `  bind 127.0.0.1:${port}`,
      '  option forwardfor',
      '  default_backend relay',
      'backend relay',
      `  server relay 127.0.0.1:${relayPort}`,
      '',
    ].join('\n'),
  )
  const haproxy = spawn('/usr/sbin/haproxy', ['-db', '-f', config], { stdio: 'ignore' })
  const exited = new Promise<void>((resolve) => haproxy.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${port}`
  await waitFor(() => listening(port), 5000, 'haproxy to listen')
  return {
    url,
    stop: async () => {
      haproxy.kill()
      await exited
    },
  }
}

describe('proxies, tokens and metrics', () => {
  const cleanup: Array<() => unknown> = []
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })
  async function relayWith(options: Parameters<typeof startRelay>[0]): Promise<Relay> {
    const relay = await startRelay(options)
    cleanup.push(() => relay.close())
    return relay
  }

  it('[RT1] behind a trusted proxy the limits are per client (right-most untrusted X-Forwarded-For address)', async () => {
    const relay = await relayWith({
      trustedProxies: ['127.0.0.1', '::1'],
      limits: { upgradesPerAddressPerMinute: 3, boardCreationsPerAddressPerMinute: 2 },
    })
    const from = (forwardedFor: string) =>
      upgradeStatus(relay, `/ws/${BOARD}?token=x`, { headers: { 'x-forwarded-for': forwardedFor } })
    // 404: the upgrade got past the limit to the board lookup.
    expect(await statuses(4, () => from('203.0.113.1'))).toEqual([404, 404, 404, 429])
    expect(await from('203.0.113.2')).toBe(404)
    // What a client writes in front of the proxy's entry is not believed; trusted proxies are skipped.
    expect(await from('203.0.113.2, 203.0.113.1')).toBe(429)
    expect(await from('203.0.113.1, 127.0.0.1')).toBe(429)
    expect(await statuses(3, () => createBoardFrom(relay, '198.51.100.7'))).toEqual([201, 201, 429])
    expect(await createBoardFrom(relay, '198.51.100.8')).toBe(201)
  })

  it.skipIf(!fs.existsSync('/usr/sbin/haproxy'))(
    '[RT7] through HAProxy, clients on different addresses get a budget each, and a spoofed X-Forwarded-For counts for nothing',
    async () => {
      // HAProxy reaches the relay from 127.0.0.1, the only trusted proxy; clients come from 127.0.0.2 and 127.0.0.3.
      const relay = await relayWith({ trustedProxies: ['127.0.0.1'], limits: { upgradesPerAddressPerMinute: 3 } })
      const haproxy = await startHaproxy(relay.port)
      cleanup.push(() => haproxy.stop())
      const from = (localAddress: string, forwardedFor?: string) =>
        upgradeStatus(haproxy, `/ws/${BOARD}?token=x`, {
          localAddress,
          headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
        })
      // Each tries a different spoofed address: HAProxy appends the real one, which is what counts.
      let n = 0
      expect(await statuses(4, () => from('127.0.0.2', `203.0.113.${++n}`))).toEqual([404, 404, 404, 429])
      expect(await statuses(4, () => from('127.0.0.3'))).toEqual([404, 404, 404, 429])
    },
  )

  it('[RT2] without trusted proxies, or from a peer that is not one, X-Forwarded-For is ignored', async () => {
    for (const trustedProxies of [[], ['10.0.0.0/8']]) {
      const relay = await relayWith({
        trustedProxies,
        limits: { upgradesPerAddressPerMinute: 3, boardCreationsPerAddressPerMinute: 2 },
      })
      let n = 0
      const spoofed = () =>
        upgradeStatus(relay, `/ws/${BOARD}?token=x`, { headers: { 'x-forwarded-for': `203.0.113.${++n}` } })
      expect(await statuses(4, spoofed)).toEqual([404, 404, 404, 429])
      expect(await statuses(3, () => createBoardFrom(relay, `198.51.100.${++n}`))).toEqual([201, 201, 429])
    }
    await expect(startRelay({ trustedProxies: ['not-an-address'] })).rejects.toThrow(/invalid IP address/)
  })

  it('[RT3] a token and device key sent as subprotocols open the board; the answer is "samla" alone; ?token= still works', async () => {
    const relay = await relayWith({})
    const boardId = await createBoard(relay)
    const links = linksOf(boardId)
    const offered = credentialProtocols(links.participant, DEVICE_KEY)
    const socket = await openSocket(relay, `/ws/${boardId}`, offered)
    expect(socket.protocol).toBe('samla')
    socket.close()
    expect(await upgradeStatus(relay, `/ws/${boardId}`, { protocols: credentialProtocols('forged', DEVICE_KEY) })).toBe(
      401,
    )
    expect(await upgradeStatus(relay, `/ws/${boardId}?token=${links.viewer}`)).toBe(101)

    // A stock provider with nothing in its address: the relay knows it by the device key in the header,
    // so a note signed with that device's participant id is taken (it would be refused with 4422).
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(wsUrl(relay, '/ws'), boardId, doc, {
      protocols: offered,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    const closes: number[] = []
    provider.on('connection-close', (event) => closes.push(event?.code ?? 0))
    cleanup.push(() => provider.destroy())
    await waitFor(() => provider.synced, 5000, 'sync over subprotocol credentials')
    expect(provider.url).not.toContain(links.participant)
    addNote(doc, { x: 0, y: 0, text: 'via header', authorId: participantId(boardId, DEVICE_KEY), authorName: 'H' })
    const reader = new Y.Doc()
    const url = new WebsocketProvider(wsUrl(relay, '/ws'), boardId, reader, {
      params: { token: links.viewer },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    cleanup.push(() => url.destroy())
    await waitFor(() => listNotes(reader).some((note) => note.text === 'via header'), 5000, 'the note at the viewer')
    expect(closes).toEqual([])
  })

  it('[RT4] replacing the facilitator link closes every socket of the old one with 4401; the new one works', async () => {
    const relay = await relayWith({})
    const boardId = await createBoard(relay)
    const links = linksOf(boardId)
    const byHeader = await openSocket(
      relay,
      `/ws/${boardId}/control`,
      credentialProtocols(links.facilitator, DEVICE_KEY),
    )
    const byUrl = await openSocket(relay, `/ws/${boardId}?token=${links.facilitator}`)
    const participant = await openSocket(relay, `/ws/${boardId}?token=${links.participant}`)
    const closed = Promise.all([closeCode(byHeader), closeCode(byUrl)])
    const rotate = (token: string) =>
      fetch(`${relay.url}/api/boards/${boardId}/links/facilitator/rotate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      })
    expect((await rotate(links.participant)).status).toBe(403)
    const answer = await rotate(links.facilitator)
    expect(answer.status).toBe(200)
    const { token } = (await answer.json()) as { token: string }
    expect(token).not.toBe(links.facilitator)
    expect(await closed).toEqual([CloseCode.LinkRotated, CloseCode.LinkRotated])
    expect(participant.readyState).toBe(WebSocket.OPEN)
    participant.close()
    const api = (path: string, bearer: string) =>
      fetch(`${relay.url}${path}`, { headers: { authorization: `Bearer ${bearer}` } })
    expect(await (await api(`/api/boards/${boardId}`, links.facilitator)).json()).toMatchObject({
      error: 'link-rotated',
    })
    expect(await upgradeStatus(relay, `/ws/${boardId}/control?token=${links.facilitator}`)).toBe(401)
    const current = (await (await api(`/api/boards/${boardId}/links`, token)).json()) as typeof links
    expect(current).toEqual({ ...links, facilitator: token })
    expect(
      await upgradeStatus(relay, `/ws/${boardId}/control`, { protocols: credentialProtocols(token, DEVICE_KEY) }),
    ).toBe(101)
  })

  it('[RT5] /metrics: 401 without the bearer token when one is set, 200 with it; or only on its own port', async () => {
    const token = 'metrics-token-0123456789'
    const guarded = await relayWith({ metrics: { token } })
    const scrape = (url: string, bearer?: string) =>
      fetch(url, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} })
    expect((await scrape(`${guarded.url}/metrics`)).status).toBe(401)
    expect((await scrape(`${guarded.url}/metrics`, `${token}x`)).status).toBe(401)
    const allowed = await scrape(`${guarded.url}/metrics`, token)
    expect(allowed.status).toBe(200)
    expect(await allowed.text()).toContain('samla_connections')
    expect(guarded.metricsPort).toBeNull()

    const apart = await relayWith({ metrics: { port: 0 } })
    expect(apart.metricsPort).toEqual(expect.any(Number))
    expect(apart.metricsPort).not.toBe(apart.port)
    expect((await scrape(`${apart.url}/metrics`)).status).toBe(404)
    const own = await scrape(`http://127.0.0.1:${apart.metricsPort}/metrics`)
    expect(own.status).toBe(200)
    expect(await own.text()).toContain('samla_connections')
    expect((await scrape(`http://127.0.0.1:${apart.metricsPort}/api/boards`)).status).toBe(404)
  })

  it('[RT6] the settings are read from the environment, and bad ones are refused', () => {
    const config = configFromEnv({
      SAMLA_TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16,loopback',
      SAMLA_METRICS_TOKEN: 'metrics-token-0123456789',
      SAMLA_METRICS_PORT: '9464',
      SAMLA_METRICS_HOST: '0.0.0.0',
    })
    expect(config.trustedProxies).toEqual(['10.0.0.1', '192.168.0.0/16', 'loopback'])
    expect(config.metrics).toEqual({ token: 'metrics-token-0123456789', port: 9464, host: '0.0.0.0' })
    expect(configFromEnv({})).toMatchObject({ trustedProxies: [], metrics: { port: undefined, token: undefined } })
    expect(() => configFromEnv({ SAMLA_METRICS_PORT: 'nine' })).toThrow(/SAMLA_METRICS_PORT/)
    expect(() => configFromEnv({ SAMLA_METRICS_TOKEN: 'short' })).toThrow(/SAMLA_METRICS_TOKEN/)
  })
})
