/**
 * A merge the relay refused, in plain words: a refused source is named by its title when this device
 * knows it, else by its line or place in the list; other refusals (a creation key, a full server) are
 * told as any creation's are.
 */
import { useTranslation } from 'react-i18next'
import { type MergeSource, refusedSource, type SourceLabel } from '../access/mergeSources'
import { RelayError } from '../api/transfer'
import { describeFailure } from '../exchange/failure'

const SOURCE_REFUSALS = {
  'merge-source-not-found': 'merge.errors.sourceNotFound',
  'merge-source-refused': 'merge.errors.sourceRefused',
} as const

export interface MergeRefusal {
  readonly text: string
  /** The relay's error code, for the creation key's field; null when the relay was not reached. */
  readonly code: string | null
  /** The source the refusal is about, if it names one. */
  readonly source: MergeSource | null
}

export function useMergeError(): (error: unknown, sources: readonly MergeSource[]) => MergeRefusal {
  const { t } = useTranslation()
  const name = (label: SourceLabel) =>
    label.kind === 'title'
      ? t('merge.source.title', { title: label.title })
      : label.kind === 'line'
        ? t('merge.source.line', { line: label.line })
        : t('merge.source.place', { place: label.place })

  return (error, sources) => {
    if (!(error instanceof RelayError) || error.status === 0)
      return { text: t('merge.errors.failed'), code: null, source: null }
    const { code, message } = error
    const source = refusedSource(message, sources)
    if (source && (code === 'merge-source-not-found' || code === 'merge-source-refused')) {
      return { text: t(SOURCE_REFUSALS[code], { source: name(source.label) }), code, source }
    }
    if (code === 'import-too-large') return { text: t('merge.errors.tooLarge'), code, source: null }
    if (code === 'invalid-merge') return { text: t('merge.errors.invalid'), code, source }
    return { text: describeFailure(t, error).text, code, source: null }
  }
}
