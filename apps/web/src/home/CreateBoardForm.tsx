/**
 * Creating a board: a titled form, with a template to start from, that asks the relay for a new board
 * and opens it with its facilitator link.
 */
import { MAX_TITLE_LENGTH } from '@samla/board'
import { type FormEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { boardLinkPath } from '../access/boardLink'
import { afterCreation, creationKey } from '../access/creationKey'
import { createBoard } from '../api/boards'
import { RelayError } from '../api/transfer'
import { describeFailure } from '../exchange/failure'
import { exchangeLanguage } from '../exchange/language'
import { type TemplateId, TemplatePicker } from '../exchange/TemplatePicker'
import { rememberBoard } from '../lib/recentBoards'
import { navigate } from '../lib/router'

type FormState = 'idle' | 'busy' | 'failed' | 'refused' | 'missing-title'

export function CreateBoardForm() {
  const { t, i18n } = useTranslation()
  const inputId = useId()
  const errorId = useId()
  const input = useRef<HTMLInputElement>(null)
  const [title, setTitle] = useState('')
  const [state, setState] = useState<FormState>('idle')
  const [template, setTemplate] = useState<TemplateId>('blank')
  const [refusal, setRefusal] = useState('')

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (state === 'busy') return
    const trimmed = title.trim()
    if (!trimmed) {
      setState('missing-title')
      input.current?.focus()
      return
    }
    setState('busy')
    try {
      const { board, links } = await createBoard(
        trimmed,
        { template, language: exchangeLanguage(i18n.resolvedLanguage) },
        creationKey(),
      )
      afterCreation({ ok: true })
      const token = links.facilitator
      rememberBoard({ id: board.id, title: board.title, visitedAt: Date.now(), token, role: 'facilitator' })
      navigate(boardLinkPath(board.id, token))
    } catch (error) {
      // The relay's plain refusals (a creation key, a full server) are told as they are; anything else is a failure to reach it.
      if (error instanceof RelayError && error.status !== 0) {
        afterCreation({ ok: false, code: error.code })
        setRefusal(describeFailure(t, error).text)
        setState('refused')
      } else setState('failed')
    }
  }

  const error =
    state === 'failed'
      ? t('home.create.failed')
      : state === 'refused'
        ? refusal
        : state === 'missing-title'
          ? t('home.create.titleRequired')
          : null

  return (
    <form className="create-board" onSubmit={onSubmit} noValidate>
      <h2>{t('home.create.heading')}</h2>
      <label htmlFor={inputId}>{t('home.create.titleLabel')}</label>
      <div className="create-board-row">
        <input
          ref={input}
          id={inputId}
          type="text"
          value={title}
          maxLength={MAX_TITLE_LENGTH}
          placeholder={t('home.create.titlePlaceholder')}
          aria-invalid={state === 'missing-title'}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
      </div>
      <TemplatePicker value={template} onChange={setTemplate} />
      <div className="create-board-actions">
        <button type="submit" className="button button--primary" disabled={state === 'busy'}>
          {state === 'busy' ? t('home.create.busy') : t('home.create.submit')}
        </button>
      </div>
      <p id={errorId} className="form-error" role="alert">
        {error}
      </p>
    </form>
  )
}
