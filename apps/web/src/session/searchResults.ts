/**
 * Which notes match the current search, for the whole board: the count for the live region and,
 * per note, whether it is highlighted or dimmed. Work is done only while a filter is set; then the
 * results follow edits (throttled, so a flurry of remote typing is one recount) and each note's
 * folded text is kept until its text changes.
 */
import type { BoardReader } from '@samla/board'
import type * as Y from 'yjs'
import { foldForSearch, isFiltering, type NoteFilter, noteMatches } from './match'
import type { SearchFilterStore } from './searchStore'

const RECOUNT_MS = 150

export interface SearchSnapshot {
  /** Null while nothing is filtered: then no note is highlighted or dimmed. */
  readonly matches: ReadonlySet<string> | null
  readonly total: number
}

export interface SearchResults {
  get(): SearchSnapshot
  subscribe(listener: () => void): () => void
  destroy(): void
}

const INACTIVE: SearchSnapshot = { matches: null, total: 0 }

export function createSearchResults(doc: Y.Doc, reader: BoardReader, filterStore: SearchFilterStore): SearchResults {
  const listeners = new Set<() => void>()
  const folded = new Map<string, { text: string; folded: string }>()
  let snapshot = INACTIVE
  let timer: ReturnType<typeof setTimeout> | null = null

  const fold = (id: string, text: string) => {
    const cached = folded.get(id)
    if (cached?.text === text) return cached.folded
    const next = foldForSearch(text)
    folded.set(id, { text, folded: next })
    return next
  }

  const recount = () => {
    timer = null
    const filter: NoteFilter = filterStore.getState()
    const layout = reader.getLayout()
    if (!isFiltering(filter)) {
      folded.clear()
      snapshot = INACTIVE
    } else {
      const matches = new Set<string>()
      for (const { id } of layout) {
        const note = reader.getNote(id)
        if (note && noteMatches(note, filter, (text) => fold(id, text))) matches.add(id)
      }
      snapshot = { matches, total: layout.length }
    }
    for (const listener of listeners) listener()
  }

  const onUpdate = () => {
    if (snapshot.matches) timer ??= setTimeout(recount, RECOUNT_MS)
  }
  const unsubscribeFilter = filterStore.subscribe(recount)
  doc.on('update', onUpdate)

  return {
    get: () => snapshot,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      if (timer) clearTimeout(timer)
      unsubscribeFilter()
      doc.off('update', onUpdate)
      listeners.clear()
    },
  }
}
