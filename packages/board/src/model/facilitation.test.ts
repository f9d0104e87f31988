import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addTime,
  closeVote,
  createControlReader,
  PHASES,
  type Phase,
  pauseTimer,
  readControl,
  resetTimer,
  revealPrivateNotes,
  revealVotes,
  setAnonymous,
  setParticipantsMayCluster,
  setPhase,
  setJoinToken,
  setPrivateMode,
  setResultsOnBoard,
  setTimer,
  startTimer,
  startVote,
  timerRemaining,
} from './control.js'
import { BoardError } from './errors.js'
import { formatJoinCode, isJoinCode, JOIN_CODE_ALPHABET, joinCodeFrom, normaliseJoinCode } from './join-code.js'
import { MAX_VOTE_BUDGET } from './limits.js'
import { countEvents, expectRejected } from './test-support.js'

const DAY = 24 * 60 * 60_000
const control = () => new Y.Doc()
const timer = (doc: Y.Doc) => readControl(doc).timer

describe('control state', () => {
  it('[F1][D6] a new control doc reads as the defaults', () => {
    expect(readControl(control())).toEqual({
      locked: false,
      phase: 'write',
      anonymous: false,
      participantsMayCluster: true,
      privateMode: false,
      revealCount: 0,
      vote: { budget: 5, capPerNote: 3, open: false, revealed: false, closed: false },
      timer: { durationMs: 300_000, endsAt: null, remainingMs: 300_000 },
      joinToken: null,
      joinCode: null,
      resultsOnBoard: false,
    })
  })

  it('[F1][D3] mistyped fields a peer wrote read as the defaults', () => {
    const doc = control()
    const map = doc.getMap('control')
    map.set('phase', 'brainstorm')
    map.set('revealCount', '3')
    map.set('anonymous', 'true')
    map.set('participantsMayCluster', 0)
    map.set('vote', 7)
    map.set('timer', null)
    map.set('joinToken', 'not a token <script>')
    map.set('joinCode', 'k7m4-pq2x')
    map.set('resultsOnBoard', 'yes')
    const defaults = readControl(control())
    expect(readControl(doc)).toEqual({ ...defaults, participantsMayCluster: true })
    map.set('participantsMayCluster', false)
    expect(readControl(doc).participantsMayCluster).toBe(false)
  })

  it('[F9] the join screen carries the participant token until taken away; results on the board is a boolean', () => {
    const doc = control()
    const token = 'v1.AAAAAAAAAAAAAAAAAAAAAA.participant.0.abc_-DEF'
    expect(countEvents(doc, () => setJoinToken(doc, token)).transactions).toBe(1)
    expect(readControl(doc).joinToken).toBe(token)
    expect(() => setJoinToken(doc, 'a token with spaces')).toThrow(BoardError)
    expect(readControl(doc).joinToken).toBe(token)
    setJoinToken(doc, null)
    expect(readControl(doc).joinToken).toBeNull()
    expect(doc.getMap('control').has('joinToken')).toBe(false)
    // The short code goes with the token, in the same transaction, and leaves with it.
    expect(countEvents(doc, () => setJoinToken(doc, token, 'K7M4PQ2X')).transactions).toBe(1)
    expect(readControl(doc)).toMatchObject({ joinToken: token, joinCode: 'K7M4PQ2X' })
    expect(() => setJoinToken(doc, token, 'K7M4-PQ2X')).toThrow(BoardError)
    expect(() => setJoinToken(doc, token, 'O0I1L2AB')).toThrow(BoardError)
    expect(readControl(doc).joinCode).toBe('K7M4PQ2X')
    setJoinToken(doc, token)
    expect(readControl(doc)).toMatchObject({ joinToken: token, joinCode: null })
    setJoinToken(doc, token, 'K7M4PQ2X')
    setJoinToken(doc, null)
    expect([...doc.getMap('control').keys()]).not.toContain('joinCode')
    expect(countEvents(doc, () => setResultsOnBoard(doc, true)).transactions).toBe(1)
    expect(readControl(doc).resultsOnBoard).toBe(true)
    setResultsOnBoard(doc, 'yes' as unknown as boolean)
    expect(readControl(doc).resultsOnBoard).toBe(false)
  })

  it('[F10] a join code is 8 characters of an alphabet without 0, O, 1, I; typed in any case, with or without its dash', () => {
    expect(JOIN_CODE_ALPHABET).toHaveLength(32)
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01OIl]/)
    const code = joinCodeFrom(new Uint8Array([0, 31, 32, 255, 7, 8, 100, 200]))
    expect(code).toBe('2Z2Z9A6A')
    expect(isJoinCode(code)).toBe(true)
    expect(formatJoinCode(code)).toBe('2Z2Z-9A6A')
    expect(normaliseJoinCode('2z2z-9a6a')).toBe(code)
    expect(normaliseJoinCode('2Z2Z9A6A')).toBe(code)
    for (const bad of ['2ZZZ-9AQ', '2ZZZ-9AQCD', 'O0I12345', '2ZZZ 9AQC', '']) expect(normaliseJoinCode(bad)).toBeNull()
    expect(() => joinCodeFrom(new Uint8Array(7))).toThrow(RangeError)
  })

  it('[F2] setPhase stores each phase in one transaction', () => {
    const doc = control()
    expect(PHASES).toEqual(['write', 'cluster', 'vote', 'discuss'])
    for (const phase of [...PHASES].reverse()) {
      expect(countEvents(doc, () => setPhase(doc, phase)).updates).toBe(1)
      expect(readControl(doc).phase).toBe(phase)
    }
  })

  it('[F2] an unknown phase is refused with invalid-phase', () => {
    const doc = control()
    setPhase(doc, 'vote')
    for (const bad of ['brainstorm', '', 'Write', undefined, null, 2]) {
      expectRejected(doc, 'invalid-phase', () => setPhase(doc, bad as Phase))
    }
    expect(readControl(doc).phase).toBe('vote')
  })

  it('[F3] anonymous, participantsMayCluster and privateMode are booleans set in one transaction each', () => {
    const doc = control()
    const flags = [
      [setAnonymous, 'anonymous'],
      [setParticipantsMayCluster, 'participantsMayCluster'],
      [setPrivateMode, 'privateMode'],
    ] as const
    for (const [set, key] of flags) {
      expect(countEvents(doc, () => set(doc, !readControl(doc)[key])).updates).toBe(1)
    }
    expect(readControl(doc)).toMatchObject({ anonymous: true, participantsMayCluster: false, privateMode: true })
    for (const [set, key] of flags) {
      set(doc, 'yes' as unknown as boolean)
      expect(readControl(doc)[key]).toBe(false)
    }
  })

  it('[F4] revealPrivateNotes ends private mode and bumps revealCount in one transaction', () => {
    const doc = control()
    setPrivateMode(doc, true)
    expect(countEvents(doc, () => revealPrivateNotes(doc)).updates).toBe(1)
    expect(readControl(doc)).toMatchObject({ privateMode: false, revealCount: 1 })
    revealPrivateNotes(doc)
    expect(readControl(doc)).toMatchObject({ privateMode: false, revealCount: 2 })
  })
})

