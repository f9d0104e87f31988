/**
 * Undo and redo in the board toolbar, for this person's own changes. Disabled when there is
 * nothing to undo or redo, and not offered to those who may not edit.
 */
import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard, useCanEdit } from '../session/BoardContext'
import { redoOwnChange, undoOwnChange } from './editCommands'

interface HistoryButtonProps {
  readonly label: string
  readonly title: string
  readonly keys: string
  readonly disabled: boolean
  readonly onClick: () => void
  /** The arrow's path; redo is undo's mirror image. */
  readonly path: string
}

function HistoryButton({ label, title, keys, disabled, onClick, path }: HistoryButtonProps) {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      title={title}
      aria-keyshortcuts={keys}
      disabled={disabled}
      onClick={onClick}
    >
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <path
          d={path}
          stroke="currentColor"
          strokeWidth="1.8"
          fill="none"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </button>
  )
}

export function UndoButtons() {
  const { t } = useTranslation()
  const session = useBoard()
  const canEdit = useCanEdit()
  const { canUndo, canRedo } = useSyncExternalStore(session.undo.subscribe, session.undo.getState)
  if (session.role === 'viewer') return null
  return (
    <>
      <HistoryButton
        label={t('editing.undo.undo')}
        title={t('editing.undo.undoShortcut')}
        keys="Control+Z Meta+Z"
        disabled={!canEdit || !canUndo}
        onClick={() => undoOwnChange(session)}
        path="M5.5 3.5 2.5 6.5l3 3M3 6.5h6.5a3.5 3.5 0 0 1 0 7H7"
      />
      <HistoryButton
        label={t('editing.undo.redo')}
        title={t('editing.undo.redoShortcut')}
        keys="Control+Shift+Z Meta+Shift+Z Control+Y"
        disabled={!canEdit || !canRedo}
        onClick={() => redoOwnChange(session)}
        path="m10.5 3.5 3 3-3 3M13 6.5H6.5a3.5 3.5 0 0 0 0 7H9"
      />
      <span className="toolbar-divider" aria-hidden="true" />
    </>
  )
}
