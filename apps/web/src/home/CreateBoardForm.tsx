/**
 * Creating a board: a titled form, with a template to start from, that asks the relay for a new board
 * and opens it with its facilitator link.
 */
import { MAX_TITLE_LENGTH } from '@samla/board'
import { type FormEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { boardLinkPath } from '../access/boardLink'
import { createBoard } from '../api/boards'
import { exchangeLanguage } from '../exchange/language'
import { type TemplateId, TemplatePicker } from '../exchange/TemplatePicker'
import { rememberBoard } from '../lib/recentBoards'
import { navigate } from '../lib/router'

type FormState = 'idle' | 'busy' | 'failed' | 'missing-title'

export function CreateBoardForm() {
  const { t, i18n } = useTranslation()
  const inputId = useId()
  const errorId = useId()
  const input = useRef<HTMLInputElement>(null)
  const [title, setTitle] = useState('')
  const [state, setState] = useState<FormState>('idle')
  const [template, setTemplate] = useState<TemplateId>('blank')

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
      const { board, links } = await createBoard(trimmed, {
        template,
        language: exchangeLanguage(i18n.resolvedLanguage),
      })
      const token = links.facilitator
      rememberBoard({ id: board.id, title: board.title, visitedAt: Date.now(), token, role: 'facilitator' })
      navigate(boardLinkPath(board.id, token))
    } catch {
      setState('failed')
    }
  }

  const error =
    state === 'failed' ? t('home.create.failed') : state === 'missing-title' ? t('home.create.titleRequired') : null

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
