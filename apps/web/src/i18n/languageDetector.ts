/**
 * Which language a visit starts in: the one kept on this device (chosen with the language switch, or
 * the one the first visit started in, which i18next keeps), else the browser's preferred languages.
 * Made for i18next's detector interface instead of taking the stock browser detector, which reads
 * document.cookie when it is imported (to learn whether cookies work) even when told not to use them:
 * on a page's first load that is a synchronous round trip to the browser of tens of milliseconds, and
 * Samla neither sets nor reads cookies.
 */
import type { LanguageDetectorModule } from 'i18next'
import { readStored, writeStored } from '../lib/storage'

/** Where the language is kept on this device. */
export const LANGUAGE_KEY = 'samla.language'

export const languageDetector: LanguageDetectorModule = {
  type: 'languageDetector',
  detect() {
    const chosen = readStored(LANGUAGE_KEY)
    // "sv-FI" and "en-GB" should land on the language we have, not on the fallback.
    const preferred = navigator.languages.map((tag) => tag.split('-')[0] ?? tag)
    return chosen ? [chosen, ...preferred] : preferred
  },
  cacheUserLanguage(lng) {
    writeStored(LANGUAGE_KEY, lng)
  },
}
