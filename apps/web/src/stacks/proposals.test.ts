import { addNote, confirmStack, dismissStack, initBoard, listNotes, mergeBoards } from '@samla/board'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { findProposals } from './proposals'

function board(title: string, texts: readonly string[]) {
  const doc = new Y.Doc()
  initBoard(doc, { title, now: 1 })
  for (const [i, text] of texts.entries()) addNote(doc, { x: i * 200, y: 0, text })
  return {
    boardId: title
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .padEnd(22, '0'),
    title,
    anonymous: false,
    doc,
  }
}

/** A board merged from Kiruna's and Luleå's, with the ids of its copies by text. */
function merged() {
  const target = new Y.Doc()
  initBoard(target, { title: 'Norrbotten', now: 1 })
  const kiruna = board('Kiruna', ['Fler cykelbanor', 'Billigare bussar', 'Fler cykelbanor!'])
  const lulea = board('Luleå', ['fler cykelbanor', 'Bättre skolmat', 'Billigare buss'])
  mergeBoards(target, [kiruna, lulea], { keepAuthorNames: false })
  addNote(target, { x: 0, y: 2000, text: 'Fler cykelbanor' })
  const idsOf = (text: string) =>
    listNotes(target)
      .filter((note) => note.text === text)
      .map((note) => note.id)
  return { target, idsOf }
}

const texts = (doc: Y.Doc, ids: readonly string[]) =>
  ids.map((id) => listNotes(doc).find((note) => note.id === id)?.text).sort()

describe('[WZ2] stacks proposed on a merged board', () => {
  it('proposes near-duplicates copied from different boards, never notes of this board itself', () => {
    const { target } = merged()
    const found = findProposals(target, 'sv').map((proposal) => texts(target, proposal.noteIds))
    expect(found).toEqual(
      expect.arrayContaining([
        ['Fler cykelbanor', 'Fler cykelbanor!', 'fler cykelbanor'],
        ['Billigare buss', 'Billigare bussar'],
      ]),
    )
    expect(found).toHaveLength(2)
  })

  it('leaves out dismissed proposals and notes already in a confirmed stack', () => {
    const { target, idsOf } = merged()
    const [cycling, buses] = findProposals(target, 'sv').sort((a, b) => b.noteIds.length - a.noteIds.length)
    dismissStack(target, buses?.noteIds ?? [])
    expect(findProposals(target, 'sv').map((proposal) => proposal.id)).toEqual([cycling?.id])
    confirmStack(target, cycling?.noteIds ?? [])
    expect(findProposals(target, 'sv')).toEqual([])
    expect(idsOf('Fler cykelbanor')).toHaveLength(2)
  })

  it('does not propose duplicates that all came from one board', () => {
    const target = new Y.Doc()
    initBoard(target, { title: 'Kiruna igen', now: 1 })
    mergeBoards(target, [board('Kiruna', ['Fler cykelbanor', 'fler cykelbanor']), board('Luleå', ['Skolmat'])], {
      keepAuthorNames: false,
    })
    expect(findProposals(target, 'sv')).toEqual([])
  })
})
