/**
 * What went wrong, in plain words in the UI language. The relay's own message (English, precise)
 * is offered beside it only when it is about the content sent, since that is what the person can fix.
 */
import type { TFunction } from 'i18next'
import { RelayError } from '../api/transfer'

export interface Failure {
  readonly text: string
  /** The relay's message, for a file or request it refused. */
  readonly detail: string | null
}

/** Refusals that say all there is to say by their code, whatever the status. */
const PLAIN_REFUSALS = {
  'creation-key-required': 'exchange.errors.creationKeyRequired',
  'creation-key-invalid': 'exchange.errors.creationKeyInvalid',
  'storage-quota-reached': 'exchange.errors.storageFull',
  'imports-busy': 'exchange.errors.importsBusy',
  'import-too-large': 'exchange.errors.importTooLarge',
} as const

export function describeFailure(t: TFunction, error: unknown): Failure {
  if (!(error instanceof RelayError)) return { text: t('exchange.errors.unexpected'), detail: null }
  const { status, code, message } = error
  if (code === 'unreachable') return { text: t('exchange.errors.unreachable'), detail: null }
  if (Object.hasOwn(PLAIN_REFUSALS, code))
    return { text: t(PLAIN_REFUSALS[code as keyof typeof PLAIN_REFUSALS]), detail: null }
  if (status === 401 || status === 403) return { text: t('exchange.errors.notAllowed'), detail: null }
  if (status === 404 && code === 'snapshot-not-found') return { text: t('exchange.errors.snapshotGone'), detail: null }
  if (status === 404) return { text: t('exchange.errors.boardGone'), detail: null }
  if (status === 413) return { text: t('exchange.errors.tooLarge'), detail: null }
  if (status === 429) return { text: t('exchange.errors.rateLimited'), detail: null }
  if (status >= 500) return { text: t('exchange.errors.server'), detail: null }
  if (status >= 400) return { text: t('exchange.errors.refused'), detail: message }
  return { text: t('exchange.errors.unexpected'), detail: null }
}
