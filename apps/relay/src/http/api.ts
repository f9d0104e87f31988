/**
 * The HTTP side of the relay: health, metrics, the board API, short join links (/j/<code>), and
 * the built web app (with a fallback to index.html so that /b/<id> links open the app). Errors are
 * JSON { error, message }. Tokens come as `Authorization: Bearer …`; they are never logged.
 */
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isTimeZone } from '@samla/board'
import { type BoardLinks, ROTATABLE_ROLES, type Role, type RotatableRole } from '@samla/protocol'
import type { Logger } from 'pino'
import sirv from 'sirv'
import { authorise, bearerToken } from '../access/authorise.js'
import { isBoardId, newBoardId } from '../access/board-ids.js'
import type { ClientAddress } from '../access/client-address.js'
import type { CreationKeyRefusal } from '../access/creation-key.js'
import type { RateLimits } from '../access/rate-limits.js'
import { signToken } from '../access/tokens.js'
import type { History } from '../history/board-history.js'
import type { HistoryReason, Storage, StoredBallots, StoredBoard } from '../storage/storage.js'
import { StorageFailure } from '../storage/storage-health.js'
import { type CsvLayout, EXPORT_FORMATS, type ExportFormat, exportBoard } from './board-content.js'
import { decodedPathPart, HttpError, readBody, readJson, sendJson } from './http-basics.js'
import { createJoinLinks, newJoinCode } from './join-link.js'
import { asksForMerge, buildMergedBoard, type MergeDeps, mergeRequestIn, refreshMergedBoard } from './merged-board.js'
import { eraseCopiesOf } from './merged-copies.js'
import type { NewBoardBuilder } from './new-board-builder.js'

export interface HttpApiOptions {
  storage: Storage
  /** The counts one board may hold (a merged board too). */
  boardLimits: { maxNotes: number; maxGroups: number }
  /** Runs a change on a board's live doc (a merge into it). */
  changeBoard: MergeDeps['changeBoard']
  log: Logger
  webRoot: string
  maxBodyBytes: number
  maxImportBytes: number
  /** Serves `/metrics` here; null when it has a listener of its own. */
  serveMetrics: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | null
  secret: Buffer
  rateLimits: RateLimits
  /** The client's address for the per-address limits (behind a trusted proxy, the one it names). */
  clientAddress: ClientAddress
  /** False while storage is closed or the relay is draining. */
  isReady: () => boolean
  /** True while storage writes fail (a full disk): not ready either, for a different reason. */
  storageFailing: () => boolean
  /** Closes live connections of these roles on a board, e.g. after their link was rotated. */
  closeConnections: (boardId: string, roles: readonly Role[]) => Promise<void>
  /** Erases a board: closes its connections, forgets its rooms and deletes it with its history. */
  eraseBoard: (boardId: string) => Promise<void>
  /** Refuses a board creation without the relay's creation key (none when the relay has no key). */
  checkCreationKey: (authorization: string | undefined) => CreationKeyRefusal | null
  /** Builds a new board from its creation body, large ones off the main thread. */
  newBoards: NewBoardBuilder
  /** No board is created while the storage takes this many bytes (undefined: no quota). */
  storageQuotaBytes: number | undefined
  /** Told to the board's readers so the web app can warn; undefined when boards are kept. */
  retentionDays: number | undefined
  history: History
  /** The board's current state, live if the board is loaded, else from storage. */
  currentState: (boardId: string, kind: 'board' | 'control') => Promise<Uint8Array>
  /** The board doc as one Yjs update, for a page's first load; null while its storage is failing. */
  boardSnapshot: (boardId: string) => Promise<{ update: Uint8Array; stateVector: Uint8Array } | null>
}

/** On a snapshot: the state vector (base64) of the doc it holds; read by the web app's board opening. */
const STATE_VECTOR_HEADER = 'samla-state-vector'
/** On an export: how many entries of the board were no note or cluster at all, and so left out. */
const SKIPPED_ENTRIES_HEADER = 'samla-skipped-entries'
/**
 * A state vector grows with every client that ever wrote to the board; past this many bytes it is
 * left out (the page then syncs the usual way), so no proxy's header buffer is strained.
 */
const MAX_STATE_VECTOR_HEADER_BYTES = 2048

const REQUESTABLE_REASONS: readonly HistoryReason[] = ['before-import', 'before-reveal', 'manual']

const ROTATE_PATH = new RegExp(`^/api/boards/([^/]+)/links/(${ROTATABLE_ROLES.join('|')})/rotate$`)

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; worker-src 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
}

