/**
 * The board's one polite live region, and `announce()` for the parts of the app that have news for
 * screen-reader users (the timer's end, a reveal). It also listens for what others do on the board:
 * notes they add, private notes revealed, vote totals shown. Everything passes through the batching
 * announcer, so a busy board is heard as "3 new notes" every few seconds, not as every change.
 */
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { useBoard } from '../session/BoardContext'
import type { BoardSession } from '../session/session'
import i18n from '../i18n'
import { type Announcer, createAnnouncer } from './announcer'

const INTERVAL_MS = 4000
const GATHER_MS = 400

let current: Announcer | null = null

export function announce(message: string): void {
  current?.say(message)
}

/** Counts notes that arrive from others once the board is in sync (not the board loading, nor one's own). */
function watchNotes(session: BoardSession, announcer: Announcer): () => void {
  const notes = session.doc.getMap('notes')
  const onNotes = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    if (transaction.local || session.connection.getState().status !== 'connected') return
    let added = 0
    for (const change of event.changes.keys.values()) if (change.action === 'add') added++
    announcer.count('notesAdded', added)
  }
  notes.observe(onNotes)
  return () => notes.unobserve(onNotes)
}

/** Announces the control doc's moments that change what everyone sees: a reveal of notes or of votes. */
function watchControl(session: BoardSession, announcer: Announcer): () => void {
  const { control } = session
  let before = control.getControl()
  return control.subscribeControl(() => {
    const after = control.getControl()
    if (after.revealCount > before.revealCount) announcer.say(i18n.t('announce.notesRevealed'))
    if (after.vote.revealed && !before.vote.revealed) announcer.say(i18n.t('announce.votesRevealed'))
    before = after
  })
}

export function LiveAnnouncer() {
  const session = useBoard()
  const [text, setText] = useState('')
  useEffect(() => {
    const announcer = createAnnouncer({
      interval: INTERVAL_MS,
      gather: GATHER_MS,
      describe: (_, count) => i18n.t('announce.notesAdded', { count }),
      // A repeated message is made different, or screen readers would stay silent the second time.
      speak: (next) => setText((previous) => (previous === next ? `${next}\u00a0` : next)),
    })
    current = announcer
    const stops = [watchNotes(session, announcer), watchControl(session, announcer)]
    return () => {
      for (const stop of stops) stop()
      announcer.destroy()
      if (current === announcer) current = null
    }
  }, [session])
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {text}
    </div>
  )
}
