/** Board meta: title, creation time and schema version, plus opening/migrating a board doc. */
import type * as Y from 'yjs'
import { BoardError } from './errors.js'
import { metaMap, SCHEMA_VERSION } from './schema.js'
import { checkTitle } from './validate.js'

export interface BoardMeta {
  readonly title: string
  readonly createdAt: number
  readonly schemaVersion: number
}

/** Writes the meta of a new board. Idempotent: a board that already has meta is left alone. */
export function initBoard(doc: Y.Doc, input: { title: string; now?: number }): void {
  const title = checkTitle(input.title)
  const meta = metaMap(doc)
  if (meta.has('schemaVersion')) return
  doc.transact(() => {
    meta.set('title', title)
    meta.set('createdAt', input.now ?? Date.now())
    meta.set('schemaVersion', SCHEMA_VERSION)
  })
}

export function setBoardTitle(doc: Y.Doc, title: string): void {
  const checked = checkTitle(title)
  doc.transact(() => metaMap(doc).set('title', checked))
}

export function readMeta(doc: Y.Doc): BoardMeta {
  const meta = metaMap(doc)
  const title = meta.get('title')
  const createdAt = meta.get('createdAt')
  const version = meta.get('schemaVersion')
  return {
    title: typeof title === 'string' ? title : '',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    schemaVersion: typeof version === 'number' ? version : 0,
  }
}

/**
 * Brings an older board doc up to SCHEMA_VERSION. Version 1 is the first schema, so there is
 * nothing to migrate yet; a doc from a newer Samla is refused rather than misread.
 */
export function migrateBoard(doc: Y.Doc): void {
  const { schemaVersion } = readMeta(doc)
  if (schemaVersion > SCHEMA_VERSION) {
    throw new BoardError(
      'unsupported-schema',
      `This board was written by a newer Samla (schema ${schemaVersion}); this version reads up to ${SCHEMA_VERSION}`,
    )
  }
}
