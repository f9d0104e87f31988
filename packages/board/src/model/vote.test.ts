import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ballotsInDoc, clearBallotsInDoc } from './ballots-in-doc.js'
import { closeVote, readControl, revealVotes, startVote, type VoteSettings } from './control.js'
import { deleteNotes, moveNotes, setNoteText } from './note.js'
import { votesMap } from './schema.js'
import { type VoteTarget, voteTargets } from './stack.js'
import { add, countEvents, seededDoc } from './test-support.js'
import {
  type Ballot,
  ballotChange,
  countedDots,
  type DotChange,
  dotsSpent,
  refuseDot,
  tallyBallots,
  watchVoteTargets,
} from './vote.js'

const OPEN: VoteSettings = { budget: 3, capPerNote: 2, open: true, revealed: false, closed: false }
const everyNote = (noteId: string) => noteId
const noNote = () => null

const entries = (map: ReadonlyMap<string, number>) => Object.fromEntries(map)

/** What the relay does with an ask: refused, or the ballot with the note's dots after it. */
function ask(ballot: Ballot, change: DotChange, noteId: string, settings = OPEN, onBoard: VoteTarget = everyNote) {
  const refused = refuseDot(ballot, change, noteId, settings, onBoard)
  if (refused) return refused
  const next = new Map(ballot)
  for (const [id, dots] of ballotChange(ballot, change, noteId, onBoard)) {
    if (dots === 0) next.delete(id)
    else next.set(id, dots)
  }
  return next
}

describe('adding and taking back dots', () => {
  it('[VO1] a dot asked for is checked against the voter’s own ballot and adds one to the note', () => {
    let ballot: Ballot = new Map()
    for (const noteId of ['note-a', 'note-a', 'note-b']) {
      const next = ask(ballot, 'add', noteId)
      if (typeof next === 'string') throw new Error(next)
      ballot = next
    }
    expect(entries(ballot)).toEqual({ 'note-a': 2, 'note-b': 1 })
  })

  it('[VO5] taking back removes one dot (the entry goes at zero); taking back a dot not there is no change', () => {
    const ballot = new Map([['note-a', 2]])
    expect(ballotChange(ballot, 'remove', 'note-a', everyNote)).toEqual(new Map([['note-a', 1]]))
    expect(ask(new Map([['note-a', 1]]), 'remove', 'note-a')).toEqual(new Map())
    expect(refuseDot(ballot, 'remove', 'note-b', OPEN, everyNote)).toBeNull()
    expect(ballotChange(ballot, 'remove', 'note-b', everyNote).size).toBe(0)
    // Also for a note that is not on the board.
    expect(refuseDot(ballot, 'remove', 'note-gone', OPEN, noNote)).toBeNull()
    expect(ballotChange(ballot, 'remove', 'note-gone', noNote).size).toBe(0)
  })
})

describe('vote settings', () => {
  it('[VO2] dots are added and taken back only while the vote is open and not closed, checked first', () => {
    const ballot = new Map([['note-a', 1]])
    for (const change of ['add', 'remove'] as const) {
      expect(refuseDot(ballot, change, 'note-a', { ...OPEN, open: false }, everyNote)).toBe('vote-not-open')
      expect(refuseDot(ballot, change, 'note-a', { ...OPEN, closed: true }, everyNote)).toBe('vote-closed')
      expect(refuseDot(ballot, change, 'note-a', { ...OPEN, open: false, closed: true }, everyNote)).toBe(
        'vote-not-open',
      )
    }
    // Before the note is looked up and before the budget.
    expect(refuseDot(new Map([['x', 9]]), 'add', 'gone', { ...OPEN, closed: true }, noNote)).toBe('vote-closed')
  })

  it('[VO2][F5][F6] follows the control doc: no vote by default, open after startVote, frozen after closeVote', () => {
    const control = new Y.Doc()
    const settings = () => readControl(control).vote
    expect(refuseDot(new Map(), 'add', 'note-a', settings(), everyNote)).toBe('vote-not-open')
    startVote(control, { budget: 2, capPerNote: 1 })
    expect(refuseDot(new Map(), 'add', 'note-a', settings(), everyNote)).toBeNull()
    revealVotes(control)
    expect(refuseDot(new Map([['note-a', 1]]), 'add', 'note-a', settings(), everyNote)).toBe('vote-cap-reached')
    closeVote(control)
    expect(refuseDot(new Map([['note-a', 1]]), 'remove', 'note-a', settings(), everyNote)).toBe('vote-closed')
    startVote(control, { budget: 2, capPerNote: 2 })
    expect(refuseDot(new Map([['note-a', 1]]), 'add', 'note-a', settings(), everyNote)).toBeNull()
  })

  it('[VO3] a voter who has placed the whole budget gets vote-budget-spent, checked before the cap', () => {
    const spent = new Map([
      ['note-a', 2],
      ['note-b', 1],
    ])
    expect(dotsSpent(spent)).toBe(3)
    expect(refuseDot(spent, 'add', 'note-c', OPEN, everyNote)).toBe('vote-budget-spent')
    expect(refuseDot(spent, 'add', 'note-a', OPEN, everyNote)).toBe('vote-budget-spent')
    expect(refuseDot(new Map([['note-a', 2]]), 'add', 'note-c', OPEN, everyNote)).toBeNull()
  })

  it('[VO4] at most capPerNote dots from one voter on one note', () => {
    expect(refuseDot(new Map([['note-a', 2]]), 'add', 'note-a', OPEN, everyNote)).toBe('vote-cap-reached')
    expect(refuseDot(new Map([['note-a', 1]]), 'add', 'note-a', OPEN, everyNote)).toBeNull()
  })

  it('[VO8] a dot on a note that is not on the board is refused with note-not-found', () => {
    const { doc, ids } = seededDoc(1)
    const note = ids[0] as string
    expect(refuseDot(new Map(), 'add', note, OPEN, voteTargets(doc))).toBeNull()
    expect(refuseDot(new Map(), 'add', 'note-9999', OPEN, voteTargets(doc))).toBe('note-not-found')
    deleteNotes(doc, [note])
    expect(refuseDot(new Map(), 'add', note, OPEN, voteTargets(doc))).toBe('note-not-found')
  })
})

