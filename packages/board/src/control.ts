/**
 * The control doc: facilitator-only state of a board, kept in a second Y.Doc that only
 * facilitator connections may write (the relay enforces it). For now it holds the lock;
 * phase, timer and vote settings join it as facilitation arrives.
 *
 *   controlDoc.getMap('control')   locked: boolean
 */
import type * as Y from 'yjs'

export interface ControlState {
  /** While locked, only facilitators may change the board. */
  readonly locked: boolean
}

function controlMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('control')
}

export function readControl(doc: Y.Doc): ControlState {
  return { locked: controlMap(doc).get('locked') === true }
}

export function setLocked(doc: Y.Doc, locked: boolean): void {
  doc.transact(() => controlMap(doc).set('locked', locked === true))
}

/** useSyncExternalStore-shaped access to the control state, with a stable snapshot between changes. */
export function createControlReader(doc: Y.Doc) {
  let snapshot: ControlState | null = null
  const listeners = new Set<() => void>()
  const onChange = () => {
    snapshot = null
    for (const listener of listeners) listener()
  }
  controlMap(doc).observe(onChange)
  return {
    getControl(): ControlState {
      snapshot ??= readControl(doc)
      return snapshot
    },
    subscribeControl(listener: () => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy(): void {
      controlMap(doc).unobserve(onChange)
      listeners.clear()
    },
  }
}

export type ControlReader = ReturnType<typeof createControlReader>
