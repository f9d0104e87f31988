/** Relay settings: defaults, and reading them from the environment for the CLI. */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export interface RelayLimits {
  /** Largest websocket frame accepted, in bytes; larger frames close the socket with 1009. */
  maxFrameBytes: number
  /** Largest stored size of one board; an update past it is refused with 4413. */
  maxBoardBytes: number
  /** Updates held back for missing dependencies, per board, before the sender is closed. */
  maxUnresolvedBytes: number
  /** Largest JSON body accepted by the HTTP API. */
  maxHttpBodyBytes: number
  /** Largest body of a board creation, which may carry a whole exported board to import. */
  maxImportBytes: number
  maxConnectionsPerRoom: number
  /** Generous: a whole municipality may sit behind one NAT address. */
  maxConnectionsPerAddress: number
  /** Awareness client ids one connection may own (a tab normally owns one). */
  maxAwarenessEntriesPerConnection: number
  /** Largest presence (awareness) entry, as JSON; a larger one is refused and never forwarded. */
  maxPresenceEntryBytes: number
  /** Counts one board may hold, for every writer (a facilitator too); an update past one is refused with 4413. */
  maxNotesPerBoard: number
  maxGroupsPerBoard: number
  /** Yjs structs (what a board's memory grows with: a note holds about a dozen, each change adds some). */
  maxItemsPerBoard: number
  /** Yjs structs one update may bring (a text typed or pasted in one go is one). */
  maxItemsPerUpdate: number
  /**
   * Per connection, token buckets (a rate per second and a burst): board messages and their bytes,
   * presence messages and their bytes. A connection over one is throttled (not read from) until it
   * is back within; typing, moving and a reconnect's catch-up stay far below.
   */
  updatesPerSecond: number
  updateBurst: number
  updateBytesPerSecond: number
  updateBytesBurst: number
  presencePerSecond: number
  presenceBurst: number
  presenceBytesPerSecond: number
  presenceBytesBurst: number
  /** A connection whose unsent data passes this is closed instead of buffering more. */
  sendHighWaterBytes: number
  boardCreationsPerAddressPerMinute: number
  upgradesPerAddressPerMinute: number
  /** Join codes that lead nowhere one address may look up in a minute, before its lookups are refused (429). */
  joinCodeMissesPerAddressPerMinute: number
  /** A request (or websocket upgrade) whose headers have not all arrived by then is cut. */
  headersTimeoutMs: number
  /** How often liveness pings are sent; a socket that misses one round is dropped. */
  pingIntervalMs: number
  /** How long an empty room stays loaded, so a quick reconnect finds it warm. */
  roomIdleGraceMs: number
  /** The update log is folded into the snapshot past either of these. */
  compactAfterUpdates: number
  compactAfterBytes: number
  /** A board that changes gets a history snapshot at most this often. */
  historyIntervalMs: number
  /** History snapshots older than this are deleted. */
  historyRetentionMs: number
  /** While storage writes fail (a full disk), how often a small probe write checks whether they work again. */
  storageProbeIntervalMs: number
}

export const DEFAULT_LIMITS: RelayLimits = {
  maxFrameBytes: 2 * 1024 * 1024,
  maxBoardBytes: 64 * 1024 * 1024,
  maxUnresolvedBytes: 256 * 1024,
  maxHttpBodyBytes: 16 * 1024,
  maxImportBytes: 16 * 1024 * 1024,
  maxConnectionsPerRoom: 500,
  maxConnectionsPerAddress: 1000,
  maxAwarenessEntriesPerConnection: 4,
  maxPresenceEntryBytes: 8 * 1024,
  maxNotesPerBoard: 10_000,
  maxGroupsPerBoard: 1_000,
  maxItemsPerBoard: 500_000,
  maxItemsPerUpdate: 50_000,
  updatesPerSecond: 200,
  updateBurst: 3_000,
  updateBytesPerSecond: 256 * 1024,
  updateBytesBurst: 4 * 1024 * 1024,
  presencePerSecond: 30,
  presenceBurst: 300,
  presenceBytesPerSecond: 64 * 1024,
  presenceBytesBurst: 256 * 1024,
  sendHighWaterBytes: 16 * 1024 * 1024,
  boardCreationsPerAddressPerMinute: 30,
  upgradesPerAddressPerMinute: 2000,
  joinCodeMissesPerAddressPerMinute: 20,
  headersTimeoutMs: 10_000,
  pingIntervalMs: 30_000,
  roomIdleGraceMs: 30_000,
  compactAfterUpdates: 500,
  compactAfterBytes: 1024 * 1024,
  historyIntervalMs: 10 * 60_000,
  historyRetentionMs: 90 * 24 * 60 * 60_000,
  storageProbeIntervalMs: 2000,
}

