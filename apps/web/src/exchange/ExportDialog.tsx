/**
 * The facilitator's export: results as CSV, Markdown or JSON from the relay, in the UI language,
 * and an image of the whole board or of the current view drawn right here, with each note's dots.
 * A CSV is separated by semicolons (what a Swedish spreadsheet expects) or commas, by default the one
 * the UI language's spreadsheets expect, and its times are in this device's time zone. Every file is
 * named by the board's title and the local date and time, each kind apart. One export at a time;
 * its progress and outcome are shown and announced in the dialog.
 */
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../session/BoardContext'
import { Dialog } from '../components/Dialog'
import { useVotes } from '../voting/useVotes'
import { exportFileName, saveBlob } from './download'
import { describeFailure, type Failure } from './failure'
import { FailureMessage } from './FailureMessage'
import { exchangeLanguage } from './language'
import { boardImage } from './png/boardImage'
import { type CsvLayout, downloadExport, type ExportFormat } from '../api/exchange'
import type { Progress } from '../api/transfer'
import { TransferProgress } from './TransferProgress'

type Choice = ExportFormat | 'png-whole' | 'png-view'
type Separator = CsvLayout['separator']

type ExportState =
  | { readonly status: 'idle' }
  | { readonly status: 'busy'; readonly choice: Choice; readonly progress: Progress | null }
  | { readonly status: 'done'; readonly filename: string }
  | { readonly status: 'failed'; readonly failure: Failure }

const RESULT_CHOICES: readonly ExportFormat[] = ['csv', 'md', 'json']
const IMAGE_CHOICES: readonly Choice[] = ['png-whole', 'png-view']
const SEPARATORS: readonly Separator[] = ['semicolon', 'comma']

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

function SeparatorChoice({
  separator,
  onChange,
}: {
  readonly separator: Separator
  readonly onChange: (separator: Separator) => void
}) {
  const { t } = useTranslation()
  const name = useId()
  return (
    <fieldset className="export-separator">
      <legend>{t('exchange.export.separator.legend')}</legend>
      {SEPARATORS.map((choice) => (
        <label key={choice} className="panel-check">
          <input
            type="radio"
            name={name}
            value={choice}
            checked={separator === choice}
            onChange={() => onChange(choice)}
          />
          {t(`exchange.export.separator.${choice}`)}
        </label>
      ))}
    </fieldset>
  )
}

/** This device's time zone, which CSV times are written in (UTC where the browser does not say). */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

export function ExportDialog({ title, onClose }: { readonly title: string; readonly onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const session = useBoard()
  const totals = useVotes((votes) => votes.totals)
  const [state, setState] = useState<ExportState>({ status: 'idle' })
  const language = exchangeLanguage(i18n.resolvedLanguage)
  // Swedish spreadsheets read a comma as the decimal sign, and so expect semicolons between fields.
  const [separator, setSeparator] = useState<Separator>(language === 'sv' ? 'semicolon' : 'comma')
  const busy = state.status === 'busy'

  const run = async (choice: Choice) => {
    setState({ status: 'busy', choice, progress: null })
    const fallback = t('exchange.export.fallbackName')
    try {
      if (choice === 'png-whole' || choice === 'png-view') {
        const { viewport, size } = session.ui.getState()
        const area = choice === 'png-whole' ? { kind: 'whole' as const } : { kind: 'view' as const, viewport, size }
        const tag = choice === 'png-view' ? t('exchange.export.png-view.fileTag') : ''
        const filename = exportFileName(title, 'png', new Date(), fallback, tag)
        const dots = totals ? { totals, label: (count: number) => t('facilitation.vote.total', { count }) } : undefined
        saveBlob(await boardImage(session.doc, area, window.devicePixelRatio || 1, dots), filename)
        setState({ status: 'done', filename })
        return
      }
      const onProgress = (progress: Progress) => setState({ status: 'busy', choice, progress })
      const csv = choice === 'csv' ? { separator, timeZone: localTimeZone() } : undefined
      const { blob } = await downloadExport(session.boardId, session.token, choice, language, onProgress, csv)
      const filename = exportFileName(title, choice, new Date(), fallback)
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
          <SeparatorChoice separator={separator} onChange={setSeparator} />
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
