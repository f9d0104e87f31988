/** The words exports are written in, in Swedish and English (the relay has no other UI text). */
import type { CsvHeaders, MarkdownLabels, NoteColour } from '@samla/board'

export type ExportLanguage = 'sv' | 'en'

const COLOURS: Record<ExportLanguage, Record<NoteColour, string>> = {
  sv: { yellow: 'gul', orange: 'orange', pink: 'rosa', purple: 'lila', blue: 'blå', green: 'grön', grey: 'grå' },
  en: {
    yellow: 'yellow',
    orange: 'orange',
    pink: 'pink',
    purple: 'purple',
    blue: 'blue',
    green: 'green',
    grey: 'grey',
  },
}

const HEADERS: Record<ExportLanguage, CsvHeaders> = {
  sv: { cluster: 'Grupp', text: 'Text', colour: 'Färg', votes: 'Prickar', author: 'Skribent', created: 'Skapad' },
  en: { cluster: 'Cluster', text: 'Text', colour: 'Colour', votes: 'Dots', author: 'Author', created: 'Created' },
}

export function exportLabels(language: ExportLanguage) {
  const markdown: MarkdownLabels =
    language === 'sv'
      ? {
          unclustered: 'Utan grupp',
          votes: (n) => (n === 1 ? '1 prick' : `${n} prickar`),
          author: (name) => `av ${name}`,
        }
      : {
          unclustered: 'Not clustered',
          votes: (n) => (n === 1 ? '1 dot' : `${n} dots`),
          author: (name) => `by ${name}`,
        }
  return { headers: HEADERS[language], markdown, colourName: (colour: NoteColour) => COLOURS[language][colour] }
}
