/**
 * The language for a board's many small parts (each note, its votes and its badges): one
 * subscription to i18next for the whole board. react-i18next's hook subscribes every component
 * that calls it to the language's events, which on a board of notes is hundreds of subscriptions
 * made and dropped as notes scroll into and out of view.
 */
import type { TFunction } from 'i18next'
import { createContext, type ReactNode, useContext, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { type NoteStrings, noteStrings } from './noteStrings'

export interface BoardLanguage {
  readonly t: TFunction
  /** What every note says alike, translated once per language. */
  readonly strings: NoteStrings
}

const BoardLanguageContext = createContext<BoardLanguage | null>(null)

export function BoardLanguageProvider({ children }: { readonly children: ReactNode }) {
  const { t, i18n } = useTranslation()
  const { language } = i18n
  const value = useMemo(() => ({ t, strings: noteStrings(t, language) }), [t, language])
  return <BoardLanguageContext.Provider value={value}>{children}</BoardLanguageContext.Provider>
}

export function useBoardLanguage(): BoardLanguage {
  const language = useContext(BoardLanguageContext)
  if (!language) throw new Error('useBoardLanguage needs a BoardLanguageProvider above it')
  return language
}