export interface RelayConfig {
  host: string
  port: number
  dataDir: string
  /** Folder of the built web app, served on the same port. */
  webRoot: string
  limits: Partial<RelayLimits>
  /** Signs capability tokens; when unset, one is generated into the data directory. */
  secret?: string
  /** Reverse proxies whose X-Forwarded-For is believed (addresses, CIDR ranges); none when unset. */
  trustedProxies?: string[]
  metrics?: MetricsAccess
  /** Only whoever sends it may create boards (README, "Public instances"); unset, anyone may. */
  creationKey?: string
  /** No board is created or imported while the database's live pages take this many bytes or more. */
  storageQuotaBytes?: number
  /** Boards unchanged this long are erased; off when unset. */
  retention?: RetentionSettings
  /** Boards, links, docs and history in PostgreSQL instead of the embedded SQLite. */
  databaseUrl?: string
  /** Several relays on one database serving as one service, hearing each other through Redis. */
  cluster?: ClusterConfig
}

export interface ClusterConfig {
  redisUrl: string
  /** Redis channels and keys start with it: one service (or test run) per prefix on a shared Redis. */
  prefix: string
}

/**
 * The database and Redis settings. Relays serving as one must sign and check links alike, so with
 * either set the secret must be given, never generated per machine.
 */
function serviceFromEnv(env: NodeJS.ProcessEnv): Pick<RelayConfig, 'databaseUrl' | 'cluster'> {
  const databaseUrl = env.SAMLA_DATABASE_URL || undefined
  const redisUrl = env.SAMLA_REDIS_URL || undefined
  if (!databaseUrl && !redisUrl) return {}
  if (!env.SAMLA_SECRET) {
    throw new Error(
      'SAMLA_SECRET must be set when SAMLA_DATABASE_URL or SAMLA_REDIS_URL is: every relay of the service signs links with it (32 characters or more, the same on every relay)',
    )
  }
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('SAMLA_DATABASE_URL must be a PostgreSQL URL, postgres://user:password@host:5432/database')
  }
  if (redisUrl && !databaseUrl) {
    throw new Error('SAMLA_REDIS_URL needs SAMLA_DATABASE_URL: relays serving as one share one PostgreSQL database')
  }
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new Error('SAMLA_REDIS_URL must be a Redis URL, redis://host:6379')
  }
  return {
    databaseUrl,
    ...(redisUrl && { cluster: { redisUrl, prefix: env.SAMLA_REDIS_PREFIX || 'samla' } }),
  }
}

export interface RetentionSettings {
  /** A board with no stored change for this long is erased. */
  afterMs: number
  /** How often the relay looks for such boards. */
  checkEveryMs: number
}

const DAY_MS = 24 * 60 * 60_000

