import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { closeVote, readControl, revealVotes, startVote, type VoteSettings } from './control.js'
import { deleteNotes } from './note.js'
import { votesMap } from './schema.js'
import { countEvents, expectRejected, peerOf, seededDoc, sync } from './test-support.js'
import { addVote, removeVote, voterCount, votesOf, voteTotals } from './vote.js'

const OPEN: VoteSettings = { budget: 3, capPerNote: 2, open: true, revealed: false, closed: false }
const ALICE = 'voter-alice'
const BOB = 'voter-bob1'

const entries = (map: Map<string, number>) => Object.fromEntries(map)

describe('adding and removing dots', () => {
  it('[VO1][D5] addVote adds one dot in one transaction, in a map of the voter’s own', () => {
    const { doc, ids } = seededDoc(2)
    const [a, b] = ids as [string, string]
    expect(countEvents(doc, () => addVote(doc, ALICE, a, OPEN)).updates).toBe(1)
    addVote(doc, ALICE, a, OPEN)
    addVote(doc, ALICE, b, OPEN)
    expect(entries(votesOf(doc, ALICE))).toEqual({ [a]: 2, [b]: 1 })
    expect(votesMap(doc).toJSON()).toEqual({ [ALICE]: { [a]: 2, [b]: 1 } })
    expect(entries(votesOf(doc, BOB))).toEqual({})
  })

  it('[VO1] two voters voting at once on one note both count, on every peer', () => {
    const { doc, ids } = seededDoc(1)
    const note = ids[0] as string
    const peer = peerOf(doc, 2)
    addVote(doc, ALICE, note, OPEN)
    addVote(peer, BOB, note, OPEN)
    addVote(peer, BOB, note, OPEN)
    sync(doc, peer)
    sync(peer, doc)
    for (const d of [doc, peer]) {
      expect(entries(voteTotals(d))).toEqual({ [note]: 3 })
      expect(voterCount(d)).toBe(2)
    }
  })

  it('[VO5] removeVote takes one dot off; the entry goes at zero; with no dot there it does nothing', () => {
    const { doc, ids } = seededDoc(2)
    const [a, b] = ids as [string, string]
    addVote(doc, ALICE, a, OPEN)
    addVote(doc, ALICE, a, OPEN)
    expect(countEvents(doc, () => removeVote(doc, ALICE, a, OPEN)).updates).toBe(1)
    expect(entries(votesOf(doc, ALICE))).toEqual({ [a]: 1 })
    removeVote(doc, ALICE, a, OPEN)
    expect(votesMap(doc).get(ALICE)?.has(a)).toBe(false)
    expect(voterCount(doc)).toBe(0)
    for (const noteId of [a, b, 'note-unknown']) {
      expect(countEvents(doc, () => removeVote(doc, ALICE, noteId, OPEN)).updates).toBe(0)
    }
    expect(countEvents(doc, () => removeVote(doc, BOB, a, OPEN)).updates).toBe(0)
  })
})

describe('vote settings', () => {
  it('[VO2] dots can be added and removed only while the vote is open and not closed', () => {
    const { doc, ids } = seededDoc(1)
    const note = ids[0] as string
    addVote(doc, ALICE, note, OPEN)
    for (const settings of [
      { ...OPEN, open: false },
      { ...OPEN, closed: true },
      { ...OPEN, open: false, closed: true },
    ]) {
      expectRejected(doc, 'vote-not-open', () => addVote(doc, ALICE, note, settings))
      expectRejected(doc, 'vote-not-open', () => removeVote(doc, ALICE, note, settings))
    }
    // Checked first, before the ids.
    expectRejected(doc, 'vote-not-open', () => addVote(doc, 'bad', 'bad', { ...OPEN, open: false }))
  })

  it('[VO2][F5][F6] follows the control doc: no vote by default, open after startVote, frozen after closeVote', () => {
    const { doc, ids } = seededDoc(1)
    const note = ids[0] as string
    const control = new Y.Doc()
    expectRejected(doc, 'vote-not-open', () => addVote(doc, ALICE, note, readControl(control).vote))
    startVote(control, { budget: 2, capPerNote: 1 })
    addVote(doc, ALICE, note, readControl(control).vote)
    revealVotes(control)
    expectRejected(doc, 'vote-cap-reached', () => addVote(doc, ALICE, note, readControl(control).vote))
    closeVote(control)
    expectRejected(doc, 'vote-not-open', () => removeVote(doc, ALICE, note, readControl(control).vote))
    startVote(control, { budget: 2, capPerNote: 2 })
    addVote(doc, ALICE, note, readControl(control).vote)
    expect(entries(votesOf(doc, ALICE))).toEqual({ [note]: 2 })
  })

  it('[VO3] a voter who has placed the whole budget gets vote-budget-spent, checked before the cap', () => {
    const { doc, ids } = seededDoc(3)
    const [a, b, c] = ids as [string, string, string]
    addVote(doc, ALICE, a, OPEN)
    addVote(doc, ALICE, a, OPEN)
    addVote(doc, ALICE, b, OPEN)
    expectRejected(doc, 'vote-budget-spent', () => addVote(doc, ALICE, c, OPEN))
    expectRejected(doc, 'vote-budget-spent', () => addVote(doc, ALICE, a, OPEN))
    // Other voters have budgets of their own.
    addVote(doc, BOB, c, OPEN)
    removeVote(doc, ALICE, b, OPEN)
    addVote(doc, ALICE, c, OPEN)
    expect(entries(votesOf(doc, ALICE))).toEqual({ [a]: 2, [c]: 1 })
  })

  it('[VO4] at most capPerNote dots from one voter on one note', () => {
    const { doc, ids } = seededDoc(2)
    const [a, b] = ids as [string, string]
    addVote(doc, ALICE, a, OPEN)
    addVote(doc, ALICE, a, OPEN)
    expectRejected(doc, 'vote-cap-reached', () => addVote(doc, ALICE, a, OPEN))
    addVote(doc, ALICE, b, OPEN)
    addVote(doc, BOB, a, OPEN)
    addVote(doc, BOB, a, OPEN)
    expect(entries(voteTotals(doc))).toEqual({ [a]: 4, [b]: 1 })
  })

  it('[VO8] malformed voter or note ids and notes not on the board are refused', () => {
    const { doc, ids } = seededDoc(1)
    const note = ids[0] as string
    expectRejected(doc, 'invalid-id', () => addVote(doc, 'short', note, OPEN))
    expectRejected(doc, 'invalid-id', () => addVote(doc, ALICE, 'no spaces allowed', OPEN))
    expectRejected(doc, 'invalid-id', () => removeVote(doc, '', note, OPEN))
    expectRejected(doc, 'invalid-id', () => removeVote(doc, ALICE, 'x'.repeat(65), OPEN))
    expectRejected(doc, 'note-not-found', () => addVote(doc, ALICE, 'note-9999', OPEN))
    deleteNotes(doc, [note])
    expectRejected(doc, 'note-not-found', () => addVote(doc, ALICE, note, OPEN))
  })
})

