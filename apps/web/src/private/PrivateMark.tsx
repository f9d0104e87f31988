/**
 * Private drafts on the canvas: a context that tells a note it is one of this person's private
 * drafts, and the mark such a note shows (in words and with a lock, not by colour).
 */
import { createContext, useContext } from 'react'
import { useTranslation } from 'react-i18next'

export const PrivateNoteContext = createContext(false)

export function useIsPrivateNote(): boolean {
  return useContext(PrivateNoteContext)
}

export function PrivateMark() {
  const { t } = useTranslation()
  return (
    <p className="note-private">
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
        <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
        <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" stroke="currentColor" strokeWidth="1.6" fill="none" />
      </svg>
      {t('facilitation.private.mark')}
    </p>
  )
}
