import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createControlReader, readControl, setLocked } from './control.js'

describe('control doc', () => {
  it('[K1] a new control doc is unlocked; setLocked toggles the lock', () => {
    const doc = new Y.Doc()
    expect(readControl(doc).locked).toBe(false)
    setLocked(doc, true)
    expect(readControl(doc).locked).toBe(true)
    setLocked(doc, false)
    expect(readControl(doc).locked).toBe(false)
  })

  it('[K2] the reader keeps its snapshot until the control state changes, also from a peer', () => {
    const doc = new Y.Doc()
    const peer = new Y.Doc()
    const reader = createControlReader(doc)
    let calls = 0
    reader.subscribeControl(() => calls++)
    const first = reader.getControl()
    expect(reader.getControl()).toBe(first)
    setLocked(peer, true)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer))
    expect(calls).toBe(1)
    expect(reader.getControl().locked).toBe(true)
    expect(reader.getControl()).not.toBe(first)
    reader.destroy()
    setLocked(doc, false)
    expect(calls).toBe(1)
  })
})
