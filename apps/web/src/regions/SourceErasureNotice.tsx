/**
 * Tells a merged board's facilitator that a board it was made from was deleted, and whether that
 * board's copies were removed from here or kept (issue #21). The relay writes the notices into the
 * board; each stays until a facilitator closes it, for every facilitator. A polite live region, so a
 * deletion during the workshop is announced.
 */
import { dismissSourceErasure, readSourceErasures, type SourceErasure, watchSourceErasures } from '@samla/board'
import type { TFunction } from 'i18next'
import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { CloseIcon } from '../components/CloseIcon'
import { docViewCache } from '../lib/docView'
import { useBoard } from '../session/BoardContext'

const erasuresOf = docViewCache(readSourceErasures, watchSourceErasures)

function useSourceErasures(): readonly SourceErasure[] {
  const erasures = erasuresOf(useBoard().doc)
  return useSyncExternalStore(erasures.subscribe, erasures.get)
}

function erasureText(t: TFunction, erasure: SourceErasure): string {
  if (erasure.copies === 0) return t('regions.erasure.noCopies', { title: erasure.boardTitle })
  const options = { title: erasure.boardTitle, count: erasure.copies }
  return erasure.removed ? t('regions.erasure.removed', options) : t('regions.erasure.kept', options)
}

export function SourceErasureNotice() {
  const { t } = useTranslation()
  const { doc } = useBoard()
  const erasures = useSourceErasures()
  return (
    <div className="erasure-region" role="status">
      {erasures.map((erasure) => (
        <div className="erasure-notice" key={`${erasure.at}:${erasure.boardTitle}`}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <circle cx="8" cy="8" r="6.5" stroke="currentColor" strokeWidth="1.5" fill="none" />
            <path d="M8 7v4.5M8 4.5v.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
          <p>{erasureText(t, erasure)}</p>
          <button
            type="button"
            className="icon-button"
            aria-label={t('regions.erasure.dismiss', { title: erasure.boardTitle })}
            onClick={() => {
              dismissSourceErasure(doc, erasure)
              // The button goes with its notice: keep the keyboard on the board.
              document.getElementById('main')?.focus()
            }}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  )
}
