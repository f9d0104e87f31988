/** Tests for what each phase lets each role do. */
import { type ControlState, readControl } from '@samla/board'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { toolsFor } from './phaseTools'

function control(changes: Partial<ControlState>): ControlState {
  return { ...readControl(new Y.Doc()), ...changes }
}

const openVote = { budget: 5, capPerNote: 3, open: true, revealed: false, closed: false }

describe('toolsFor', () => {
  it('lets participants write in the write phase only', () => {
    expect(toolsFor('participant', control({ phase: 'write' }))).toEqual({
      addNotes: true,
      cluster: false,
      vote: false,
    })
    expect(toolsFor('participant', control({ phase: 'cluster' })).addNotes).toBe(false)
    expect(toolsFor('participant', control({ phase: 'discuss' }))).toEqual({
      addNotes: false,
      cluster: false,
      vote: false,
    })
  })

  it('lets participants cluster in the cluster phase unless the facilitator forbids it', () => {
    expect(toolsFor('participant', control({ phase: 'cluster' })).cluster).toBe(true)
    expect(toolsFor('participant', control({ phase: 'cluster', participantsMayCluster: false })).cluster).toBe(false)
  })

  it('offers voting only in the vote phase while a vote is open and not closed', () => {
    expect(toolsFor('participant', control({ phase: 'vote' })).vote).toBe(false)
    expect(toolsFor('participant', control({ phase: 'vote', vote: openVote })).vote).toBe(true)
    expect(toolsFor('participant', control({ phase: 'vote', vote: { ...openVote, closed: true } })).vote).toBe(false)
    expect(toolsFor('participant', control({ phase: 'discuss', vote: openVote })).vote).toBe(false)
  })

  it('keeps writing and clustering open for facilitators in every phase, even on a locked board', () => {
    for (const phase of ['write', 'cluster', 'vote', 'discuss'] as const) {
      const tools = toolsFor('facilitator', control({ phase, locked: true, participantsMayCluster: false }))
      expect([tools.addNotes, tools.cluster]).toEqual([true, true])
    }
  })

  it('gives viewers and participants on a locked board nothing', () => {
    const none = { addNotes: false, cluster: false, vote: false }
    expect(toolsFor('viewer', control({ phase: 'vote', vote: openVote }))).toEqual(none)
    expect(toolsFor('participant', control({ locked: true, phase: 'vote', vote: openVote }))).toEqual(none)
  })
})
