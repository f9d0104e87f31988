/**
 * The facilitator's export: results as CSV, Markdown or JSON from the relay, in the UI language,
 * and an image of the whole board or of the current view drawn right here. One export at a time;
 * its progress and outcome are shown and announced in the dialog.
 */
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../session/BoardContext'
import { Dialog } from '../components/Dialog'
import { fileSafeName, saveBlob } from './download'
import { describeFailure, type Failure } from './failure'
import { FailureMessage } from './FailureMessage'
import { exchangeLanguage } from './language'
import { boardImage } from './png/boardImage'
import { downloadExport, type ExportFormat } from '../api/exchange'
import type { Progress } from '../api/transfer'
import { TransferProgress } from './TransferProgress'

type Choice = ExportFormat | 'png-whole' | 'png-view'

type ExportState =
  | { readonly status: 'idle' }
  | { readonly status: 'busy'; readonly choice: Choice; readonly progress: Progress | null }
  | { readonly status: 'done'; readonly filename: string }
  | { readonly status: 'failed'; readonly failure: Failure }

const RESULT_CHOICES: readonly ExportFormat[] = ['csv', 'md', 'json']
const IMAGE_CHOICES: readonly Choice[] = ['png-whole', 'png-view']

function ChoiceButton({
  choice,
  busy,
  onChoose,
}: {
  readonly choice: Choice
  readonly busy: boolean
  readonly onChoose: (choice: Choice) => void
}) {
  const { t } = useTranslation()
  const descriptionId = useId()
  return (
    <li className="export-choice">
      <button
        type="button"
        className="button"
        aria-describedby={descriptionId}
        aria-disabled={busy}
        onClick={() => busy || onChoose(choice)}
      >
        {t(`exchange.export.${choice}.label`)}
      </button>
      <span id={descriptionId} className="muted">
        {t(`exchange.export.${choice}.description`)}
      </span>
    </li>
  )
}

export function ExportDialog({ title, onClose }: { readonly title: string; readonly onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const session = useBoard()
  const [state, setState] = useState<ExportState>({ status: 'idle' })
  const language = exchangeLanguage(i18n.resolvedLanguage)
  const busy = state.status === 'busy'

  const run = async (choice: Choice) => {
    setState({ status: 'busy', choice, progress: null })
    try {
      if (choice === 'png-whole' || choice === 'png-view') {
        const { viewport, size } = session.ui.getState()
        const area = choice === 'png-whole' ? { kind: 'whole' as const } : { kind: 'view' as const, viewport, size }
        const filename = fileSafeName(title, 'png', t('exchange.export.fallbackName'))
        saveBlob(await boardImage(session.doc, area, window.devicePixelRatio || 1), filename)
        setState({ status: 'done', filename })
        return
      }
      const onProgress = (progress: Progress) => setState({ status: 'busy', choice, progress })
      const { blob, filename } = await downloadExport(session.boardId, session.token, choice, language, onProgress)
      saveBlob(blob, filename)
      setState({ status: 'done', filename })
    } catch (error) {
      setState({ status: 'failed', failure: describeFailure(t, error) })
    }
  }

  return (
    <Dialog heading={t('exchange.export.heading')} className="dialog--exchange" onClose={onClose}>
      {(close) => (
        <>
          <p>{t('exchange.export.intro', { language: t(`language.${language}`) })}</p>
          <h3 className="exchange-subheading">{t('exchange.export.resultsHeading')}</h3>
          <ul className="export-choices">
            {RESULT_CHOICES.map((choice) => (
              <ChoiceButton key={choice} choice={choice} busy={busy} onChoose={run} />
            ))}
          </ul>
          <h3 className="exchange-subheading">{t('exchange.export.imageHeading')}</h3>
          <ul className="export-choices">
            {IMAGE_CHOICES.map((choice) => (
              <ChoiceButton key={choice} choice={choice} busy={busy} onChoose={run} />
            ))}
          </ul>
          <p className="exchange-status" role="status">
            {state.status === 'busy' && t(`exchange.export.${state.choice}.busy`)}
            {state.status === 'done' && t('exchange.export.done', { filename: state.filename })}
          </p>
          {busy && <TransferProgress label={t('exchange.export.progress')} progress={state.progress} />}
          <FailureMessage failure={state.status === 'failed' ? state.failure : null} />
          <div className="dialog-actions">
            <button type="button" className="button button--primary" onClick={close}>
              {t('exchange.close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}
