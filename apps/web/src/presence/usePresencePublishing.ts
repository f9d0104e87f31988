/**
 * Keeps this person's presence current: who they are (name, organisation, colour), and which notes
 * they have selected and are editing. On an anonymous board, which notes someone works on is not
 * shared at all: it would say who writes what, which is what anonymous mode hides.
 */
import { useEffect, useSyncExternalStore } from 'react'
import type { BoardSession } from '../session/session'
import { presenceUser, useProfile } from './profile'

export function usePresencePublishing(session: BoardSession): void {
  const { presence, control } = session
  const { name, organisation } = useProfile()
  const anonymous = useSyncExternalStore(control.subscribeControl, () => control.getControl().anonymous)

  useEffect(() => {
    presence.setUser(presenceUser(name, organisation))
  }, [presence, name, organisation])

  useEffect(() => {
    const publish = () => {
      const { selection, editingId } = session.ui.getState()
      presence.setSelection(anonymous ? [] : selection)
      presence.setEditing(anonymous ? null : editingId)
    }
    publish()
    return session.ui.subscribe((state, previous) => {
      if (state.selection !== previous.selection || state.editingId !== previous.editingId) publish()
    })
  }, [presence, anonymous, session])
}
