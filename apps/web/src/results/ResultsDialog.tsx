/**
 * The results: the notes with the most dots first, then clusters and the notes in them ranked by
 * dots, in large type for a projector and printable (only this view is printed). It opens at its top
 * (focus on its heading), so the winners are what one sees first. Totals, and the ranking that would
 * give them away, are shown when the relay sends this person the totals: the facilitator always,
 * everyone else once the facilitator reveals the vote. The facilitator can show the results on the
 * board itself from here too.
 */

import { useSyncExternalStore } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../components/Dialog'
import { useBoard } from '../session/BoardContext'
import { StackSummary } from '../stacks/StackSummary'
import { useVotes } from '../voting/useVotes'
import { ResultsOnBoardToggle } from './ResultsOnBoardToggle'
import { rankPlaces } from './ranking'
import { useRankedResults } from './useRankedResults'

/** Notes listed first, as the winners. */
const TOP_NOTES = 3

function TopNotes({ totals }: { readonly totals: ReadonlyMap<string, number> }) {
  const { t } = useTranslation()
  const { reader } = useBoard()
  const layout = useSyncExternalStore(reader.subscribeLayout, reader.getLayout)
  const places = rankPlaces(
    layout.map((note) => note.id),
    totals,
    TOP_NOTES,
  )
  if (places.length === 0) return null
  return (
    <section className="results-top" aria-labelledby="results-top-heading">
      <h3 id="results-top-heading">{t('presentation.results.top')}</h3>
      <ol className="results-podium">
        {places.map(({ id, votes, place }) => (
          <li key={id} data-place={place}>
            <span className="results-place">
              <span className="visually-hidden">{t('presentation.results.place')} </span>
              {place}
            </span>
            <span className="results-text">
              {reader.getNote(id)?.text || t('facilitation.results.emptyNote')}
              <StackSummary id={id} />
            </span>
            <span className="results-votes">{t('facilitation.vote.total', { count: votes })}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}

function RankedList({ totals }: { readonly totals: ReadonlyMap<string, number> }) {
  const { t } = useTranslation()
  const { doc } = useBoard()
  const groups = useRankedResults(doc, totals)
  if (groups.length === 0) return <p>{t('facilitation.results.empty')}</p>
  return (
    <ol className="results-groups">
      {groups.map((group) => (
        <li key={group.clusterId ?? 'loose'} className="results-group">
          <h3>
            <span>
              {group.clusterId === null
                ? t('facilitation.results.loose')
                : group.name || t('facilitation.cluster.unnamed')}
            </span>
            <span className="results-votes">{t('facilitation.vote.total', { count: group.votes })}</span>
          </h3>
          <ol className="results-notes">
            {group.notes.map(({ note, votes }) => (
              <li key={note.id}>
                <span className="results-text">
                  {note.text || t('facilitation.results.emptyNote')}
                  <StackSummary id={note.id} />
                </span>
                <span className="results-votes">{t('facilitation.vote.total', { count: votes })}</span>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  )
}

export function ResultsDialog({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation()
  const { role } = useBoard()
  const totals = useVotes((votes) => votes.totals)
  // In <body> itself, so printing can leave out everything else on the page.
  return createPortal(
    <Dialog
      heading={t('facilitation.results.heading')}
      className="results-dialog"
      onClose={onClose}
      initialFocus="heading"
    >
      {(close) => (
        <>
          {role === 'facilitator' && (
            <div className="results-on-board">
              <ResultsOnBoardToggle />
            </div>
          )}
          {totals ? (
            <>
              <TopNotes totals={totals} />
              <RankedList totals={totals} />
            </>
          ) : (
            <p className="results-hidden">{t('facilitation.results.hidden')}</p>
          )}
          <div className="dialog-actions results-actions">
            <button type="button" className="button" onClick={() => window.print()}>
              {t('facilitation.results.print')}
            </button>
            <button type="button" className="button button--primary" onClick={close}>
              {t('facilitation.results.close')}
            </button>
          </div>
        </>
      )}
    </Dialog>,
    document.body,
  )
}
