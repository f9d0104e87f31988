/**
 * The results on the board itself, while the facilitator shows them there: each note that got dots
 * carries its place and its dots, and the top places are ringed. Drawn in screen space over the
 * notes (like the cursors), only for people the relay sends the totals to. The badges form a list in
 * place order whose items name their note, so a screen reader hears the ranking too.
 */
import { useMemo, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { textStart } from '../lib/textStart'
import { useBoard, useUi } from '../session/BoardContext'
import { useControlState } from '../session/useControl'
import { useVotes } from '../voting/useVotes'
import { rankPlaces } from './ranking'

/** Places that are ringed as the winners. */
const TOP_PLACES = 3
/** Badges drawn at most: a board with hundreds of voted notes stays readable. */
const MAX_BADGES = 20
const LABEL_TEXT_LENGTH = 40

function RankBadges({ totals }: { readonly totals: ReadonlyMap<string, number> }) {
  const { t } = useTranslation()
  const { reader } = useBoard()
  const layout = useSyncExternalStore(reader.subscribeLayout, reader.getLayout)
  const viewport = useUi((state) => state.viewport)
  const places = useMemo(
    () =>
      rankPlaces(
        layout.map((note) => note.id),
        totals,
        MAX_BADGES,
      ),
    [layout, totals],
  )
  const byId = useMemo(() => new Map(layout.map((note) => [note.id, note])), [layout])
  return (
    <ol className="results-layer" aria-label={t('presentation.results.onBoardList')}>
      {places.map(({ id, votes, place }) => {
        const note = byId.get(id)
        if (!note) return null
        const { zoom } = viewport
        return (
          <li
            key={id}
            className="rank-mark"
            data-place={place}
            data-top={place <= TOP_PLACES}
            style={{
              transform: `translate(${note.x * zoom + viewport.x}px, ${note.y * zoom + viewport.y}px)`,
              width: note.width * zoom,
              height: note.height * zoom,
            }}
          >
            <span className="rank-badge">
              <span className="rank-badge-place">
                <span className="visually-hidden">{t('presentation.results.place')} </span>
                {place}
              </span>
              <span className="rank-badge-dots">{t('facilitation.vote.total', { count: votes })}</span>
              <span className="visually-hidden">
                {textStart(reader.getNote(id)?.text ?? '', LABEL_TEXT_LENGTH) || t('facilitation.results.emptyNote')}
              </span>
            </span>
          </li>
        )
      })}
    </ol>
  )
}

export function ResultsLayer() {
  const { resultsOnBoard } = useControlState()
  const totals = useVotes((votes) => votes.totals)
  if (!resultsOnBoard || !totals) return null
  return <RankBadges totals={totals} />
}
