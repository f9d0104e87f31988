/**
 * The control doc: facilitator-only state of a board, kept in a second Y.Doc that only
 * facilitator connections may write (the relay enforces it): the lock, the phase, the timer,
 * the vote, silent (private) writing and its reveal, anonymous mode, and who may cluster.
 *
 *   controlDoc.getMap('control')  locked, phase, anonymous, participantsMayCluster,
 *                                 privateMode, revealCount, vote: {…}, timer: {…},
 *                                 joinToken, joinCode, resultsOnBoard
 *
 * The last three are for the projector: the participant link's token and its short join code while
 * the facilitator shows the join screen (a viewer cannot fetch them, and the room may see the link
 * then anyway), and whether the ranked results are shown on the board itself.
 */
import type * as Y from 'yjs'
import { BoardError } from './errors.js'
import { isJoinCode } from './join-code.js'
import { MAX_VOTE_BUDGET } from './limits.js'
import { checkTimestamp } from './validate.js'

export const PHASES = ['write', 'cluster', 'vote', 'discuss'] as const
export type Phase = (typeof PHASES)[number]

export interface VoteSettings {
  /** Dots each participant may place. */
  readonly budget: number
  /** Most dots one participant may place on one note. */
  readonly capPerNote: number
  readonly open: boolean
  /** Totals are shown to everyone, not just the facilitator. */
  readonly revealed: boolean
  /** Frozen: no more dots may be added or removed. */
  readonly closed: boolean
}

/** A countdown in relay-clock milliseconds: running when `endsAt` is set, else paused at `remainingMs`. */
export interface TimerState {
  readonly durationMs: number
  readonly endsAt: number | null
  readonly remainingMs: number
}

export interface ControlState {
  /** While locked, only facilitators may change the board. */
  readonly locked: boolean
  readonly phase: Phase
  /** New notes store no author at all. */
  readonly anonymous: boolean
  readonly participantsMayCluster: boolean
  /** Silent brainstorm: new notes stay on the writer's device until the reveal. */
  readonly privateMode: boolean
  /** Bumped by each reveal; a client publishes its private notes when it sees a new value. */
  readonly revealCount: number
  readonly vote: VoteSettings
  readonly timer: TimerState
  /** The participant link's token while the join screen is shown, else null. */
  readonly joinToken: string | null
  /** The participant link's short join code while the join screen is shown (when the relay gave one), else null. */
  readonly joinCode: string | null
  /** The ranked results are shown on the board (to those who may see the totals). */
  readonly resultsOnBoard: boolean
}

/** A link token's characters (base64url and dots), and far more than a real one's length. */
const TOKEN_SHAPE = /^[A-Za-z0-9._-]{1,512}$/

function readToken(value: unknown): string | null {
  return typeof value === 'string' && TOKEN_SHAPE.test(value) ? value : null
}

const NO_VOTE: VoteSettings = { budget: 5, capPerNote: 3, open: false, revealed: false, closed: false }
const NO_TIMER: TimerState = { durationMs: 5 * 60_000, endsAt: null, remainingMs: 5 * 60_000 }
const MAX_TIMER_MS = 24 * 60 * 60_000

function controlMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('control')
}

function record<T extends object>(value: unknown, fallback: T): T {
  return typeof value === 'object' && value !== null ? { ...fallback, ...(value as Partial<T>) } : fallback
}

export function readControl(doc: Y.Doc): ControlState {
  const map = controlMap(doc)
  const phase = map.get('phase')
  const revealCount = map.get('revealCount')
  return {
    locked: map.get('locked') === true,
    phase: (PHASES as readonly unknown[]).includes(phase) ? (phase as Phase) : 'write',
    anonymous: map.get('anonymous') === true,
    participantsMayCluster: map.get('participantsMayCluster') !== false,
    privateMode: map.get('privateMode') === true,
    revealCount: typeof revealCount === 'number' ? revealCount : 0,
    vote: record(map.get('vote'), NO_VOTE),
    timer: record(map.get('timer'), NO_TIMER),
    joinToken: readToken(map.get('joinToken')),
    joinCode: isJoinCode(map.get('joinCode')) ? (map.get('joinCode') as string) : null,
    resultsOnBoard: map.get('resultsOnBoard') === true,
  }
}

function set(doc: Y.Doc, key: string, value: unknown): void {
  doc.transact(() => controlMap(doc).set(key, value))
}

export const setLocked = (doc: Y.Doc, locked: boolean) => set(doc, 'locked', locked === true)
export const setAnonymous = (doc: Y.Doc, anonymous: boolean) => set(doc, 'anonymous', anonymous === true)
export const setParticipantsMayCluster = (doc: Y.Doc, allowed: boolean) =>
  set(doc, 'participantsMayCluster', allowed === true)
