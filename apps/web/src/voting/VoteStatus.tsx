/**
 * The vote in the session bar: for a voter, the dots they have left (a polite live region, so each
 * dot placed is confirmed); whether totals are hidden or shown; for the facilitator, how many have voted.
 */
import { useTranslation } from 'react-i18next'
import { useBoard } from '../session/BoardContext'
import { useControlState, useTools } from '../session/useControl'
import { useVotes } from './useVotes'

export function VoteStatus() {
  const { t } = useTranslation()
  const session = useBoard()
  const spent = useVotes((votes) => votes.spent)
  const voters = useVotes((votes) => votes.voters)
  const { vote, phase } = useControlState()
  const tools = useTools()
  if (!vote.open || phase !== 'vote') return null
  const left = Math.max(0, vote.budget - spent)
  return (
    <div className="vote-status" role="status">
      {tools.vote && (
        <span className="vote-left" data-left={left}>
          {t('facilitation.vote.left', { count: left, budget: vote.budget })}
        </span>
      )}
      <span className="vote-state">
        {vote.closed
          ? t('facilitation.vote.closed')
          : vote.revealed
            ? t('facilitation.vote.revealed')
            : t('facilitation.vote.hidden')}
      </span>
      {session.role === 'facilitator' && <span>{t('facilitation.vote.voters', { count: voters })}</span>}
    </div>
  )
}
