/**
 * What every note says alike (its role, its controls' names, the colour names), translated once per
 * language rather than on each note: a board shows dozens of notes at once, and opening one
 * renders them all together.
 */
import { NOTE_COLOURS, type NoteColour } from '@samla/board'
import type { TFunction } from 'i18next'

export interface NoteStrings {
  readonly roleDescription: string
  readonly roleDescriptionReadOnly: string
  readonly text: string
  readonly colour: string
  readonly delete: string
  readonly resize: string
  readonly resizeHint: string
  readonly colours: Readonly<Record<NoteColour, string>>
}

const byLanguage = new Map<string, NoteStrings>()

/** `t` translates into `language` (react-i18next's useTranslation gives both). */
export function noteStrings(t: TFunction, language: string): NoteStrings {
  let strings = byLanguage.get(language)
  if (!strings) {
    strings = {
      roleDescription: t('note.roleDescription'),
      roleDescriptionReadOnly: t('note.roleDescriptionReadOnly'),
      text: t('note.text'),
      colour: t('note.colour'),
      delete: t('note.delete'),
      resize: t('note.resize'),
      resizeHint: t('note.resizeHint'),
      colours: Object.fromEntries(NOTE_COLOURS.map((name) => [name, t(`colours.${name}`)])) as Record<
        NoteColour,
        string
      >,
    }
    byLanguage.set(language, strings)
  }
  return strings
}
