/**
 * The facilitator's CSV import into the open board, as one dialog: pick a file, see its first rows,
 * map the text and colour columns, choose where the notes go, fix any bad rows (listed by line; the
 * import is refused until there are none), then import: a history snapshot first, then one write.
 */
import { BoardError, type ClusterSnapshot, type CsvTable, listClusters } from '@samla/board'
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { useBoard } from '../../session/BoardContext'
import { Dialog } from '../../components/Dialog'
import { describeFailure, type Failure } from '../failure'
import { FailureMessage } from '../FailureMessage'
import { formatBytes } from '../format'
import { TransferProgress } from '../TransferProgress'
import { CsvMappingFields } from './CsvMappingFields'
import { CsvPreview } from './CsvPreview'
import { CsvProblems } from './CsvProblems'
import { CsvTargetFields, type TargetChoice, targetOf } from './CsvTargetFields'
import {
  checkImport,
  decodeCsv,
  type FileProblem,
  guessMapping,
  MAX_CSV_BYTES,
  MAX_IMPORT_ROWS,
  type Mapping,
  readCsv,
} from './csvCheck'
import { type ImportStep, ImportTooLarge, importCsvNotes } from './importCsv'

type RunState =
  | { readonly status: 'idle' }
  | { readonly status: 'busy'; readonly step: ImportStep }
  | { readonly status: 'done'; readonly count: number }
  | { readonly status: 'failed'; readonly failure: Failure }

interface LoadedFile {
  readonly name: string
  readonly table: CsvTable
}

function sameClusters(a: readonly ClusterSnapshot[], b: readonly ClusterSnapshot[]): boolean {
  return a.length === b.length && a.every((cluster, i) => cluster.id === b[i]?.id && cluster.name === b[i]?.name)
}

/** The board's clusters, kept current while the dialog is open (someone may add or rename one). */
function useClusters(doc: Y.Doc): readonly ClusterSnapshot[] {
  const [clusters, setClusters] = useState(() => listClusters(doc))
  useEffect(() => {
    const refresh = () => {
      const next = listClusters(doc)
      setClusters((current) => (sameClusters(current, next) ? current : next))
    }
    doc.on('update', refresh)
    return () => doc.off('update', refresh)
  }, [doc])
  return clusters
}

export function CsvImportDialog({ onClose }: { readonly onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const session = useBoard()
  const clusters = useClusters(session.doc)
  const fileId = useId()
  const fileHintId = useId()
  const problemsId = useId()
  const [file, setFile] = useState<LoadedFile | null>(null)
  const [fileProblem, setFileProblem] = useState<FileProblem | null>(null)
  const [mapping, setMapping] = useState<Mapping>({ text: '', colour: null })
  const [rawChoice, setChoice] = useState<TargetChoice>({ kind: 'none', clusterId: '', name: '' })
  const [run, setRun] = useState<RunState>({ status: 'idle' })
  // A new key empties the file field after an import, so the same file is not imported twice by accident.
  const [fileKey, setFileKey] = useState(0)
  const status = useRef<HTMLParagraphElement>(null)
  const choice = { ...rawChoice, clusterId: rawChoice.clusterId || clusters[0]?.id || '' }
  const check = file && checkImport(file.table, mapping, targetOf(choice), new Set(clusters.map((c) => c.id)))
  const busy = run.status === 'busy'

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0]
    setFile(null)
    setRun({ status: 'idle' })
    if (!chosen) return
    if (chosen.size > MAX_CSV_BYTES) {
      setFileProblem('too-large')
      return
    }
    const result = readCsv(decodeCsv(new Uint8Array(await chosen.arrayBuffer())))
    if ('problem' in result) {
      setFileProblem(result.problem)
      return
    }
    setFileProblem(null)
    setFile({ name: chosen.name, table: result.table })
    setMapping(guessMapping(result.table.columns))
  }

  const startImport = async () => {
    if (!check?.ready || busy) return
    setRun({ status: 'busy', step: 'snapshot' })
    try {
      await importCsvNotes(session, check.notes, targetOf(choice), (step) => setRun({ status: 'busy', step }))
      setRun({ status: 'done', count: check.notes.length })
      setFile(null)
      setFileKey((key) => key + 1)
      // The import button is gone with the file; the outcome takes focus instead.
      status.current?.focus()
    } catch (error) {
      const failure =
        error instanceof ImportTooLarge
          ? { text: t('exchange.csv.tooMuch', { size: formatBytes(error.bytes, i18n.resolvedLanguage) }), detail: null }
          : error instanceof BoardError
            ? { text: t(`errors.${error.code}`), detail: null }
            : describeFailure(t, error)
      setRun({ status: 'failed', failure })
    }
  }

  return (
    <Dialog heading={t('exchange.csv.heading')} className="dialog--exchange dialog--wide" onClose={onClose}>
      {(close) => (
        <>
          <p>{t('exchange.csv.intro')}</p>
          <div className="file-field">
            <label htmlFor={fileId}>{t('exchange.csv.fileLabel')}</label>
            <input
              key={fileKey}
              id={fileId}
              type="file"
              accept=".csv,text/csv,text/plain"
              aria-describedby={fileHintId}
              aria-invalid={fileProblem !== null}
              disabled={busy}
              onChange={(event) => void onFile(event)}
            />
            <p id={fileHintId} className="muted">
              {t('exchange.csv.fileHint')}
            </p>
            <p className="form-error" role="alert">
              {fileProblem &&
                t(`exchange.csv.file.${fileProblem}`, {
                  max:
                    fileProblem === 'too-large'
                      ? formatBytes(MAX_CSV_BYTES, i18n.resolvedLanguage)
                      : new Intl.NumberFormat(i18n.resolvedLanguage).format(MAX_IMPORT_ROWS),
                })}
            </p>
          </div>
          {file && check && (
            <>
              <CsvPreview table={file.table} fileName={file.name} />
              <CsvMappingFields columns={file.table.columns} mapping={mapping} onChange={setMapping} />
              <CsvTargetFields clusters={clusters} choice={choice} problem={check.targetProblem} onChange={setChoice} />
              <CsvProblems id={problemsId} problems={check.problems} />
            </>
          )}
          <p ref={status} className="exchange-status" role="status" tabIndex={-1}>
            {run.status === 'busy' && t(`exchange.csv.step.${run.step}`)}
            {run.status === 'done' && t('exchange.csv.done', { count: run.count })}
          </p>
          {busy && <TransferProgress label={t('exchange.csv.progress')} progress={null} />}
          <FailureMessage failure={run.status === 'failed' ? run.failure : null} />
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
              {t('exchange.close')}
            </button>
            {file && check && (
              <button
                type="button"
                className="button button--primary"
                aria-disabled={!check.ready || busy}
                aria-describedby={check.problems.length > 0 ? problemsId : undefined}
                onClick={() => void startImport()}
              >
                {t('exchange.csv.submit', { count: check.notes.length })}
              </button>
            )}
          </div>
        </>
      )}
    </Dialog>
  )
}
