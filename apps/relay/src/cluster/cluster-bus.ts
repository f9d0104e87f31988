/**
 * How relays serving as one service hear each other, over Redis pub/sub. Redis only carries news:
 * every update is committed to the database before it is published, and a relay that misses one
 * (a gap in a doc's sequence, a Redis restart, a relay gone) reads it from the database. So the bus
 * may drop or repeat messages; it must only be quick.
 * - Per loaded doc, one channel: committed updates with their sequence number, presence changes of
 *   the sender's own connections, a question for everyone's presence (from a relay that just loaded
 *   the doc), and a board's stored dots (a voter's dots on a note, by participant id).
 * - One channel of board events (a link rotated, a board deleted), which every relay acts on.
 * - One channel of heartbeats: a relay not heard for a few beats is gone, and the presence of its
 *   connections with it, long before y-protocols' 30 s timeout.
 */
import { randomUUID } from 'node:crypto'
import type { Role } from '@samla/protocol'
import { Redis } from 'ioredis'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Logger } from 'pino'

/** What one relay says to the others about a loaded doc. */
export type RoomNews =
  | { kind: 'update'; seq: number; update: Uint8Array }
  | { kind: 'presence'; update: Uint8Array }
  | { kind: 'presence-query' }
  | { kind: 'dots'; voter: string; noteId: string; dots: number }

/** What every relay acts on, whether it has the board loaded or not. */
export type BoardEvent = { kind: 'rotated'; boardId: string; roles: Role[] } | { kind: 'deleted'; boardId: string }

export interface ClusterHandlers {
  room(roomKey: string, from: string, news: RoomNews): void
  boardEvent(event: BoardEvent): void
  /** A relay stopped beating: its connections' presence is to be dropped, its last updates read. */
  relayGone(relayId: string): void
  /** Redis is back after a break: whatever was published meanwhile is to be read from the database. */
  reconnected(): void
}

export interface ClusterSettings {
  url: string
  /** Channels and keys start with it: one per service (and per test run) on a shared Redis. */
  prefix: string
  heartbeatMs: number
  /** Beats a relay may miss before it counts as gone. */
  missedBeats: number
}

const NEWS_TYPE = { update: 0, presence: 1, 'presence-query': 2, dots: 3 } as const

function encodeNews(from: string, news: RoomNews): Buffer {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, NEWS_TYPE[news.kind])
  encoding.writeVarString(encoder, from)
  if (news.kind === 'update') {
    encoding.writeVarUint(encoder, news.seq)
    encoding.writeVarUint8Array(encoder, news.update)
  } else if (news.kind === 'presence') {
    encoding.writeVarUint8Array(encoder, news.update)
  } else if (news.kind === 'dots') {
    encoding.writeVarString(encoder, news.voter)
    encoding.writeVarString(encoder, news.noteId)
    encoding.writeVarUint(encoder, news.dots)
  }
  return Buffer.from(encoding.toUint8Array(encoder))
}

function decodeNews(message: Uint8Array): { from: string; news: RoomNews } {
  const decoder = decoding.createDecoder(message)
  const type = decoding.readVarUint(decoder)
  const from = decoding.readVarString(decoder)
  if (type === NEWS_TYPE.update) {
    const seq = decoding.readVarUint(decoder)
    return { from, news: { kind: 'update', seq, update: decoding.readVarUint8Array(decoder) } }
  }
  if (type === NEWS_TYPE.presence)
    return { from, news: { kind: 'presence', update: decoding.readVarUint8Array(decoder) } }
  if (type === NEWS_TYPE['presence-query']) return { from, news: { kind: 'presence-query' } }
  if (type === NEWS_TYPE.dots) {
    const voter = decoding.readVarString(decoder)
    const noteId = decoding.readVarString(decoder)
    return { from, news: { kind: 'dots', voter, noteId, dots: decoding.readVarUint(decoder) } }
  }
  throw new Error(`unknown cluster message type ${type}`)
}

