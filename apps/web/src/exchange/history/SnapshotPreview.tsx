/**
 * One saved version, read-only: its clusters and notes as an outline, fetched from the relay and
 * read in a throwaway doc (never connected, so nothing of it can reach the live board). Its heading
 * takes focus when it is ready, so a screen reader lands on what was asked for.
 */
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../../session/BoardContext'
import { describeFailure } from '../failure'
import { FailureMessage } from '../FailureMessage'
import { fetchSnapshot, type SnapshotEntry } from '../../api/exchange'
import type { Progress } from '../../api/transfer'
import { TransferProgress } from '../TransferProgress'
import { type OutlineNote, outlineOf, type SnapshotOutline } from './outline'
import { snapshotTime } from './snapshotWords'

type PreviewState =
  | { readonly status: 'loading'; readonly progress: Progress | null }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'ready'; readonly outline: SnapshotOutline }

function NoteList({ notes }: { readonly notes: readonly OutlineNote[] }) {
  const { t } = useTranslation()
  if (notes.length === 0) return <p className="muted">{t('exchange.history.noNotes')}</p>
  return (
    <ul className="outline-notes">
      {notes.map((note) => (
        <li key={note.id} className={`outline-note note--${note.colour}`}>
          <span className="visually-hidden">{t(`colours.${note.colour}`)}: </span>
          {note.text || t('exchange.history.emptyNote')}
        </li>
      ))}
    </ul>
  )
}

interface SnapshotPreviewProps {
  readonly entry: SnapshotEntry
  readonly onRestore: () => void
  readonly onClose: () => void
}

export function SnapshotPreview({ entry, onRestore, onClose }: SnapshotPreviewProps) {
  const { t, i18n } = useTranslation()
  const { boardId, token } = useBoard()
  const heading = useRef<HTMLHeadingElement>(null)
  const [state, setState] = useState<PreviewState>({ status: 'loading', progress: null })
  useEffect(() => {
    const controller = new AbortController()
    setState({ status: 'loading', progress: null })
    const onProgress = (progress: Progress) => setState({ status: 'loading', progress })
    fetchSnapshot(boardId, token, entry.id, controller.signal, onProgress).then(
      (update) => setState({ status: 'ready', outline: outlineOf(update) }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error })
      },
    )
    return () => controller.abort()
  }, [boardId, token, entry.id])
  const ready = state.status === 'ready'
  useEffect(() => {
    if (ready) heading.current?.focus()
  }, [ready])

  const time = snapshotTime(entry, i18n.resolvedLanguage)
  return (
    <section className="snapshot-preview" aria-labelledby={`snapshot-${entry.id}`}>
      <h3 id={`snapshot-${entry.id}`} ref={heading} tabIndex={-1}>
        {t('exchange.history.previewHeading', { time })}
      </h3>
      {state.status === 'loading' && (
        <TransferProgress label={t('exchange.history.loading')} progress={state.progress} />
      )}
      {state.status === 'failed' && <FailureMessage failure={describeFailure(t, state.error)} />}
      {state.status === 'ready' && (
        <>
          <p>
            {t('exchange.history.summary', {
              count: state.outline.noteCount,
              groups: t('exchange.history.groups', { count: state.outline.groups.length }),
            })}
          </p>
          {state.outline.groups.map((group) => (
            <div key={group.id} className="outline-group">
              <h4>{group.name || t('exchange.csv.unnamedCluster')}</h4>
              <NoteList notes={group.notes} />
            </div>
          ))}
          {state.outline.loose.length > 0 && (
            <div className="outline-group">
              <h4>{t('exchange.history.loose')}</h4>
              <NoteList notes={state.outline.loose} />
            </div>
          )}
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('exchange.history.closePreview')}
        </button>
        <button type="button" className="button button--primary" aria-haspopup="dialog" onClick={onRestore}>
          {t('exchange.history.restoreThis')}
        </button>
      </div>
    </section>
  )
}
