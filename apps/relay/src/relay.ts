/**
 * Assembles the relay: one HTTP server for the API, health, metrics and the web app, with
 * websocket upgrades on /ws/<boardId> checked before they are accepted. Dependencies (storage,
 * logger, limits) come in as options so tests can run the real thing on port 0. Relays given
 * the same PostgreSQL database, Redis and secret serve as one service (cluster/cluster-bus.ts).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { CloseCode } from '@samla/protocol'
import { type Logger, pino } from 'pino'
import { WebSocketServer } from 'ws'
import { createClientAddress } from './access/client-address.js'
import { creationKeyCheck } from './access/creation-key.js'
import { createRateLimits } from './access/rate-limits.js'
import { loadOrCreateSecret } from './access/secret.js'
import {
  type ClusterConfig,
  DEFAULT_LIMITS,
  DEFAULT_WEB_ROOT,
  type MetricsAccess,
  type RelayLimits,
  type RetentionSettings,
} from './base/config.js'
import { createMetrics, type Metrics } from './base/metrics.js'
import { type ClusterBus, openClusterBus } from './cluster/cluster-bus.js'
import { createHistory } from './history/board-history.js'
import { startRetention } from './history/board-retention.js'
import { createHttpApi } from './http/api.js'
import { createMetricsEndpoint, listenForMetrics, portOf } from './http/metrics-endpoint.js'
import { createNewBoardBuilder } from './http/new-board-builder.js'
import { Rooms } from './rooms/rooms.js'
import { openPostgresStorage } from './storage/postgres.js'
import { openSqliteStorage } from './storage/sqlite.js'
import type { Storage } from './storage/storage.js'
import { watchStorage } from './storage/storage-health.js'
import { createConnections } from './websocket/connections.js'
import { chooseSubprotocol, createUpgradeHandler } from './websocket/upgrade.js'

export interface RelayOptions {
  port?: number
  host?: string
  /** Where the embedded SQLite database lives; ignored when `storage` is given. */
  dataDir?: string
  storage?: Storage
  webRoot?: string
  logger?: Logger
  limits?: Partial<RelayLimits>
  /** Secret that signs capability tokens; by default one is generated into the data directory. */
  secret?: string
  /** Only requests bearing this key may create boards; by default anyone may. */
  creationKey?: string
  /** No board is created while the database's live pages take this many bytes; by default no quota. */
  storageQuotaBytes?: number
  /** Boards unchanged this long are erased; by default boards are kept. */
  retention?: RetentionSettings
  /**
   * Reverse proxies (addresses, CIDR ranges) whose X-Forwarded-For names the client for the
   * per-address limits; from anyone else the header is ignored. None by default.
   */
  trustedProxies?: readonly string[]
  /** A bearer token and/or a listener of its own for `/metrics`; open on the relay's port by default. */
  metrics?: MetricsAccess
  /** PostgreSQL instead of the embedded SQLite (ignored when `storage` is given). */
  databaseUrl?: string
  /** Redis, through which relays on one database serve as one; needs `secret` and a shared database. */
  cluster?: ClusterConfig
}

export interface Relay {
  readonly port: number
  /** http://host:port */
  readonly url: string
  readonly metrics: Metrics
  /** Where `/metrics` is served when it has a listener of its own (`metrics.port`). */
  readonly metricsPort: number | null
  /** Rooms currently loaded in memory. */
  readonly roomCount: number
  /** Stops accepting, flushes every room, closes sockets with 1012. Idempotent. */
  close(): Promise<void>
}

/** Gives clients a moment to answer the close frames, then cuts whoever has not. */
async function closeHandshakes(wss: WebSocketServer, timeoutMs: number): Promise<void> {
  const open = [...wss.clients].map((ws) => new Promise((resolve) => ws.once('close', resolve)))
  await Promise.race([Promise.all(open), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())])
  for (const ws of wss.clients) ws.terminate()
}

const DAY_MS = 24 * 60 * 60_000
/** Relays beat this often; one silent for HEARTBEATS_MISSED beats is gone, with its connections' presence. */
const HEARTBEAT_MS = 1000
const HEARTBEATS_MISSED = 3

async function openStorage(options: RelayOptions, dataDir: string): Promise<Storage> {
  if (options.storage) return options.storage
  if (options.databaseUrl) return openPostgresStorage(options.databaseUrl)
  return openSqliteStorage(dataDir)
}
/** Imports being built or waiting, each up to maxImportBytes; one more is refused with 503. */
const MAX_QUEUED_IMPORTS = 4

