/**
 * The board-wide side of presence and editing, mounted once per open board: publishing this
 * person's presence, the editing keys and the clipboard — and the join question.
 */
import type { BoardSession } from '../session/session'
import { JoinDialog } from '../presence/JoinDialog'
import { usePresencePublishing } from '../presence/usePresencePublishing'
import { useClipboard } from './useClipboard'
import { useBoardShortcuts } from './useBoardShortcuts'

export function EditingEffects({ session }: { readonly session: BoardSession }) {
  usePresencePublishing(session)
  useBoardShortcuts(session)
  useClipboard(session)
  return <JoinDialog />
}
