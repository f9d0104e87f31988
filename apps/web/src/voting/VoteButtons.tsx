/**
 * Dot voting on a note: while this person may vote, buttons to add and take back a dot with their
 * own dots in words and as dots; the note's total whenever the relay sends this person totals (the
 * facilitator always, everyone once the facilitator reveals them). Nothing on private drafts, which
 * cannot be voted on.
 */
import { useBoardLanguage } from '../i18n/BoardLanguage'
import { useIsPrivateNote } from '../private/PrivateMark'
import { useBoard } from '../session/BoardContext'
import { useControlState, useTools } from '../session/useControl'
import { useVoteTarget } from '../stacks/stackIndex'
import { useVotes } from './useVotes'
import { placeDot, takeBackDot } from './voteCommands'

export function VoteButtons({ id }: { readonly id: string }) {
  const { t } = useBoardLanguage()
  const session = useBoard()
  // A note in a stack shows the stack's dots: the relay counts them on the stack's first note.
  const target = useVoteTarget(id)
  const mine = useVotes((votes) => votes.mine.get(target) ?? 0)
  // Only notes with dots carry a total (a "0" on every other note would only be noise), and only
  // while the relay sends this person the totals.
  const total = useVotes((votes) => votes.totals?.get(target) ?? 0)
  const { vote } = useControlState()
  const tools = useTools()
  const isPrivate = useIsPrivateNote()
  const showTotal = total > 0
  if (isPrivate || (!tools.vote && !showTotal)) return null

  return (
    <div className="note-votes">
      {tools.vote && (
        <>
          <button
            type="button"
            className="icon-button vote-button"
            aria-label={t('facilitation.vote.remove')}
            title={t('facilitation.vote.remove')}
            disabled={mine === 0}
            onClick={() => takeBackDot(session, id)}
          >
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path d="M3.5 8h9" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          </button>
          <span className="vote-mine">
            <span className="vote-dots" aria-hidden="true">
              {'●'.repeat(Math.min(mine, 5))}
            </span>
            {t('facilitation.vote.mine', { count: mine })}
          </span>
          <button
            type="button"
            className="icon-button vote-button"
            aria-label={t('facilitation.vote.add')}
            title={t('facilitation.vote.add')}
            disabled={mine >= vote.capPerNote}
            onClick={() => placeDot(session, id)}
          >
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path d="M8 3.5v9M3.5 8h9" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          </button>
        </>
      )}
      {showTotal && (
        <span className="vote-total" data-total={total}>
          {t('facilitation.vote.total', { count: total })}
        </span>
      )}
    </div>
  )
}