describe('vote settings', () => {
  it('[F5] startVote opens a fresh vote with the given budget and cap', () => {
    const doc = control()
    startVote(doc, { budget: 4, capPerNote: 2 })
    revealVotes(doc)
    closeVote(doc)
    expect(countEvents(doc, () => startVote(doc, { budget: MAX_VOTE_BUDGET, capPerNote: 1 })).updates).toBe(1)
    expect(readControl(doc).vote).toEqual({
      budget: MAX_VOTE_BUDGET,
      capPerNote: 1,
      open: true,
      revealed: false,
      closed: false,
    })
    startVote(doc, { budget: 1, capPerNote: 1 })
    expect(readControl(doc).vote).toMatchObject({ budget: 1, capPerNote: 1 })
  })

  it('[F5] refuses budgets and caps that are not whole numbers in range, cap above budget included', () => {
    const doc = control()
    startVote(doc, { budget: 5, capPerNote: 3 })
    const bad: [number, number][] = [
      [0, 1],
      [-1, 1],
      [MAX_VOTE_BUDGET + 1, 1],
      [2.5, 1],
      [Number.NaN, 1],
      [Number.POSITIVE_INFINITY, 1],
      [5, 0],
      [5, 6],
      [5, 1.5],
      [5, Number.NaN],
      ['5' as unknown as number, 1],
      [5, undefined as unknown as number],
    ]
    for (const [budget, capPerNote] of bad) {
      expectRejected(doc, 'invalid-number', () => startVote(doc, { budget, capPerNote }))
    }
  })

  it('[F6] revealVotes and closeVote each set their flag and keep the rest', () => {
    const doc = control()
    startVote(doc, { budget: 6, capPerNote: 2 })
    revealVotes(doc)
    expect(readControl(doc).vote).toEqual({ budget: 6, capPerNote: 2, open: true, revealed: true, closed: false })
    closeVote(doc)
    expect(readControl(doc).vote).toEqual({ budget: 6, capPerNote: 2, open: true, revealed: true, closed: true })
  })
})