export function createHttpApi(options: HttpApiOptions) {
  const { storage, log, webRoot, maxBodyBytes, secret, rateLimits, isReady } = options
  const serveWeb = fs.existsSync(webRoot) ? sirv(webRoot, { single: true, etag: true }) : null
  const followJoinLink = createJoinLinks(options)
  const linksOf = (board: StoredBoard): BoardLinks => {
    const link = (role: Role) => signToken(secret, { boardId: board.id, role, generation: board.generations[role] })
    return { facilitator: link('facilitator'), participant: link('participant'), viewer: link('viewer') }
  }

  async function createBoard(req: IncomingMessage) {
    if (!(await rateLimits.allowBoardCreation(options.clientAddress(req)))) {
      throw new HttpError(429, 'rate-limited', 'Too many boards created from this address; try again in a minute')
    }
    // Before the body is read: a refused creation costs the relay no upload.
    const keyRefusal = options.checkCreationKey(req.headers.authorization)
    if (keyRefusal) throw new HttpError(keyRefusal.status, keyRefusal.error, keyRefusal.message)
    await checkQuota(0)
    const body = await readBody(req, options.maxImportBytes)
    const merge = mergeRequestIn(body)
    if (asksForMerge(merge)) return createMergedBoard(merge)
    const built = await options.newBoards.build(body, Date.now())
    if (!built.ok) throw new HttpError(built.refusal.status, built.refusal.code, built.refusal.message)
    const { title, createdAt, state, parts, ballots, imported, template } = built.board
    await checkQuota(parts.reduce((sum, part) => sum + part.length, state.length))
    return storeNewBoard({ title, createdAt }, state, ballots, async (id) => {
      await storeParts(id, parts)
      log.info({ room: id, imported, template }, 'board created')
    })
  }

  /** Stores a new board under a fresh id, lets `complete` finish it, and answers with its links. */
  async function storeNewBoard(
    record: { title: string; createdAt: number },
    state: Uint8Array,
    ballots: StoredBallots | undefined,
    complete: (id: string) => Promise<void>,
  ) {
    const id = newBoardId()
    await storage.createBoard({ id, ...record }, state, ballots)
    await complete(id)
    const board = (await storage.getBoard(id)) as StoredBoard
    return { id, title: board.title, createdAt: record.createdAt, links: linksOf(board) }
  }

  const mergeDeps: MergeDeps = {
    storage,
    secret,
    currentState: options.currentState,
    takeSnapshot: (boardId, reason) => options.history.take(boardId, reason),
    limits: options.boardLimits,
    changeBoard: options.changeBoard,
  }

  /** A board made from several boards (merged-board.ts); each source is refused by name. */
  async function createMergedBoard(body: { merge: unknown }) {
    const now = Date.now()
    const built = await buildMergedBoard(mergeDeps, body, now)
    await checkQuota(built.state.length)
    return storeNewBoard({ title: built.title, createdAt: now }, built.state, undefined, async (id) => {
      await storage.recordMergeSources(id, built.sourceIds)
      log.info({ room: id, sources: built.sourceIds.length }, 'board merged from others')
    })
  }

  /**
   * An import's notes, one part per write with a turn of the event loop between, so websockets are
   * served meanwhile. Nobody has the board's links yet; if a write fails, the board is erased.
   */
  async function storeParts(boardId: string, parts: readonly Uint8Array[]): Promise<void> {
    try {
      for (const part of parts) {
        await new Promise((resolve) => setImmediate(resolve))
        await storage.appendUpdate({ boardId, kind: 'board' }, part)
      }
    } catch (error) {
      await storage.deleteBoard(boardId).catch((cause: unknown) => {
        log.error({ room: boardId, err: cause }, 'a board whose import failed could not be erased')
      })
      throw error
    }
  }

  /** Refuses a new board that would take the storage past its quota; existing boards are not held to it. */
  async function checkQuota(adding: number): Promise<void> {
    const quota = options.storageQuotaBytes
    if (quota === undefined || (await storage.usedBytes()) + adding <= quota) return
    throw new HttpError(
      507,
      'storage-quota-reached',
      'This Samla has no room for new boards; existing boards still work',
    )
  }

  /**
   * A CSV export's `separator` (`comma`, the default, or `semicolon`) and `tz`, the IANA time zone its
   * times are written in (UTC by default).
   */
  function csvLayout(search: URLSearchParams): CsvLayout {
    const separator = search.get('separator') ?? 'comma'
    if (separator !== 'comma' && separator !== 'semicolon') {
      throw new HttpError(400, 'invalid-format', 'separator must be comma or semicolon')
    }
    const timeZone = search.get('tz') ?? 'UTC'
    if (!isTimeZone(timeZone)) {
      throw new HttpError(400, 'invalid-time-zone', 'tz must be a time zone such as Europe/Stockholm')
    }
    return { separator: separator === 'comma' ? ',' : ';', timeZone }
  }

  /** A facilitator downloads the board as CSV, Markdown or JSON, in Swedish or English. */
  async function exportDownload(
    req: IncomingMessage,
    res: ServerResponse,
    rawId: string,
    search: URLSearchParams,
  ): Promise<void> {
    const { board } = await access(req, rawId, 'facilitator')
    const format = (search.get('format') ?? 'json') as ExportFormat
    if (!EXPORT_FORMATS.includes(format)) throw new HttpError(400, 'invalid-format', 'format must be csv, md or json')
    const language = search.get('lang') === 'en' ? 'en' : 'sv'
    const layout = csvLayout(search)
    const [boardState, controlState, ballots] = await Promise.all([
      options.currentState(board.id, 'board'),
      options.currentState(board.id, 'control'),
      // Storage has every ballot: each change reaches it before it is made in memory.
      storage.loadBallots(board.id),
    ])
    const { body, contentType, skipped } = exportBoard(
      boardState,
      controlState,
      ballots.values(),
      format,
      language,
      layout,
    )
    const ascii =
      board.title
        .normalize('NFKD')
        // Accents fall away (ö → o) rather than splitting words, for an ASCII file name.
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'board'
    const filename = `samla-${ascii}.${format}`
    if (skipped > 0) log.warn({ room: board.id, format, skipped }, 'export left out malformed entries')
    res.writeHead(200, {
      'content-type': contentType,
      'cache-control': 'no-store',
      [SKIPPED_ENTRIES_HEADER]: String(skipped),
      'content-disposition': `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(`samla-${board.title}.${format}`)}`,
    })
    res.end(body)
  }

  /** The board named in the path, opened with the request's bearer token, optionally requiring a role. */
  async function access(req: IncomingMessage, rawId: string, required?: Role) {
    const id = decodedPathPart(rawId)
    if (!isBoardId(id)) throw new HttpError(400, 'invalid-board-id', 'That is not a valid board id')
    const result = await authorise(storage, secret, id, bearerToken(req.headers.authorization))
    if (!result.ok) throw new HttpError(result.status, result.error, result.message)
    if (required && result.role !== required) {
      throw new HttpError(403, 'not-allowed', `Only a ${required} may do this`)
    }
    return result
  }

  async function routeApi(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    search: URLSearchParams,
  ): Promise<void> {
    if (path === '/api/boards' && req.method === 'POST') return sendJson(res, 201, await createBoard(req))
    const board = /^\/api\/boards\/([^/]+)$/.exec(path)
    if (board?.[1] && req.method === 'GET') {
      const { board: found, role } = await access(req, board[1])
      const { retentionDays } = options
      // How many merged boards hold copies: the facilitator's delete dialog offers to remove them.
      const mergedInto = role === 'facilitator' ? (await storage.mergedBoardsOf(found.id)).length : undefined
      const { id, title, createdAt } = found
      return sendJson(res, 200, { id, title, createdAt, role, retentionDays, mergedInto })
    }
    if (board?.[1] && req.method === 'DELETE') {
      const { board: found } = await access(req, board[1], 'facilitator')
      const told = await eraseCopiesOf(mergeDeps, found, search.get('copies') === 'remove', Date.now())
      await options.eraseBoard(found.id)
      log.info({ room: found.id, mergedBoardsTold: told.size }, 'board deleted')
      return sendJson(res, 204)
    }
    const snapshot = /^\/api\/boards\/([^/]+)\/snapshot$/.exec(path)
    if (snapshot?.[1] && req.method === 'GET') {
      const found = await options.boardSnapshot((await access(req, snapshot[1])).board.id)
      if (!found) throw new HttpError(503, 'storage-failure', 'The board cannot be read right now; try again shortly')
      const stateVector = Buffer.from(found.stateVector).toString('base64')
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'cache-control': 'no-store',
        ...(stateVector.length <= MAX_STATE_VECTOR_HEADER_BYTES && { [STATE_VECTOR_HEADER]: stateVector }),
      })
      return void res.end(found.update)
    }
    const exported = /^\/api\/boards\/([^/]+)\/export$/.exec(path)
    if (exported?.[1] && req.method === 'GET') return exportDownload(req, res, exported[1], search)
    const links = /^\/api\/boards\/([^/]+)\/links$/.exec(path)
    if (links?.[1] && req.method === 'GET') {
      return sendJson(res, 200, linksOf((await access(req, links[1], 'facilitator')).board))
    }
    const joinCode = /^\/api\/boards\/([^/]+)\/join-code$/.exec(path)
    if (joinCode?.[1] && req.method === 'GET') {
      const { board: found } = await access(req, joinCode[1], 'facilitator')
      return sendJson(res, 200, { code: await storage.joinCode(found.id, newJoinCode) })
    }
    const rotate = ROTATE_PATH.exec(path)
    if (rotate?.[1] && req.method === 'POST') {
      const { board: found } = await access(req, rotate[1], 'facilitator')
      const role = rotate[2] as RotatableRole
      const generation = await storage.rotateLink(found.id, role)
      await options.closeConnections(found.id, [role])
      log.info({ room: found.id, role }, 'link rotated')
      return sendJson(res, 200, { token: signToken(secret, { boardId: found.id, role, generation }) })
    }
    const mergeInto = /^\/api\/boards\/([^/]+)\/merge$/.exec(path)
    if (mergeInto?.[1] && req.method === 'POST') {
      const { board: found } = await access(req, mergeInto[1], 'facilitator')
      const body = await readJson(req, maxBodyBytes)
      if (!asksForMerge(body)) throw new HttpError(400, 'invalid-merge', 'merge must list the boards to merge again')
      const report = await refreshMergedBoard(mergeDeps, found.id, body)
      log.info({ room: found.id, ...report }, 'boards merged again into a board')
      return sendJson(res, 200, report)
    }
    const history = /^\/api\/boards\/([^/]+)\/history(?:\/(\d+)(\/restore)?)?$/.exec(path)
    if (history?.[1]) return routeHistory(req, res, history[1], history[2], Boolean(history[3]))
    throw new HttpError(404, 'not-found', 'No such API endpoint')
  }

  /** Facilitators browse snapshots, take one (before an import or a reveal), preview and restore. */
  async function routeHistory(
    req: IncomingMessage,
    res: ServerResponse,
    rawId: string,
    entry: string | undefined,
    restore: boolean,
  ): Promise<void> {
    const { board } = await access(req, rawId, 'facilitator')
    if (entry === undefined && req.method === 'GET') {
      return sendJson(res, 200, { snapshots: await storage.listHistory(board.id) })
    }
    if (entry === undefined && req.method === 'POST') {
      const reason = ((await readJson(req, maxBodyBytes)) as { reason?: HistoryReason } | null)?.reason ?? 'manual'
      if (!REQUESTABLE_REASONS.includes(reason)) {
        throw new HttpError(400, 'invalid-reason', `reason must be one of ${REQUESTABLE_REASONS.join(', ')}`)
      }
      return sendJson(res, 201, { id: await options.history.take(board.id, reason) })
    }
    const historyId = Number(entry)
    if (restore && req.method === 'POST') {
      const backup = await options.history.restore(board.id, historyId)
      if (backup === undefined) throw new HttpError(404, 'snapshot-not-found', 'No such snapshot of this board')
      log.info({ room: board.id, historyId }, 'board restored from history')
      return sendJson(res, 200, { restored: historyId, backup })
    }
    if (!restore && req.method === 'GET') {
      const state = await storage.getHistory(board.id, historyId)
      if (!state) throw new HttpError(404, 'snapshot-not-found', 'No such snapshot of this board')
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' })
      res.end(state)
      return
    }
    throw new HttpError(405, 'method-not-allowed', 'That method is not supported here')
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://relay')
    if (pathname === '/healthz') return sendJson(res, 200, { status: 'ok' })
    // The relay's clock, so every client can show the same countdown whatever its own clock says.
    if (pathname === '/api/time') return sendJson(res, 200, { now: Date.now() })
    if (pathname === '/readyz') {
      if (!isReady()) return sendJson(res, 503, { status: 'draining' })
      if (options.storageFailing()) return sendJson(res, 503, { status: 'storage-failing' })
      return sendJson(res, 200, { status: 'ready' })
    }
    if (pathname === '/metrics') {
      if (options.serveMetrics) return options.serveMetrics(req, res)
      throw new HttpError(404, 'not-found', 'The metrics are served on a port of their own')
    }
    if (pathname.startsWith('/api/')) return routeApi(req, res, pathname, searchParams)
    // Left as typed: a code is letters, digits and a dash, so anything escaped is no code at all.
    if (pathname.startsWith('/j/') && (req.method === 'GET' || req.method === 'HEAD')) {
      return followJoinLink(req, res, pathname.slice('/j/'.length))
    }
    if (!serveWeb) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('The web app is not built. Run `pnpm build` and restart the relay.\n')
      return
    }
    serveWeb(req, res)
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    try {
      await route(req, res)
    } catch (error) {
      if (error instanceof HttpError) return sendJson(res, error.status, { error: error.code, message: error.message })
      if (error instanceof StorageFailure) {
        log.warn({ err: error, method: req.method }, 'request refused: storage is failing')
        if (!res.headersSent) {
          sendJson(res, 503, {
            error: 'storage-failure',
            message: 'The relay cannot save right now; try again shortly',
          })
        }
        return
      }
      log.error({ err: error, method: req.method }, 'request failed')
      if (!res.headersSent) sendJson(res, 500, { error: 'internal', message: 'Something went wrong in the relay' })
    }
  }
}
