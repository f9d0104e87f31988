/**
 * A value derived from a Y.Doc, computed on demand and cached until one of the watched changes
 * lands; shaped for useSyncExternalStore. One per doc and kind, living as long as the doc.
 */
import type * as Y from 'yjs'

export interface DocView<T> {
  get(): T
  subscribe(listener: () => void): () => void
}

/**
 * `watch` attaches observers that call `invalidate` when the derived value may have changed
 * (they live as long as the doc, so they are never detached).
 */
export function docViewCache<T>(compute: (doc: Y.Doc) => T, watch: (doc: Y.Doc, invalidate: () => void) => void) {
  const views = new WeakMap<Y.Doc, DocView<T>>()
  return function viewOf(doc: Y.Doc): DocView<T> {
    const existing = views.get(doc)
    if (existing) return existing
    const listeners = new Set<() => void>()
    let value: { current: T } | null = null
    watch(doc, () => {
      value = null
      for (const listener of listeners) listener()
    })
    const view: DocView<T> = {
      get() {
        value ??= { current: compute(doc) }
        return value.current
      },
      subscribe(listener) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    }
    views.set(doc, view)
    return view
  }
}
