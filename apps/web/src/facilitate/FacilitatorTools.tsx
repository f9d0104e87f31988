/**
 * The facilitator's controls in the board header: share the links, export, import and history,
 * lock or unlock the board for everyone else, and delete the board (after a confirmation that names it).
 */
import { setLocked } from '@samla/board'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ExchangeTools } from '../exchange/ExchangeTools'
import { MergeAgainButton } from '../regions/MergeAgainButton'
import { useBoard, useLocked } from '../session/BoardContext'
import { DeleteBoardDialog } from './DeleteBoardDialog'
import { ShareDialog } from './ShareDialog'

function LockButton() {
  const { t } = useTranslation()
  const { controlDoc } = useBoard()
  const locked = useLocked()
  return (
    <button type="button" className="button" data-locked={locked} onClick={() => setLocked(controlDoc, !locked)}>
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
        <path
          d={locked ? 'M5.5 7V5a2.5 2.5 0 0 1 5 0v2' : 'M5.5 7V5a2.5 2.5 0 0 1 5 0'}
          stroke="currentColor"
          strokeWidth="1.6"
          fill="none"
        />
      </svg>
      {locked ? t('lock.unlock') : t('lock.lock')}
    </button>
  )
}

export function FacilitatorTools({ title }: { readonly title: string }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<'share' | 'delete' | null>(null)
  const close = () => setOpen(null)
  return (
    <fieldset className="board-actions">
      <legend className="visually-hidden">{t('facilitate.label')}</legend>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen('share')}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <circle cx="4" cy="8" r="2" fill="currentColor" />
          <circle cx="12" cy="3.5" r="2" fill="currentColor" />
          <circle cx="12" cy="12.5" r="2" fill="currentColor" />
          <path d="M4 8l8-4.5M4 8l8 4.5" stroke="currentColor" strokeWidth="1.4" />
        </svg>
        {t('facilitate.share')}
      </button>
      <ExchangeTools title={title} />
      <MergeAgainButton />
      <LockButton />
      <button
        type="button"
        className="button button--danger-quiet"
        aria-haspopup="dialog"
        onClick={() => setOpen('delete')}
      >
        {t('facilitate.delete')}
      </button>
      {open === 'share' && <ShareDialog onClose={close} />}
      {open === 'delete' && <DeleteBoardDialog title={title} onClose={close} />}
    </fieldset>
  )
}