describe('timer', () => {
  it('[F7] start, pause, resume, add time, run out and reset, with an explicit clock', () => {
    const doc = control()
    setTimer(doc, 60_000)
    expect(timer(doc)).toEqual({ durationMs: 60_000, endsAt: null, remainingMs: 60_000 })
    expect(timerRemaining(timer(doc), 123_456)).toBe(60_000)

    startTimer(doc, 1_000)
    expect(timer(doc).endsAt).toBe(61_000)
    expect(timerRemaining(timer(doc), 31_000)).toBe(30_000)
    expect(countEvents(doc, () => startTimer(doc, 5_000)).updates).toBe(0)

    pauseTimer(doc, 31_000)
    expect(timer(doc)).toEqual({ durationMs: 60_000, endsAt: null, remainingMs: 30_000 })
    expect(timerRemaining(timer(doc), 999_999)).toBe(30_000)
    expect(countEvents(doc, () => pauseTimer(doc, 40_000)).updates).toBe(0)

    startTimer(doc, 40_000)
    addTime(doc, 10_000, 50_000)
    expect(timer(doc)).toEqual({ durationMs: 70_000, endsAt: 80_000, remainingMs: 30_000 })
    expect(timerRemaining(timer(doc), 50_000)).toBe(30_000)
    expect(timerRemaining(timer(doc), 80_000)).toBe(0)
    expect(timerRemaining(timer(doc), 10 * DAY)).toBe(0)

    pauseTimer(doc, 90_000)
    expect(timer(doc)).toEqual({ durationMs: 70_000, endsAt: null, remainingMs: 0 })
    expect(countEvents(doc, () => startTimer(doc, 95_000)).updates).toBe(0)

    resetTimer(doc)
    expect(timer(doc)).toEqual({ durationMs: 70_000, endsAt: null, remainingMs: 70_000 })
  })

  it('[F7] adding time to a paused timer keeps it paused; to a run-out running one restarts it from now', () => {
    const doc = control()
    setTimer(doc, 5_000)
    addTime(doc, 1_000, 0)
    expect(timer(doc)).toEqual({ durationMs: 6_000, endsAt: null, remainingMs: 6_000 })
    startTimer(doc, 0)
    addTime(doc, 2_000, 10_000)
    expect(timer(doc)).toEqual({ durationMs: 8_000, endsAt: 12_000, remainingMs: 2_000 })
  })

  it('[F7] setTimer pauses at the new duration; time added is capped at 24 hours', () => {
    const doc = control()
    setTimer(doc, 60_000)
    startTimer(doc, 0)
    setTimer(doc, DAY)
    expect(timer(doc)).toEqual({ durationMs: DAY, endsAt: null, remainingMs: DAY })
    addTime(doc, 60_000, 0)
    expect(timer(doc)).toEqual({ durationMs: DAY, endsAt: null, remainingMs: DAY })
    setTimer(doc, 1_000)
    expect(timerRemaining(timer(doc), 0)).toBe(1_000)
  })

  it('[F7] timerRemaining is never negative', () => {
    const running = { durationMs: 1_000, endsAt: 5_000, remainingMs: 1_000 }
    for (const now of [5_000, 5_001, 1e12, Number.MAX_SAFE_INTEGER]) expect(timerRemaining(running, now)).toBe(0)
    expect(timerRemaining(running, 4_000)).toBe(1_000)
  })

  it('[F7] durations and added time outside 1 s … 24 h, or not whole milliseconds, are refused', () => {
    const doc = control()
    setTimer(doc, 90_000)
    for (const bad of [999, 0, -1_000, DAY + 1, 1_500.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expectRejected(doc, 'invalid-number', () => setTimer(doc, bad))
      expectRejected(doc, 'invalid-number', () => addTime(doc, bad, 0))
    }
    expectRejected(doc, 'invalid-number', () => setTimer(doc, '60000' as unknown as number))
  })

  it('[F8] a clock reading that is not a finite, non-negative number is refused', () => {
    const doc = control()
    setTimer(doc, 60_000)
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -1, undefined as unknown as number]) {
      expectRejected(doc, 'invalid-number', () => startTimer(doc, bad))
      expectRejected(doc, 'invalid-number', () => addTime(doc, 1_000, bad))
    }
    startTimer(doc, 1_000)
    for (const bad of [Number.NaN, Number.NEGATIVE_INFINITY, -5]) {
      expectRejected(doc, 'invalid-number', () => pauseTimer(doc, bad))
    }
    expect(timer(doc).endsAt).toBe(61_000)
  })
})

describe('control reader', () => {
  it('[K2] vote and timer changes give a new snapshot and wake subscribers once per transaction', () => {
    const doc = control()
    const reader = createControlReader(doc)
    let calls = 0
    const unsubscribe = reader.subscribeControl(() => calls++)
    const first = reader.getControl()
    startVote(doc, { budget: 3, capPerNote: 1 })
    expect(calls).toBe(1)
    const second = reader.getControl()
    expect(second).not.toBe(first)
    expect(second.vote.open).toBe(true)
    revealPrivateNotes(doc)
    expect(calls).toBe(2)
    expect(reader.getControl().revealCount).toBe(1)
    unsubscribe()
    setTimer(doc, 2_000)
    expect(calls).toBe(2)
    expect(reader.getControl().timer.durationMs).toBe(2_000)
    reader.destroy()
  })
})