/** The settings of an instance open to the internet; each is off unless set. */
function publicInstanceFromEnv(env: NodeJS.ProcessEnv) {
  const positive = (name: string): number | undefined => {
    const raw = env[name]
    if (raw === undefined || raw === '') return undefined
    const value = Number(raw)
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got ${raw}`)
    return value
  }
  const creationKey = env.SAMLA_CREATION_KEY || undefined
  if (creationKey !== undefined && !/^\S{16,}$/.test(creationKey)) {
    // The message leaves the key out: it may be printed where others read it.
    throw new Error('SAMLA_CREATION_KEY must be at least 16 characters, without spaces')
  }
  const retentionDays = positive('SAMLA_RETENTION_DAYS')
  return {
    creationKey,
    storageQuotaBytes: positive('SAMLA_STORAGE_QUOTA_BYTES'),
    retention: retentionDays ? { afterMs: retentionDays * DAY_MS, checkEveryMs: 60 * 60_000 } : undefined,
  }
}

/** Who may read `/metrics`: open on the relay's own port unless a token or a port of its own is set. */
export interface MetricsAccess {
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  token?: string
  /** When set, `/metrics` is served only on this port (0 picks a free one), not on the relay's own. */
  port?: number
  host?: string
}

/** SAMLA_TRUSTED_PROXIES and the SAMLA_METRICS_* settings: who is behind a proxy, who sees the metrics. */
function proxiesAndMetricsFromEnv(env: NodeJS.ProcessEnv): Pick<RelayConfig, 'trustedProxies' | 'metrics'> {
  const trustedProxies = (env.SAMLA_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  const rawPort = env.SAMLA_METRICS_PORT
  const port = rawPort === undefined || rawPort === '' ? undefined : Number(rawPort)
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new Error(`SAMLA_METRICS_PORT must be a port number, got ${rawPort}`)
  }
  const token = env.SAMLA_METRICS_TOKEN || undefined
  if (token !== undefined && !/^\S{16,}$/.test(token)) {
    // The message leaves the token out: it may be printed where others read it.
    throw new Error('SAMLA_METRICS_TOKEN must be at least 16 characters, without spaces')
  }
  return { trustedProxies, metrics: { token, port, host: env.SAMLA_METRICS_HOST || undefined } }
}

const here = path.dirname(fileURLToPath(import.meta.url))
export const DEFAULT_WEB_ROOT = path.resolve(here, '../../../web/dist')

const LIMIT_ENV: Record<keyof RelayLimits, string> = {
  maxFrameBytes: 'SAMLA_MAX_FRAME_BYTES',
  maxBoardBytes: 'SAMLA_MAX_BOARD_BYTES',
  maxUnresolvedBytes: 'SAMLA_MAX_UNRESOLVED_BYTES',
  maxHttpBodyBytes: 'SAMLA_MAX_HTTP_BODY_BYTES',
  maxImportBytes: 'SAMLA_MAX_IMPORT_BYTES',
  maxConnectionsPerRoom: 'SAMLA_MAX_CONNECTIONS_PER_BOARD',
  maxConnectionsPerAddress: 'SAMLA_MAX_CONNECTIONS_PER_ADDRESS',
  maxAwarenessEntriesPerConnection: 'SAMLA_MAX_AWARENESS_ENTRIES',
  maxPresenceEntryBytes: 'SAMLA_MAX_PRESENCE_ENTRY_BYTES',
  maxNotesPerBoard: 'SAMLA_MAX_NOTES_PER_BOARD',
  maxGroupsPerBoard: 'SAMLA_MAX_GROUPS_PER_BOARD',
  maxItemsPerBoard: 'SAMLA_MAX_ITEMS_PER_BOARD',
  maxItemsPerUpdate: 'SAMLA_MAX_ITEMS_PER_UPDATE',
  updatesPerSecond: 'SAMLA_UPDATES_PER_SECOND',
  updateBurst: 'SAMLA_UPDATE_BURST',
  updateBytesPerSecond: 'SAMLA_UPDATE_BYTES_PER_SECOND',
  updateBytesBurst: 'SAMLA_UPDATE_BYTES_BURST',
  presencePerSecond: 'SAMLA_PRESENCE_PER_SECOND',
  presenceBurst: 'SAMLA_PRESENCE_BURST',
  presenceBytesPerSecond: 'SAMLA_PRESENCE_BYTES_PER_SECOND',
  presenceBytesBurst: 'SAMLA_PRESENCE_BYTES_BURST',
  sendHighWaterBytes: 'SAMLA_SEND_HIGH_WATER_BYTES',
  boardCreationsPerAddressPerMinute: 'SAMLA_BOARD_CREATIONS_PER_MINUTE',
  upgradesPerAddressPerMinute: 'SAMLA_CONNECTS_PER_ADDRESS_PER_MINUTE',
  joinCodeMissesPerAddressPerMinute: 'SAMLA_JOIN_CODE_MISSES_PER_MINUTE',
  headersTimeoutMs: 'SAMLA_HEADERS_TIMEOUT_MS',
  pingIntervalMs: 'SAMLA_PING_INTERVAL_MS',
  roomIdleGraceMs: 'SAMLA_ROOM_IDLE_GRACE_MS',
  compactAfterUpdates: 'SAMLA_COMPACT_AFTER_UPDATES',
  compactAfterBytes: 'SAMLA_COMPACT_AFTER_BYTES',
  historyIntervalMs: 'SAMLA_HISTORY_INTERVAL_MS',
  historyRetentionMs: 'SAMLA_HISTORY_RETENTION_MS',
  storageProbeIntervalMs: 'SAMLA_STORAGE_PROBE_INTERVAL_MS',
}

export function limitsFromEnv(env: NodeJS.ProcessEnv): Partial<RelayLimits> {
  const limits: Partial<RelayLimits> = {}
  for (const [key, name] of Object.entries(LIMIT_ENV) as [keyof RelayLimits, string][]) {
    const raw = env[name]
    if (raw === undefined) continue
    const value = Number(raw)
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got ${raw}`)
    limits[key] = value
  }
  return limits
}

export function configFromEnv(env: NodeJS.ProcessEnv): RelayConfig {
  const port = Number(env.SAMLA_PORT ?? env.PORT ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`SAMLA_PORT must be a port number, got ${env.SAMLA_PORT ?? env.PORT}`)
  }
  return {
    host: env.SAMLA_HOST ?? '0.0.0.0',
    port,
    // INIT_CWD is where `pnpm start` was typed, so ./data is next to the user, not inside apps/relay.
    dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), env.SAMLA_DATA_DIR ?? 'data'),
    webRoot: path.resolve(env.SAMLA_WEB_ROOT ?? DEFAULT_WEB_ROOT),
    limits: limitsFromEnv(env),
    secret: env.SAMLA_SECRET,
    ...proxiesAndMetricsFromEnv(env),
    ...publicInstanceFromEnv(env),
    ...serviceFromEnv(env),
  }
}
