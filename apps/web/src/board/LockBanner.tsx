/**
 * Says in plain words when the board is locked: to everyone else that they can look but not change
 * anything, to the facilitator that the others are read-only. A polite live region, so the change is
 * announced when the facilitator locks or unlocks.
 */
import { useTranslation } from 'react-i18next'
import { useBoard, useLocked } from '../session/BoardContext'

export function LockBanner() {
  const { t } = useTranslation()
  const { role } = useBoard()
  const locked = useLocked()
  return (
    <div className="lock-region" role="status">
      {locked && (
        <p className="lock-banner" data-locked="true">
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
            <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" stroke="currentColor" strokeWidth="1.6" fill="none" />
          </svg>
          {role === 'facilitator' ? t('lock.lockedFacilitator') : t('lock.locked')}
        </p>
      )}
    </div>
  )
}
