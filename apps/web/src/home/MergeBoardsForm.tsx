/**
 * Merging boards (issue #21): a new board made from boards this person facilitates, chosen among the
 * recent boards this device holds the facilitator link of and/or pasted as facilitator links. Links
 * that cannot do it (a participant's, a viewer's) are explained before anything is sent; the relay's
 * refusals name the board they are about. The new board opens as any new board does.
 */
import { MAX_MERGE_SOURCES, MAX_TITLE_LENGTH } from '@samla/board'
import { type FormEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { boardLinkPath } from '../access/boardLink'
import { afterCreation, creationKey } from '../access/creationKey'
import { createBoard } from '../api/boards'
import { tabTokenKey } from '../lib/localCopy'
import { loadRecentBoards, rememberBoard } from '../lib/recentBoards'
import { navigate } from '../lib/router'
import { readStored } from '../lib/storage'
import { useMergeError } from '../regions/mergeError'
import './mergeBoards.css'
import { mergeableBoards, mergeSources, parsePastedLinks } from '../access/mergeSources'

/** Why a pasted line cannot be sent, in words. */
const LINK_PROBLEMS = {
  'not-a-link': 'merge.errors.notALink',
  'no-token': 'merge.errors.noToken',
  participant: 'merge.errors.participant',
  viewer: 'merge.errors.viewer',
} as const

type Field = 'boards' | 'links' | 'title'

type FormState =
  | { readonly status: 'idle' | 'busy' }
  | { readonly status: 'failed'; readonly text: string; readonly field: Field | null }

export function MergeBoardsForm() {
  const { t } = useTranslation()
  const describe = useMergeError()
  const ids = { links: useId(), linksHint: useId(), title: useId(), namesHint: useId(), error: useId() }
  const [boards] = useState(() => {
    const recent = loadRecentBoards()
    return { recent, mergeable: mergeableBoards(recent, (id) => readStored(tabTokenKey(id), 'session')) }
  })
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set())
  const [links, setLinks] = useState('')
  const [title, setTitle] = useState(() => t('merge.defaultTitle'))
  const [leaveOutNames, setLeaveOutNames] = useState(false)
  const [state, setState] = useState<FormState>({ status: 'idle' })
  const fields = {
    boards: useRef<HTMLInputElement>(null),
    links: useRef<HTMLTextAreaElement>(null),
    title: useRef<HTMLInputElement>(null),
  }

  const fail = (text: string, field: Field | null) => {
    setState({ status: 'failed', text, field })
    if (field) (fields[field].current ?? fields.links.current)?.focus()
  }

  const toggle = (id: string, on: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (state.status === 'busy') return
    const pasted = parsePastedLinks(links)
    const unusable = pasted.find((link) => !link.ok)
    if (unusable && !unusable.ok) {
      return fail(t(LINK_PROBLEMS[unusable.problem], { line: unusable.line }), 'links')
    }
    const sources = mergeSources(
      boards.mergeable.filter((board) => chosen.has(board.id)),
      pasted,
      boards.recent,
    )
    if (sources.length < 2) return fail(t('merge.errors.tooFew'), boards.mergeable.length > 0 ? 'boards' : 'links')
    if (sources.length > MAX_MERGE_SOURCES) return fail(t('merge.errors.tooMany', { max: MAX_MERGE_SOURCES }), null)
    const trimmed = title.trim()
    if (!trimmed) return fail(t('merge.errors.titleRequired'), 'title')
    setState({ status: 'busy' })
    try {
      const merge = sources.map(({ id, token }) => ({ id, token }))
      const created = await createBoard(trimmed, { merge, keepAuthorNames: !leaveOutNames }, creationKey())
      afterCreation({ ok: true })
      const token = created.links.facilitator
      rememberBoard({
        id: created.board.id,
        title: created.board.title,
        visitedAt: Date.now(),
        token,
        role: 'facilitator',
      })
      navigate(boardLinkPath(created.board.id, token))
    } catch (error) {
      const refusal = describe(error, sources)
      if (refusal.code) afterCreation({ ok: false, code: refusal.code })
      fail(refusal.text, refusal.source ? (refusal.source.pasted ? 'links' : 'boards') : null)
    }
  }

  const busy = state.status === 'busy'
  const failed = state.status === 'failed' ? state : null
  const invalid = (field: Field) => failed?.field === field
  return (
    <form className="create-board merge-boards" onSubmit={onSubmit} noValidate aria-busy={busy}>
      <h2>{t('merge.heading')}</h2>
      <p className="muted">{t('merge.intro')}</p>
      <fieldset className="merge-boards-list">
        <legend>{t('merge.recentLegend')}</legend>
        {boards.mergeable.length === 0 ? (
          <p className="muted">{t('merge.recentNone')}</p>
        ) : (
          boards.mergeable.map((board, index) => (
            <label key={board.id} className="panel-check">
              <input
                ref={index === 0 ? fields.boards : undefined}
                type="checkbox"
                checked={chosen.has(board.id)}
                aria-describedby={invalid('boards') ? ids.error : undefined}
                onChange={(event) => toggle(board.id, event.currentTarget.checked)}
              />
              {board.title.trim() || t('merge.untitled', { id: board.id.slice(0, 6) })}
            </label>
          ))
        )}
      </fieldset>
      <label htmlFor={ids.links}>{t('merge.linksLabel')}</label>
      <textarea
        ref={fields.links}
        id={ids.links}
        rows={3}
        spellCheck={false}
        autoComplete="off"
        value={links}
        aria-invalid={invalid('links')}
        aria-describedby={invalid('links') ? `${ids.error} ${ids.linksHint}` : ids.linksHint}
        onChange={(event) => setLinks(event.currentTarget.value)}
      />
      <p id={ids.linksHint} className="muted">
        {t('merge.linksHint')}
      </p>
      <label htmlFor={ids.title}>{t('merge.titleLabel')}</label>
      <div className="create-board-row">
        <input
          ref={fields.title}
          id={ids.title}
          type="text"
          value={title}
          maxLength={MAX_TITLE_LENGTH}
          aria-invalid={invalid('title')}
          aria-describedby={invalid('title') ? ids.error : undefined}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
      </div>
      <label className="panel-check">
        <input
          type="checkbox"
          checked={leaveOutNames}
          aria-describedby={ids.namesHint}
          onChange={(event) => setLeaveOutNames(event.currentTarget.checked)}
        />
        {t('merge.leaveOutNames')}
      </label>
      <p id={ids.namesHint} className="muted merge-boards-hint">
        {t('merge.leaveOutNamesHint')}
      </p>
      <div className="create-board-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('merge.busy') : t('merge.submit')}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {busy ? t('merge.busy') : ''}
      </p>
      <p id={ids.error} className="form-error" role="alert">
        {failed?.text}
      </p>
    </form>
  )
}
