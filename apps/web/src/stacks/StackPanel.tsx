/**
 * Near-duplicates in the facilitator's panel (issue #21): on a merged board, the facilitator asks for
 * proposals (exchange/near-duplicates.ts over notes from different source boards), and confirms or
 * dismisses each; confirmed stacks are listed to be taken apart again. Proposals are looked for when
 * asked, not on every keystroke: on a board of thousands of notes that would cost every writer's typing.
 */
import { confirmStack, dismissStack, removeStack } from '@samla/board'
import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { announce } from '../announce/LiveAnnouncer'
import { useBoard, useNote } from '../session/BoardContext'
import { guarded } from '../session/commands'
import { findProposals, type Proposal } from './proposals'
import { useStackInfo } from './StackMark'
import { useBoardStacks, useRegionCount } from './stackIndex'
import { originTitle } from './stackOrigins'

function NoteLine({ id }: { readonly id: string }) {
  const { t } = useTranslation()
  const note = useNote(id)
  if (!note) return null
  const title = originTitle(note.origin, { untitled: t('regions.untitled'), thisBoard: t('stacks.thisBoard') })
  return (
    <li>
      <span className="stack-note-text">{note.text.trim() || t('facilitation.results.emptyNote')}</span>{' '}
      <span className="stack-note-origin">{t('stacks.fromBoard', { title })}</span>
    </li>
  )
}

function ProposalItem({ proposal, onDone }: { readonly proposal: Proposal; readonly onDone: () => void }) {
  const { t } = useTranslation()
  const session = useBoard()
  const headingId = useId()
  const decide = (write: typeof confirmStack, said: string) => {
    guarded(session, () => write(session.doc, proposal.noteIds))
    announce(said)
    onDone()
  }
  return (
    <li className="stack-proposal" aria-labelledby={headingId}>
      <p id={headingId} className="stack-proposal-heading">
        {t('stacks.proposal', { count: proposal.noteIds.length })}
      </p>
      <ul className="stack-notes">
        {proposal.noteIds.map((id) => (
          <NoteLine key={id} id={id} />
        ))}
      </ul>
      <div className="panel-row">
        <button
          type="button"
          className="button button--primary"
          aria-describedby={headingId}
          onClick={() => decide(confirmStack, t('stacks.confirmed'))}
        >
          {t('stacks.confirm')}
        </button>
        <button
          type="button"
          className="button"
          aria-describedby={headingId}
          onClick={() => decide(dismissStack, t('stacks.dismissed'))}
        >
          {t('stacks.dismiss')}
        </button>
      </div>
    </li>
  )
}

function ConfirmedStack({ id, noteIds }: { readonly id: string; readonly noteIds: readonly string[] }) {
  const { t } = useTranslation()
  const session = useBoard()
  const first = useNote(noteIds[0] ?? '')
  const info = useStackInfo(noteIds[0] ?? '')
  const text = first?.text.trim() || t('facilitation.results.emptyNote')
  return (
    <li className="stack-confirmed">
      <span className="stack-note-text">{text}</span>{' '}
      <span className="stack-note-origin">
        {t('stacks.summary', { count: noteIds.length, titles: info?.titles ?? [] })}
      </span>
      <button
        type="button"
        className="button"
        aria-label={t('stacks.unstackLabel', { text })}
        onClick={() => {
          guarded(session, () => removeStack(session.doc, id))
          announce(t('stacks.unstacked'))
        }}
      >
        {t('stacks.unstack')}
      </button>
    </li>
  )
}

export function StackPanel() {
  const { t, i18n } = useTranslation()
  const session = useBoard()
  const regionCount = useRegionCount()
  const stacks = useBoardStacks()
  const [proposals, setProposals] = useState<readonly Proposal[] | null>(null)
  const headingId = useId()
  const listRef = useRef<HTMLParagraphElement>(null)
  // Only a merged board has notes from several boards to compare.
  if (regionCount < 2 && stacks.confirmed.length === 0) return null

  const find = () => {
    const found = findProposals(session.doc, i18n.language === 'en' ? 'en' : 'sv')
    setProposals(found)
    announce(found.length === 0 ? t('stacks.none') : t('stacks.found', { count: found.length }))
  }
  const done = (decided: Proposal) => {
    setProposals((current) => current?.filter((proposal) => proposal.id !== decided.id) ?? null)
    // The buttons pressed are gone with their proposal: focus stays in the section.
    listRef.current?.focus()
  }

  return (
    <section className="panel-section stack-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('stacks.heading')}</h3>
      <p className="panel-hint">{t('stacks.hint')}</p>
      <div className="panel-row">
        <button type="button" className="button" onClick={find}>
          {proposals === null ? t('stacks.find') : t('stacks.findAgain')}
        </button>
      </div>
      {proposals !== null && (
        <p ref={listRef} className="panel-state" tabIndex={-1}>
          {proposals.length === 0 ? t('stacks.none') : t('stacks.found', { count: proposals.length })}
        </p>
      )}
      {proposals !== null && proposals.length > 0 && (
        <ol className="stack-proposals">
          {proposals.map((proposal) => (
            <ProposalItem key={proposal.id} proposal={proposal} onDone={() => done(proposal)} />
          ))}
        </ol>
      )}
      {stacks.confirmed.length > 0 && (
        <>
          <h4 className="stack-subheading">{t('stacks.stacksHeading')}</h4>
          <ul className="stack-confirmed-list">
            {stacks.confirmed.map((stack) => (
              <ConfirmedStack key={stack.id} id={stack.id} noteIds={stack.noteIds} />
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
