/**
 * The facilitator's vote controls: dots per person and per note, start (which also moves everyone
 * to the vote phase), the totals so far, reveal them to everyone, and close the vote so no dot
 * changes any more.
 */
import { closeVote, MAX_VOTE_BUDGET, revealVotes, setPhase, startVote } from '@samla/board'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CountField } from '../components/CountField'
import { useBoard } from '../session/BoardContext'
import { controlWrite } from '../session/controlWrite'
import { useControlState } from '../session/useControl'
import { useVotes } from './useVotes'
import { VoteTally } from './VoteTally'

export function VotePanel() {
  const { t } = useTranslation()
  const session = useBoard()
  const { controlDoc } = session
  const { vote } = useControlState()
  const voters = useVotes((votes) => votes.voters)
  const [budget, setBudget] = useState(vote.budget)
  const [cap, setCap] = useState(vote.capPerNote)
  const headingId = useId()
  const running = vote.open && !vote.closed

  const start = (event: FormEvent) => {
    event.preventDefault()
    controlWrite(session, () => {
      startVote(controlDoc, { budget, capPerNote: Math.min(cap, budget) })
      setPhase(controlDoc, 'vote')
    })
  }

  return (
    <section className="panel-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('facilitation.vote.heading')}</h3>
      <form className="panel-form" onSubmit={start}>
        <CountField label={t('facilitation.vote.budget')} max={MAX_VOTE_BUDGET} value={budget} onChange={setBudget} />
        <CountField label={t('facilitation.vote.cap')} max={budget} value={cap} onChange={setCap} />
        <button type="submit" className="button button--primary">
          {vote.open ? t('facilitation.vote.restart') : t('facilitation.vote.start')}
        </button>
      </form>
      <p className="panel-state" role="status">
        {!vote.open
          ? t('facilitation.vote.notStarted')
          : t('facilitation.vote.summary', {
              state: vote.closed ? t('facilitation.vote.stateClosed') : t('facilitation.vote.stateOpen'),
              count: voters,
            })}
      </p>
      <VoteTally />
      <div className="panel-row">
        <button
          type="button"
          className="button"
          disabled={!vote.open || vote.revealed}
          onClick={() => controlWrite(session, () => revealVotes(controlDoc))}
        >
          {t('facilitation.vote.reveal')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!running}
          onClick={() => controlWrite(session, () => closeVote(controlDoc))}
        >
          {t('facilitation.vote.close')}
        </button>
      </div>
    </section>
  )
}
