/** Tests for what "merge again" tells the facilitator it did, in both languages. */
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { resources } from '../i18n/resources'
import { mergeAgainReportText } from './mergeAgainReport'

async function words(lng: 'sv' | 'en') {
  const i18n = i18next.createInstance()
  await i18n.init({
    lng,
    resources: { sv: { translation: resources.sv }, en: { translation: resources.en } },
    interpolation: { escapeValue: false },
  })
  return i18n.t
}

describe('merge again report', () => {
  it('[WJ10] (unit) says in plain words how many notes are new, updated and kept as edited here, not brought back as deleted here, or that nothing was new', async () => {
    const sv = await words('sv')
    const en = await words('en')
    const report = { added: 12, updated: 3, skippedEdited: 0, skippedDeleted: 0 }
    expect(mergeAgainReportText(sv, report)).toBe('Klart: 12 nya lappar, 3 uppdaterade.')
    expect(mergeAgainReportText(en, report)).toBe('Done: 12 new notes, 3 updated.')
    expect(mergeAgainReportText(sv, { added: 1, updated: 0, skippedEdited: 2, skippedDeleted: 0 })).toBe(
      'Klart: 1 ny lapp, 0 uppdaterade, 2 lappar som ändrats här lämnades som de var.',
    )
    expect(mergeAgainReportText(sv, { added: 0, updated: 0, skippedEdited: 0, skippedDeleted: 0 })).toBe(
      'Inget nytt: tavlan har redan allt från källtavlorna.',
    )
    expect(mergeAgainReportText(en, { added: 0, updated: 0, skippedEdited: 1, skippedDeleted: 0 })).toBe(
      'Nothing new from the sources. 1 note edited here was left as it was.',
    )
    expect(mergeAgainReportText(sv, { added: 2, updated: 0, skippedEdited: 0, skippedDeleted: 3 })).toBe(
      'Klart: 2 nya lappar, 0 uppdaterade, 3 lappar som tagits bort här kom inte tillbaka.',
    )
    expect(mergeAgainReportText(en, { added: 0, updated: 0, skippedEdited: 1, skippedDeleted: 1 })).toBe(
      'Nothing new from the sources. 1 note edited here was left as it was, 1 note deleted here was not brought back.',
    )
  })
})
