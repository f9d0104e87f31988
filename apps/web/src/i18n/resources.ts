/**
 * All translations, per language: the core texts plus one file pair per feature area, so that
 * features can be worked on side by side. Each feature's texts sit under its own key
 * (e.g. `facilitation.timer.start`).
 */
import a11yEn from './a11y.en.json'
import a11ySv from './a11y.sv.json'
import editingEn from './editing.en.json'
import editingSv from './editing.sv.json'
import en from './en.json'
import exchangeEn from './exchange.en.json'
import exchangeSv from './exchange.sv.json'
import facilitationEn from './facilitation.en.json'
import facilitationSv from './facilitation.sv.json'
import mergeEn from './merge.en.json'
import mergeSv from './merge.sv.json'
import presentationEn from './presentation.en.json'
import presentationSv from './presentation.sv.json'
import regionsEn from './regions.en.json'
import regionsSv from './regions.sv.json'
import stacksEn from './stacks.en.json'
import stacksSv from './stacks.sv.json'
import sv from './sv.json'

export const resources = {
  sv: {
    ...sv,
    ...a11ySv,
    facilitation: facilitationSv,
    editing: editingSv,
    exchange: exchangeSv,
    presentation: presentationSv,
    regions: regionsSv,
    merge: mergeSv,
    stacks: stacksSv,
  },
  en: {
    ...en,
    ...a11yEn,
    facilitation: facilitationEn,
    editing: editingEn,
    exchange: exchangeEn,
    presentation: presentationEn,
    regions: regionsEn,
    merge: mergeEn,
    stacks: stacksEn,
  },
}
