/**
 * After a reveal, everyone publishes their drafts at once, each placing them by the board as it saw
 * it, so two people's notes can land on the same free spot. For a while after publishing, whenever
 * others' changes arrive, this person's own revealed notes that overlap a note stacked below them
 * move into free space (board/model makeRoom): of two overlapping notes exactly one writer moves its
 * note, so the board settles without anyone's notes hidden.
 */
import { makeRoom, readNote } from '@samla/board'
import { guarded } from '../session/commands'
import { UNTRACKED_ORIGIN } from '../session/origin'
import type { BoardSession } from '../session/session'

/** How long after publishing others' reveals are still expected to arrive. */
const WATCH_MS = 20_000
/** Waits for a burst of others' changes to end before looking. */
const SETTLE_MS = 250

/** Keeps the just revealed notes clear of others' for a while; returns the function that stops it. */
export function keepRevealedClear(session: BoardSession, revealed: readonly string[]): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const look = () => {
    const ids = revealed.filter((id) => readNote(session.doc, id))
    if (ids.length > 0) guarded(session, () => makeRoom(session.doc, ids), { origin: UNTRACKED_ORIGIN })
  }
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    // Only others' changes can bring a note onto this person's revealed ones.
    if (origin === UNTRACKED_ORIGIN || typeof origin === 'symbol') return
    clearTimeout(timer)
    timer = setTimeout(look, SETTLE_MS)
  }
  look()
  session.doc.on('update', onUpdate)
  const stopAt = setTimeout(stop, WATCH_MS)
  function stop() {
    clearTimeout(timer)
    clearTimeout(stopAt)
    session.doc.off('update', onUpdate)
  }
  return stop
}
