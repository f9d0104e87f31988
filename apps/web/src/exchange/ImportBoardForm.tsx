/**
 * On the home page: a new board from an exported board file (JSON). The file is read here only to
 * check that it is JSON and to offer its title; the relay recreates the board or says plainly why
 * not. On success the new board opens with its facilitator link.
 */
import { MAX_TITLE_LENGTH } from '@samla/board'
import { type ChangeEvent, type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { boardLinkPath } from '../access/boardLink'
import { afterCreation, creationKey } from '../access/creationKey'
import { rememberBoard } from '../lib/recentBoards'
import { navigate } from '../lib/router'
import { type BoardFileProblem, MAX_BOARD_FILE_BYTES, readBoardFile } from './boardFile'
import { describeFailure, type Failure } from './failure'
import { FailureMessage } from './FailureMessage'
import { formatBytes } from './format'
import { createBoardFromExport } from '../api/exchange'
import { type Progress, RelayError } from '../api/transfer'
import { TransferProgress } from './TransferProgress'

type FormState =
  | { readonly status: 'idle' }
  | { readonly status: 'busy'; readonly progress: Progress | null }
  | { readonly status: 'failed'; readonly failure: Failure }

export function ImportBoardForm() {
  const { t, i18n } = useTranslation()
  const fileId = useId()
  const hintId = useId()
  const titleId = useId()
  const [content, setContent] = useState<unknown>(null)
  const [fileProblem, setFileProblem] = useState<BoardFileProblem | null>(null)
  const [title, setTitle] = useState('')
  const [state, setState] = useState<FormState>({ status: 'idle' })
  const busy = state.status === 'busy'

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0]
    setContent(null)
    setState({ status: 'idle' })
    if (!chosen) return
    const file = readBoardFile(await chosen.text(), chosen.name, chosen.size)
    if (!file.ok) {
      setFileProblem(file.problem)
      return
    }
    setFileProblem(null)
    setContent(file.content)
    setTitle(file.title)
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busy || content === null) return
    setState({ status: 'busy', progress: null })
    try {
      const { board, links } = await createBoardFromExport(
        title.trim(),
        content,
        (progress) => setState({ status: 'busy', progress }),
        creationKey(),
      )
      afterCreation({ ok: true })
      const token = links.facilitator
      rememberBoard({ id: board.id, title: board.title, visitedAt: Date.now(), token, role: 'facilitator' })
      navigate(boardLinkPath(board.id, token))
    } catch (error) {
      if (error instanceof RelayError) afterCreation({ ok: false, code: error.code })
      setState({ status: 'failed', failure: describeFailure(t, error) })
    }
  }

  return (
    <form className="create-board import-board" onSubmit={onSubmit} noValidate>
      <h2>{t('exchange.importBoard.heading')}</h2>
      <label htmlFor={fileId}>{t('exchange.importBoard.fileLabel')}</label>
      <input
        id={fileId}
        type="file"
        accept=".json,application/json"
        aria-describedby={hintId}
        aria-invalid={fileProblem !== null}
        disabled={busy}
        onChange={(event) => void onFile(event)}
      />
      <p id={hintId} className="muted">
        {t('exchange.importBoard.fileHint')}
      </p>
      <p className="form-error" role="alert">
        {fileProblem &&
          t(`exchange.importBoard.file.${fileProblem}`, {
            max: formatBytes(MAX_BOARD_FILE_BYTES, i18n.resolvedLanguage),
          })}
      </p>
      {content !== null && (
        <>
          <label htmlFor={titleId}>{t('exchange.importBoard.titleLabel')}</label>
          <div className="create-board-row">
            <input
              id={titleId}
              type="text"
              value={title}
              maxLength={MAX_TITLE_LENGTH}
              onChange={(event) => setTitle(event.currentTarget.value)}
            />
            <button type="submit" className="button button--primary" aria-disabled={busy}>
              {busy ? t('exchange.importBoard.busy') : t('exchange.importBoard.submit')}
            </button>
          </div>
        </>
      )}
      <p className="exchange-status" role="status">
        {busy && t('exchange.importBoard.uploading')}
      </p>
      {busy && <TransferProgress label={t('exchange.importBoard.progress')} progress={state.progress} />}
      <FailureMessage failure={state.status === 'failed' ? state.failure : null} />
    </form>
  )
}
