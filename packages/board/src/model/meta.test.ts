import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MAX_TITLE_LENGTH } from './limits.js'
import { initBoard, migrateBoard, readMeta, setBoardTitle } from './meta.js'
import { metaMap, notesMap, SCHEMA_VERSION } from './schema.js'
import { countEvents, expectRejected, newDoc } from './test-support.js'

describe('board meta', () => {
  it('[D1][M1] initBoard writes trimmed title, createdAt and schemaVersion in one transaction', () => {
    const doc = newDoc()
    const { updates, transactions } = countEvents(doc, () => initBoard(doc, { title: '  Retro vecka 12 ', now: 42 }))
    expect(updates).toBe(1)
    expect(transactions).toBe(1)
    expect(readMeta(doc)).toEqual({ title: 'Retro vecka 12', createdAt: 42, schemaVersion: SCHEMA_VERSION })
    expect(SCHEMA_VERSION).toBe(1)
    expect([...metaMap(doc).keys()].sort()).toEqual(['createdAt', 'schemaVersion', 'title'])
  })

  it('[M1] initBoard defaults createdAt to the current time', () => {
    const doc = newDoc()
    const before = Date.now()
    initBoard(doc, { title: 'Now' })
    const { createdAt } = readMeta(doc)
    expect(createdAt).toBeGreaterThanOrEqual(before)
    expect(createdAt).toBeLessThanOrEqual(Date.now())
  })

  it('[M2] initBoard on an initialised board changes nothing', () => {
    const doc = newDoc()
    initBoard(doc, { title: 'First', now: 1 })
    const before = Y.encodeStateAsUpdate(doc)
    const { updates } = countEvents(doc, () => initBoard(doc, { title: 'Second', now: 2 }))
    expect(updates).toBe(0)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
    expect(readMeta(doc).title).toBe('First')
  })

  it('[M2] initBoard on a peer that already synced the meta keeps the original', () => {
    const a = newDoc(1)
    initBoard(a, { title: 'Original', now: 1 })
    const b = newDoc(2)
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    initBoard(b, { title: 'Other', now: 2 })
    expect(readMeta(b)).toEqual(readMeta(a))
  })

  it('[D3][M3] readMeta of an empty or mistyped meta map falls back to defaults', () => {
    const doc = newDoc()
    expect(readMeta(doc)).toEqual({ title: '', createdAt: 0, schemaVersion: 0 })
    doc.transact(() => {
      metaMap(doc).set('title', 7)
      metaMap(doc).set('createdAt', 'yesterday')
      metaMap(doc).set('schemaVersion', '1')
    })
    expect(readMeta(doc)).toEqual({ title: '', createdAt: 0, schemaVersion: 0 })
  })

  it('[M4] setBoardTitle replaces the trimmed title and keeps the rest', () => {
    const doc = newDoc()
    initBoard(doc, { title: 'Old', now: 5 })
    setBoardTitle(doc, ' Ny titel – åäö ')
    expect(readMeta(doc)).toEqual({ title: 'Ny titel – åäö', createdAt: 5, schemaVersion: 1 })
  })

  it('[V8] a title at the limit is accepted, one over is rejected with the doc untouched', () => {
    const doc = newDoc()
    initBoard(doc, { title: 'x'.repeat(MAX_TITLE_LENGTH), now: 1 })
    expect(readMeta(doc).title).toHaveLength(MAX_TITLE_LENGTH)
    expectRejected(doc, 'title-too-long', () => setBoardTitle(doc, 'y'.repeat(MAX_TITLE_LENGTH + 1)))
    expectRejected(doc, 'title-too-long', () => setBoardTitle(doc, 12 as unknown as string))
    const fresh = newDoc()
    expectRejected(fresh, 'title-too-long', () => initBoard(fresh, { title: 'z'.repeat(MAX_TITLE_LENGTH + 1) }))
    expectRejected(fresh, 'title-too-long', () => initBoard(fresh, { title: undefined as unknown as string }))
  })

  it('[V9] a lone surrogate in a title is stored as U+FFFD, as peers would decode it', () => {
    const doc = newDoc()
    initBoard(doc, { title: 'a\uD83Db', now: 1 })
    expect(readMeta(doc).title).toBe('a\uFFFDb')
    const peer = newDoc(2)
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    expect(readMeta(peer)).toEqual(readMeta(doc))
  })

  it('[M5] migrateBoard accepts the current and older schemas without changing the doc', () => {
    const current = newDoc()
    initBoard(current, { title: 'T', now: 1 })
    const uninitialised = newDoc()
    for (const doc of [current, uninitialised]) {
      const before = Y.encodeStateAsUpdate(doc)
      const { updates } = countEvents(doc, () => migrateBoard(doc))
      expect(updates).toBe(0)
      expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
    }
  })

  it('[M6] migrateBoard refuses a board from a newer schema and leaves it untouched', () => {
    const doc = newDoc()
    initBoard(doc, { title: 'Future', now: 1 })
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION + 1)
    notesMap(doc).set('some-future-note', new Y.Map())
    expectRejected(doc, 'unsupported-schema', () => migrateBoard(doc))
    expect(() => migrateBoard(doc)).toThrow(/newer Samla \(schema 2\)/)
  })
})