describe('counting', () => {
  it('[VO6] tallyBallots adds up every ballot by note; voters are the ballots with a counted dot', () => {
    const { doc, ids } = seededDoc(3)
    const [a, b, c] = ids as [string, string, string]
    const ballots = [new Map([[a, 1]]), new Map([[b, 2]]), new Map([[b, 1]]), new Map()]
    const { totals, voters } = tallyBallots(ballots, voteTargets(doc))
    expect(entries(totals)).toEqual({ [a]: 1, [b]: 3 })
    expect(totals.has(c)).toBe(false)
    expect(voters).toBe(3)
  })

  it('[VO6] dots on a deleted note leave the totals and go back to the voter’s budget', () => {
    const { doc, ids } = seededDoc(3)
    const [a, b, c] = ids as [string, string, string]
    const alice = new Map([
      [a, 2],
      [b, 1],
    ])
    const bob = new Map([[a, 1]])
    deleteNotes(doc, [a])
    const onBoard = voteTargets(doc)
    expect(entries(countedDots(alice, onBoard))).toEqual({ [b]: 1 })
    const { totals, voters } = tallyBallots([alice, bob], onBoard)
    expect(entries(totals)).toEqual({ [b]: 1 })
    expect(voters).toBe(1)
    expect(refuseDot(countedDots(alice, onBoard), 'add', c, OPEN, onBoard)).toBeNull()
  })

  it('[VO6] watchVoteTargets tells when notes come onto the board or leave it, not when one is edited', () => {
    const { doc, ids } = seededDoc(2)
    const [a, b] = ids as [string, string]
    let calls = 0
    const stop = watchVoteTargets(doc, () => calls++)
    setNoteText(doc, a, 'ny text')
    moveNotes(doc, [a, b], 5, 5)
    expect(calls).toBe(0)
    add(doc, { id: 'note-new1' })
    deleteNotes(doc, [a, b])
    expect(calls).toBe(2)
    stop()
    deleteNotes(doc, ['note-new1'])
    expect(calls).toBe(2)
  })

  it('[VO6][D3] dots that are not positive whole numbers are left out', () => {
    const ballot = new Map([
      ['note-a', 1],
      ['note-b', 1.5],
      ['note-c', 0],
      ['note-d', -2],
    ])
    expect(entries(countedDots(ballot, everyNote))).toEqual({ 'note-a': 1 })
    expect(tallyBallots([new Map([['note-d', -2]])], everyNote).voters).toBe(0)
  })
})

describe('ballots boards kept in the doc', () => {
  it('[VO7][D5] ballotsInDoc reads the well-formed ballots; clearBallotsInDoc empties the map in one transaction', () => {
    const { doc, ids } = seededDoc(2)
    const [a, b] = ids as [string, string]
    doc.transact(() => {
      votesMap(doc).set('voter-alice', new Y.Map<number>([[a, 2]]))
      votesMap(doc).set(
        'voter-bob1',
        new Y.Map<unknown>([
          [b, 1],
          [a, 1.5],
          ['no spaces allowed', 1],
        ]),
      )
      votesMap(doc).set('voter-nomap', 7)
      votesMap(doc).set('short', new Y.Map<number>([[a, 1]]))
      votesMap(doc).set('voter-empty', new Y.Map<number>([[a, 0]]))
    })
    expect(Object.fromEntries([...ballotsInDoc(doc)].map(([voter, ballot]) => [voter, entries(ballot)]))).toEqual({
      'voter-alice': { [a]: 2 },
      'voter-bob1': { [b]: 1 },
    })
    expect(countEvents(doc, () => clearBallotsInDoc(doc)).updates).toBe(1)
    expect(votesMap(doc).size).toBe(0)
    expect(ballotsInDoc(doc).size).toBe(0)
    expect(countEvents(doc, () => clearBallotsInDoc(doc)).updates).toBe(0)
  })
})
