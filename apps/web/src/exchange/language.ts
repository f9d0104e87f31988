import type { ExchangeLanguage } from '../api/exchange'

/** The language exports and templates are written in: the UI's, which is Swedish unless it is English. */
export function exchangeLanguage(resolved: string | undefined): ExchangeLanguage {
  return resolved === 'en' ? 'en' : 'sv'
}