describe('counting', () => {
  it('[VO6] voteTotals adds up all voters; voterCount counts voters with at least one dot', () => {
    const { doc, ids } = seededDoc(3)
    const [a, b, c] = ids as [string, string, string]
    expect(entries(voteTotals(doc))).toEqual({})
    expect(voterCount(doc)).toBe(0)
    addVote(doc, ALICE, a, OPEN)
    addVote(doc, ALICE, b, OPEN)
    addVote(doc, BOB, b, OPEN)
    addVote(doc, BOB, b, OPEN)
    expect(entries(voteTotals(doc))).toEqual({ [a]: 1, [b]: 3 })
    expect(voteTotals(doc).has(c)).toBe(false)
    expect(voterCount(doc)).toBe(2)
  })

  it('[VO6] dots on a deleted note leave the totals and go back to the voter’s budget', () => {
    const { doc, ids } = seededDoc(3)
    const [a, b, c] = ids as [string, string, string]
    addVote(doc, ALICE, a, OPEN)
    addVote(doc, ALICE, a, OPEN)
    addVote(doc, ALICE, b, OPEN)
    addVote(doc, BOB, a, OPEN)
    deleteNotes(doc, [a])
    expect(entries(voteTotals(doc))).toEqual({ [b]: 1 })
    expect(entries(votesOf(doc, ALICE))).toEqual({ [b]: 1 })
    expect(voterCount(doc)).toBe(1)
    addVote(doc, ALICE, c, OPEN)
    addVote(doc, ALICE, c, OPEN)
    expect(entries(votesOf(doc, ALICE))).toEqual({ [b]: 1, [c]: 2 })
    expectRejected(doc, 'vote-budget-spent', () => addVote(doc, ALICE, b, OPEN))
  })

  it('[VO6][D3] entries a peer mistyped (zero, negative, fractional, text) are left out', () => {
    const { doc, ids } = seededDoc(2)
    const [a, b] = ids as [string, string]
    addVote(doc, ALICE, a, OPEN)
    const map = votesMap(doc).get(ALICE)
    doc.transact(() => {
      map?.set(b, 1.5)
      map?.set('note-0003', 0)
      votesMap(doc).set(BOB, new Y.Map<number>([[a, -2]]))
    })
    expect(entries(votesOf(doc, ALICE))).toEqual({ [a]: 1 })
    expect(entries(voteTotals(doc))).toEqual({ [a]: 1 })
    expect(voterCount(doc)).toBe(1)
  })

  it('[VO7] totals are in the board doc whatever the reveal state: hiding them is up to the UI', () => {
    const { doc, ids } = seededDoc(1)
    const note = ids[0] as string
    const control = new Y.Doc()
    startVote(control, { budget: 1, capPerNote: 1 })
    addVote(doc, ALICE, note, readControl(control).vote)
    expect(readControl(control).vote.revealed).toBe(false)
    const participant = peerOf(doc, 9)
    expect(entries(voteTotals(participant))).toEqual({ [note]: 1 })
  })
})
