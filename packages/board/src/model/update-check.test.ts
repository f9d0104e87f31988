/** Tests for judging a participant's update against the live board (SPEC [UC*]). */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mergeBoards } from '../exchange/merge.js'
import {
  assignToCluster,
  createCluster,
  deleteCluster,
  moveCluster,
  renameCluster,
  resizeCluster,
  setClusterCollapsed,
} from './cluster.js'
import { initBoard } from './meta.js'
import { addNote, bringToFront, deleteNotes, moveNotes, recolourNotes, resizeNote, setNoteText } from './note.js'
import { hashId } from './sha256.js'
import { checkUpdate, type Writer } from './update-check.js'

const ME: Writer = { participantId: 'me-0000000000000000000', anonymous: false }
const ANONYMOUS: Writer = { participantId: 'me-0000000000000000000', anonymous: true }

/** The relay's board (`live`, made by the facilitator) and a participant's synced copy of it. */
function setUp() {
  const live = new Y.Doc()
  initBoard(live, { title: 'Kiruna 2030', now: 1 })
  const otherId = addNote(live, {
    x: 0,
    y: 0,
    text: 'Someone else’s idea',
    authorId: 'other-000000000000000',
    authorName: 'Nils',
  })
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(live))
  return { live, client, otherId }
}

/** What one change on the participant's copy sends, judged against the live board (then applied if valid). */
function judge(live: Y.Doc, client: Y.Doc, change: (doc: Y.Doc) => void, writer: Writer = ME) {
  const before = Y.encodeStateVector(client)
  change(client)
  const update = Y.encodeStateAsUpdate(client, before)
  const verdict = checkUpdate(live, update, writer)
  if (verdict.kind === 'valid') Y.applyUpdate(live, update)
  return verdict.kind
}

/** Judges one change on a freshly synced copy (a refused change leaves a copy ahead of the board). */
function judgeAlone(change: (doc: Y.Doc, otherId: string) => void, writer: Writer = ME) {
  const { live, client, otherId } = setUp()
  return judge(live, client, (doc) => change(doc, otherId), writer)
}

const noteOf = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>('notes').get(id) as Y.Map<unknown>
const textOf = (doc: Y.Doc, id: string) => noteOf(doc, id).get('text') as Y.Text