export async function createRelay(options: RelayOptions = {}): Promise<Relay> {
  const log = options.logger ?? pino({ name: 'samla-relay' })
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const dataDir = options.dataDir ?? './data'
  if ((options.cluster || options.databaseUrl) && !options.secret) {
    throw new Error('relays on a shared database need the secret given, the same for all of them')
  }
  // Every write is watched: one that fails marks storage failing (/readyz 503) until one succeeds.
  const { storage, health } = watchStorage(await openStorage(options, dataDir), {
    log,
    probeIntervalMs: limits.storageProbeIntervalMs,
  })
  const storageFailing = () => health.failingSince !== null
  const secret = loadOrCreateSecret(dataDir, options.secret)
  let cluster: ClusterBus | undefined
  if (options.cluster) {
    const { redisUrl, prefix } = options.cluster
    cluster = await openClusterBus(
      { url: redisUrl, prefix, heartbeatMs: HEARTBEAT_MS, missedBeats: HEARTBEATS_MISSED },
      {
        room: (roomKey, from, news) => rooms.hear(roomKey, from, news),
        boardEvent: (event) => {
          if (event.kind === 'rotated')
            rooms.closeBoard(event.boardId, CloseCode.LinkRotated, 'link replaced', event.roles)
          else forgetBoard(event.boardId)
        },
        relayGone: (relayId) => rooms.relayGone(relayId),
        reconnected: () => rooms.catchUpAll(),
      },
      log,
    )
  }
  const rateLimits = createRateLimits(
    limits,
    cluster && { redis: cluster.redis, prefix: options.cluster?.prefix ?? '' },
  )
  const clientAddress = createClientAddress(options.trustedProxies ?? [])
  const metrics = createMetrics()
  const serveMetrics = createMetricsEndpoint(metrics.registry, options.metrics?.token)
  const ownMetricsPort = options.metrics?.port !== undefined
  const connections = createConnections({ log, metrics, limits, rooms: () => rooms })
  const history = createHistory(storage, limits, () => rooms, log)
  const rooms = new Rooms({
    storage,
    log,
    metrics,
    limits,
    onRejected: (ws, error) => connections.refuseMessage(ws, error, 0),
    afterStore: (room) => history.afterStore(room),
    snapshot: (room, reason) => history.keepBefore(room, reason),
    storageFailing,
    cluster,
  })
  let draining = false
  const forgetBoard = (boardId: string) => {
    rooms.discardBoard(boardId, CloseCode.BoardDeleted, 'board deleted')
    history.forget(boardId)
  }
  // The one way a board is erased, by its facilitator or by retention; every relay lets it go.
  const eraseBoard = async (boardId: string) => {
    forgetBoard(boardId)
    await storage.deleteBoard(boardId)
    cluster?.announce({ kind: 'deleted', boardId })
  }
  // The counts one board may hold, whether imported or merged.
  const boardLimits = { maxNotes: limits.maxNotesPerBoard, maxGroups: limits.maxGroupsPerBoard }
  const newBoards = createNewBoardBuilder({
    inlineUpToBytes: limits.maxHttpBodyBytes,
    maxQueued: MAX_QUEUED_IMPORTS,
    limits: boardLimits,
  })
  const handleHttp = createHttpApi({
    storage,
    boardLimits,
    changeBoard: (boardId, change) => rooms.use({ boardId, kind: 'board' }, (room) => room.change(change)),
    log,
    webRoot: options.webRoot ?? DEFAULT_WEB_ROOT,
    maxBodyBytes: limits.maxHttpBodyBytes,
    maxImportBytes: limits.maxImportBytes,
    currentState: (boardId, kind) => rooms.use({ boardId, kind }, (room) => room.storedState()),
    // While writes fail, a page opens from its local copy and the sync instead (it falls back by itself).
    boardSnapshot: async (boardId) =>
      storageFailing() ? null : rooms.use({ boardId, kind: 'board' }, (room) => room.snapshot()),
    serveMetrics: ownMetricsPort ? null : serveMetrics,
    secret,
    rateLimits,
    clientAddress,
    isReady: () => !draining,
    storageFailing,
    closeConnections: async (boardId, roles) => {
      rooms.closeBoard(boardId, CloseCode.LinkRotated, 'link replaced', roles)
      cluster?.announce({ kind: 'rotated', boardId, roles: [...roles] })
    },
    eraseBoard,
    checkCreationKey: creationKeyCheck(options.creationKey),
    newBoards,
    storageQuotaBytes: options.storageQuotaBytes,
    retentionDays: options.retention && options.retention.afterMs / DAY_MS,
    history,
  })
  const retention = options.retention && startRetention(storage, options.retention, eraseBoard, log)
  // A request whose headers never complete is cut (this covers websocket upgrades too); Node checks
  // at connectionsCheckingInterval, so that is kept short enough for the timeout to mean what it says.
  const serverOptions = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.headersTimeoutMs * 3,
    connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
  }
  const server = http.createServer(serverOptions, (req, res) => {
    void handleHttp(req, res)
  })
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxFrameBytes,
    handleProtocols: chooseSubprotocol,
  })
  server.on(
    'upgrade',
    createUpgradeHandler({
      storage,
      log,
      secret,
      rateLimits,
      metrics,
      wss,
      connections,
      isDraining: () => draining,
      clientAddress,
    }),
  )

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => resolve())
  })
  const metricsServer = ownMetricsPort
    ? await listenForMetrics(serveMetrics, options.metrics?.port ?? 0, options.metrics?.host ?? '127.0.0.1').catch(
        (error: unknown) => {
          server.close()
          throw error
        },
      )
    : null
  const { port, address } = server.address() as AddressInfo
  const host = address.includes(':') ? `[${address}]` : address
  log.info({ port }, 'relay listening')

  let closing: Promise<void> | undefined
  return {
    port,
    url: `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${port}`,
    metrics,
    metricsPort: metricsServer ? portOf(metricsServer) : null,
    get roomCount() {
      return rooms.count
    },
    close() {
      closing ??= (async () => {
        draining = true
        retention?.stop()
        await newBoards.close()
        const stopped = new Promise((resolve) => server.close(resolve))
        const unloaded = rooms.closeAll(CloseCode.ServiceRestart, 'relay restarting')
        await closeHandshakes(wss, 1000)
        await unloaded
        server.closeAllConnections()
        await stopped
        await new Promise((resolve) => (metricsServer ? metricsServer.close(resolve) : resolve(undefined)))
        health.stop()
        await cluster?.close()
        await storage.close()
        log.info('relay stopped')
      })()
      return closing
    },
  }
}
