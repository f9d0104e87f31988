/** Makes translation keys type-checked: a key missing from the Swedish resources is a compile error. */
import 'i18next'
import type { resources } from './resources'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof resources.sv }
  }
}
