/**
 * Tells the facilitator, at the top of their panel, that this Samla server erases boards nobody has
 * changed for a while (the relay's retention, from the board lookup). Nothing is shown where boards
 * are kept, or while the relay cannot be reached.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { lookupBoard } from '../api/boards'
import { useBoard } from '../session/BoardContext'

function useRetentionDays(boardId: string, token: string): number | null {
  const [days, setDays] = useState<number | null>(null)
  useEffect(() => {
    const controller = new AbortController()
    lookupBoard(boardId, token, controller.signal).then(
      (lookup) => setDays(lookup.kind === 'found' ? lookup.retentionDays : null),
      () => undefined,
    )
    return () => controller.abort()
  }, [boardId, token])
  return days
}

export function RetentionNotice() {
  const { t } = useTranslation()
  const { boardId, token } = useBoard()
  const days = useRetentionDays(boardId, token)
  if (days === null) return null
  return <p className="panel-hint retention-notice">{t('facilitate.retention', { count: Math.ceil(days) })}</p>
}
