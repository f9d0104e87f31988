/** Which column holds each note's text (required) and which its colour (optional). */
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Mapping } from './csvCheck'

interface CsvMappingFieldsProps {
  readonly columns: readonly string[]
  readonly mapping: Mapping
  readonly onChange: (mapping: Mapping) => void
}

export function CsvMappingFields({ columns, mapping, onChange }: CsvMappingFieldsProps) {
  const { t } = useTranslation()
  const textId = useId()
  const colourId = useId()
  const colourHintId = useId()
  // Duplicate column names cannot be told apart by the parser either, so each is offered once.
  const choices = [...new Set(columns)]
  return (
    <fieldset className="csv-fields">
      <legend>{t('exchange.csv.mappingLegend')}</legend>
      <label htmlFor={textId}>{t('exchange.csv.textColumn')}</label>
      <select
        id={textId}
        value={mapping.text}
        onChange={(event) => onChange({ ...mapping, text: event.currentTarget.value })}
      >
        {choices.map((column) => (
          <option key={column} value={column}>
            {column || t('exchange.csv.unnamedColumn')}
          </option>
        ))}
      </select>
      <label htmlFor={colourId}>{t('exchange.csv.colourColumn')}</label>
      <select
        id={colourId}
        aria-describedby={colourHintId}
        value={mapping.colour ?? ''}
        onChange={(event) => onChange({ ...mapping, colour: event.currentTarget.value || null })}
      >
        <option value="">{t('exchange.csv.noColourColumn')}</option>
        {choices
          .filter((column) => column !== '')
          .map((column) => (
            <option key={column} value={column}>
              {column}
            </option>
          ))}
      </select>
      <p id={colourHintId} className="muted">
        {t('exchange.csv.colourHint')}
      </p>
    </fieldset>
  )
}
