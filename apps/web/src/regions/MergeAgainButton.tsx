/**
 * The facilitator's "Merge again" in the board header, on a board made by merging others (one that
 * has regions): opens the dialog that brings in what is new on the source boards.
 */
import { useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../session/BoardContext'
import { MergeAgainDialog } from './MergeAgainDialog'
import { regionIndexOf } from './regionIndex'

export function MergeAgainButton() {
  const { t } = useTranslation()
  const { doc } = useBoard()
  const index = regionIndexOf(doc)
  const merged = useSyncExternalStore(index.subscribe, () => index.get().length > 0)
  const [open, setOpen] = useState(false)
  if (!merged) return null
  return (
    <>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path
            d="M3 3v3.5h3.5M13 13V9.5H9.5M3.6 6.3A5 5 0 0 1 12.8 6M12.4 9.7A5 5 0 0 1 3.2 10"
            stroke="currentColor"
            strokeWidth="1.6"
            fill="none"
            strokeLinecap="round"
          />
        </svg>
        {t('merge.again.button')}
      </button>
      {open && <MergeAgainDialog onClose={() => setOpen(false)} />}
    </>
  )
}
