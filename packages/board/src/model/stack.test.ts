/** Stacks of near-duplicates that count as one note in the vote (SPEC [BS*]). */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { exportBoardJson, importBoardJson } from '../exchange/board-json.js'
import type { VoteSettings } from './control.js'
import { invalidEntries } from './entry-rules.js'
import { deleteNotes } from './note.js'
import { confirmStack, dismissStack, readStacks, removeStack, stackId, voteTargets } from './stack.js'
import { add, newDoc, peerOf, seededDoc, sync } from './test-support.js'
import { checkUpdate, type Writer } from './update-check.js'
import { ballotChange, countedDots, refuseDot, tallyBallots, watchVoteTargets } from './vote.js'

const OPEN: VoteSettings = { budget: 5, capPerNote: 2, open: true, revealed: false, closed: false }
const entries = (map: ReadonlyMap<string, number>) => Object.fromEntries(map)

describe('[BS] stacks', () => {
  it('[BS1] a stack’s id depends on its notes alone, in any order; confirming twice writes one entry', () => {
    const { doc, ids } = seededDoc(3)
    const [a, b, c] = ids as [string, string, string]
    expect(stackId([a, b, c])).toBe(stackId([c, a, b]))
    expect(stackId([a, b])).not.toBe(stackId([a, c]))
    confirmStack(doc, [a, b, c])
    confirmStack(doc, [c, b, a])
    expect(doc.getMap('stacks').size).toBe(1)
    expect(readStacks(doc).confirmed.map((stack) => stack.noteIds)).toEqual([[c, b, a]])
    expect(invalidEntries(doc).size).toBe(0)
  })

  it('[BS2] a confirmed stack counts as one note: dots add up on its first note, its cap is the stack’s', () => {
    const { doc, ids } = seededDoc(4)
    const [a, b, c, d] = ids as [string, string, string, string]
    const alice = new Map([
      [a, 1],
      [b, 1],
      [d, 1],
    ])
    const bob = new Map([[c, 2]])
    confirmStack(doc, [a, b, c])
    const target = voteTargets(doc)
    expect(target(b)).toBe(a)
    expect(target(d)).toBe(d)
    expect(entries(countedDots(alice, target))).toEqual({ [a]: 2, [d]: 1 })
    expect(entries(tallyBallots([alice, bob], target).totals)).toEqual({ [a]: 4, [d]: 1 })
    // Two dots on the stack already: a third on any of its notes passes the cap of two.
    expect(refuseDot(countedDots(alice, target), 'add', c, OPEN, target)).toBe('vote-cap-reached')
    expect(refuseDot(countedDots(alice, target), 'add', d, OPEN, target)).toBeNull()
  })

  it('[BS3] a change to a stack’s dots gathers them on the note they count on', () => {
    const { doc, ids } = seededDoc(3)
    const [a, b, c] = ids as [string, string, string]
    confirmStack(doc, [a, b, c])
    const target = voteTargets(doc)
    const ballot = new Map([
      [b, 1],
      [c, 1],
    ])
    expect(entries(ballotChange(ballot, 'remove', c, target))).toEqual({ [b]: 0, [c]: 0, [a]: 1 })
    expect(entries(ballotChange(ballot, 'add', a, target))).toEqual({ [b]: 0, [c]: 0, [a]: 3 })
    expect(ballotChange(new Map(), 'remove', b, target).size).toBe(0)
  })

  it('[BS4] when a stack’s first note is deleted its dots count on the next; a stack down to one note is that note', () => {
    const { doc, ids } = seededDoc(3)
    const [a, b, c] = ids as [string, string, string]
    const stack = confirmStack(doc, [a, b, c])
    const ballot = new Map([
      [a, 1],
      [b, 1],
    ])
    deleteNotes(doc, [a])
    expect(entries(countedDots(ballot, voteTargets(doc)))).toEqual({ [b]: 2 })
    deleteNotes(doc, [b])
    expect(voteTargets(doc)(c)).toBe(c)
    expect(entries(countedDots(ballot, voteTargets(doc)))).toEqual({ [c]: 2 })
    // Taken back, the stack's deleted notes hold their dots again, and deleted notes count for nothing.
    removeStack(doc, stack)
    expect(entries(countedDots(ballot, voteTargets(doc)))).toEqual({})
  })

  it('[BS5] dismissed proposals and taken-back stacks do not count; dismissals are kept so they are not proposed again', () => {
    const { doc, ids } = seededDoc(3)
    const [a, b, c] = ids as [string, string, string]
    const dismissed = dismissStack(doc, [a, b])
    expect(readStacks(doc).dismissed.has(dismissed)).toBe(true)
    expect(voteTargets(doc)(b)).toBe(b)
    const confirmed = confirmStack(doc, [b, c])
    expect(voteTargets(doc)(c)).toBe(b)
    removeStack(doc, confirmed)
    expect(voteTargets(doc)(c)).toBe(c)
    // Confirming a dismissed proposal after all turns the same entry into a stack.
    confirmStack(doc, [b, a])
    expect(readStacks(doc).dismissed.size).toBe(0)
    expect(voteTargets(doc)(a)).toBe(b)
  })

  it('[BS6] overlapping stacks confirmed at once by two facilitators leave every note in one stack at most', () => {
    const doc = newDoc(1)
    const [a, b, c, d] = [add(doc), add(doc), add(doc), add(doc)]
    const other = peerOf(doc, 2)
    const first = confirmStack(doc, [a, b])
    const second = confirmStack(other, [b, c, d])
    sync(doc, other)
    sync(other, doc)
    for (const side of [doc, other]) {
      const { confirmed, stackOf } = readStacks(side)
      const [earlier, later] = [first, second].sort()
      expect(confirmed[0]?.id).toBe(earlier)
      expect(new Set(confirmed.flatMap((stack) => stack.noteIds)).size).toBe(
        confirmed.reduce((sum, stack) => sum + stack.noteIds.length, 0),
      )
      expect(stackOf.get(b)?.id).toBe(earlier)
      // The later stack keeps what the earlier did not claim, while that is two notes or more.
      const kept = confirmed.find((stack) => stack.id === later)
      if (later === second) expect(kept?.noteIds).toEqual([c, d])
      else expect(kept).toBeUndefined()
    }
  })

  it('[BS7] malformed stacks are skipped by readers and found by the repair’s check', () => {
    const { doc, ids } = seededDoc(2)
    const [a, b] = ids as [string, string]
    doc.transact(() => {
      const stacks = doc.getMap('stacks')
      stacks.set(
        'stack-one-note',
        new Y.Map<unknown>([
          ['notes', [a]],
          ['dismissed', false],
        ]),
      )
      stacks.set(
        'stack-twice-a1',
        new Y.Map<unknown>([
          ['notes', [a, a]],
          ['dismissed', false],
        ]),
      )
      stacks.set(
        'stack-bad-ids1',
        new Y.Map<unknown>([
          ['notes', [a, 'no spaces']],
          ['dismissed', false],
        ]),
      )
      stacks.set('stack-no-flag1', new Y.Map<unknown>([['notes', [a, b]]]))
      stacks.set('stack-number-1', 7)
    })
    expect(readStacks(doc).confirmed).toEqual([])
    expect(voteTargets(doc)(b)).toBe(b)
    expect(invalidEntries(doc).get('stacks')?.sort()).toEqual(
      ['stack-bad-ids1', 'stack-number-1', 'stack-one-note', 'stack-twice-a1'].sort(),
    )
  })

  it('[BS8] a participant can neither confirm, dismiss nor take back a stack', () => {
    const { doc: live, ids } = seededDoc(2)
    const [a, b] = ids as [string, string]
    const writer: Writer = { participantId: 'me-0000000000000000000', anonymous: false }
    const judge = (change: (doc: Y.Doc) => void) => {
      const copy = new Y.Doc()
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(live))
      const before = Y.encodeStateVector(copy)
      change(copy)
      return checkUpdate(live, Y.encodeStateAsUpdate(copy, before), writer).kind
    }
    expect(judge((doc) => confirmStack(doc, [a, b]))).toBe('invalid')
    expect(judge((doc) => dismissStack(doc, [a, b]))).toBe('invalid')
    const id = confirmStack(live, [a, b])
    expect(judge((doc) => removeStack(doc, id))).toBe('invalid')
    expect(judge((doc) => (doc.getMap('stacks').get(id) as Y.Map<unknown>).set('dismissed', true))).toBe('invalid')
  })

  it('[BS10] a JSON export carries confirmed stacks and an import brings them back, with the same totals', () => {
    const { doc, ids } = seededDoc(3)
    const [a, b, c] = ids as [string, string, string]
    confirmStack(doc, [a, b])
    dismissStack(doc, [b, c])
    const ballots = [new Map([[b, 1]]), new Map([[a, 2]])]
    const exported = exportBoardJson(doc, ballots, 5)
    expect(exported.stacks).toEqual([[a, b]])
    const copy = new Y.Doc()
    const imported = importBoardJson(copy, JSON.parse(JSON.stringify(exported)))
    expect(readStacks(copy).confirmed.map((stack) => stack.noteIds)).toEqual([[a, b]])
    expect(entries(tallyBallots(imported.values(), voteTargets(copy)).totals)).toEqual({ [a]: 3 })
    for (const stacks of [[[a]], [[a, a]], [[a, 'note-not-on-board']], ['not a list']]) {
      expect(() => importBoardJson(new Y.Doc(), { ...exported, stacks })).toThrow(/stacks\[0\]/)
    }
  })

  it('[BS9] watchVoteTargets tells when a stack is confirmed or taken back', () => {
    const { doc, ids } = seededDoc(2)
    const [a, b] = ids as [string, string]
    let calls = 0
    const stop = watchVoteTargets(doc, () => calls++)
    const id = confirmStack(doc, [a, b])
    removeStack(doc, id)
    expect(calls).toBe(2)
    stop()
  })
})
