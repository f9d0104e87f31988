/**
 * "Merge again" on a merged board (issue #21): the board's source boards by their regions' titles,
 * each sent with the facilitator link this device holds for it or with one the facilitator pastes.
 * Pasted links that cannot do it are explained before anything is sent; the relay's refusals name
 * the source; what the merge did is told in plain words. The dialog stays open, so it can be run again.
 */
import { listNotes, listRegions } from '@samla/board'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { mergeableBoards } from '../access/mergeSources'
import { mergeAgain } from '../api/boards'
import { Dialog } from '../components/Dialog'
import { tabTokenKey } from '../lib/localCopy'
import { loadRecentBoards } from '../lib/recentBoards'
import { readStored } from '../lib/storage'
import { useBoard } from '../session/BoardContext'
import { mergeAgainReportText } from './mergeAgainReport'
import { namesLeftOut, type RowProblem, rowSource, type SourceRow, sourceRows } from './mergeAgainSources'
import { useMergeError } from './mergeError'

const ROW_PROBLEMS = {
  empty: 'merge.again.errors.empty',
  'other-board': 'merge.again.errors.otherBoard',
  'not-a-link': 'merge.again.errors.notALink',
  'no-token': 'merge.again.errors.noToken',
  participant: 'merge.again.errors.participant',
  viewer: 'merge.again.errors.viewer',
} as const satisfies Record<RowProblem, string>

type State =
  | { readonly status: 'idle' | 'busy' }
  | { readonly status: 'done'; readonly text: string }
  /** `boardId`: the source whose link is at fault, whose field is marked and focused. */
  | { readonly status: 'failed'; readonly text: string; readonly boardId: string | null }

export function MergeAgainDialog({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation()
  const session = useBoard()
  const describe = useMergeError()
  const ids = { intro: useId(), field: useId(), hint: useId(), names: useId(), error: useId() }
  const [rows] = useState<SourceRow[]>(() => {
    const held = mergeableBoards(loadRecentBoards(), (id) => readStored(tabTokenKey(id), 'session'))
    return sourceRows(listRegions(session.doc), held)
  })
  const [pasted, setPasted] = useState<Readonly<Record<string, string>>>({})
  // Sources whose held link the relay refused: their field is shown, for a working link.
  const [pasteInstead, setPasteInstead] = useState<ReadonlySet<string>>(new Set())
  const [leaveOutNames, setLeaveOutNames] = useState(() => namesLeftOut(listNotes(session.doc)))
  const [state, setState] = useState<State>({ status: 'idle' })
  const fields = useRef(new Map<string, HTMLInputElement>())
  const failedOn = state.status === 'failed' ? state.boardId : null

  // After the render that shows it (a held source's field appears only once refused).
  useEffect(() => {
    if (state.status === 'failed' && state.boardId) fields.current.get(state.boardId)?.focus()
  }, [state])

  const titleOf = (row: SourceRow) => row.title.trim() || t('regions.untitled')
  const needsLink = (row: SourceRow) => !row.heldToken || pasteInstead.has(row.boardId)

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (state.status === 'busy') return
    const sources = []
    for (const [index, row] of rows.entries()) {
      const source = rowSource(row, pasted[row.boardId] ?? '', index + 1, pasteInstead.has(row.boardId))
      if (!source.ok) {
        const text = t(ROW_PROBLEMS[source.problem], { title: titleOf(row) })
        return setState({ status: 'failed', text, boardId: row.boardId })
      }
      sources.push(source.source)
    }
    setState({ status: 'busy' })
    try {
      const merge = sources.map(({ id, token }) => ({ id, token }))
      const report = await mergeAgain(session.boardId, session.token, merge, !leaveOutNames)
      setState({ status: 'done', text: mergeAgainReportText(t, report) })
    } catch (error) {
      const refusal = describe(error, sources)
      const refused = refusal.source
      if (refused && !refused.pasted) setPasteInstead((previous) => new Set(previous).add(refused.id))
      setState({ status: 'failed', text: refusal.text, boardId: refused?.id ?? null })
    }
  }

  const busy = state.status === 'busy'
  return (
    <Dialog heading={t('merge.again.heading')} className="dialog--merge-again" onClose={onClose}>
      {(close) => (
        <form className="merge-again" onSubmit={onSubmit} noValidate aria-busy={busy} aria-describedby={ids.intro}>
          <p id={ids.intro}>{t('merge.again.intro')}</p>
          <fieldset className="merge-again-sources">
            <legend>{t('merge.again.sourcesLegend')}</legend>
            {rows.map((row) =>
              needsLink(row) ? (
                <div key={row.boardId} className="merge-again-source">
                  <label htmlFor={`${ids.field}-${row.boardId}`}>
                    {t('merge.again.linkLabel', { title: titleOf(row) })}
                  </label>
                  <input
                    ref={(input) => {
                      if (input) fields.current.set(row.boardId, input)
                      else fields.current.delete(row.boardId)
                    }}
                    id={`${ids.field}-${row.boardId}`}
                    type="text"
                    spellCheck={false}
                    autoComplete="off"
                    value={pasted[row.boardId] ?? ''}
                    aria-invalid={failedOn === row.boardId}
                    aria-describedby={failedOn === row.boardId ? `${ids.error} ${ids.hint}` : ids.hint}
                    onChange={(event) => setPasted({ ...pasted, [row.boardId]: event.currentTarget.value })}
                  />
                </div>
              ) : (
                <div key={row.boardId} className="merge-again-source">
                  <span className="merge-again-title">{titleOf(row)}</span>
                  <span className="muted">{t('merge.again.held')}</span>
                </div>
              ),
            )}
          </fieldset>
          {rows.some(needsLink) && (
            <p id={ids.hint} className="muted">
              {t('merge.again.linkHint')}
            </p>
          )}
          <label className="panel-check">
            <input
              type="checkbox"
              checked={leaveOutNames}
              aria-describedby={ids.names}
              onChange={(event) => setLeaveOutNames(event.currentTarget.checked)}
            />
            {t('merge.leaveOutNames')}
          </label>
          <p id={ids.names} className="muted merge-again-hint">
            {t('merge.again.leaveOutNamesHint')}
          </p>
          <p className="merge-again-status" role="status">
            {busy ? t('merge.again.busy') : state.status === 'done' ? state.text : ''}
          </p>
          <p id={ids.error} className="form-error" role="alert">
            {state.status === 'failed' ? state.text : null}
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
              {t('merge.again.close')}
            </button>
            <button type="submit" className="button button--primary" aria-disabled={busy}>
              {busy ? t('merge.again.busy') : t('merge.again.submit')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  )
}