describe('[UC] a participant’s update judged against the live board', () => {
  it('[UC1] every write operation a participant uses passes, one after the other', () => {
    const { live, client, otherId } = setUp()
    let id = ''
    const steps: Array<(doc: Y.Doc) => void> = [
      (doc) => {
        id = addNote(doc, {
          x: 10,
          y: 20,
          text: 'Busshållplatser',
          authorId: ME.participantId ?? '',
          authorName: 'Anna',
        })
      },
      (doc) => setNoteText(doc, id, 'Busshållplatser med väderskydd'),
      (doc) => setNoteText(doc, otherId, 'Someone else’s idea, improved'),
      (doc) => moveNotes(doc, [id, otherId], 30, -5),
      (doc) => resizeNote(doc, id, 240, 200),
      (doc) => recolourNotes(doc, [id], 'blue'),
      (doc) => bringToFront(doc, [otherId]),
      (doc) => {
        const cluster = createCluster(doc, { name: 'Trafik', noteIds: [id] })
        renameCluster(doc, cluster, 'Kollektivtrafik')
        moveCluster(doc, cluster, 40, 40)
        resizeCluster(doc, cluster, 600, 400)
        setClusterCollapsed(doc, cluster, true)
        assignToCluster(doc, [otherId], cluster)
        deleteCluster(doc, cluster)
      },
      (doc) => setNoteText(doc, id, 'x'.repeat(2000)),
      (doc) => setNoteText(doc, id, 'y'.repeat(2000)),
      (doc) => deleteNotes(doc, [id, otherId]),
    ]
    expect(steps.map((step) => judge(live, client, step))).toEqual(steps.map(() => 'valid'))
    expect(Y.encodeStateVector(live)).toEqual(Y.encodeStateVector(client))
  })

  it('[UC2] an anonymous note (no author) passes; a note signed in anonymous mode does not', () => {
    const { live, client } = setUp()
    expect(judge(live, client, (doc) => addNote(doc, { x: 0, y: 0, text: 'Anonymt' }), ANONYMOUS)).toBe('valid')
    const signed = (doc: Y.Doc) => addNote(doc, { x: 0, y: 0, authorId: ME.participantId ?? '', authorName: 'Anna' })
    expect(judge(live, client, signed, ANONYMOUS)).toBe('invalid')
  })

  it('[UC3] refuses a note signed with another participant’s id, or by a connection with none', () => {
    const forged = (doc: Y.Doc) => addNote(doc, { x: 0, y: 0, authorId: 'other-000000000000000', authorName: 'Nils' })
    expect(judgeAlone(forged)).toBe('invalid')
    const signed = (doc: Y.Doc) => addNote(doc, { x: 0, y: 0, authorId: 'me-0000000000000000000', authorName: 'Anna' })
    expect(judgeAlone(signed, { participantId: null, anonymous: false })).toBe('invalid')
    expect(judgeAlone(signed)).toBe('valid')
  })

  it('[UC4] refuses rewriting, adding or removing the author of an existing note', () => {
    expect(judgeAlone((doc, id) => noteOf(doc, id).set('authorName', 'Mallory'))).toBe('invalid')
    expect(judgeAlone((doc, id) => noteOf(doc, id).set('authorId', ME.participantId))).toBe('invalid')
    expect(judgeAlone((doc, id) => noteOf(doc, id).delete('authorName'))).toBe('invalid')
    expect(judgeAlone((doc, id) => deleteNotes(doc, [id]))).toBe('valid')
  })

  it('[UC5] refuses meta, votes and unknown top-level types', () => {
    const hostile: Array<(doc: Y.Doc) => void> = [
      (doc) => doc.getMap('meta').set('schemaVersion', 999),
      (doc) => doc.getMap('meta').delete('title'),
      (doc) => doc.getMap('votes').set('someone-000000', new Y.Map()),
      (doc) => doc.getMap('elsewhere').set('k', 1),
      (doc) => doc.getArray('notes-list').push([1]),
    ]
    expect(hostile.map((change) => judgeAlone(change))).toEqual(hostile.map(() => 'invalid'))
  })

  it('[UC6] refuses entries that are not maps, bad ids, unknown fields and values out of range', () => {
    const notes = (doc: Y.Doc) => doc.getMap<unknown>('notes')
    const hostile: Array<(doc: Y.Doc, id: string) => void> = [
      (doc) => notes(doc).set('abcdefgh12', 42),
      (doc) => notes(doc).set('no', new Y.Map()),
      (doc, id) => noteOf(doc, id).set('x', 1e308),
      (doc, id) => noteOf(doc, id).set('x', Number.NaN),
      (doc, id) => noteOf(doc, id).set('width', 5),
      (doc, id) => noteOf(doc, id).set('colour', 'magenta'),
      (doc, id) => noteOf(doc, id).set('order', '!!'),
      (doc, id) => noteOf(doc, id).set('clusterId', 'x'),
      (doc, id) => noteOf(doc, id).set('text', 'plain string, not shared text'),
      (doc, id) => noteOf(doc, id).set('script', '<img onerror>'),
      (doc, id) => noteOf(doc, id).set('x', { nested: true }),
      (doc, id) => noteOf(doc, id).set('text', new Y.Map()),
      (doc, id) => textOf(doc, id).insertEmbed(0, new Y.Map()),
      (doc) => doc.getMap<unknown>('clusters').set('abcdefgh12', 'cluster'),
    ]
    expect(hostile.map((change) => judgeAlone(change))).toEqual(hostile.map(() => 'invalid'))
  })

  it('[UC7] refuses text over the limit, also typed in several steps, and formatted or embedded text', () => {
    const { live, client, otherId } = setUp()
    expect(judge(live, client, (doc) => textOf(doc, otherId).insert(0, 'x'.repeat(1900)))).toBe('valid')
    expect(judge(live, client, (doc) => textOf(doc, otherId).insert(0, 'x'.repeat(100)))).toBe('invalid')
    expect(judgeAlone((doc, id) => textOf(doc, id).insert(0, 'x'.repeat(100_000)))).toBe('invalid')
    expect(judgeAlone((doc, id) => textOf(doc, id).insert(0, 'bold', { bold: true }))).toBe('invalid')
    expect(judgeAlone((doc, id) => textOf(doc, id).insertEmbed(0, { image: 'x' }))).toBe('invalid')
  })

  it('[UC10] refuses a note or group made without a field every one has, or such a field removed', () => {
    const bare = (doc: Y.Doc) => doc.getMap<unknown>('notes').set('abcdefgh1234', new Y.Map())
    expect(judgeAlone(bare)).toBe('invalid')
    const bareGroup = (doc: Y.Doc) => doc.getMap<unknown>('clusters').set('abcdefgh1234', new Y.Map())
    expect(judgeAlone(bareGroup)).toBe('invalid')
    for (const field of ['order', 'x', 'text', 'colour']) {
      expect(judgeAlone((doc, id) => noteOf(doc, id).delete(field))).toBe('invalid')
    }
    // Set anew is not removed; an optional field may go (a note leaving its group).
    expect(judgeAlone((doc, id) => noteOf(doc, id).set('order', 'a5'))).toBe('valid')
    expect(judgeAlone((doc, id) => noteOf(doc, id).delete('clusterId'))).toBe('valid')
  })

  it('[UC8] an update building on changes the board has not received is judged later, not refused', () => {
    const { live, client, otherId } = setUp()
    // The first change never reaches the board (e.g. made while it was locked).
    setNoteText(client, otherId, 'Först')
    const before = Y.encodeStateVector(client)
    setNoteText(client, otherId, 'Först och sedan')
    expect(checkUpdate(live, Y.encodeStateAsUpdate(client, before), ME).kind).toBe('later')
    // The whole difference, as a sync sends it once asked, is judged and passes.
    expect(checkUpdate(live, Y.encodeStateAsUpdate(client, Y.encodeStateVector(live)), ME).kind).toBe('valid')
  })

  it('[UC11] an update that also carries what the board holds (a whole local copy) is judged by its new part', () => {
    const { live, client, otherId } = setUp()
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(client))
    // Each change builds on a struct the board holds, and is sent with everything before it.
    copy.getMap('meta').set('title', 'Riggad tavla')
    expect(checkUpdate(live, Y.encodeStateAsUpdate(copy), ME)).toMatchObject({ kind: 'invalid' })
    setNoteText(client, otherId, 'Someone else’s idea, improved')
    expect(checkUpdate(live, Y.encodeStateAsUpdate(client), ME).kind).toBe('valid')
  })

  it('[UC9] refuses bytes that are no update', () => {
    const { live } = setUp()
    expect(checkUpdate(live, new Uint8Array([1, 2, 3, 250, 255]), ME).kind).toBe('malformed')
  })

  it('[BM10] refuses any participant write of a note’s origin or of regions; a copied note stays editable', () => {
    const { live, client } = setUp()
    const source = new Y.Doc()
    addNote(source, { x: 0, y: 0, text: 'Från Luleå' })
    const boardId = hashId('test board', 'Luleå')
    mergeBoards(live, [{ boardId, title: 'Luleå', anonymous: false, doc: source }], { keepAuthorNames: true })
    Y.applyUpdate(client, Y.encodeStateAsUpdate(live))
    const copiedId = [...live.getMap('notes').keys()].find((id) => noteOf(live, id).has('origin')) ?? ''
    const regionId = [...live.getMap('regions').keys()][0] ?? ''
    const origin = { boardId, boardTitle: 'Luleå', noteId: 'abcdefgh' }
    const alone = (change: (doc: Y.Doc) => void) => {
      const copy = new Y.Doc()
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(live))
      return judge(live, copy, change)
    }
    expect(
      alone((doc) => {
        const id = addNote(doc, { x: 0, y: 0, authorId: ME.participantId ?? '', authorName: 'Me' })
        noteOf(doc, id).set('origin', origin)
      }),
    ).toBe('invalid')
    expect(alone((doc) => noteOf(doc, copiedId).set('origin', origin))).toBe('invalid')
    expect(alone((doc) => noteOf(doc, copiedId).delete('origin'))).toBe('invalid')
    expect(alone((doc) => (doc.getMap('regions').get(regionId) as Y.Map<unknown>).set('title', 'Min region'))).toBe(
      'invalid',
    )
    expect(alone((doc) => doc.getMap('regions').delete(regionId))).toBe('invalid')
    expect(alone((doc) => doc.getMap('regions').set('region-made-by-me', new Y.Map()))).toBe('invalid')
    expect(alone((doc) => setNoteText(doc, copiedId, 'Från Luleå, ändrad'))).toBe('valid')
    expect(alone((doc) => deleteNotes(doc, [copiedId]))).toBe('valid')
  })
})
