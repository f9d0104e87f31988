/**
 * Keeps this person's presence current: who they are (name, organisation, colour, and an id of
 * theirs for this board only), and which notes they have selected and are editing. Only notes on the
 * board are named: a private draft's id never leaves the device before the reveal. On an anonymous
 * board, which notes someone works on and where their pointer is are not shared at all (see the
 * presence store): they would say who writes what, which is what anonymous mode hides.
 */
import { useEffect, useSyncExternalStore } from 'react'
import type { BoardSession } from '../session/session'
import { presenceUser, useProfile } from './profile'

export function usePresencePublishing(session: BoardSession): void {
  const { presence, control, reader, boardId } = session
  const { name, organisation } = useProfile()
  const anonymous = useSyncExternalStore(control.subscribeControl, () => control.getControl().anonymous)

  useEffect(() => {
    presence.setUser(presenceUser(boardId, name, organisation))
  }, [presence, boardId, name, organisation])

  useEffect(() => {
    presence.setAnonymous(anonymous)
  }, [presence, anonymous])

  useEffect(() => {
    const onBoard = (id: string) => reader.getNote(id) !== undefined
    const publish = () => {
      const { selection, editingId } = session.ui.getState()
      presence.setSelection(selection.filter(onBoard))
      presence.setEditing(editingId !== null && onBoard(editingId) ? editingId : null)
    }
    publish()
    return session.ui.subscribe((state, previous) => {
      if (state.selection !== previous.selection || state.editingId !== previous.editingId) publish()
    })
  }, [presence, reader, session])
}
