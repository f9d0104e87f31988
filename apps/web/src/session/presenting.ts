/**
 * Whether this page shows an open board as a presentation for a projector: large type, a large
 * timer, no editing chrome, following the facilitator. A viewer's link opens in it (a projector is
 * what viewer links are for); anyone may leave it, and a facilitator may enter it on their own screen.
 * One small store per open session, kept beside it rather than in it, so a new board starts afresh.
 */
import { createStore, type StoreApi } from 'zustand/vanilla'
import { useStore } from 'zustand'
import type { BoardSession } from './session'

interface Presenting {
  readonly presenting: boolean
  setPresenting(on: boolean): void
}

const stores = new WeakMap<BoardSession, StoreApi<Presenting>>()

export function presentingStore(session: BoardSession): StoreApi<Presenting> {
  let store = stores.get(session)
  if (!store) {
    store = createStore<Presenting>()((set) => ({
      presenting: session.role === 'viewer',
      setPresenting: (presenting) => set({ presenting }),
    }))
    stores.set(session, store)
  }
  return store
}

export function usePresenting(session: BoardSession): boolean {
  return useStore(presentingStore(session), (state) => state.presenting)
}

export function setPresenting(session: BoardSession, on: boolean): void {
  presentingStore(session).getState().setPresenting(on)
}
