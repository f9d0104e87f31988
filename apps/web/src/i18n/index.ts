/**
 * i18next setup. Swedish comes first and is the fallback; the browser's language picks the default,
 * a choice made with the language switch is remembered, and <html lang> always follows.
 */
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { languageDetector } from './languageDetector'
import { resources } from './resources'

export const LANGUAGES = ['sv', 'en'] as const

function isLanguage(value: unknown): value is (typeof LANGUAGES)[number] {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = isLanguage(lng) ? lng : 'sv'
})

void i18n
  .use(languageDetector)
  .use(initReactI18next)
  .init({
    resources: { sv: { translation: resources.sv }, en: { translation: resources.en } },
    supportedLngs: [...LANGUAGES],
    fallbackLng: 'sv',
    // Resources are bundled, so initialising synchronously lets the first render be translated.
    initAsync: false,
    interpolation: { escapeValue: false },
  })

export default i18n