export interface ClusterBus {
  readonly relayId: string
  /** The client for shared state (rate limits); it fails fast rather than queue while Redis is away. */
  readonly redis: Redis
  /** Starts hearing a doc's news; resolves once subscribed, so nothing published after is missed. */
  follow(roomKey: string): Promise<void>
  unfollow(roomKey: string): void
  tell(roomKey: string, news: RoomNews): void
  announce(event: BoardEvent): void
  close(): Promise<void>
}

export async function openClusterBus(
  settings: ClusterSettings,
  handlers: ClusterHandlers,
  log: Logger,
): Promise<ClusterBus> {
  const relayId = randomUUID()
  const roomChannel = (roomKey: string) => `${settings.prefix}:room:${roomKey}`
  const roomPrefix = `${settings.prefix}:room:`
  const eventsChannel = `${settings.prefix}:events`
  const beatsChannel = `${settings.prefix}:beats`
  // Publishing while Redis is away fails at once: the database has everything, and waiting would
  // only deliver stale news late.
  const redis = new Redis(settings.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true })
  const subscriber = new Redis(settings.url, { lazyConnect: true, maxRetriesPerRequest: null })
  redis.on('error', (error) => log.debug({ err: error }, 'redis connection error'))
  subscriber.on('error', (error) => log.debug({ err: error }, 'redis subscriber error'))
  await Promise.all([redis.connect(), subscriber.connect()])

  const lastBeat = new Map<string, number>()
  let lostConnection = false
  let closing = false
  subscriber.on('close', () => {
    if (closing) return
    if (!lostConnection) log.warn('lost the connection to redis; relays fall back to the database until it is back')
    lostConnection = true
  })
  subscriber.on('ready', () => {
    if (!lostConnection) return
    lostConnection = false
    log.info('connected to redis again; reading what was missed from the database')
    // Relays are heard anew from here on; none counts as gone for the break.
    for (const relay of lastBeat.keys()) lastBeat.set(relay, Date.now())
    handlers.reconnected()
  })

  subscriber.on('messageBuffer', (channelBuffer: Buffer, message: Buffer) => {
    const channel = channelBuffer.toString()
    try {
      if (channel === beatsChannel) {
        const [kind, from] = message.toString().split(' ')
        if (!from || from === relayId) return
        if (kind === 'bye') {
          lastBeat.delete(from)
          handlers.relayGone(from)
        } else {
          lastBeat.set(from, Date.now())
        }
      } else if (channel === eventsChannel) {
        handlers.boardEvent(JSON.parse(message.toString()) as BoardEvent)
      } else if (channel.startsWith(roomPrefix)) {
        const { from, news } = decodeNews(message)
        if (from !== relayId) handlers.room(channel.slice(roomPrefix.length), from, news)
      }
    } catch (error) {
      log.error({ err: error, channel }, 'a cluster message could not be handled')
    }
  })
  await subscriber.subscribe(eventsChannel, beatsChannel)

  const publish = (channel: string, message: Buffer | string) => {
    redis.publish(channel, message).catch((error: unknown) => {
      log.debug({ err: error, channel }, 'could not publish; the other relays read it from the database')
    })
  }
  const beat = () => {
    publish(beatsChannel, `beat ${relayId}`)
    const deadline = Date.now() - settings.heartbeatMs * settings.missedBeats
    if (lostConnection) return
    for (const [relay, at] of lastBeat) {
      if (at >= deadline) continue
      lastBeat.delete(relay)
      log.warn({ relay }, 'a relay stopped answering; dropping its presence')
      handlers.relayGone(relay)
    }
  }
  const beating = setInterval(beat, settings.heartbeatMs)
  beating.unref()
  beat()

  return {
    relayId,
    redis,
    async follow(roomKey) {
      await subscriber.subscribe(roomChannel(roomKey))
    },
    unfollow(roomKey) {
      subscriber.unsubscribe(roomChannel(roomKey)).catch(() => undefined)
    },
    tell(roomKey, news) {
      publish(roomChannel(roomKey), encodeNews(relayId, news))
    },
    announce(event) {
      publish(eventsChannel, JSON.stringify(event))
    },
    async close() {
      closing = true
      clearInterval(beating)
      await redis.publish(beatsChannel, `bye ${relayId}`).catch(() => undefined)
      subscriber.disconnect()
      redis.disconnect()
    },
  }
}