export const setPrivateMode = (doc: Y.Doc, on: boolean) => set(doc, 'privateMode', on === true)
export const setResultsOnBoard = (doc: Y.Doc, on: boolean) => set(doc, 'resultsOnBoard', on === true)

/**
 * Shows the join screen with the participant link's `token` and, when there is one, its short join
 * `code`; or (null) takes it away, leaving neither behind. Both change in one transaction.
 */
export function setJoinToken(doc: Y.Doc, token: string | null, code: string | null = null): void {
  if (token === null) {
    doc.transact(() => {
      controlMap(doc).delete('joinToken')
      controlMap(doc).delete('joinCode')
    })
    return
  }
  if (!TOKEN_SHAPE.test(token)) throw new BoardError('invalid-token', 'The join link is not a link token')
  if (code !== null && !isJoinCode(code)) throw new BoardError('invalid-token', 'The join code is not a join code')
  doc.transact(() => {
    controlMap(doc).set('joinToken', token)
    if (code === null) controlMap(doc).delete('joinCode')
    else controlMap(doc).set('joinCode', code)
  })
}

export function setPhase(doc: Y.Doc, phase: Phase): void {
  if (!PHASES.includes(phase)) throw new BoardError('invalid-phase', `Unknown phase ${JSON.stringify(phase)}`)
  set(doc, 'phase', phase)
}

/** Ends silent writing: every participant's private notes move onto the board. */
export function revealPrivateNotes(doc: Y.Doc): void {
  doc.transact(() => {
    controlMap(doc).set('privateMode', false)
    controlMap(doc).set('revealCount', readControl(doc).revealCount + 1)
  })
}

function checkWhole(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BoardError('invalid-number', `${name} must be a whole number from ${min} to ${max}`)
  }
  return value
}

export function startVote(doc: Y.Doc, settings: { budget: number; capPerNote: number }): void {
  const budget = checkWhole('budget', settings.budget, 1, MAX_VOTE_BUDGET)
  const capPerNote = checkWhole('capPerNote', settings.capPerNote, 1, budget)
  set(doc, 'vote', { budget, capPerNote, open: true, revealed: false, closed: false })
}

export const revealVotes = (doc: Y.Doc) => set(doc, 'vote', { ...readControl(doc).vote, revealed: true })
export const closeVote = (doc: Y.Doc) => set(doc, 'vote', { ...readControl(doc).vote, closed: true })

/** Time left on the timer at relay-clock time `now`. */
export function timerRemaining(timer: TimerState, now: number): number {
  return timer.endsAt === null ? timer.remainingMs : Math.max(0, timer.endsAt - now)
}

export function setTimer(doc: Y.Doc, durationMs: number): void {
  const duration = checkWhole('durationMs', durationMs, 1000, MAX_TIMER_MS)
  set(doc, 'timer', { durationMs: duration, endsAt: null, remainingMs: duration })
}

export function startTimer(doc: Y.Doc, now: number): void {
  checkTimestamp(now)
  const timer = readControl(doc).timer
  if (timer.endsAt !== null || timer.remainingMs <= 0) return
  set(doc, 'timer', { ...timer, endsAt: now + timer.remainingMs })
}

export function pauseTimer(doc: Y.Doc, now: number): void {
  checkTimestamp(now)
  const timer = readControl(doc).timer
  if (timer.endsAt === null) return
  set(doc, 'timer', { ...timer, endsAt: null, remainingMs: timerRemaining(timer, now) })
}

export function addTime(doc: Y.Doc, ms: number, now: number): void {
  checkWhole('ms', ms, 1000, MAX_TIMER_MS)
  checkTimestamp(now)
  const timer = readControl(doc).timer
  const remaining = Math.min(MAX_TIMER_MS, timerRemaining(timer, now) + ms)
  set(doc, 'timer', {
    durationMs: Math.min(MAX_TIMER_MS, timer.durationMs + ms),
    endsAt: timer.endsAt === null ? null : now + remaining,
    remainingMs: remaining,
  })
}

export function resetTimer(doc: Y.Doc): void {
  const { durationMs } = readControl(doc).timer
  set(doc, 'timer', { durationMs, endsAt: null, remainingMs: durationMs })
}

/** useSyncExternalStore-shaped access to the control state, with a stable snapshot between changes. */
export function createControlReader(doc: Y.Doc) {
  let snapshot: ControlState | null = null
  const listeners = new Set<() => void>()
  const onChange = () => {
    snapshot = null
    for (const listener of listeners) listener()
  }
  controlMap(doc).observe(onChange)
  return {
    getControl(): ControlState {
      snapshot ??= readControl(doc)
      return snapshot
    },
    subscribeControl(listener: () => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy(): void {
      controlMap(doc).unobserve(onChange)
      listeners.clear()
    },
  }
}

export type ControlReader = ReturnType<typeof createControlReader>
