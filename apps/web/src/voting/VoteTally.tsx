/**
 * The totals so far in the facilitator's vote panel, live as the relay sends them: how many dots are
 * placed, and the notes with the most. A plain list, not announced: a dot every second would drown
 * out everything else a screen reader says.
 */
import { useTranslation } from 'react-i18next'
import { useNote } from '../session/BoardContext'
import { useVotes } from './useVotes'

const LEADING = 5

function LeadingNote({ id, dots }: { readonly id: string; readonly dots: number }) {
  const { t } = useTranslation()
  const text = useNote(id)?.text.trim()
  return (
    <li>
      <span className="vote-tally-text">{text || t('facilitation.results.emptyNote')}</span>{' '}
      <span className="vote-tally-dots">{t('facilitation.vote.total', { count: dots })}</span>
    </li>
  )
}

export function VoteTally() {
  const { t } = useTranslation()
  const totals = useVotes((votes) => votes.totals)
  if (!totals || totals.size === 0) return null
  const placed = [...totals.values()].reduce((sum, dots) => sum + dots, 0)
  const leading = [...totals].sort(([, a], [, b]) => b - a).slice(0, LEADING)
  return (
    <div className="vote-tally">
      <p className="panel-hint">{t('facilitation.vote.placed', { count: placed })}</p>
      <p className="panel-hint">{t('facilitation.vote.leading')}</p>
      <ol className="vote-tally-list">
        {leading.map(([id, dots]) => (
          <LeadingNote key={id} id={id} dots={dots} />
        ))}
      </ol>
    </div>
  )
}
